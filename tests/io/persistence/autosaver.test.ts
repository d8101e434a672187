import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '../../../src/core/text/text.ts';
import type { NoBurnZone } from '../../../src/core/zones/no-burn-zone.ts';
import { createAutosaver, type SaveStatus } from '../../../src/io/persistence/autosaver.ts';
import { ZoneConflictError } from '../../../src/io/persistence/zone-database.ts';
import { freshZoneStorage, threeZones, zoneFixture } from '../../helpers/zone-fixtures-db.ts';

/** A save function whose calls the test finishes by hand, recording what was saved and how many ran at once. */
const controlledSave = <T>() => {
  const calls: { value: T; succeed: () => void; fail: (error: unknown) => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const save = (value: T) =>
    new Promise<void>((resolve, reject) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const end = () => (running -= 1);
      calls.push({ value, succeed: () => (end(), resolve()), fail: (error) => (end(), reject(error)) });
    });
  return { save, calls, mostAtOnce: () => mostAtOnce };
};

/** Statuses as reported, in order. */
const recorder = () => {
  const statuses: SaveStatus[] = [];
  return { statuses, onStatus: (s: SaveStatus) => statuses.push(s), kinds: () => statuses.map((s) => s.kind) };
};

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
let clock = 0;
const now = () => `t${clock++}`;

describe('createAutosaver (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('saves only the last of 10 quick edits, once', async () => {
    const s = controlledSave<number>();
    const r = recorder();
    const saver = createAutosaver({ save: s.save, onStatus: r.onStatus, now });
    for (let i = 1; i <= 10; i++) {
      saver.schedule(i);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.calls.map((c) => c.value)).toEqual([10]);
    s.calls[0]!.succeed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.calls).toHaveLength(1);
    expect(r.kinds()).toEqual(['pending', 'saved']);
    expect(saver.status.kind).toBe('saved');
  });

  it('starts the save within the delay of the first edit, even while edits keep coming', async () => {
    const s = controlledSave<string>();
    const saver = createAutosaver({ save: s.save, onStatus: () => {}, delayMs: 250 });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule('b');
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule('c');
    await vi.advanceTimersByTimeAsync(49);
    expect(s.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls.map((c) => c.value)).toEqual(['c']);
  });

  it('never runs two saves at once, and saves an edit made during a save right after it', async () => {
    const s = controlledSave<string>();
    const r = recorder();
    const saver = createAutosaver({ save: s.save, onStatus: r.onStatus, now });
    saver.schedule('first');
    await vi.advanceTimersByTimeAsync(250);
    saver.schedule('second');
    saver.schedule('third');
    saver.retryNow();
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(5000); // the first save is slow
    expect(s.calls.map((c) => c.value)).toEqual(['first']);
    s.calls[0]!.succeed();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls.map((c) => c.value)).toEqual(['first', 'third']);
    expect(saver.status.kind).toBe('pending');
    s.calls[1]!.succeed();
    await flushed;
    expect(s.mostAtOnce()).toBe(1);
    expect(r.statuses.at(-1)).toEqual({ kind: 'saved', at: expect.any(String) });
  });

  it('on a failure keeps the value, reports it with the backoff, retries on schedule and saves the newest value', async () => {
    const s = controlledSave<string>();
    const r = recorder();
    const saver = createAutosaver({ save: s.save, onStatus: r.onStatus, retryDelaysMs: [1000, 2000], now });
    saver.schedule('v1');
    await vi.advanceTimersByTimeAsync(250);
    s.calls[0]!.fail(quotaError());
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status).toEqual({ kind: 'failed', message: 'The quota has been exceeded.', quota: true, attempts: 1, retryInMs: 1000 });

    await vi.advanceTimersByTimeAsync(999);
    expect(s.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls.map((c) => c.value)).toEqual(['v1', 'v1']);
    s.calls[1]!.fail(new Error('disk I/O error'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status).toEqual({ kind: 'failed', message: 'disk I/O error', quota: false, attempts: 2, retryInMs: 2000 });

    saver.schedule('v2'); // an edit while failing: the banner stays, the retry saves it
    expect(saver.status.kind).toBe('failed');
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls.map((c) => c.value)).toEqual(['v1', 'v1', 'v2']);
    s.calls[2]!.succeed();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status.kind).toBe('saved');
    expect(r.kinds()).toEqual(['pending', 'failed', 'failed', 'saved']);
  });

  it('keeps retrying forever at the last delay', async () => {
    const s = controlledSave<number>();
    const saver = createAutosaver({ save: s.save, onStatus: () => {}, retryDelaysMs: [10, 20] });
    saver.schedule(1);
    const delays: number[] = [];
    await vi.advanceTimersByTimeAsync(250);
    for (let attempt = 1; attempt <= 5; attempt++) {
      s.calls.at(-1)!.fail(quotaError());
      await vi.advanceTimersByTimeAsync(0);
      const status = saver.status;
      if (status.kind !== 'failed') throw new Error(`expected failed, got ${status.kind}`);
      delays.push(status.retryInMs);
      await vi.advanceTimersByTimeAsync(status.retryInMs);
    }
    expect(delays).toEqual([10, 20, 20, 20, 20]);
    expect(s.calls).toHaveLength(6);
    expect(s.calls.every((c) => c.value === 1)).toBe(true);
  });

  it('retries at once on retryNow, and treats a save that throws synchronously as a failure', async () => {
    let attempts = 0;
    const saved: string[] = [];
    const saver = createAutosaver<string>({
      save: (value) => {
        attempts += 1;
        if (attempts === 1) throw quotaError();
        saved.push(value);
        return Promise.resolve();
      },
      onStatus: () => {},
    });
    saver.schedule('x');
    await vi.advanceTimersByTimeAsync(250);
    expect(saver.status).toMatchObject({ kind: 'failed', quota: true, retryInMs: 1000 });
    saver.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['x']);
    expect(saver.status.kind).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toBe(2); // the cancelled backoff timer does not save again
  });

  it('stops all saving on a conflict', async () => {
    const s = controlledSave<string>();
    const r = recorder();
    const saver = createAutosaver({ save: s.save, onStatus: r.onStatus });
    saver.schedule('mine');
    await vi.advanceTimersByTimeAsync(250);
    s.calls[0]!.fail(new ZoneConflictError(3, 4));
    await vi.advanceTimersByTimeAsync(0);
    const status = saver.status;
    expect(status.kind).toBe('conflict');
    const message = status.kind === 'conflict' ? status.message : '';
    expect(render(message, 'en')).toMatch(/^another tab saved the zones \(revision 4, this tab has 3\)/);
    expect(render(message, 'zh')).toMatch(/^另一个标签页已保存禁燃区（版本 4，本标签页为 3）/);

    saver.schedule('later');
    saver.retryNow();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.calls).toHaveLength(1);
    await expect(saver.flush()).rejects.toBeInstanceOf(ZoneConflictError);
    expect(r.kinds()).toEqual(['pending', 'conflict']);
  });

  it('flush saves at once and resolves when the latest value is on disk, or rejects with the failure', async () => {
    const s = controlledSave<string>();
    const saver = createAutosaver({ save: s.save, onStatus: () => {} });
    await expect(saver.flush()).resolves.toBeUndefined(); // nothing to save
    saver.schedule('a');
    let flushed = false;
    const flushing = saver.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls.map((c) => c.value)).toEqual(['a']); // no 250 ms wait
    saver.schedule('b');
    s.calls[0]!.succeed();
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false); // 'b' is the latest, not yet saved
    s.calls[1]!.succeed();
    await flushing;
    expect(s.calls.map((c) => c.value)).toEqual(['a', 'b']);

    saver.schedule('c');
    const failing = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    s.calls[2]!.fail(quotaError());
    await expect(failing).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });

  it('does nothing after dispose', async () => {
    const s = controlledSave<string>();
    const r = recorder();
    const saver = createAutosaver({ save: s.save, onStatus: r.onStatus });
    saver.schedule('a');
    saver.dispose();
    saver.schedule('b');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.calls).toHaveLength(0);
    expect(r.kinds()).toEqual(['pending']);
  });
});

