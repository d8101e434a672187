/** 'editor': this tab may edit and save the zones; 'reader': another tab edits, this one shows them read-only. */
export type TabRole = 'editor' | 'reader';

/** This tab's place among the tabs of the map that share the zone database. */
export interface TabGuard {
  /** The current role; changes from 'reader' to 'editor' when the editing tab closes (never the other way). */
  readonly role: TabRole;
  /** Tells the other tabs that `revision` was saved, so readers reload it. */
  announceSaved(revision: number): void;
  /** Gives up the editor lock (or the place in its queue) and stops listening; call on pagehide or unmount. */
  release(): void;
}

/** Options of {@link startTabGuard}. */
export interface TabGuardOptions {
  /** The lock and channel name, e.g. 'hlj-air-map-zones'. */
  name: string;
  /** Called when the role changes after start (a reader promoted to editor: reload the zones, then allow edits). */
  onRole: (role: TabRole) => void;
  /** Called when another tab announces a saved revision: reload the zones from the database. */
  onOtherSaved: (revision: number) => void;
  /** Default `navigator.locks`; without one, this tab is an editor and the database's revision check guards saves. */
  locks?: LockManager;
  /** Default a new BroadcastChannel named `name` (closed by release); a channel passed in is left open. */
  channel?: BroadcastChannel;
}

interface SavedMessage {
  type: 'zones-saved';
  revision: number;
}

const isSavedMessage = (data: unknown): data is SavedMessage =>
  typeof data === 'object' && data !== null && (data as SavedMessage).type === 'zones-saved' && Number.isInteger((data as SavedMessage).revision);

/**
 * Decides whether this tab edits the zones or only shows them, so two tabs cannot overwrite each other. The first
 * tab to get the Web Lock `name` is the editor and holds it until {@link TabGuard.release} (or until the tab
 * closes, when the browser frees it); another tab becomes a reader and waits in the lock's queue, so it is promoted
 * (`onRole('editor')`) when the editor goes. Saves are announced on a BroadcastChannel so readers reload.
 *
 * @param options - See {@link TabGuardOptions}.
 * @returns The guard, with the role decided at start (`onRole` is not called for it).
 * @example
 * const guard = await startTabGuard({ name: 'hlj-air-map-zones', onRole: (r) => store.setRole(r), onOtherSaved: () => store.reloadZones() });
 * store.setRole(guard.role);
 * // after each successful save: guard.announceSaved(revision);
 */
export async function startTabGuard(options: TabGuardOptions): Promise<TabGuard> {
  const { name, onRole, onOtherSaved } = options;
  const locks = options.locks ?? globalThis.navigator?.locks;
  const ownChannel = options.channel === undefined && typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  const channel = options.channel ?? ownChannel;

  let role: TabRole = 'editor';
  let released = false;
  let releaseLock!: () => void;
  const held = new Promise<void>((resolve) => (releaseLock = resolve));
  const queue = new AbortController();

  const onMessage = (event: MessageEvent) => {
    if (!released && isSavedMessage(event.data)) onOtherSaved(event.data.revision);
  };
  channel?.addEventListener('message', onMessage);

  if (locks !== undefined && typeof locks.request === 'function') {
    try {
      const gotLock = await new Promise<boolean>((resolve, reject) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            resolve(lock !== null);
            return lock === null ? undefined : held; // hold the lock until release
          })
          .catch(reject);
      });
      if (!gotLock) {
        role = 'reader';
        locks
          .request(name, { signal: queue.signal }, () => {
            if (released) return undefined;
            role = 'editor';
            onRole('editor');
            return held;
          })
          .catch(() => undefined); // aborted by release
      }
    } catch {
      // Locks refused (e.g. an opaque origin): stay editor; saveZones' revision check still stops silent overwrites.
      role = 'editor';
    }
  }

  return {
    get role() {
      return role;
    },
    announceSaved(revision) {
      if (!released) channel?.postMessage({ type: 'zones-saved', revision } satisfies SavedMessage);
    },
    release() {
      if (released) return;
      released = true;
      releaseLock();
      queue.abort();
      channel?.removeEventListener('message', onMessage);
      ownChannel?.close();
    },
  };
}
