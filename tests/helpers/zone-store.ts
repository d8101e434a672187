import type { Polygon } from 'geojson';
import type { AppStore } from '../../src/state/app-store.ts';
import { createTestStore, waitForState } from './app-store.ts';

export { waitForState } from './app-store.ts';

/** The app store, as the zone tests use it. */
export type ZoneStore = AppStore;

/** A store as the app builds it, over the in-thread worker and the IndexedDB the test stubbed in. */
export async function createZoneStore(): Promise<ZoneStore> {
  return createTestStore();
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
