import { IDBFactory } from 'fake-indexeddb';
import type { NoBurnZone } from '../../src/core/zones/no-burn-zone.ts';
import { openZoneDatabase, type ZoneDatabase } from '../../src/io/persistence/zone-database.ts';
import { squareAround } from './square-around.ts';

/** A drawn Ⅲ zone around [lon, lat] with its own provenance; `changes` overrides any field. */
export const zoneFixture = (id: string, lon: number, lat: number, changes: Partial<NoBurnZone> = {}): NoBurnZone => ({
  id,
  name: `禁燃区${id}`,
  category: 'Ⅲ',
  documentNumber: '哈政规〔2024〕3号',
  effectiveDate: '2024-07-01',
  notes: '',
  geometry: squareAround(lon, lat, 0.01),
  provenance: { origin: 'drawn', source: '', createdAt: '2024-05-01T08:00:00.000Z', updatedAt: '2024-05-01T08:00:00.000Z' },
  ...changes,
});

/** Three zones in 哈尔滨 (南岗, 道里, 香坊), fresh objects on every call. */
export const threeZones = (): NoBurnZone[] => [zoneFixture('a', 126.65, 45.75), zoneFixture('b', 126.6, 45.77), zoneFixture('c', 126.68, 45.71)];

/** A fresh, empty in-memory IndexedDB (fake-indexeddb) and a way to open the zone database in it, as a new page load would. */
export const freshZoneStorage = () => {
  const factory = new IDBFactory();
  const opened: ZoneDatabase[] = [];
  return {
    factory,
    /** Opens a new connection; every one is closed by `closeAll`. */
    open: async (): Promise<ZoneDatabase> => {
      const db = await openZoneDatabase({ factory });
      opened.push(db);
      return db;
    },
    closeAll: () => opened.forEach((db) => db.close()),
  };
};
