import { text, type Text } from '../../core/text/text.ts';
import { openIndexedDb, run } from './indexed-db.ts';

/** What the storage view lists of one kept item, without its value (so the list is cheap). */
export interface StoredItemSummary {
  key: string;
  /** Which workspace it belongs to: 'fires', 'patrol', 'boilers', 'eia', … */
  kind: string;
  /** What it is, for the user (a file name, "EIA checks"). */
  /** What the storage view calls it: a file name as the user named it, or a catalogue text. */
  label: Text | string;
  /** ISO 8601 time of the last save. */
  savedAt: string;
  /** Approximate size in bytes. */
  bytes: number;
}

/** The work of every workspace but the zone editor (which has its own database with revisions and versions). */
export interface WorkspaceDatabase {
  /** The value kept under a key, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Keeps a value and its summary in one transaction (structured clone: typed arrays and Blobs are kept as they are). */
  put(summary: Omit<StoredItemSummary, 'savedAt'> & { savedAt?: string }, value: unknown): Promise<void>;
  /** Forgets one item; only ever called by an explicit user action or when the workspace replaces it. */
  delete(key: string): Promise<void>;
  /** Every kept item, newest first. */
  list(): Promise<StoredItemSummary[]>;
  close(): void;
}

/** The IndexedDB database name used unless the caller gives one. */
export const WORKSPACE_DATABASE_NAME = 'hlj-air-map-work';

const VALUES = 'values';
const SUMMARIES = 'summaries';

// One step per schema version: step i upgrades a database at version i to version i + 1. Append, never edit.
const MIGRATIONS: readonly ((db: IDBDatabase) => void)[] = [
  (db) => {
    db.createObjectStore(VALUES); // key -> value
    db.createObjectStore(SUMMARIES, { keyPath: 'key' }); // StoredItemSummary
  },
];

/**
 * Opens (creating or upgrading as needed) the workspace database.
 *
 * @param options - `name` of the database (default {@link WORKSPACE_DATABASE_NAME}); `factory`, the IndexedDB to use.
 * @returns The open database.
 * @example
 * const db = await openWorkspaceDatabase();
 * await db.put({ key: 'fires', kind: 'fires', label: 'fire_nrt.csv', bytes: 1200 }, record);
 */
export async function openWorkspaceDatabase(options: { name?: string; factory?: IDBFactory } = {}): Promise<WorkspaceDatabase> {
  const db = await openIndexedDb(options.name ?? WORKSPACE_DATABASE_NAME, MIGRATIONS, text('storageWorkspaceDatabase'), options.factory ?? globalThis.indexedDB);
  return {
    get<T>(key: string) {
      return run<T | undefined>(db, [VALUES], 'readonly', text('storageDoLoadItem', { item: key }), (tx, { on, done }) => {
        on(tx.objectStore(VALUES).get(key), (result) => done(result as T | undefined));
      });
    },
    put(summary, value) {
      const stored: StoredItemSummary = { ...summary, savedAt: summary.savedAt ?? new Date().toISOString() };
      return run<void>(db, [VALUES, SUMMARIES], 'readwrite', text('storageDoSaveItem', { item: summary.label }), (tx, { on, done }) => {
        tx.objectStore(SUMMARIES).put(stored);
        on(tx.objectStore(VALUES).put(value, summary.key), () => done());
      });
    },
    delete(key) {
      return run<void>(db, [VALUES, SUMMARIES], 'readwrite', text('storageDoDeleteItem', { item: key }), (tx, { on, done }) => {
        tx.objectStore(SUMMARIES).delete(key);
        on(tx.objectStore(VALUES).delete(key), () => done());
      });
    },
    async list() {
      const summaries = await run<StoredItemSummary[]>(db, [SUMMARIES], 'readonly', text('storageDoListItems'), (tx, { on, done }) => {
        on(tx.objectStore(SUMMARIES).getAll(), (result) => done(result as StoredItemSummary[]));
      });
      return summaries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    close() {
      db.close();
    },
  };
}

/**
 * Approximate bytes of a value as kept: typed arrays and Blobs by their size, strings at two bytes a character, other
 * values walked to a bounded depth (the storage view's size column; not an exact accounting).
 *
 * @param value - Anything structured-cloneable.
 * @returns Bytes.
 */
export function approximateBytes(value: unknown): number {
  let total = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (item === null || item === undefined) continue;
    if (typeof item === 'string') total += 2 * item.length;
    else if (typeof item === 'number' || typeof item === 'boolean') total += 8;
    else if (ArrayBuffer.isView(item)) total += item.byteLength;
    else if (item instanceof ArrayBuffer) total += item.byteLength;
    else if (typeof Blob !== 'undefined' && item instanceof Blob) total += item.size;
    else if (typeof item === 'object' && depth < 12) for (const inner of Object.values(item)) stack.push({ value: inner, depth: depth + 1 });
  }
  return total;
}
