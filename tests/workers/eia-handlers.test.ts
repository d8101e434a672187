import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EIA_OUTPUT_COLUMNS } from '../../src/io/formats/eia-output.ts';
import type { AnalysisApi } from '../../src/workers/analysis-api.ts';
import type { WorkerPort } from '../../src/workers/protocol.ts';
import { inThreadAnalysis } from '../helpers/app-store.ts';
import { bruteForceNearest } from '../helpers/brute-force-geodesic.ts';
import { english } from '../helpers/in-english.ts';

const urls = { borderUrl: 'public/data/provincial-border.geojson' };
let handlers: WorkerPort<AnalysisApi>;
let lines: number[][][];

beforeAll(async () => {
  handlers = inThreadAnalysis();
  const { border } = await handlers.call('eia.load', urls);
  lines = border.features.map((f) => f.geometry.coordinates);
});

describe('EIA worker handlers', () => {
  it('loads the border and reports each neighbour’s length', async () => {
    const { border, lengthKm } = await handlers.call('eia.load', urls);
    expect(new Set(border.features.map((f) => f.properties.neighbor))).toEqual(new Set(['吉林省', '内蒙古自治区']));
    expect(lengthKm['吉林省']).toBeCloseTo(1647.6, 0);
    expect(lengthKm['内蒙古自治区']).toBeCloseTo(2393.7, 0);
  });

  it('refuses a buffer distance outside 1–100 km and reports progress while building one', async () => {
    await expect(handlers.call('eia.buffer', { distanceKm: 0.5 })).rejects.toThrow(/outside 1–100 km/);
    const reports: number[] = [];
    const result = await handlers.call('eia.buffer', { distanceKm: 20 }, { onProgress: (done) => reports.push(done) });
    expect(result.polygon.type).toBe('MultiPolygon');
    expect(result.vertices).toBeGreaterThan(1000);
    expect(reports.at(-1)).toBe(300);
  });

  it('judges every row of a CSV in file order, keeping refused rows with their reason', async () => {
    const csv = ['名称,经度,纬度', '近省界,124.2,46.2', '哈尔滨,126.63,45.75', '缺纬度,126.6,', '填反,45.75,126.63'].join('\n');
    const result = await handlers.call('eia.batch', { file: new Blob([csv]), fileName: 'sites.csv', thresholdKm: 20 });
    expect(result.header).toEqual(['名称', '经度', '纬度', ...EIA_OUTPUT_COLUMNS]);
    expect(result.sites.map((s) => s.row)).toEqual([2, 3, 4, 5]);
    expect(result.withinCount).toBe(1);
    expect(result.rejectedCount).toBe(2);
    const reference = bruteForceNearest([124.2, 46.2], lines)!.distance;
    expect(Math.abs(result.sites[0]!.verdict!.distanceM - reference)).toBeLessThan(0.01);
    expect(result.rows[0]!.slice(3, 6)).toEqual(['true', reference.toFixed(2), '吉林省']);
    expect(result.sites[1]!.verdict!.withinConsultationZone).toBe(false);
    expect(english(result.sites[2]!.error!)).toMatch(/^纬度: /);
    expect(english(result.sites[3]!.error!)).toMatch(/swap/i);
    expect(result.rows[2]!.at(-1)).toBe(english(result.sites[2]!.error!));
  });

  it('reads the first polygon of an uploaded outline and says so when a file has none', async () => {
    const square = { type: 'Polygon', coordinates: [[[124.1, 46.1], [124.2, 46.1], [124.2, 46.2], [124.1, 46.2], [124.1, 46.1]]] };
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '厂址' }, geometry: square }] });
    const outline = await handlers.call('eia.readOutline', { file: new Blob([geojson]), fileName: 'site.geojson' });
    expect(outline).toMatchObject({ name: '厂址', polygonCount: 1, geometry: square });
    const points = JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [124, 46] } });
    await expect(handlers.call('eia.readOutline', { file: new Blob([points]), fileName: 'point.geojson' })).rejects.toThrow(/^point\.geojson: no polygon among 1 feature/);
    await expect(handlers.call('eia.readOutline', { file: new Blob([]), fileName: 'empty.geojson' })).rejects.toThrow(/empty\.geojson/);
  });
});
