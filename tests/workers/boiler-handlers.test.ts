import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Boiler } from '../../src/core/boilers/boiler.ts';
import { errorText, render } from '../../src/core/text/text.ts';
import { BOILER_OUTPUT_COLUMNS } from '../../src/io/formats/audit-boilers-table.ts';
import type { AnalysisApi } from '../../src/workers/analysis-api.ts';
import type { WorkerPort } from '../../src/workers/protocol.ts';
import { inThreadAnalysis } from '../helpers/app-store.ts';

let handlers: WorkerPort<AnalysisApi>;

const square = (west: number, south: number, size: number) => [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]];
const layerFile = (features: object[]) => new Blob([JSON.stringify({ type: 'FeatureCollection', features })]);
const area = (properties: object, west: number, south: number, size: number) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: square(west, south, size) } });
/** In 南岗区, 哈尔滨. */
const HARBIN = [126.65, 45.75] as const;
const INVENTORY = ['名称,经度,纬度,额定蒸发量(t/h),燃料,用途,状态', `供热40蒸吨,${HARBIN.join(',')},40,燃煤,供热,在用`, '无坐标,,,10,燃煤,工业,在用'].join('\n');

beforeAll(async () => {
  handlers = inThreadAnalysis();
});

describe('boiler worker handlers', () => {
  it('audits an inventory in file order with progress, then re-audits it when a layer arrives', async () => {
    const reports: [number, number][] = [];
    const first = await handlers.call('boilers.audit', { file: new Blob([INVENTORY]), fileName: '锅炉.csv', serviceRadiusM: 1000 }, { onProgress: (done, total) => reports.push([done, total]) });
    expect(first.header).toEqual(['名称', '经度', '纬度', '额定蒸发量(t/h)', '燃料', '用途', '状态', ...BOILER_OUTPUT_COLUMNS]);
    expect(first.records.map((r) => r.row)).toEqual([2, 3]);
    expect(first.records[0]!.audit!.verdicts).toEqual(['需核实']); // coverage unknown
    expect(first.rejectedCount).toBe(1);
    expect(first.layers).toEqual({ coverage: false, pipelines: false, builtUp: false, zones: false });
    expect(reports.at(-1)).toEqual([2, 2]);

    const coverage = await handlers.call('boilers.readLayer', { kind: 'coverage', file: layerFile([area({ 名称: '南岗供热区' }, 126.6, 45.7, 0.1)]), fileName: 'coverage.geojson', synthetic: false });
    expect(coverage).toMatchObject({ kind: 'coverage', areaCount: 1, pipelineCount: 0, rejected: [] });
    expect(coverage.features.features[0]!.properties.name).toBe('南岗供热区');
    const again = await handlers.call('boilers.audit', { serviceRadiusM: 1000 });
    expect(again.fileName).toBe('锅炉.csv');
    expect(again.records[0]!.audit!.verdicts).toEqual(['淘汰']);
    expect(again.records[0]!.audit!.matches[0]!.ruleId).toBe('R11-network-coverage');
    expect(again.layers.coverage).toBe(true);
  });

  it('keeps the layer loaded before when a new file has nothing usable, and says why', async () => {
    const bad = layerFile([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [126, 45] } }]);
    await expect(handlers.call('boilers.readLayer', { kind: 'coverage', file: bad, fileName: 'points.geojson', synthetic: false })).rejects.toThrow(
      /^points\.geojson: nothing usable as 供热管网覆盖范围 \(feature 1, geometry: a Point has no area.*the layer loaded before is kept$/,
    );
    const still = await handlers.call('boilers.audit', { serviceRadiusM: 1000 });
    expect(still.records[0]!.audit!.matches[0]!.reason.zh).toContain('南岗供热区');
  });

  it('says in Chinese why a layer file has nothing usable, naming the file and the features left out', async () => {
    const bad = layerFile([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [126, 45] } }]);
    const error = await handlers.call('boilers.readLayer', { kind: 'builtUp', file: bad, fileName: '建成区.geojson', synthetic: false }).catch((caught: unknown) => caught);
    const said = errorText(error);
    expect(render(said, 'en')).toBe(
      '建成区.geojson: nothing usable as 建成区 (feature 1, geometry: a Point has no area: draw the area as a polygon, or a pipeline as a line); the layer loaded before is kept',
    );
    expect(render(said, 'zh')).toBe('建成区.geojson：没有可用作建成区的内容（第 1 个要素，geometry：Point 没有面积：区域请绘制为多边形，管网请绘制为线）；保留之前加载的图层');
  });

  it('keeps the inventory audited before when a new inventory cannot be read', async () => {
    await expect(handlers.call('boilers.audit', { file: new Blob(['名称,燃料\nA,燃煤\n']), fileName: 'bad.csv', serviceRadiusM: 1000 })).rejects.toThrow(/^bad\.csv: no location columns/);
    expect((await handlers.call('boilers.audit', { serviceRadiusM: 1000 })).fileName).toBe('锅炉.csv');
  });

  it('reads zones with their category, and rejects zones without one by feature number', async () => {
    const zones = await handlers.call('boilers.readLayer', {
      kind: 'zones',
      file: layerFile([area({ name: '南岗禁燃区', 类别: 'Ⅲ' }, 126.64, 45.74, 0.02), area({ name: '无类别' }, 127, 45, 0.1)]),
      fileName: 'zones.geojson',
      synthetic: false,
    });
    expect(zones.areaCount).toBe(1);
    expect(zones.features.features[0]!.properties).toEqual({ name: '南岗禁燃区', category: 'Ⅲ' });
    expect(zones.rejected).toEqual([expect.objectContaining({ row: 2, field: 'category' })]);
  });

  it('checks a planned boiler against the layers loaded now, and forgets a cleared layer', async () => {
    const planned: Boiler = { name: '拟建', lon: HARBIN[0], lat: HARBIN[1], capacityTph: 20, capacityMw: null, fuel: '燃煤', use: null, status: '拟建', builtUp: true, city: null, county: null };
    const inZone = await handlers.call('boilers.check', { boiler: planned, serviceRadiusM: 1000 });
    expect(inZone.place.zones).toEqual([{ name: '南岗禁燃区', category: 'Ⅲ' }]);
    expect(inZone.audit.verdicts).toEqual(['不予新建', '违反禁燃区规定']);
    await handlers.call('boilers.clearLayer', { kind: 'zones' });
    const cleared = await handlers.call('boilers.check', { boiler: planned, serviceRadiusM: 1000 });
    expect(cleared.place.zones).toBeNull();
    expect(cleared.audit.verdicts).toEqual(['不予新建']);
  });

  it('counts pipelines as coverage within the radius it is given', async () => {
    const pipe = layerFile([{ type: 'Feature', properties: { name: '一号线' }, geometry: { type: 'LineString', coordinates: [[126.64, 45.7], [126.64, 45.8]] } }]);
    await handlers.call('boilers.clearLayer', { kind: 'coverage' });
    const loaded = await handlers.call('boilers.readLayer', { kind: 'pipelines', file: pipe, fileName: 'pipes.geojson', synthetic: false });
    expect(loaded.pipelineCount).toBe(1);
    // 126.65 E is about 780 m east of the pipeline at 45.75 N.
    expect((await handlers.call('boilers.audit', { serviceRadiusM: 500 })).records[0]!.audit!.verdicts).toEqual(['合规']);
    const wide = await handlers.call('boilers.audit', { serviceRadiusM: 1000 });
    expect(wide.serviceRadiusM).toBe(1000);
    expect(wide.records[0]!.audit!.matches[0]!.reason.zh).toMatch(/距供热管网「一号线」7\d\d m ≤ 服务半径 1000 m（假定）/);
  });
});
