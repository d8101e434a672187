import { beforeAll, describe, expect, it } from 'vitest';
import { clusterStatuses } from '../../src/core/fires/patrol-status.ts';
import type { AppStore } from '../../src/state/app-store.ts';
import { EMPTY_SITE_FORM } from '../../src/state/eia-slice.ts';
import type { AnalysisApi } from '../../src/workers/analysis-api.ts';
import type { WorkerPort } from '../../src/workers/protocol.ts';
import { createTestStore, freshIndexedDbPerTest, inThreadAnalysis, testPorts, waitForState } from '../helpers/app-store.ts';

/**
 * A reload is a second store over the same IndexedDB (fake-indexeddb), with the real analysis handlers in this thread:
 * what the first store kept must come back in the second exactly, and what the storage view deletes must not.
 */
freshIndexedDbPerTest();

beforeAll(async () => {
  await inThreadAnalysis().call('boundaries.countyAt', { lon: 126.65, lat: 45.75 });
}, 60_000);

/** The store after a reload: the map has drawn its first view, and the kept work is put back. */
async function reloaded(): Promise<AppStore> {
  const store = createTestStore();
  store.getState().setMapReady();
  await store.getState().restoreWork();
  return store;
}

/** The status of the cluster that holds detection `point` now. */
const statusOfPoint = (store: AppStore, point: number) => {
  const { fireData, patrolMarks } = store.getState();
  if (!fireData || !patrolMarks) throw new Error('no fire data or no marks');
  return clusterStatuses(fireData.analysis.clusterId, patrolMarks)[fireData.analysis.clusterId[point]!]!;
};

describe('the app store keeps the work of every workspace across a reload', () => {
  it('brings back the fire points, their settings and filter, and a status set before the cluster distance changed', async () => {
    const first = createTestStore();
    await first.getState().loadSampleFires();
    const data = first.getState().fireData!;
    expect(data.points.count).toBe(5000);
    // A detection in a cluster of several: its cluster is what the coordinator marks.
    const { clusterId } = data.analysis;
    const sizes = new Map<number, number>();
    for (const c of clusterId) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const point = clusterId.findIndex((c) => sizes.get(c)! >= 3);
    first.getState().setPatrolStatus(clusterId[point]!, '已派出');
    first.getState().setFireFilter({ frpMin: 5 });
    await first.getState().setFireSettings({ clusterDistanceM: 8000 });
    expect(statusOfPoint(first, point).status).toBe('已派出');
    await first.getState().flushWork();

    const second = await reloaded();
    const back = second.getState().fireData!;
    expect(back.id).toBe(data.id);
    expect(back.points.count).toBe(5000);
    expect([...back.points.lon.subarray(0, 5)]).toEqual([...data.points.lon.subarray(0, 5)]);
    expect(back.points.lon).toBeInstanceOf(Float64Array);
    expect(second.getState().fireSettings.clusterDistanceM).toBe(8000);
    expect(second.getState().fireFilter.frpMin).toBe(5);
    expect(statusOfPoint(second, point).status).toBe('已派出');
    // The worker has the file again: a point's original fields come back for its card.
    await second.getState().selectFire(point);
    expect(second.getState().selectedFire?.index).toBe(point);
  }, 60_000);

  it('brings back every EIA check with its verdict, newest first, and forgets them once deleted in the storage view', async () => {
    const first = createTestStore();
    await first.getState().openEia();
    await first.getState().checkTypedSite({ ...EMPTY_SITE_FORM, text: '124.1, 46.25' });
    await first.getState().checkTypedSite({ ...EMPTY_SITE_FORM, text: '126.65, 45.75' });
    const history = first.getState().eiaHistory;
    expect(history).toHaveLength(2);
    expect(history[0]!.verdict.withinConsultationZone).toBe(false); // 哈尔滨, far from the border
    expect(history[1]!.verdict.withinConsultationZone).toBe(true);
    await first.getState().flushWork();

    const second = await reloaded();
    expect(second.getState().eiaHistory.map((c) => [c.id, c.verdict.distanceM])).toEqual(history.map((c) => [c.id, c.verdict.distanceM]));
    await second.getState().refreshKeptItems();
    expect(second.getState().keptItems?.map((item) => item.key)).toContain('eia.history');
    await second.getState().deleteKeptItem('eia.history');
    expect(second.getState().eiaHistory).toEqual([]);

    const third = await reloaded();
    expect(third.getState().eiaHistory).toEqual([]);
  }, 60_000);

  it('brings back the boiler inventory, its four layers and the same audit', async () => {
    const first = createTestStore();
    await first.getState().loadBoilerSample();
    const audit = first.getState().boilerAudit!;
    expect(audit.records).toHaveLength(300);
    const verdicts = audit.records.map((r) => r.audit?.verdicts.join(';') ?? r.error);
    await first.getState().flushWork();

    const second = await reloaded();
    await waitForState(second, (s) => s.boilerBusy.kind === 'idle' && s.boilerAudit !== null, 'the restored audit');
    expect(Object.keys(second.getState().boilerLayers).sort()).toEqual(['builtUp', 'coverage', 'pipelines', 'zones']);
    expect(second.getState().boilerAudit!.records.map((r) => r.audit?.verdicts.join(';') ?? r.error)).toEqual(verdicts);
  }, 60_000);

  it('keeps an EIA check made before the restore finished together with the restored ones', async () => {
    const first = createTestStore();
    await first.getState().checkTypedSite({ ...EMPTY_SITE_FORM, text: '124.1, 46.25' });
    await first.getState().flushWork();

    const second = createTestStore();
    second.getState().setMapReady();
    await second.getState().checkTypedSite({ ...EMPTY_SITE_FORM, text: '126.65, 45.75' }); // before restoreWork
    await second.getState().restoreWork();
    expect(second.getState().eiaHistory.map((c) => c.source.kind === 'typed' && c.source.form.text)).toEqual(['126.65, 45.75', '124.1, 46.25']);
    await second.getState().flushWork();

    const third = await reloaded();
    expect(third.getState().eiaHistory).toHaveLength(2);
  }, 60_000);
});

