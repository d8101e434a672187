import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clusterStatuses } from '../../src/core/fires/patrol-status.ts';
import type { AppStore } from '../../src/state/app-store.ts';
import { EMPTY_SITE_FORM } from '../../src/state/eia-slice.ts';
import { createTestStore, inThreadAnalysis, waitForState } from '../helpers/app-store.ts';

/**
 * A reload is a second store over the same IndexedDB (fake-indexeddb), with the real analysis handlers in this thread:
 * what the first store kept must come back in the second exactly, and what the storage view deletes must not.
 */
let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

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
});
