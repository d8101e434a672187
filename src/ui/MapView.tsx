import { useEffect, useRef } from 'react';
import type { Boundaries } from '../core/boundaries.ts';
import { MapController } from '../map/map-controller.ts';
import { selectCountyDetails } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';

declare global {
  interface Window {
    /** Debug and test handle: the live controller and whether the first render has finished. */
    hljAirMap?: { controller: MapController; ready: boolean };
  }
}

/** Mounts the MapController and forwards state changes to it. */
export function MapView({ boundaries }: { boundaries: Boundaries }) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const layers = useAppStore((s) => s.layers);
  const language = useAppStore((s) => s.language);
  const basemap = useAppStore((s) => s.basemap);
  const selectedAdcode = useAppStore((s) => selectCountyDetails(s)?.adcode ?? null);

  useEffect(() => {
    const { selectAt, setPointer, language: initialLanguage, layers: initialLayers, basemap: initialBasemap } = useAppStore.getState();
    const handle = { controller: null as unknown as MapController, ready: false };
    const instance = new MapController(container.current!, {
      boundaries,
      language: initialLanguage,
      layers: initialLayers,
      basemap: initialBasemap,
      onClick: selectAt,
      onPointer: setPointer,
      onReady: () => {
        handle.ready = true;
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
  }, [boundaries]);

  useEffect(() => controller.current?.setLayers(layers), [layers]);
  useEffect(() => controller.current?.setLanguage(language), [language]);
  useEffect(() => controller.current?.setBasemap(basemap), [basemap]);
  useEffect(() => controller.current?.setSelectedCounty(selectedAdcode), [selectedAdcode]);

  return <div ref={container} className="map" role="application" aria-label="map" />;
}
