import { TextError, text, type Text } from '../../core/text/text.ts';

/**
 * The IndexedDB plumbing every store of the app shares: opening with numbered migrations, one promise per transaction
 * that settles on commit or abort (never hangs), errors that say what was being done, and quota detection.
 */

/**
 * Opens (creating or upgrading as needed) an IndexedDB database.
 *
 * @param name - Database name.
 * @param migrations - Step i upgrades a database at version i to version i + 1. Append, never edit.
 * @param what - What the database holds, for messages (`text('storageZoneDatabase')`).
 * @param factory - The IndexedDB to use (default `globalThis.indexedDB`; tests pass fake-indexeddb's).
 * @returns The open connection; it closes itself when a newer schema in another tab asks to upgrade.
 */
export function openIndexedDb(name: string, migrations: readonly ((db: IDBDatabase) => void)[], what: Text, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (factory === undefined) {
      reject(new TextError(text('storageNoIndexedDb', { what })));
      return;
    }
    let settled = false;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, migrations.length);
    } catch (error) {
      reject(storageError(text('storageDoOpen', { what }), error));
      return;
    }
    request.onupgradeneeded = (event) => {
      const db = request.result;
      for (let version = event.oldVersion; version < migrations.length; version++) migrations[version]!(db);
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
      resolve(db);
    };
    request.onerror = () => {
      if (settled) return;
      settled = true;
      reject(storageError(text('storageDoOpen', { what }), request.error));
    };
    request.onblocked = () => {
      if (settled) return;
      settled = true;
      reject(new TextError(text('storageBlocked', { what })));
    };
  });
}

export interface TransactionSteps<T> {
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
export function run<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, doing: Text, body: (tx: IDBTransaction, steps: TransactionSteps<T>) => void): Promise<T> {
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
      else reject(storageError(doing, new TextError(text('storageCommittedWithoutResult'))));
    };
    try {
      body(tx, steps);
    } catch (error) {
      abort(error, false);
    }
  });
}

/**
 * An error naming what was being done, why it failed, and what to do, as a catalogue text (its `message` is the
 * English); the cause is kept for quota detection.
 *
 * @param doing - What was being done (`text('storageDoSaveZones')`).
 * @param cause - The browser's error.
 */
export function storageError(doing: Text, cause: unknown): TextError {
  const detail = cause instanceof Error || cause instanceof DOMException ? `${cause.name}: ${cause.message}` : String(cause);
  const advice = text(isQuotaError(cause) ? 'storageAdviceQuota' : 'storageAdviceKeep');
  const error = new TextError(text('storageFailed', { doing, detail, advice }));
  (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

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
