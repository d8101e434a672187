import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoBurnZone } from '../../src/core/zones/no-burn-zone.ts';
import { render } from '../../src/core/text/text.ts';
import { openZoneDatabase } from '../../src/io/persistence/zone-database.ts';
import { writeZonesFile } from '../../src/io/formats/write-zones-file.ts';
import { freshIndexedDbPerTest, inThreadAnalysis } from '../helpers/app-store.ts';
import { bowTie, nangangSquare, openedZoneStore, secondSquare, waitForState, waitUntilSaved, zonesOf, type ZoneStore } from '../helpers/zone-store.ts';

/** Each test gets its own empty IndexedDB as the browser default (the slice opens `globalThis.indexedDB`). */
const indexedDb = freshIndexedDbPerTest();

// Decoding the boundaries and building the locator takes a few seconds once; every test after that is fast.
beforeAll(async () => {
  await inThreadAnalysis().call('zones.validate', { zones: [{ name: 'warm-up', geometry: nangangSquare(), category: 'Ⅲ' }] });
}, 60_000);

/** The id of the zone a drawing just added (the slice selects it for the form). */
function draw(store: ZoneStore, geometry: Polygon): string {
  store.getState().addDrawnZone(geometry);
  const id = store.getState().zoneSelected;
  if (id === null) throw new Error('addDrawnZone selected nothing');
  return id;
}

const zoneById = (store: ZoneStore, id: string): NoBurnZone => {
  const zone = zonesOf(store).find((z) => z.id === id);
  if (!zone) throw new Error(`no zone ${id}`);
  return zone;
};

/** What the stored version `name` holds, read through a connection of our own. */
async function versionZones(name: (n: string) => boolean): Promise<{ name: string; zones: NoBurnZone[] }> {
  const db = await openZoneDatabase({ factory: indexedDb() });
  try {
    const summary = (await db.listVersions()).find((v) => name(v.name));
    if (!summary) throw new Error('no such version');
    return { name: summary.name, zones: (await db.loadVersion(summary.id)).zones };
  } finally {
    db.close();
  }
}

describe('zones slice: drawing, saving and reloading', () => {
  it('saves a drawn zone with its typed attributes, and a reload opens it with its city and county', async () => {
    const tab = await openedZoneStore();
    expect(tab.getState()).toMatchObject({ zoneRole: 'editor', zoneSave: { kind: 'saved' } });
    expect(zonesOf(tab)).toEqual([]);

    const id = draw(tab, nangangSquare());
    tab.getState().updateZoneAttributes(id, { name: '南岗区禁燃区' });
    tab.getState().updateZoneAttributes(id, { category: 'Ⅱ' });
    tab.getState().updateZoneAttributes(id, { documentNumber: '哈政规〔2024〕3号' });
    tab.getState().updateZoneAttributes(id, { effectiveDate: '2024-10-15' });
    tab.getState().updateZoneAttributes(id, { notes: '供暖期内执行' });
    expect(tab.getState().zoneSave.kind).toBe('pending');
    await waitUntilSaved(tab);

    const reloaded = await openedZoneStore();
    expect(zonesOf(reloaded)).toEqual(zonesOf(tab));
    expect(zonesOf(reloaded)[0]).toMatchObject({
      id,
      name: '南岗区禁燃区',
      category: 'Ⅱ',
      documentNumber: '哈政规〔2024〕3号',
      effectiveDate: '2024-10-15',
      notes: '供暖期内执行',
      geometry: nangangSquare(),
      provenance: { origin: 'drawn', source: '' },
    });
    await waitForState(reloaded, (s) => s.zoneReports[id] !== undefined, 'the reload to validate the zone');
    expect(reloaded.getState().zoneReports[id]).toMatchObject({ city: '哈尔滨市', county: '南岗区', problems: [] });
    expect(reloaded.getState().zoneValidated).toBe(zonesOf(reloaded));
  });
});

