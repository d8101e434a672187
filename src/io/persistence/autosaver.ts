import { errorText, type Text } from '../../core/text/text.ts';
import { isQuotaError } from './indexed-db.ts';

/** Where the latest committed edit is, for the status line and the '未保存' banner. */
export type SaveStatus =
  /** Everything committed is on disk. */
  | { kind: 'saved'; at: string }
  /** A change waits for its save (or is being saved). */
  | { kind: 'pending' }
  /** The last save failed: the data is only in memory, and the save is retried in `retryInMs`. */
  | { kind: 'failed'; message: Text | string; quota: boolean; attempts: number; retryInMs: number }
  /** Another tab saved: saving has stopped; the UI reloads or goes read-only. */
  | { kind: 'conflict'; message: Text | string };

/** Saves the latest value it is given, one save at a time, retrying failures until they succeed. */
export interface Autosaver<T> {
  /** Hands over the newest committed value; it is saved within the delay (or after the save in progress). */
  schedule(value: T): void;
  /** Saves the latest value now (skipping the delay or the backoff); resolves once it is saved, rejects if that save fails. */
  flush(): Promise<void>;
  /** After a failure: tries again at once instead of waiting for the backoff. */
  retryNow(): void;
  /** The current status (also given to `onStatus` on every change). */
  readonly status: SaveStatus;
  /** Stops timers and status reports; an unsaved value is dropped, so `flush` first. */
  dispose(): void;
}

/** Options of {@link createAutosaver}. */
export interface AutosaverOptions<T> {
  /** Writes one value; rejects on failure. Never called while a previous call is running. */
  save: (value: T) => Promise<void>;
  onStatus: (status: SaveStatus) => void;
  /** Most time between a schedule and the start of its save; default 250 ms. */
  delayMs?: number;
  /** Waits before retries after the 1st, 2nd, … consecutive failure; the last repeats. Default [1000, 2000, 5000, 10000, 30000]. */
  retryDelaysMs?: readonly number[];
  /** The time for `saved` statuses; default `new Date().toISOString()`. */
  now?: () => string;
  /** Whether a failure means storage is full; default {@link isQuotaError}. */
  isQuota?: (error: unknown) => boolean;
  /** Whether a failure means another tab saved first (saving then stops); default: an error named ZoneConflictError. */
  isConflict?: (error: unknown) => boolean;
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000] as const;

/**
 * Creates the save scheduler of the no-burn zone editor. It coalesces edits (only the latest scheduled value is
 * saved), starts a save at most `delayMs` after a schedule (the delay is not reset by later schedules, so a busy
 * planner cannot starve it), never runs two saves at once, and on a failure keeps the latest value in memory and
 * retries with backoff for as long as it takes; nothing is dropped. A conflict stops all saving.
 *
 * @param options - The `save` function, the `onStatus` listener, and timing (see {@link AutosaverOptions}).
 * @returns The autosaver; its status starts as `saved`.
 * @example
 * const saver = createAutosaver({ save: (zones) => saveToDatabase(zones), onStatus: (s) => store.setSaveStatus(s) });
 * saver.schedule(zonesAfterEdit); // saved within 250 ms
 * window.addEventListener('pagehide', () => void saver.flush());
 */
export function createAutosaver<T>(options: AutosaverOptions<T>): Autosaver<T> {
  const delayMs = options.delayMs ?? 250;
  const retryDelaysMs = options.retryDelaysMs !== undefined && options.retryDelaysMs.length > 0 ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const now = options.now ?? (() => new Date().toISOString());
  const isQuota = options.isQuota ?? isQuotaError;
  const isConflict = options.isConflict ?? ((error: unknown) => error instanceof Error && error.name === 'ZoneConflictError');

  let status: SaveStatus = { kind: 'saved', at: now() };
  let latest: { value: T } | undefined; // the newest value not yet on disk
  let saving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped: { error: unknown } | undefined; // conflict
  let disposed = false;
  let waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  const setStatus = (next: SaveStatus) => {
    if (disposed || (next.kind === 'pending' && status.kind === 'pending')) return;
    status = next;
    options.onStatus(next);
  };
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const settleWaiters = (error?: { error: unknown }) => {
    const current = waiters;
    waiters = [];
    for (const waiter of current) error === undefined ? waiter.resolve() : waiter.reject(error.error);
  };

  const startSave = async () => {
    clearTimer();
    if (saving || latest === undefined || stopped !== undefined || disposed) return;
    const { value } = latest;
    latest = undefined;
    saving = true;
    try {
      await options.save(value);
    } catch (error) {
      saving = false;
      latest ??= { value }; // a newer value scheduled meanwhile replaces this one
      if (disposed) return;
      const message = errorText(error);
      if (isConflict(error)) {
        stopped = { error };
        setStatus({ kind: 'conflict', message });
      } else {
        failures += 1;
        const retryInMs = retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1]!;
        timer = setTimeout(() => void startSave(), retryInMs);
        setStatus({ kind: 'failed', message, quota: isQuota(error), attempts: failures, retryInMs });
      }
      settleWaiters({ error });
      return;
    }
    saving = false;
    failures = 0;
    if (disposed) return;
    if (latest !== undefined) {
      setStatus({ kind: 'pending' });
      void startSave(); // scheduled during the save: save it right after
      return;
    }
    setStatus({ kind: 'saved', at: now() });
    settleWaiters();
  };

  return {
    schedule(value) {
      if (disposed || stopped !== undefined) return;
      latest = { value };
      if (status.kind === 'failed') return; // the retry timer will save this newer value; the banner stays up
      setStatus({ kind: 'pending' });
      if (!saving && timer === undefined) timer = setTimeout(() => void startSave(), delayMs);
    },
    flush() {
      if (stopped !== undefined) return Promise.reject(stopped.error);
      if (disposed) return Promise.reject(new Error('the autosaver was disposed; create a new one to save'));
      if (latest === undefined && !saving) return Promise.resolve();
      const promise = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      if (!saving) void startSave();
      return promise;
    },
    retryNow() {
      if (!saving && latest !== undefined) void startSave();
    },
    get status() {
      return status;
    },
    dispose() {
      clearTimer();
      disposed = true;
      settleWaiters({ error: new Error('the autosaver was disposed before the save finished') });
    },
  };
}
