import type { Text } from '../core/text/text.ts';
import { createAutosaver, type Autosaver, type SaveStatus } from '../io/persistence/autosaver.ts';
import { isQuotaError } from '../io/persistence/indexed-db.ts';
import { approximateBytes, type StoredItemSummary, type WorkspaceDatabase } from '../io/persistence/workspace-database.ts';

/** What a slice says about an item it wants kept. */
export interface KeptItem {
  key: string;
  kind: string;
  /** A file name as the user named it, or a catalogue text. */
  label: Text | string;
}

/**
 * Keeps each workspace's work in the browser's database: every `keep` is saved within 250 ms (the latest value per key
 * wins), a failed write is retried with backoff while the value stays in memory, and each key's status is reported for
 * the 未保存 banner. The same autosaver as the zone editor's, one per key.
 */
export interface Keeper {
  keep(item: KeptItem, value: unknown): void;
  load<T>(key: string): Promise<T | undefined>;
  /** Forgets an item (the storage view's delete, or a workspace clearing its work). */
  forget(key: string): Promise<void>;
  list(): Promise<StoredItemSummary[]>;
  /** Saves everything waiting now (page hidden or closing). */
  flush(): Promise<void>;
  /** Retries every failed save at once. */
  retryNow(): void;
}

/** Whether a storage error means the connection was closed (by another tab's upgrade), so opening it again may help. */
function closedConnection(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error || cause instanceof DOMException ? cause.name === 'InvalidStateError' : false;
}

/**
 * A keeper over a database that opens on first use; when it cannot open, saves fail (and are retried) like any write.
 *
 * @param open - Opens the workspace database.
 * @param onStatus - Hears each key's save status.
 */
export function createKeeper(open: () => Promise<WorkspaceDatabase>, onStatus: (key: string, label: Text | string, status: SaveStatus) => void): Keeper {
  let opening: Promise<WorkspaceDatabase> | null = null;
  const database = () => {
    opening ??= open();
    opening.catch(() => (opening = null)); // the next attempt opens again
    return opening;
  };
  const savers = new Map<string, Autosaver<{ item: KeptItem; value: unknown }>>();
  const saverOf = (item: KeptItem) => {
    let saver = savers.get(item.key);
    if (!saver) {
      saver = createAutosaver({
        save: async ({ item: kept, value }) => {
          const db = await database();
          try {
            await db.put({ ...kept, bytes: approximateBytes(value) }, value);
          } catch (error) {
            // A newer version of the app in another tab upgraded the database and closed this connection: the retry opens it again.
            if (closedConnection(error)) opening = null;
            throw error;
          }
        },
        onStatus: (status) => onStatus(item.key, item.label, status),
        isQuota: isQuotaError,
        isConflict: () => false,
      });
      savers.set(item.key, saver);
    }
    return saver;
  };
  return {
    keep(item, value) {
      saverOf(item).schedule({ item, value });
    },
    async load<T>(key: string) {
      return (await database()).get<T>(key);
    },
    async forget(key) {
      // A value waiting to be saved is dropped, not flushed: the user asked for it to go. A write already under way was
      // queued before the delete, and IndexedDB runs them in that order.
      savers.get(key)?.dispose();
      savers.delete(key);
      await (await database()).delete(key);
    },
    async list() {
      return (await database()).list();
    },
    async flush() {
      await Promise.all([...savers.values()].map((saver) => saver.flush().catch(() => undefined)));
    },
    retryNow() {
      for (const saver of savers.values()) saver.retryNow();
    },
  };
}
