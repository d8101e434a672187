import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, render } from '../../../src/core/text/text.ts';
import { diffZones } from '../../../src/core/zones/diff-zones.ts';
import { isQuotaError, openZoneDatabase, requestPersistentStorage, ZoneConflictError } from '../../../src/io/persistence/zone-database.ts';
import { freshZoneStorage, threeZones, zoneFixture } from '../../helpers/zone-fixtures-db.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A fresh fake IndexedDB per test; every connection is closed afterwards. */
const storage = () => {
  const s = freshZoneStorage();
  cleanups.push(s.closeAll);
  return s;
};

/**
 * Makes the fake browser's object-store writes fail as a full disk does, for this test only: 'throw' as put() throwing,
 * 'abort' as Chromium does (the transaction aborts with transaction.error QuotaExceededError, requests get AbortError).
 */
const fillTheDisk = (how: 'throw' | 'abort') => {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (how === 'throw') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const request = original.apply(this, args);
    (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    return request;
  };
  const restore = () => {
    IDBObjectStore.prototype.put = original;
  };
  cleanups.push(restore);
  return restore;
};

describe('openZoneDatabase / zones', () => {
  it('has nothing stored in a new database', async () => {
    const db = await storage().open();
    expect(await db.loadZones()).toBeNull();
  });

  it('gives back the same zones after closing and reopening (a reload)', async () => {
    const s = storage();
    const zones = threeZones();
    const first = await s.open();
    expect(await first.saveZones(zones, 0, '2024-06-01T10:00:00.000Z')).toBe(1);
    first.close();

    const afterReload = await s.open();
    expect(await afterReload.loadZones()).toEqual({ zones, revision: 1, savedAt: '2024-06-01T10:00:00.000Z' });
  });

  it('stores a copy, so editing the in-memory zones after a save does not change what is stored', async () => {
    const db = await storage().open();
    const zones = threeZones();
    await db.saveZones(zones, 0, 't1');
    zones[0]!.name = '改名';
    zones.pop();
    const stored = await db.loadZones();
    expect(stored!.zones.map((z) => z.name)).toEqual(['禁燃区a', '禁燃区b', '禁燃区c']);
  });

  it('counts revisions up by one per save and keeps the last save', async () => {
    const db = await storage().open();
    const [a, b] = threeZones();
    expect(await db.saveZones([a!], 0, 't1')).toBe(1);
    expect(await db.saveZones([a!, b!], 1, 't2')).toBe(2);
    expect(await db.saveZones([b!], 2, 't3')).toBe(3);
    expect(await db.loadZones()).toEqual({ zones: [b], revision: 3, savedAt: 't3' });
  });

  it('refuses the second of two saves from the same base revision (two tabs) and keeps the first', async () => {
    const s = storage();
    const tabA = await s.open();
    const tabB = await s.open();
    await tabA.saveZones(threeZones(), 0, 't0');
    const base = (await tabB.loadZones())!.revision;

    const fromA = [zoneFixture('a', 126.65, 45.75, { name: '甲改' })];
    const fromB = [zoneFixture('b', 126.6, 45.77, { name: '乙改' })];
    expect(await tabA.saveZones(fromA, base, 't1')).toBe(2);
    const refused = tabB.saveZones(fromB, base, 't1');
    await expect(refused).rejects.toBeInstanceOf(ZoneConflictError);
    await expect(refused).rejects.toMatchObject({ baseRevision: 1, storedRevision: 2, name: 'ZoneConflictError' });
    expect(await tabB.loadZones()).toEqual({ zones: fromA, revision: 2, savedAt: 't1' });
  });

  it('refuses a first save that claims a base revision when nothing is stored', async () => {
    const db = await storage().open();
    await expect(db.saveZones(threeZones(), 4, 't')).rejects.toMatchObject({ baseRevision: 4, storedRevision: 0 });
    expect(await db.loadZones()).toBeNull();
  });

  it('rejects, instead of hanging, when used after close', async () => {
    const db = await storage().open();
    db.close();
    await expect(db.loadZones()).rejects.toThrow(/could not load the zones in IndexedDB \(InvalidStateError/);
    // The same failure as the Chinese UI shows it: what was being done and the advice in Chinese, the browser's detail as is.
    const error = await db.loadZones().catch((e: unknown) => e);
    expect(render(errorText(error), 'zh')).toMatch(/^无法在 IndexedDB 中读取禁燃区（InvalidStateError: .*）：您的工作仍在内存中/);
  });

  it('reports a missing IndexedDB (some private modes) as an error that says the zones stay in memory', async () => {
    vi.stubGlobal('indexedDB', undefined);
    cleanups.push(() => vi.unstubAllGlobals());
    await expect(openZoneDatabase()).rejects.toThrow(/no IndexedDB .*stays in memory/);
  });

  it('steps aside when a newer version of the app in another tab upgrades the schema, instead of blocking it', async () => {
    const s = storage();
    const oldTab = await s.open();
    await oldTab.saveZones(threeZones(), 0, 't1');
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = s.factory.open('hlj-air-map-zones', 99);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the old tab'));
    });
    cleanups.push(() => upgraded.close());
    expect([...upgraded.objectStoreNames]).toEqual(['current', 'versionZones', 'versions']);
    await expect(oldTab.loadZones()).rejects.toThrow(/could not load the zones/);
  });
});

