import type { StateCreator } from 'zustand';
import type { BoundarySummary, CountyDetails } from '../core/geo/boundary-summary.ts';
import { errorText, type Text } from '../core/text/text.ts';
import { isStaticTile, STATIC_TILE_MAX_ZOOM } from '../workers/tile-grid.ts';
import type { AppPorts } from './ports.ts';

export type BoundaryStatus = { kind: 'loading' } | { kind: 'ready'; summary: BoundarySummary } | { kind: 'failed'; message: Text | string };

/** The county whose card is open, or none. */
export type Selection = { kind: 'none' } | { kind: 'county'; county: CountyDetails };

/**
 * What a click on the map does: the one interaction-mode field every click is routed by. 'browse' picks what is drawn
 * (a fire point, a boiler, a zone) or the county under it; the others belong to a workspace's tool.
 */
export type MapMode =
  | { kind: 'browse' }
  | { kind: 'eia-pick' }
  | { kind: 'eia-draw' }
  | { kind: 'boiler-place' }
  | { kind: 'zone-draw'; shape: 'polygon' | 'rectangle' }
  | { kind: 'zone-edit'; id: string };

export const BROWSE: MapMode = { kind: 'browse' };

/** Where the map should move: a point (zoomed in to at least `zoom`) or a box; `at` makes a repeated request move again. */
export type MapFocus = ({ kind: 'point'; lon: number; lat: number; zoom: number } | { kind: 'bounds'; west: number; south: number; east: number; north: number; maxZoom: number }) & { at: number };

/** A box of [west, south, east, north], or null when there is nothing to fit. */
export type Bounds = [number, number, number, number];

export interface MapSlice {
  boundaries: BoundaryStatus;
  /** Why the worker could not decode the full boundaries (the map still shows its shipped first views). */
  decodeError: Text | string | null;
  /** The first view is drawn (the map went idle once): the worker may start its heavy work without slowing the map. */
  mapReady: boolean;
  selection: Selection;
  pointer: { lon: number; lat: number } | null;
  mapMode: MapMode;
  mapFocus: MapFocus | null;
  /**
   * Shows the boundaries: the summary (names, label points) and the first views' tiles are shipped files, read at once;
   * the worker meanwhile fetches and decodes the boundaries for lookups, analyses and deeper tiles (once).
   */
  loadBoundaries(): Promise<void>;
  /** The map's first view is drawn: warms the worker up (it decodes the boundaries for lookups and analyses). */
  setMapReady(): void;
  /** Resolves once the first view is drawn (work kept in the browser comes back after it, so the map comes first). */
  whenMapReady(): Promise<void>;
  /** Selects the county at a point, or clears the selection outside Heilongjiang; the latest click wins. */
  selectCountyAt(lon: number, lat: number): Promise<void>;
  clearSelection(): void;
  setPointer(pointer: { lon: number; lat: number } | null): void;
  setMapMode(mode: MapMode): void;
  /** Moves the map to a point, zooming in to at least `zoom`. */
  focusPoint(lon: number, lat: number, zoom?: number): void;
  /** Fits the map to a box (west, south, east, north), zooming in no further than `maxZoom`. */
  focusBounds(bounds: Bounds, maxZoom?: number): void;
  /** PBF bytes of boundary tile z/x/y, from the worker's one tiling (maplibre's tile protocol asks). */
  loadTile(z: number, x: number, y: number): Promise<ArrayBuffer>;
  /** County and city outline segments in a box, for snapping. */
  loadBoundaryEdges(west: number, south: number, east: number, north: number): Promise<Float64Array>;
}

/**
 * The worker's port, gated: before its first message the worker is sent the boundaries to decode (once). Nothing
 * starts the decoding before something needs the worker or the first view is drawn, so the map's own workers have the
 * processor to themselves at start-up.
 *
 * @param port - The worker's port.
 * @param boundariesUrl - Where the worker fetches the boundaries.
 */
export function gatedAnalysis(port: AppPorts['analysis'], boundariesUrl: string): { port: AppPorts['analysis']; decode(): Promise<unknown> } {
  let decoding: Promise<unknown> | null = null;
  const decode = () => {
    // A failed decode (the file did not arrive) is tried again by the next call, not remembered for the session.
    decoding ??= port.call('boundaries.load', { url: boundariesUrl }).catch((error: unknown) => {
      decoding = null;
      throw error;
    });
    return decoding;
  };
  return {
    decode,
    port: {
      async call(type, params, options) {
        if (type !== 'boundaries.load') await decode();
        return port.call(type, params, options);
      },
    },
  };
}

export const createMapSlice =
  (ports: AppPorts, decodeBoundaries: () => Promise<unknown>): StateCreator<MapSlice, [], [], MapSlice> =>
  (set, get) => {
    let loading: Promise<void> | null = null;
    let signalReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (signalReady = resolve));
    let selectRequest = 0;
    let focusSerial = 0;
    return {
      boundaries: { kind: 'loading' },
      decodeError: null,
      mapReady: false,
      selection: { kind: 'none' },
      pointer: null,
      mapMode: BROWSE,
      mapFocus: null,
      loadBoundaries: () => {
        loading ??= (async () => {
          try {
            const summary = JSON.parse(await (await ports.fetchData('boundary-summary.json')).text()) as BoundarySummary;
            set({ boundaries: { kind: 'ready', summary } });
          } catch (error) {
            set({ boundaries: { kind: 'failed', message: errorText(error) } });
          }
        })();
        return loading;
      },
      setMapReady: () => {
        if (get().mapReady) return;
        set({ mapReady: true });
        signalReady();
        decodeBoundaries().catch((error: unknown) => set({ decodeError: errorText(error) }));
      },
      whenMapReady: () => ready,
      selectCountyAt: async (lon, lat) => {
        const request = ++selectRequest;
        try {
          const county = await ports.analysis.call('boundaries.countyAt', { lon, lat });
          // An answer means the boundaries are decoded now (a failed decode is tried again by the next call).
          if (request === selectRequest) set({ selection: county ? { kind: 'county', county } : { kind: 'none' }, decodeError: null });
        } catch (error) {
          // The boundaries did not decode: the map says so where it says it for the first view.
          if (request === selectRequest) set({ selection: { kind: 'none' }, decodeError: errorText(error) });
        }
      },
      clearSelection: () => set({ selection: { kind: 'none' } }),
      setPointer: (pointer) => set({ pointer }),
      setMapMode: (mapMode) => set({ mapMode }),
      focusPoint: (lon, lat, zoom = 12) => set({ mapFocus: { kind: 'point', lon, lat, zoom, at: ++focusSerial } }),
      // The first views' tiles are shipped files (the worker's own tiling, written at data build time); deeper ones come from the worker.
      loadTile: async (z, x, y) =>
        z <= STATIC_TILE_MAX_ZOOM ? (isStaticTile(z, x, y) ? (await ports.fetchData(`tiles/${z}/${x}/${y}.pbf`)).arrayBuffer() : new ArrayBuffer(0)) : ports.analysis.call('boundaries.tile', { z, x, y }),
      loadBoundaryEdges: (west, south, east, north) => ports.analysis.call('boundaries.edges', { west, south, east, north, limit: 200_000 }),
      focusBounds: ([west, south, east, north], maxZoom = 14) => set({ mapFocus: { kind: 'bounds', west, south, east, north, maxZoom, at: ++focusSerial } }),
    };
  };
