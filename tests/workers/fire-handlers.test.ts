import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRE_ANALYSIS_DEFAULTS } from '../../src/core/fires/analyze-fires.ts';
import { render } from '../../src/core/text/text.ts';
import { parseDelimited } from '../../src/io/formats/parse-delimited.ts';
import { isCancelled } from '../../src/workers/protocol.ts';
import { inThreadAnalysis } from '../helpers/app-store.ts';

/** A worker of its own (its boundaries decoded once, shared by the file). */
const handlers = () => inThreadAnalysis();
const sample = () => new Blob([readFileSync('public/data/sample-fires.csv')]);
const params = (file: Blob) => ({ file, fileName: 'sample-fires.csv', options: { ...FIRE_ANALYSIS_DEFAULTS } });

describe('fire worker handlers', () => {
  it('imports the synthetic sample with progress, attributing nearly every point to Heilongjiang', async () => {
    const reports: number[] = [];
    const result = await handlers().call('fires.import', params(sample()), { onProgress: (done) => reports.push(done) });
    expect(result.format).toBe('firms-viirs');
    expect(result.points.count).toBe(5000);
    expect(result.rejectedCount).toBe(0);
    expect(reports.at(-1)).toBe(5000);
    const inside = result.analysis.county.filter((c) => c !== -1).length;
    expect(inside / 5000).toBeGreaterThan(0.99);
    // Same-fire merging: the sample's events are seen by 1–3 satellites, so fires < detections.
    expect(new Set(result.analysis.fireId).size).toBeLessThan(5000 * 0.7);
  });

  it('gives the original fields of a point and exports attributed CSV and rejected rows', async () => {
    const h = handlers();
    const bytes = new TextEncoder().encode('latitude,longitude,acq_date,acq_time\n45.75,126.65,2024-04-05,517\n,126,2024-04-05,517\n');
    await h.call('fires.import', params(new Blob([bytes])));
    expect(await h.call('fires.record', { index: 0 })).toEqual({ header: ['latitude', 'longitude', 'acq_date', 'acq_time'], fields: ['45.75', '126.65', '2024-04-05', '517'], line: 2 });
    const exported = parseDelimited((await h.call('fires.exportPoints', { indices: null })).replace(/^\uFEFF/, ''));
    expect(exported.record(0).slice(4)).toEqual(['哈尔滨市', '南岗区', '230103', '2024-04-05', '1', '1']);
    const rejected = parseDelimited((await h.call('fires.exportRejected', {})).replace(/^\uFEFF/, ''));
    expect(rejected.record(0)).toEqual(['3', 'latitude', 'empty', '']);
  });

  it('counts rejected rows by reason, one entry per English sentence, and keeps the reason a text for Chinese', async () => {
    const lines = ['latitude,longitude,acq_date,acq_time', ',126,2024-04-05,517', ',127,2024-04-05,517', '45.75,126.65,2024-13-05,517'];
    const result = await handlers().call('fires.import', params(new Blob([lines.join('\n')])));
    expect(result.rejectedByReason.map(([reason, n]) => [render(reason, 'en'), n])).toEqual([
      ['empty', 2],
      ['not a valid date/time: "2024-13-05 517"', 1],
    ]);
    expect(result.rejectedByReason.map(([reason]) => render(reason, 'zh'))).toEqual(['为空', '不是有效的日期时间：“2024-13-05 517”']);
  });

  it('re-analyses with new settings without re-reading', async () => {
    const h = handlers();
    await h.call('fires.import', params(sample()));
    const wide = await h.call('fires.analyze', { options: { ...FIRE_ANALYSIS_DEFAULTS, clusterDistanceM: 20000, clusterWindowMs: 30 * 86400e3 } });
    const narrow = await h.call('fires.analyze', { options: { ...FIRE_ANALYSIS_DEFAULTS } });
    expect(new Set(wide.clusterId).size).toBeLessThan(new Set(narrow.clusterId).size);
  });

  it('says what to do when asked for details before any import', async () => {
    await expect(handlers().call('fires.record', { index: 0 })).rejects.toThrow('no fire-point file has been imported yet');
  });

  it('stops a cancelled import at its next checkpoint and keeps the file it held, in the same worker', async () => {
    const h = handlers();
    await h.call('fires.import', params(new Blob([new TextEncoder().encode('latitude,longitude,acq_date,acq_time\n45.75,126.65,2024-04-05,517\n')])));
    // 60,000 rows: three slices of 20,000, so the import reaches a checkpoint after the cancel.
    const rows = Array.from({ length: 60_000 }, (_, i) => `${45 + (i % 100) / 100},${126 + (i % 97) / 100},2024-04-05,${500 + (i % 60)}`);
    const big = new Blob([`latitude,longitude,acq_date,acq_time\n${rows.join('\n')}\n`]);
    const controller = new AbortController();
    const progress: number[] = [];
    const importing = h.call('fires.import', { ...params(big), fileName: 'big.csv' }, { signal: controller.signal, onProgress: (done) => {
      progress.push(done);
      if (done >= 20_000) controller.abort();
    } });
    const error = await importing.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(Math.max(...progress)).toBeLessThan(60_000);
    // The worker still answers, and still holds the one-row file.
    expect(await h.call('fires.record', { index: 0 })).toMatchObject({ fields: ['45.75', '126.65', '2024-04-05', '517'], line: 2 });
    await expect(h.call('fires.record', { index: 1 })).rejects.toThrow('out of range');
  });
});