describe('the fire workspace keeps its view apart from its file', () => {
  it('writes a filter change as the small view item, not the whole file again, and keeps settings changed before any import', async () => {
    const first = createTestStore();
    await first.getState().setFireSettings({ clusterDistanceM: 5000 }); // nothing loaded yet
    await first.getState().loadSampleFires();
    await first.getState().flushWork();
    await first.getState().refreshKeptItems();
    const savedAt = (key: string) => first.getState().keptItems!.find((item) => item.key === key)?.savedAt;
    const fileSaved = savedAt('fires');
    expect(fileSaved).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.getState().setFireFilter({ frpMin: 3 });
    await first.getState().flushWork();
    await first.getState().refreshKeptItems();
    expect(savedAt('fires')).toBe(fileSaved);
    expect(savedAt('fires.view')! > fileSaved!).toBe(true);
    const sizes = Object.fromEntries(first.getState().keptItems!.map((item) => [item.key, item.bytes]));
    expect(sizes['fires.view']).toBeLessThan(2000);
    expect(sizes['fires']).toBeGreaterThan(100_000);

    const second = await reloaded();
    expect(second.getState().fireSettings.clusterDistanceM).toBe(5000);
    expect(second.getState().fireFilter.frpMin).toBe(3);
  }, 60_000);

  it('shows the clusters of the latest settings when an earlier analysis answers last', async () => {
    const worker = inThreadAnalysis();
    let delayNext = true;
    // The real handlers, with the first analysis held back so it answers after the second.
    const slowFirst: WorkerPort<AnalysisApi> = {
      async call(type, params, options) {
        const hold = type === 'fires.analyze' && delayNext;
        if (type === 'fires.analyze') delayNext = false;
        const result = await worker.call(type, params, options);
        if (hold) await new Promise((resolve) => setTimeout(resolve, 300));
        return result;
      },
    };
    const store = createTestStore(testPorts(slowFirst));
    await store.getState().loadSampleFires();
    const older = store.getState().setFireSettings({ clusterDistanceM: 8000 });
    const newer = store.getState().setFireSettings({ clusterDistanceM: 1000 });
    await Promise.all([older, newer]);
    const expected = await worker.call('fires.analyze', { options: store.getState().fireSettings });
    expect(store.getState().fireSettings.clusterDistanceM).toBe(1000);
    expect([...store.getState().fireData!.analysis.clusterId]).toEqual([...expected.clusterId]);
    // The two distances do give different clusters, so the check above can tell them apart.
    const at8000 = await worker.call('fires.analyze', { options: { ...store.getState().fireSettings, clusterDistanceM: 8000 } });
    expect([...at8000.clusterId]).not.toEqual([...expected.clusterId]);
  }, 60_000);

  it('deletes the patrol statuses with the fire file they belong to', async () => {
    const store = createTestStore();
    await store.getState().loadSampleFires();
    store.getState().setPatrolStatus(store.getState().fireData!.analysis.clusterId[0]!, '已核实');
    await store.getState().flushWork();
    await store.getState().refreshKeptItems();
    expect(store.getState().keptItems!.map((item) => item.key).sort()).toEqual(['fires', 'fires.view', 'patrol']);
    await store.getState().deleteKeptItem('fires');
    expect(store.getState().keptItems!.map((item) => item.key)).toEqual(['fires.view']);
    expect(store.getState().fireData).toBeNull();
  }, 60_000);
});

describe('the boiler workspace while its kept files come back', () => {
  it('keeps an inventory the user loads during the restore, instead of putting the older one back over it', async () => {
    const first = createTestStore();
    await first.getState().loadBoilerSample();
    await first.getState().flushWork();

    const worker = inThreadAnalysis();
    // The real handlers, with reading a layer slowed so the user's load lands in the middle of the restore.
    const slowLayers: WorkerPort<AnalysisApi> = {
      async call(type, params, options) {
        if (type === 'boilers.readLayer') await new Promise((resolve) => setTimeout(resolve, 150));
        return worker.call(type, params, options);
      },
    };
    const second = createTestStore(testPorts(slowLayers));
    second.getState().setMapReady();
    const restoring = second.getState().restoreWork();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const mine = '名称,经度,纬度,额定蒸发量,燃料,用途,状态\n甲,126.65,45.75,8,燃煤,工业,在用\n乙,126.6,45.7,40,燃煤,供暖,在用\n';
    await second.getState().loadBoilerInventory(new Blob([mine]), '我的清单.csv');
    await restoring;
    await waitForState(second, (s) => s.boilerBusy.kind === 'idle', 'the boiler jobs to end');
    expect(second.getState().boilerAudit!.fileName).toBe('我的清单.csv');
    expect(second.getState().boilerAudit!.records).toHaveLength(2);
  }, 60_000);
});