describe('createAutosaver with the zone database', () => {
  const restores: (() => void)[] = [];
  afterEach(() => {
    while (restores.length > 0) restores.pop()!();
    vi.useRealTimers();
  });

  it('survives a full disk: reports 未保存 with quota, keeps the edit in memory, retries, and saves it once there is room', async () => {
    // Only setTimeout is faked, so fake-indexeddb's setImmediate tasks run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const storage = freshZoneStorage();
    restores.push(storage.closeAll);
    const db = await storage.open();
    const original = threeZones();
    let revision = await db.saveZones(original, 0, 't0');

    const reported: SaveStatus[] = [];
    let next: { kind: SaveStatus['kind']; resolve: () => void } | undefined;
    const reachStatus = (kind: SaveStatus['kind']) => new Promise<void>((resolve) => (next = { kind, resolve }));
    const saver = createAutosaver<NoBurnZone[]>({
      save: async (zones) => {
        revision = await db.saveZones(zones, revision, 'later');
      },
      onStatus: (status) => {
        reported.push(status);
        if (status.kind === next?.kind) next.resolve();
      },
      retryDelaysMs: [1000, 5000],
    });

    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function fullDisk() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    restores.push(() => (IDBObjectStore.prototype.put = put));

    const edited = [...original, zoneFixture('d', 127, 46)];
    let failed = reachStatus('failed');
    saver.schedule(edited);
    await vi.advanceTimersByTimeAsync(250);
    await failed;
    expect(reported.at(-1)).toMatchObject({ kind: 'failed', quota: true, attempts: 1, retryInMs: 1000 });
    expect(await db.loadZones()).toMatchObject({ zones: original, revision: 1 }); // nothing lost

    failed = reachStatus('failed');
    await vi.advanceTimersByTimeAsync(1000);
    await failed;
    expect(reported.at(-1)).toMatchObject({ kind: 'failed', quota: true, attempts: 2, retryInMs: 5000 });

    IDBObjectStore.prototype.put = put; // room again
    const saved = reachStatus('saved');
    await vi.advanceTimersByTimeAsync(5000);
    await saved;
    expect(await db.loadZones()).toEqual({ zones: edited, revision: 2, savedAt: 'later' });
    expect(reported.map((s) => s.kind)).toEqual(['pending', 'failed', 'failed', 'saved']);
    saver.dispose();
  });
});
