import { useEffect, useRef } from 'react';
import { MapController } from '../map/map-controller.ts';
import { DECK_LAYER } from '../map/ids.ts';
import { selectBoilerLayerData } from '../state/boiler-selectors.ts';
import { selectEiaLayerData } from '../state/eia-selectors.ts';
import { selectFireLayerData, selectVisibleFires } from '../state/fire-selectors.ts';
import { useAppStore } from '../state/store.ts';
import { selectZoneLayerData } from '../state/zone-selectors.ts';
import { boundaryClient } from '../workers/boundary-client.ts';

declare global {
  interface Window {
    /** Debug and test handle: the live controller and whether the first render has finished. */
    hljAirMap?: { controller: MapController; ready: boolean; readyAt?: number };
  }
}

/** Mounts the MapController and forwards state changes to it. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const basemap = useAppStore((s) => s.basemap);
  const selectedAdcode = useAppStore((s) => (s.selection.kind === 'county' ? s.selection.county.adcode : null));
  const status = useAppStore((s) => s.boundaries);
  // Nothing is built for a hidden fire layer: a million points cost a 1 M-long loop and an upload.
  const fireLayerData = useAppStore((s) =>
    s.layers.find((layer) => layer.key === 'fires')?.visible ? selectFireLayerData(s.fireData, selectVisibleFires(s.fireData, s.fireFilter), s.fireStyle) : null,
  );

  const eiaLayerData = useAppStore(selectEiaLayerData);
  const eiaMode = useAppStore((s) => s.eiaMode);
  const boilerLayerData = useAppStore(selectBoilerLayerData);
  const boilerMode = useAppStore((s) => s.boilerMode);
  const zoneLayerData = useAppStore(selectZoneLayerData);
  const zoneMode = useAppStore((s) => s.zoneMode);
  const zones = useAppStore((s) => s.zoneHistory.present);
  const zoneSnapping = useAppStore((s) => s.zoneSnapping);
  const zoneFocus = useAppStore((s) => s.zoneFocus);

  useEffect(() => {
    const { selectAt, setPointer, language: initialLanguage, layers: initialLayers, basemap: initialBasemap } = useAppStore.getState();
    const handle: NonNullable<Window['hljAirMap']> = { controller: null as unknown as MapController, ready: false };
    const instance = new MapController(container.current!, {
      language: initialLanguage,
      layers: initialLayers,
      basemap: initialBasemap,
      loadTile: (z, x, y) => boundaryClient().call('tile', { z, x, y }),
      // While the EIA form picks or draws a site, or the new-build check places a boiler, clicks belong to it, not to county selection.
      onClick: (lon, lat) => {
        const state = useAppStore.getState();
        if (state.zoneMode.kind !== 'none') return; // terra-draw has the click
        if (state.eiaMode !== 'none') void state.eiaMapClick(lon, lat);
        else if (state.boilerMode === 'pick') void state.boilerMapClick(lon, lat);
        else void selectAt(lon, lat);
      },
      onPick: (layerId, index) => {
        const state = useAppStore.getState();
        if (layerId === DECK_LAYER.boilerPoints) {
          const record = selectBoilerLayerData(state)?.recordOfPoint[index];
          if (record !== undefined) state.selectBoiler(record);
          return;
        }
        if (layerId === DECK_LAYER.zoneFill) {
          const id = selectZoneLayerData(state)?.ids[index];
          if (id !== undefined) state.selectZone(id);
          return;
        }
        if (layerId !== DECK_LAYER.firePoints) return;
        const point = selectVisibleFires(state.fireData, state.fireFilter)[index];
        if (point !== undefined) void state.selectFire(point);
      },
      onPointer: setPointer,
      onZoneDrawn: (geometry) => useAppStore.getState().addDrawnZone(geometry),
      onZoneEdited: (id, geometry) => useAppStore.getState().updateZoneGeometry(id, geometry),
      loadBoundaryEdges: (west, south, east, north) => boundaryClient().call('boundaryEdges', { west, south, east, north, limit: 200_000 }),
      onReady: () => {
        handle.ready = true;
        handle.readyAt = performance.now();
      },
    });
    handle.controller = instance;
    controller.current = instance;
    window.hljAirMap = handle;
    return () => {
      instance.destroy();
      controller.current = null;
      delete window.hljAirMap;
    };
  }, []);

  useEffect(() => {
    if (status.kind === 'ready') controller.current?.setSummary(status.summary);
  }, [status]);

  useEffect(() => controller.current?.setLayers(layers), [layers]);
  useEffect(() => controller.current?.setLayerData({ fires: fireLayerData }), [fireLayerData]);
  useEffect(() => controller.current?.setLayerData({ eia: eiaLayerData }), [eiaLayerData]);
  useEffect(() => controller.current?.setLayerData({ boilers: boilerLayerData }), [boilerLayerData]);
  useEffect(() => controller.current?.setLayerData({ zones: zoneLayerData }), [zoneLayerData]);
  useEffect(
    () => controller.current?.setSiteMode(eiaMode !== 'none' ? eiaMode : boilerMode !== 'none' ? boilerMode : zoneMode.kind !== 'none' ? 'draw' : 'none'),
    [eiaMode, boilerMode, zoneMode],
  );

  // terra-draw (its own chunk) loads the first time a zone is drawn or edited, then follows the mode.
  useEffect(() => {
    controller.current?.setZoneMode(zoneMode, useAppStore.getState().zoneHistory.present).catch((error: unknown) => {
      useAppStore.getState().setZoneMode({ kind: 'none' });
      useAppStore.setState({ zoneMessage: { kind: 'error', text: error instanceof Error ? error.message : String(error) } });
    });
  }, [zoneMode]);
  useEffect(() => controller.current?.setZones(zones), [zones]);
  useEffect(() => controller.current?.setZoneSnapping(zoneSnapping), [zoneSnapping]);
  useEffect(() => {
    if (zoneFocus) controller.current?.flyTo(zoneFocus.lon, zoneFocus.lat, 14);
  }, [zoneFocus]);
  useEffect(() => controller.current?.setLanguage(language), [language]);
  useEffect(() => controller.current?.setBasemap(basemap), [basemap]);
  useEffect(() => controller.current?.setSelectedCounty(selectedAdcode), [selectedAdcode]);

  return <div ref={container} className="map" role="application" aria-label="map" />;
}
