import type { NoBurnZone } from '../../core/zones/no-burn-zone.ts';
import { TextError, text } from '../../core/text/text.ts';
import { openIndexedDb, run } from './indexed-db.ts';

export { isQuotaError, requestPersistentStorage } from './indexed-db.ts';

/** The zones being edited, as last saved. */
export interface StoredZones {
  zones: NoBurnZone[];
  /** Goes up by one on every save; a save must name the revision it started from (see {@link ZoneDatabase.saveZones}). */
  revision: number;
  /** ISO 8601 time of the save. */
  savedAt: string;
}

/** A named version, without its zones (so the list is cheap to show). */
export interface ZoneVersionSummary {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  zoneCount: number;
}

/** Another tab (or another handle) saved a newer revision since this one loaded: reload before saving again. */
export class ZoneConflictError extends TextError {
  override readonly name = 'ZoneConflictError';
  /**
   * @param baseRevision - The revision the failed save started from.
   * @param storedRevision - The revision found in the database.
   */
  constructor(
    readonly baseRevision: number,
    readonly storedRevision: number,
  ) {
    super(text('storageZoneConflict', { stored: storedRevision, base: baseRevision }));
  }
}

/** The no-burn zone store in IndexedDB: the current zones (compare-and-set by revision) and named versions. */
export interface ZoneDatabase {
  /** The current zones, or null when nothing has been saved yet. */
  loadZones(): Promise<StoredZones | null>;
  /** One readwrite transaction: fails with ZoneConflictError if the stored revision is not `baseRevision` (compare-and-set), otherwise writes `zones` with revision baseRevision+1 and returns it. */
  saveZones(zones: readonly NoBurnZone[], baseRevision: number, savedAt: string): Promise<number>;
  /** Every named version, newest first. */
  listVersions(): Promise<ZoneVersionSummary[]>;
  /** Keeps a copy of `zones` under `name`; versions are only removed by {@link deleteVersion}. */
  saveVersion(name: string, zones: readonly NoBurnZone[], createdAt: string): Promise<ZoneVersionSummary>;
  /** A version with its zones; rejects when no version has that id. */
  loadVersion(id: string): Promise<{ summary: ZoneVersionSummary; zones: NoBurnZone[] }>;
  /** Deletes one version; only ever called by an explicit user action. */
  deleteVersion(id: string): Promise<void>;
  /** Closes the connection; later calls reject. */
  close(): void;
}

/** The IndexedDB database name used unless the caller gives one. */
export const ZONE_DATABASE_NAME = 'hlj-air-map-zones';

const CURRENT = 'current';
const VERSIONS = 'versions';
const VERSION_ZONES = 'versionZones';
const CURRENT_KEY = 'zones';

// One step per schema version: step i upgrades a database at version i to version i + 1. Append, never edit.
const MIGRATIONS: readonly ((db: IDBDatabase) => void)[] = [
  (db) => {
    db.createObjectStore(CURRENT); // CURRENT_KEY -> StoredZones
    db.createObjectStore(VERSIONS, { keyPath: 'id' }); // StoredSummary, small, listed without the zones
    db.createObjectStore(VERSION_ZONES); // version id -> NoBurnZone[]
  },
];

interface StoredSummary extends ZoneVersionSummary {
  /** Order of creation, so versions created in the same millisecond still list newest first. */
  sequence: number;
}

/**
 * Opens (creating or upgrading as needed) the zone database.
 *
 * @param options - `name` of the database (default {@link ZONE_DATABASE_NAME}); `factory`, the IndexedDB to use
 *   (default `globalThis.indexedDB`; tests pass fake-indexeddb's).
 * @returns The open database.
 * @example
 * const db = await openZoneDatabase();
 * const stored = await db.loadZones();
 * const revision = await db.saveZones(zones, stored?.revision ?? 0, new Date().toISOString());
 */
export async function openZoneDatabase(options: { name?: string; factory?: IDBFactory } = {}): Promise<ZoneDatabase> {
  return wrapDatabase(await openIndexedDb(options.name ?? ZONE_DATABASE_NAME, MIGRATIONS, text('storageZoneDatabase'), options.factory ?? globalThis.indexedDB));
}

function wrapDatabase(db: IDBDatabase): ZoneDatabase {
  return {
    async loadZones() {
      const stored = await run<StoredZones | undefined>(db, [CURRENT], 'readonly', text('storageDoLoadZones'), (tx, { on, done }) => {
        on(tx.objectStore(CURRENT).get(CURRENT_KEY), (result) => done(result as StoredZones | undefined));
      });
      return stored ?? null;
    },

    saveZones(zones, baseRevision, savedAt) {
      return run<number>(db, [CURRENT], 'readwrite', text('storageDoSaveZones'), (tx, { on, done, fail }) => {
        const store = tx.objectStore(CURRENT);
        on(store.get(CURRENT_KEY), (result) => {
          const storedRevision = (result as StoredZones | undefined)?.revision ?? 0;
          if (storedRevision !== baseRevision) {
            fail(new ZoneConflictError(baseRevision, storedRevision));
            return;
          }
          const record: StoredZones = { zones: [...zones], revision: baseRevision + 1, savedAt };
          on(store.put(record, CURRENT_KEY), () => done(record.revision));
        });
      });
    },

    async listVersions() {
      const summaries = await run<StoredSummary[]>(db, [VERSIONS], 'readonly', text('storageDoListVersions'), (tx, { on, done }) => {
        on(tx.objectStore(VERSIONS).getAll(), (result) => done(result as StoredSummary[]));
      });
      return summaries.sort(newestFirst).map(toSummary);
    },

    saveVersion(name, zones, createdAt) {
      return run<ZoneVersionSummary>(db, [VERSIONS, VERSION_ZONES], 'readwrite', text('storageDoSaveVersion'), (tx, { on, done }) => {
        const summaries = tx.objectStore(VERSIONS);
        on(summaries.getAll(), (result) => {
          const sequence = (result as StoredSummary[]).reduce((max, s) => Math.max(max, s.sequence), 0) + 1;
          const stored: StoredSummary = { id: crypto.randomUUID(), name, createdAt, zoneCount: zones.length, sequence };
          summaries.put(stored);
          on(tx.objectStore(VERSION_ZONES).put([...zones], stored.id), () => done(toSummary(stored)));
        });
      });
    },

    loadVersion(id) {
      return run<{ summary: ZoneVersionSummary; zones: NoBurnZone[] }>(db, [VERSIONS, VERSION_ZONES], 'readonly', text('storageDoLoadVersion'), (tx, { on, done, fail }) => {
        const summary = tx.objectStore(VERSIONS).get(id);
        on(tx.objectStore(VERSION_ZONES).get(id), (zones) => {
          if (summary.result === undefined || zones === undefined) {
            fail(new TextError(text('storageVersionMissing', { id })));
            return;
          }
          done({ summary: toSummary(summary.result as StoredSummary), zones: zones as NoBurnZone[] });
        });
      });
    },

    deleteVersion(id) {
      return run<void>(db, [VERSIONS, VERSION_ZONES], 'readwrite', text('storageDoDeleteVersion'), (tx, { on, done }) => {
        tx.objectStore(VERSIONS).delete(id);
        on(tx.objectStore(VERSION_ZONES).delete(id), () => done());
      });
    },

    close() {
      db.close();
    },
  };
}

const newestFirst = (a: StoredSummary, b: StoredSummary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.sequence - a.sequence);
const toSummary = ({ id, name, createdAt, zoneCount }: StoredSummary): ZoneVersionSummary => ({ id, name, createdAt, zoneCount });