describe('quota failures', () => {
  for (const how of ['throw', 'abort'] as const) {
    it(`rejects a save on a full disk (put ${how === 'throw' ? 'throws' : 'aborts the transaction'}) with a quota error and loses nothing stored`, async () => {
      const db = await storage().open();
      const zones = threeZones();
      await db.saveZones(zones, 0, 't1');
      await db.saveVersion('初稿', zones, 't1');

      fillTheDisk(how);
      const failed = await db.saveZones([zoneFixture('new', 127, 46)], 1, 't2').catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(Error);
      expect(isQuotaError(failed)).toBe(true);
      expect((failed as Error).message).toMatch(/storage is full/);

      expect(await db.loadZones()).toEqual({ zones, revision: 1, savedAt: 't1' });
      expect((await db.listVersions()).map((v) => v.name)).toEqual(['初稿']);
    });
  }

  it('saves again once the disk has room, from the same base revision', async () => {
    const db = await storage().open();
    await db.saveZones(threeZones(), 0, 't1');
    const restore = fillTheDisk('abort');
    await expect(db.saveZones([], 1, 't2')).rejects.toThrow();
    restore();
    expect(await db.saveZones([], 1, 't3')).toBe(2);
    expect(await db.loadZones()).toEqual({ zones: [], revision: 2, savedAt: 't3' });
  });
});

