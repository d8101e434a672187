import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { MapController } from '../map/map-controller.ts';
import { appStore } from '../state/store.ts';
import { useT } from './i18n.ts';
import { MapOverlays, type MapPadding } from './map-overlays.tsx';

declare global {
  interface Window {
    /** Debug and test handle: the live controller and whether the first render has finished. */
    hljAirMap?: { controller: MapController; ready: boolean; readyAt?: number };
  }
}

/** Mounts the map adapter (which follows the store by itself) and the overlays that lie over the map. */
export function MapView({ children }: { children?: ReactNode }) {
  const t = useT();
  const area = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const padding = useRef<MapPadding | null>(null);

  useEffect(() => {
    const handle: NonNullable<Window['hljAirMap']> = { controller: null as unknown as MapController, ready: false };
    const instance = new MapController(container.current!, appStore, () => {
      handle.ready = true;
      handle.readyAt = performance.now();
    });
    if (padding.current) instance.setPadding(padding.current);
    handle.controller = instance;
    controller.current = instance;
    window.hljAirMap = handle;
    return () => {
      instance.destroy();
      controller.current = null;
      delete window.hljAirMap;
    };
  }, []);

  const onPadding = useCallback((next: MapPadding) => {
    padding.current = next;
    controller.current?.setPadding(next);
  }, []);

  return (
    <div ref={area} className="map-area">
      <div ref={container} className="map" role="application" aria-label={t('mapLabel')} data-testid="map" />
      <MapOverlays area={area} onPadding={onPadding}>
        {children}
      </MapOverlays>
    </div>
  );
}