describe('zones slice: undo steps', () => {
  it('makes typing in one field one undo step, a new step after selecting another zone and back, and undo/redo restore exactly', async () => {
    const tab = await openedZoneStore();
    const a = draw(tab, nangangSquare());
    const b = draw(tab, secondSquare());
    const afterDrawing = zonesOf(tab);
    expect(tab.getState().zoneHistory.past).toHaveLength(2);

    tab.getState().selectZone(a);
    for (const name of ['南', '南岗', '南岗区']) tab.getState().updateZoneAttributes(a, { name });
    const afterFirstTyping = zonesOf(tab);
    expect(zoneById(tab, a).name).toBe('南岗区');
    expect(tab.getState().zoneHistory.past).toHaveLength(3);

    tab.getState().selectZone(b);
    tab.getState().selectZone(a);
    for (const name of ['南岗区禁', '南岗区禁燃区']) tab.getState().updateZoneAttributes(a, { name });
    const afterSecondTyping = zonesOf(tab);
    expect(tab.getState().zoneHistory.past).toHaveLength(4);

    tab.getState().undoZones();
    expect(zonesOf(tab)).toBe(afterFirstTyping);
    expect(zoneById(tab, a).name).toBe('南岗区');
    tab.getState().undoZones();
    expect(zonesOf(tab)).toBe(afterDrawing);
    expect(zoneById(tab, a).name).toBe('禁燃区 1');
    tab.getState().redoZones();
    expect(zonesOf(tab)).toBe(afterFirstTyping);
    tab.getState().redoZones();
    expect(zonesOf(tab)).toBe(afterSecondTyping);
    expect(zoneById(tab, a).name).toBe('南岗区禁燃区');
    expect(zoneById(tab, b).name).toBe('禁燃区 2');

    // Typing right after an undo is a new step too, not folded into the step undone to.
    tab.getState().undoZones();
    tab.getState().updateZoneAttributes(a, { name: '南岗区新名' });
    tab.getState().undoZones();
    expect(zonesOf(tab)).toBe(afterFirstTyping);
    await waitUntilSaved(tab);
  });
});

describe('zones slice: two editors on one database (no Web Locks)', () => {
  it('keeps the second tab from overwriting the first: its zones become a conflict version, it shows the stored zones, and it saves again', async () => {
    const first = await openedZoneStore();
    const second = await openedZoneStore(); // opened before the first tab saved
    expect(first.getState().zoneRole).toBe('editor');
    expect(second.getState().zoneRole).toBe('editor');

    const firstId = draw(first, nangangSquare());
    first.getState().updateZoneAttributes(firstId, { name: '第一页的区域' });
    await waitUntilSaved(first);
    const firstZones = zonesOf(first);

    const secondId = draw(second, secondSquare());
    second.getState().updateZoneAttributes(secondId, { name: '第二页的区域' });
    const secondZones = structuredClone(zonesOf(second));
    const isConflictVersion = (name: string) => name.startsWith('冲突时本页未保存的编辑');
    await waitForState(second, (s) => s.zoneSave.kind === 'saved' && s.zoneVersions.some((v) => isConflictVersion(v.name)), 'the second tab to recover from the conflict', 10_000);
    expect(second.getState().zoneMessage).toMatchObject({ kind: 'info' });

    expect(zonesOf(second)).toEqual(firstZones);
    expect(second.getState().zoneRole).toBe('editor');
    const kept = await versionZones(isConflictVersion);
    expect(kept.zones).toEqual(secondZones);
    expect(second.getState().zoneVersions.map((v) => v.name)).toEqual([kept.name]);

    const db = await openZoneDatabase({ factory: indexedDb() });
    expect(await db.loadZones()).toMatchObject({ zones: firstZones, revision: 1 });
    db.close();

    second.getState().updateZoneAttributes(firstId, { notes: '第二页补充' });
    await waitUntilSaved(second);
    const reloaded = await openedZoneStore();
    expect(zonesOf(reloaded)).toEqual(zonesOf(second));
    expect(zoneById(reloaded, firstId)).toMatchObject({ name: '第一页的区域', notes: '第二页补充' });
  });
});

describe('zones slice: an edit while a conflict is resolved', () => {
  it('refuses the edit instead of losing it: nothing is accepted between the conflict and the reload', async () => {
    const first = await openedZoneStore();
    const second = await openedZoneStore();
    draw(first, nangangSquare());
    await waitUntilSaved(first);
    draw(second, secondSquare());
    await waitForState(second, (s) => s.zoneSave.kind === 'conflict', 'the conflict');
    const during = zonesOf(second);
    second.getState().addDrawnZone(nangangSquare());
    expect(zonesOf(second)).toBe(during); // refused, so it cannot vanish in the reload
    await waitForState(second, (s) => s.zoneSave.kind === 'saved' && s.zoneVersions.length > 0, 'the recovery', 10_000);
    expect(zonesOf(second)).toEqual(zonesOf(first));
    await waitUntilSaved(second);
  });
});

