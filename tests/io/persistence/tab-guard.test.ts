import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTabGuard, type TabGuard, type TabRole } from '../../../src/io/persistence/tab-guard.ts';

/**
 * Node 20 has no `navigator.locks`, so this stands in for the browser's LockManager: exclusive locks only, with
 * `ifAvailable` (callback gets null when held) and `signal` (a waiting request is dropped and rejects with AbortError).
 * The real Web Locks path still needs a browser test.
 */
class LockManagerStandIn {
  private holders = new Set<string>();
  private waiting: { name: string; grant: () => void }[] = [];

  request(name: string, optionsOrCallback: LockOptions | LockGrantedCallback<unknown>, maybeCallback?: LockGrantedCallback<unknown>): Promise<unknown> {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback)!;
    return new Promise((resolve, reject) => {
      const run = () => {
        this.holders.add(name);
        Promise.resolve()
          .then(() => callback({ name, mode: 'exclusive' } as Lock))
          .then(resolve, reject)
          .finally(() => {
            this.holders.delete(name);
            const nextIndex = this.waiting.findIndex((w) => w.name === name);
            if (nextIndex >= 0) this.waiting.splice(nextIndex, 1)[0]!.grant();
          });
      };
      if (!this.holders.has(name)) return run();
      if (options.ifAvailable) return void Promise.resolve().then(() => callback(null)).then(resolve, reject);
      const entry = { name, grant: run };
      this.waiting.push(entry);
      options.signal?.addEventListener('abort', () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      });
    });
  }

  query(): Promise<LockManagerSnapshot> {
    return Promise.resolve({ held: [...this.holders].map((name) => ({ name, mode: 'exclusive' as const })), pending: this.waiting.map((w) => ({ name: w.name, mode: 'exclusive' as const })) });
  }
}

const guards: TabGuard[] = [];
afterEach(() => {
  while (guards.length > 0) guards.pop()!.release();
  vi.unstubAllGlobals();
});

/** One browser tab: its guard, and the roles and saved revisions it was told about. */
const openTab = async (locks: LockManager | undefined, name = 'hlj-air-map-zones-test') => {
  const roles: TabRole[] = [];
  const othersSaved: number[] = [];
  const guard = await startTabGuard({ name, locks, onRole: (role) => roles.push(role), onOtherSaved: (revision) => othersSaved.push(revision) });
  guards.push(guard);
  return { guard, roles, othersSaved };
};

/** Lets BroadcastChannel messages (delivered as tasks) and lock hand-overs arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('startTabGuard', () => {
  it('makes the first tab the editor and the second a reader', async () => {
    const locks = new LockManagerStandIn() as unknown as LockManager;
    const first = await openTab(locks);
    const second = await openTab(locks);
    expect(first.guard.role).toBe('editor');
    expect(second.guard.role).toBe('reader');
    expect(first.roles).toEqual([]);
    expect(second.roles).toEqual([]);
    expect((await locks.query()).held?.map((l) => l.name)).toEqual(['hlj-air-map-zones-test']);
  });

  it('promotes the waiting reader to editor when the editor tab goes, and only one of two readers', async () => {
    const locks = new LockManagerStandIn() as unknown as LockManager;
    const editor = await openTab(locks);
    const readerA = await openTab(locks);
    const readerB = await openTab(locks);
    editor.guard.release();
    await settle();
    expect(readerA.guard.role).toBe('editor');
    expect(readerA.roles).toEqual(['editor']);
    expect(readerB.guard.role).toBe('reader');
    readerA.guard.release();
    await settle();
    expect(readerB.roles).toEqual(['editor']);
  });

  it('does not promote a reader that was released while waiting', async () => {
    const locks = new LockManagerStandIn() as unknown as LockManager;
    const editor = await openTab(locks);
    const closedReader = await openTab(locks);
    closedReader.guard.release();
    editor.guard.release();
    await settle();
    expect(closedReader.roles).toEqual([]);
    expect((await locks.query()).held).toEqual([]);
    const later = await openTab(locks);
    expect(later.guard.role).toBe('editor');
  });

  it('tells the other tabs, over a real BroadcastChannel, which revision was saved', async () => {
    const locks = new LockManagerStandIn() as unknown as LockManager;
    const editor = await openTab(locks);
    const reader = await openTab(locks);
    const elsewhere = await openTab(locks, 'another-database');
    editor.guard.announceSaved(7);
    editor.guard.announceSaved(8);
    await settle();
    expect(reader.othersSaved).toEqual([7, 8]);
    expect(editor.othersSaved).toEqual([]); // not echoed to itself
    expect(elsewhere.othersSaved).toEqual([]);
  });

  it('ignores foreign messages on the channel and stops listening after release', async () => {
    const locks = new LockManagerStandIn() as unknown as LockManager;
    const editor = await openTab(locks);
    const reader = await openTab(locks);
    const stranger = new BroadcastChannel('hlj-air-map-zones-test');
    stranger.postMessage({ type: 'zones-saved', revision: 'nine' });
    stranger.postMessage('hello');
    await settle();
    reader.guard.release();
    editor.guard.announceSaved(3);
    await settle();
    stranger.close();
    expect(reader.othersSaved).toEqual([]);
  });

  it('falls back to editor in a browser without Web Locks (the database revision check then guards saves)', async () => {
    vi.stubGlobal('navigator', {});
    const first = await openTab(undefined);
    const second = await openTab(undefined);
    expect([first.guard.role, second.guard.role]).toEqual(['editor', 'editor']);
    first.guard.announceSaved(2);
    await settle();
    expect(second.othersSaved).toEqual([2]);
  });

  it('falls back to editor when the lock request is refused', async () => {
    const refusing = { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) } as unknown as LockManager;
    const tab = await openTab(refusing);
    expect(tab.guard.role).toBe('editor');
  });
});

// The browser's own Web Locks hand-over (editor, reader, promotion when the editor tab closes) is checked in a real
// Chromium by tests/e2e/zones.e2e.ts; Node 20 has no navigator.locks.
