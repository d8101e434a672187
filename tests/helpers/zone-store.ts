import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoilersSlice } from '../../src/state/boilers-slice.ts';
import type { ZonesSlice } from '../../src/state/zones-slice.ts';
import type { BoundaryWorkerApi } from '../../src/workers/boundary-messages.ts';
import { createBoundaryHandlers } from '../../src/workers/boundary-handlers.ts';

// This module must not import the zones slice statically: the test's vi.mock factory for boundary-client.ts imports
// it, and the slice imports boundary-client.ts, so a static import would be a cycle through the mock.

/** The shipped boundaries, read from disk the way the worker would fetch them. */
export const BOUNDARIES_FILE = 'public/data/boundaries.topo.json';

/** The store the app builds, zones and boilers slices only (store.ts adds localStorage persistence, so it is not used). */
export type ZoneStore = StoreApi<ZonesSlice & BoilersSlice>;

/**
 * A stand-in for the boundary worker's transport: the real handlers, answering in this thread. Params and results are
 * structured-cloned as postMessage would, so the slice cannot rely on sharing objects with the worker.
 */
function createBoundaryClientStandIn() {
  const handlers = createBoundaryHandlers(async (url) => readFileSync(url, 'utf8'));
  const loaded = handlers.load({ url: BOUNDARIES_FILE }); // the worker is always sent 'load' first
  return {
    async call<K extends keyof BoundaryWorkerApi>(type: K, params: BoundaryWorkerApi[K]['params']): Promise<BoundaryWorkerApi[K]['result']> {
      await loaded;
      const handler = handlers[type] as (params: BoundaryWorkerApi[K]['params']) => Promise<BoundaryWorkerApi[K]['result']>;
      return structuredClone(await handler(structuredClone(params)));
    },
  };
}

let standIn: ReturnType<typeof createBoundaryClientStandIn> | null = null;

/**
 * The one boundary client of the test file, as `boundaryClient()` is the app's one worker: the boundaries are decoded
 * once. The test mocks src/workers/boundary-client.ts with it and warms it up through this function, never through an
 * import of boundary-client.ts itself (vitest would run the mock factory during that import, and modules the factory
 * loads first then see the real boundary-client.ts).
 */
export function boundaryClientStandIn(): ReturnType<typeof createBoundaryClientStandIn> {
  standIn ??= createBoundaryClientStandIn();
  return standIn;
}

/** A store composed as src/state/store.ts composes the zones and boilers slices, without persistence. */
export async function createZoneStore(): Promise<ZoneStore> {
  const [{ createZonesSlice }, { createBoilersSlice }] = await Promise.all([import('../../src/state/zones-slice.ts'), import('../../src/state/boilers-slice.ts')]);
  return createStore<ZonesSlice & BoilersSlice>()((set, get, api) => ({
    ...createBoilersSlice(set, get, api),
    ...createZonesSlice(set, get, api),
  }));
}

/** A store that has opened the zones (tab guard, database, first load), as the zone workspace does on mount. */
export async function openedZoneStore(): Promise<ZoneStore> {
  const store = await createZoneStore();
  await store.getState().openZones();
  return store;
}

/** The zones shown. */
export const zonesOf = (store: ZoneStore) => store.getState().zoneHistory.present;

/** Waits (real timers) until the store's save status is `saved`, the autosave delay and the IndexedDB write included. */
export async function waitUntilSaved(store: ZoneStore): Promise<void> {
  await waitForState(store, (s) => s.zoneSave.kind === 'saved', 'zoneSave.kind === saved');
}

/** Resolves once `test` holds for the store's state; rejects after `timeoutMs`, naming what was waited for and the save status. */
export function waitForState(store: ZoneStore, test: (state: ZonesSlice & BoilersSlice) => boolean, what: string, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; zoneSave is ${JSON.stringify(store.getState().zoneSave)}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** A square in 南岗区, 哈尔滨市 (the corner of the boundary handler test). */
export const nangangSquare = (): Polygon => ({
  type: 'Polygon',
  coordinates: [[[126.64, 45.74], [126.65, 45.74], [126.65, 45.75], [126.64, 45.75], [126.64, 45.74]]],
});

/** Another square in 哈尔滨市, clear of the first. */
export const secondSquare = (): Polygon => ({
  type: 'Polygon',
  coordinates: [[[126.6, 45.77], [126.61, 45.77], [126.61, 45.78], [126.6, 45.78], [126.6, 45.77]]],
});

/** A bow-tie (a ring crossing itself once) east of Harbin: validation reports self_intersection; repair splits it in two. */
export const bowTie = (): Polygon => ({
  type: 'Polygon',
  coordinates: [[[127.3, 45.5], [127.32, 45.52], [127.32, 45.5], [127.3, 45.52], [127.3, 45.5]]],
});