describe('zones slice: import', () => {
  it('validates an import before confirming and gives new ids to zones whose id an undo brought back meanwhile', async () => {
    const tab = await openedZoneStore();
    const other = draw(tab, secondSquare()); // stays: the import is validated among it
    const id = draw(tab, nangangSquare());
    tab.getState().updateZoneAttributes(id, { name: '南岗区禁燃区' });
    const drawn = zoneById(tab, id);
    const at = '2025-01-01T00:00:00.000Z';
    const bowTieZone: NoBurnZone = { ...drawn, id: 'bow-tie-from-file', name: '蝴蝶结', geometry: bowTie(), provenance: { origin: 'drawn', source: '', createdAt: at, updatedAt: at } };
    const { bytes } = await writeZonesFile(
      [
        { zone: drawn, city: '哈尔滨市', county: '南岗区', areaKm2: 0.87 },
        { zone: bowTieZone, city: null, county: null, areaKm2: 0 },
      ],
      'geojson',
      { exportedAt: at, application: 'hlj-air-map 0.1.0' },
    );

    tab.getState().deleteZone(id);
    const afterDelete = zonesOf(tab);
    expect(afterDelete.map((z) => z.id)).toEqual([other]);
    await tab.getState().readZoneImport(new Blob([new Uint8Array(bytes)]), 'x.geojson');
    const pending = tab.getState().zoneImport;
    expect(tab.getState().zoneMessage).toBeNull();
    expect(pending?.zones.map((z) => z.id)).toEqual([id, 'bow-tie-from-file']);
    expect(pending?.reports).toHaveLength(2);
    expect(pending?.reports[0]).toMatchObject({ city: '哈尔滨市', county: '南岗区', problems: [] });
    expect(pending?.reports[1]!.problems.map((p) => p.kind)).toContain('self_intersection');
    expect(zonesOf(tab)).toBe(afterDelete); // nothing changes before confirming

    tab.getState().undoZones(); // brings the deleted zone back with the id the file carries
    expect(zonesOf(tab).map((z) => z.id)).toEqual([other, id]);
    tab.getState().confirmZoneImport();

    const ids = zonesOf(tab).map((z) => z.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(zoneById(tab, id)).toEqual(drawn);
    const copy = zonesOf(tab)[2]!;
    expect(copy.id).not.toBe(id);
    expect({ ...copy, id }).toEqual(drawn);
    expect(zonesOf(tab)[3]).toEqual(bowTieZone);
    expect(tab.getState().zoneImport).toBeNull();
    expect(tab.getState().zoneMessage).toMatchObject({ kind: 'info' });
    expect(render(tab.getState().zoneMessage!.text, 'en')).toContain('1 ids were in use');
    expect(render(tab.getState().zoneMessage!.text, 'zh')).toContain('1 个编号已被占用');

    // Reports follow the new ids once validation runs: one per zone, none lost to a shared id.
    await waitForState(tab, (s) => s.zoneValidated === zonesOf(tab), 'validation of the imported zones');
    expect(Object.keys(tab.getState().zoneReports).sort()).toEqual([...ids].sort());
    await waitUntilSaved(tab);
  });

  it('reports a broken file by its name and changes no zone', async () => {
    const tab = await openedZoneStore();
    draw(tab, nangangSquare());
    const before = tab.getState().zoneHistory;

    await tab.getState().readZoneImport(new Blob(['{"type": "FeatureCollection", "features": [']), '坏的文件.geojson');
    expect(tab.getState().zoneMessage).toMatchObject({ kind: 'error' });
    expect(render(tab.getState().zoneMessage!.text, 'en')).toContain('坏的文件.geojson');
    expect(tab.getState().zoneHistory).toBe(before);
    expect(tab.getState().zoneImport).toBeNull();

    const points = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '锅炉房' }, geometry: { type: 'Point', coordinates: [126.6, 45.7] } }] });
    await tab.getState().readZoneImport(new Blob([points]), '只有点.geojson');
    expect(render(tab.getState().zoneMessage!.text, 'zh')).toContain('只有点.geojson');
    expect(tab.getState().zoneHistory).toBe(before);
    expect(tab.getState().zoneImport).toBeNull();
    expect(tab.getState().zoneBusy).toBeNull();
    await waitUntilSaved(tab);
  });
});