describe('versions', () => {
  it('lists saved versions newest first and loads each one exactly', async () => {
    const db = await storage().open();
    const v1Zones = threeZones();
    const v2Zones = [...threeZones().slice(1), zoneFixture('d', 127, 46)];
    const v1 = await db.saveVersion('初稿', v1Zones, '2024-06-01T08:00:00.000Z');
    const v2 = await db.saveVersion('征求意见稿', v2Zones, '2024-06-02T08:00:00.000Z');
    expect(v1).toMatchObject({ name: '初稿', createdAt: '2024-06-01T08:00:00.000Z', zoneCount: 3 });
    expect(v1.id).not.toBe(v2.id);

    expect(await db.listVersions()).toEqual([v2, v1]);
    expect(await db.loadVersion(v1.id)).toEqual({ summary: v1, zones: v1Zones });
    expect(await db.loadVersion(v2.id)).toEqual({ summary: v2, zones: v2Zones });
  });

  it('lists versions created in the same millisecond in reverse order of creation', async () => {
    const db = await storage().open();
    for (const name of ['一', '二', '三']) await db.saveVersion(name, [], '2024-06-01T08:00:00.000Z');
    expect((await db.listVersions()).map((v) => v.name)).toEqual(['三', '二', '一']);
  });

  it('keeps versions across a reload, untouched by later saves of the current zones', async () => {
    const s = storage();
    const db = await s.open();
    const zones = threeZones();
    const v = await db.saveVersion('定稿', zones, 't1');
    await db.saveZones([], 0, 't2');
    db.close();
    const reloaded = await s.open();
    expect(await reloaded.loadVersion(v.id)).toEqual({ summary: v, zones });
  });

  it('diffs two versions: added, removed and changed zones with their fields', async () => {
    const db = await storage().open();
    const [a, b, c] = threeZones();
    const v1 = await db.saveVersion('初稿', [a!, b!, c!], 't1');
    const movedB = zoneFixture('b', 126.601, 45.77, { provenance: { ...b!.provenance, updatedAt: 't2' } });
    const v2 = await db.saveVersion('修改稿', [{ ...a!, category: 'Ⅱ' }, movedB, zoneFixture('d', 127, 46)], 't2');

    const diff = diffZones((await db.loadVersion(v1.id)).zones, (await db.loadVersion(v2.id)).zones);
    expect(diff.added.map((z) => z.id)).toEqual(['d']);
    expect(diff.removed.map((z) => z.id)).toEqual(['c']);
    expect(diff.changed.map((x) => [x.before.id, x.fields])).toEqual([
      ['a', ['category']],
      ['b', ['geometry']],
    ]);
    expect(diff.unchanged).toBe(0);
  });

  it('deletes only the version asked for, and then says a load of it cannot find it', async () => {
    const db = await storage().open();
    const keep = await db.saveVersion('保留', threeZones(), 't1');
    const drop = await db.saveVersion('删除', threeZones(), 't2');
    await db.deleteVersion(drop.id);
    expect(await db.listVersions()).toEqual([keep]);
    await expect(db.loadVersion(drop.id)).rejects.toThrow(`no saved version has the id ${drop.id}`);
  });
});

describe('isQuotaError', () => {
  it('recognises quota errors by name, inside a request or transaction, through causes, and Firefox NS_ERROR_DOM_QUOTA_REACHED', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ error: quota })).toBe(true); // an IDBRequest or IDBTransaction
    expect(isQuotaError({ target: { error: quota } })).toBe(true); // an error event
    expect(isQuotaError(new Error('save failed', { cause: quota }))).toBe(true);
    expect(isQuotaError(new DOMException('', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
  });

  it('does not take other failures for quota', () => {
    for (const other of [new DOMException('x', 'AbortError'), new DOMException('x', 'InvalidStateError'), new Error('quota'), null, undefined, 'QuotaExceededError', new ZoneConflictError(1, 2)]) {
      expect(isQuotaError(other)).toBe(false);
    }
  });
});

describe('requestPersistentStorage', () => {
  const manager = (persisted: boolean, grants: boolean | Error) =>
    ({
      persisted: async () => persisted,
      persist: async () => {
        if (grants instanceof Error) throw grants;
        return grants;
      },
    }) as unknown as StorageManager;

  it('is granted when already persistent or when the browser agrees, denied when it refuses or fails', async () => {
    expect(await requestPersistentStorage(manager(true, false))).toBe('granted');
    expect(await requestPersistentStorage(manager(false, true))).toBe('granted');
    expect(await requestPersistentStorage(manager(false, false))).toBe('denied');
    expect(await requestPersistentStorage(manager(false, new Error('SecurityError')))).toBe('denied');
  });

  it('is unsupported without a StorageManager', async () => {
    expect(await requestPersistentStorage({} as StorageManager)).toBe('unsupported');
    vi.stubGlobal('navigator', {});
    cleanups.push(() => vi.unstubAllGlobals());
    expect(await requestPersistentStorage()).toBe('unsupported');
  });
});
