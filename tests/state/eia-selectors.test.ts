import { beforeAll, describe, expect, it } from 'vitest';
import { selectBatchOrder } from '../../src/state/eia-selectors.ts';
import type { BatchResult } from '../../src/workers/analysis-api.ts';
import { inThreadAnalysis } from '../helpers/app-store.ts';

let batch: BatchResult;

beforeAll(async () => {
  const worker = inThreadAnalysis();
  await worker.call('eia.load', { borderUrl: 'public/data/provincial-border.geojson' });
  const csv = ['名称,经度,纬度', '乙近省界,124.2,46.2', '哈尔滨,126.63,45.75', '缺纬度,126.6,', '甲近省界,124.1,46.25', '佳木斯,130.36,46.8'].join('\n');
  batch = await worker.call('eia.batch', { file: new Blob([csv]), fileName: 'sites.csv', thresholdKm: 20 });
});

describe('selectBatchOrder', () => {
  it('keeps file order by default and filters by verdict', () => {
    expect(selectBatchOrder(batch, 'all', '', { key: 'row', descending: false })).toEqual([0, 1, 2, 3, 4]);
    expect(selectBatchOrder(batch, 'within', '', { key: 'row', descending: false }).map((i) => batch.sites[i]!.name)).toEqual(['乙近省界', '甲近省界']);
    expect(selectBatchOrder(batch, 'outside', '', { key: 'row', descending: false }).map((i) => batch.sites[i]!.name)).toEqual(['哈尔滨', '佳木斯']);
    expect(selectBatchOrder(batch, 'errors', '', { key: 'row', descending: false })).toEqual([2]);
  });

  it('sorts by distance (refused rows last) and searches every output cell', () => {
    const byDistance = selectBatchOrder(batch, 'all', '', { key: 'distance', descending: false });
    const distances = byDistance.map((i) => batch.sites[i]!.verdict?.distanceM ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(byDistance.at(-1)).toBe(2);
    expect(selectBatchOrder(batch, 'all', '吉林省', { key: 'row', descending: true }).map((i) => batch.sites[i]!.name)).toEqual(['甲近省界', '乙近省界']);
  });
});