describe('zones slice: versions', () => {
  it('restores a version, keeping the replaced zones as a version of their own, and undo brings them back', async () => {
    const tab = await openedZoneStore();
    const id = draw(tab, nangangSquare());
    tab.getState().updateZoneAttributes(id, { name: '第一版' });
    await tab.getState().saveZoneVersion('v1');
    const v1 = tab.getState().zoneVersions.find((v) => v.name === 'v1');
    expect(v1).toMatchObject({ zoneCount: 1 });
    const v1Zones = structuredClone(zonesOf(tab));

    tab.getState().updateZoneGeometry(id, secondSquare());
    draw(tab, bowTie());
    const beforeRestore = zonesOf(tab);
    expect(beforeRestore).toHaveLength(2);

    await tab.getState().restoreZoneVersion(v1!.id);
    expect(tab.getState().zoneMessage).toBeNull();
    expect(zonesOf(tab)).toEqual(v1Zones);
    expect(tab.getState().zoneVersions.map((v) => v.name)).toContain('恢复「v1」之前自动保存');
    const kept = await versionZones((name) => name === '恢复「v1」之前自动保存');
    expect(kept.zones).toEqual(beforeRestore);

    tab.getState().undoZones();
    expect(zonesOf(tab)).toBe(beforeRestore);
    tab.getState().redoZones();
    expect(zonesOf(tab)).toEqual(v1Zones);
    await waitUntilSaved(tab);
    const reloaded = await openedZoneStore();
    expect(zonesOf(reloaded)).toEqual(v1Zones);
  });
});

describe('zones slice: repair', () => {
  it('previews the repair of a bow-tie without changing it, accepts it into a clean MultiPolygon, and undo brings the bow-tie back', async () => {
    const tab = await openedZoneStore();
    const id = draw(tab, bowTie());
    await waitForState(tab, (s) => s.zoneValidated === zonesOf(tab), 'validation of the bow-tie');
    expect(tab.getState().zoneReports[id]!.problems.map((p) => p.kind)).toContain('self_intersection');

    const before = tab.getState().zoneHistory;
    await tab.getState().previewZoneRepair(id);
    const pending = tab.getState().zoneRepair;
    expect(pending?.id).toBe(id);
    expect(pending?.repair.geometry.type).toBe('MultiPolygon');
    expect(tab.getState().zoneHistory).toBe(before);
    expect(zoneById(tab, id).geometry).toEqual(bowTie());

    tab.getState().acceptZoneRepair();
    expect(zoneById(tab, id).geometry).toEqual(pending!.repair.geometry);
    expect(tab.getState().zoneRepair).toBeNull();
    expect(tab.getState().zoneHistory.past).toHaveLength(before.past.length + 1);
    await waitForState(tab, (s) => s.zoneValidated === zonesOf(tab), 'validation of the repaired zone');
    expect(tab.getState().zoneReports[id]!.problems).toEqual([]);

    tab.getState().undoZones();
    expect(zonesOf(tab)).toBe(before.present);
    expect(zoneById(tab, id).geometry).toEqual(bowTie());
    await waitUntilSaved(tab);
  });
});

describe('zones slice: storage that cannot be opened', () => {
  it('edits in memory while IndexedDB is missing, and saves on retry once it is back', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const tab = await openedZoneStore();
    expect(tab.getState().zoneRole).toBe('editor');
    await waitForState(tab, (s) => s.zoneSave.kind === 'failed', 'the failed save');
    expect(tab.getState().zoneSave).toMatchObject({ kind: 'failed', quota: false });

    const id = draw(tab, nangangSquare());
    tab.getState().updateZoneAttributes(id, { name: '内存中的区域' });
    expect(zonesOf(tab).map((z) => z.name)).toEqual(['内存中的区域']);
    expect(tab.getState().zoneSave.kind).toBe('failed'); // the banner stays up until a save succeeds

    vi.stubGlobal('indexedDB', indexedDb());
    tab.getState().retryZoneSave();
    // Within the first backoff (1 s): saved by the retry, not by the timer.
    await waitForState(tab, (s) => s.zoneSave.kind === 'saved', 'the retried save', 900);

    const reloaded = await openedZoneStore();
    expect(zonesOf(reloaded)).toEqual(zonesOf(tab));
    expect(zoneById(reloaded, id).name).toBe('内存中的区域');
  });
});
