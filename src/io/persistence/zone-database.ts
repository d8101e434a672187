import type { NoBurnZone } from '../../core/zones/no-burn-zone.ts';

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
export class ZoneConflictError extends Error {
  override readonly name = 'ZoneConflictError';
  /**
   * @param baseRevision - The revision the failed save started from.
   * @param storedRevision - The revision found in the database.
   */
  constructor(
    readonly baseRevision: number,
    readonly storedRevision: number,
  ) {
    super(`another tab saved the zones (revision ${storedRevision}, this tab has ${baseRevision}): reload the zones before editing again`);
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
export function openZoneDatabase(options: { name?: string; factory?: IDBFactory } = {}): Promise<ZoneDatabase> {
  const factory = options.factory ?? globalThis.indexedDB;
  const name = options.name ?? ZONE_DATABASE_NAME;
  return new Promise((resolve, reject) => {
    if (factory === undefined) {
      reject(new Error('this browser has no IndexedDB (private mode may turn it off): the zones stay in memory only; export them before closing the tab'));
      return;
    }
    let settled = false;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, MIGRATIONS.length);
    } catch (error) {
      reject(storageError('open the zone database', error));
      return;
    }
    request.onupgradeneeded = (event) => {
      const db = request.result;
      for (let version = event.oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version]!(db);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        db.close(); // the caller was already told it failed (blocked); do not leak the connection
        return;
      }
      settled = true;
      // Let a newer schema in another tab upgrade instead of blocking it; this handle's later calls then reject.
      db.onversionchange = () => db.close();
      resolve(wrapDatabase(db));
    };
    request.onerror = () => {
      if (settled) return;
      settled = true;
      reject(storageError('open the zone database', request.error));
    };
    request.onblocked = () => {
      if (settled) return;
      settled = true;
      reject(new Error('the zone database is held open by another tab of this map with an older version: close or reload the other tabs, then reload this one'));
    };
  });
}

function wrapDatabase(db: IDBDatabase): ZoneDatabase {
  return {
    async loadZones() {
      const stored = await run<StoredZones | undefined>(db, [CURRENT], 'readonly', 'load the zones', (tx, { on, done }) => {
        on(tx.objectStore(CURRENT).get(CURRENT_KEY), (result) => done(result as StoredZones | undefined));
      });
      return stored ?? null;
    },

    saveZones(zones, baseRevision, savedAt) {
      return run<number>(db, [CURRENT], 'readwrite', 'save the zones', (tx, { on, done, fail }) => {
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
      const summaries = await run<StoredSummary[]>(db, [VERSIONS], 'readonly', 'list the versions', (tx, { on, done }) => {
        on(tx.objectStore(VERSIONS).getAll(), (result) => done(result as StoredSummary[]));
      });
      return summaries.sort(newestFirst).map(toSummary);
    },

    saveVersion(name, zones, createdAt) {
      return run<ZoneVersionSummary>(db, [VERSIONS, VERSION_ZONES], 'readwrite', 'save the version', (tx, { on, done }) => {
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
      return run<{ summary: ZoneVersionSummary; zones: NoBurnZone[] }>(db, [VERSIONS, VERSION_ZONES], 'readonly', 'load the version', (tx, { on, done, fail }) => {
        const summary = tx.objectStore(VERSIONS).get(id);
        on(tx.objectStore(VERSION_ZONES).get(id), (zones) => {
          if (summary.result === undefined || zones === undefined) {
            fail(new Error(`no saved version has the id ${id}: it may have been deleted in another tab; pick one from the version list`));
            return;
          }
          done({ summary: toSummary(summary.result as StoredSummary), zones: zones as NoBurnZone[] });
        });
      });
    },

    deleteVersion(id) {
      return run<void>(db, [VERSIONS, VERSION_ZONES], 'readwrite', 'delete the version', (tx, { on, done }) => {
        tx.objectStore(VERSIONS).delete(id);
        on(tx.objectStore(VERSION_ZONES).delete(id), () => done());
      });
    },

    close() {
      db.close();
    },
  };
}

interface TransactionSteps<T> {
  /** Runs `handler` with the request's result when it succeeds; a throw inside it fails the transaction with that error. */
  on(request: IDBRequest, handler: (result: unknown) => void): void;
  /** The value the promise resolves with once the transaction commits. */
  done(value: T): void;
  /** Aborts the transaction; the promise rejects with `error` as it is (for our own errors, such as a conflict). */
  fail(error: Error): void;
}

/**
 * Runs one transaction and settles when it commits (with the value given to `done`) or aborts. Request errors bubble
 * to the transaction and abort it, so every failure ends in `onabort` and nothing hangs; the most telling error wins:
 * ours (given to `fail`), then one thrown while building requests (e.g. a put that throws), then transaction.error
 * (where browsers report QuotaExceededError), then the first request error.
 */
function run<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, doing: string, body: (tx: IDBTransaction, steps: TransactionSteps<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | undefined;
    let failure: { error: unknown; ours: boolean } | undefined;
    let requestError: unknown;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      reject(storageError(doing, error));
      return;
    }
    const abort = (error: unknown, ours: boolean) => {
      failure ??= { error, ours };
      try {
        tx.abort();
      } catch {
        // Already finished or aborting: onabort (or oncomplete) still fires and settles.
      }
    };
    const steps: TransactionSteps<T> = {
      on(request, handler) {
        request.onsuccess = () => {
          try {
            handler(request.result);
          } catch (error) {
            abort(error, false);
          }
        };
      },
      done(value) {
        result = { value };
      },
      fail(error) {
        abort(error, true);
      },
    };
    tx.onerror = (event) => {
      requestError ??= readSafely(event.target ?? {}, 'error');
    };
    tx.onabort = () => {
      if (failure?.ours) reject(failure.error);
      else reject(storageError(doing, failure?.error ?? tx.error ?? requestError ?? new DOMException('the transaction was aborted', 'AbortError')));
    };
    tx.oncomplete = () => {
      if (result !== undefined) resolve(result.value);
      else reject(storageError(doing, new Error('the transaction committed without a result')));
    };
    try {
      body(tx, steps);
    } catch (error) {
      abort(error, false);
    }
  });
}

function storageError(doing: string, cause: unknown): Error {
  const detail = cause instanceof Error || cause instanceof DOMException ? `${cause.name}: ${cause.message}` : String(cause);
  const advice = isQuotaError(cause)
    ? 'the browser storage is full; the zones stay in memory: free disk space or export the zones, then retry'
    : 'the zones stay in memory: export them if this keeps happening';
  return new Error(`could not ${doing} in IndexedDB (${detail}): ${advice}`, { cause });
}

const newestFirst = (a: StoredSummary, b: StoredSummary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.sequence - a.sequence);
const toSummary = ({ id, name, createdAt, zoneCount }: StoredSummary): ZoneVersionSummary => ({ id, name, createdAt, zoneCount });

/**
 * Asks the browser to keep this site's storage under storage pressure instead of evicting it.
 *
 * @param storage - The StorageManager (default `navigator.storage`).
 * @returns 'granted' when storage is (already or now) persistent, 'denied' when the browser said no or failed,
 *   'unsupported' when there is no StorageManager.persist.
 * @example
 * if ((await requestPersistentStorage()) !== 'granted') showHint('浏览器可能在空间不足时清除数据，请定期导出');
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<'granted' | 'denied' | 'unsupported'> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether a storage failure means the disk or the origin's quota is full. Looks at the error's name (and the legacy
 * code 22), at `.error` of an IDBRequest or IDBTransaction (or of an event's target), and along `cause` chains, so
 * it recognises the errors {@link openZoneDatabase} rejects with.
 *
 * @param error - Anything caught.
 * @returns True for QuotaExceededError (Chromium, Safari, Firefox now) and NS_ERROR_DOM_QUOTA_REACHED (older Firefox).
 * @example
 * isQuotaError(new DOMException('full', 'QuotaExceededError')); // true
 * isQuotaError(new Error('x', { cause: transaction.error })); // true when the transaction failed on quota
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let queue: unknown[] = [error];
  while (queue.length > 0) {
    const next: unknown[] = [];
    for (const item of queue) {
      if (item === null || typeof item !== 'object' || seen.has(item)) continue;
      seen.add(item);
      const candidate = item as { name?: unknown; code?: unknown; message?: unknown; error?: unknown; cause?: unknown; target?: unknown };
      if (typeof candidate.name === 'string' && QUOTA_NAMES.has(candidate.name)) return true;
      if (candidate.code === 22 && item instanceof DOMException) return true;
      if (typeof candidate.message === 'string' && candidate.message.includes('NS_ERROR_DOM_QUOTA_REACHED')) return true;
      next.push(readSafely(candidate, 'error'), candidate.cause, readSafely(candidate, 'target'));
    }
    queue = next;
  }
  return false;
}

// IDBRequest.error throws InvalidStateError while the request is pending.
function readSafely(item: object, key: 'error' | 'target'): unknown {
  try {
    return (item as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
