import { beforeAll, describe, expect, it } from 'vitest';
import { BOILER_VERDICTS } from '../../src/core/boilers/boiler.ts';
import { boilerLayerData } from '../../src/map/layers/boiler-layer-data.ts';
import { ALL_BOILERS, selectBoilerOrder, selectBoilerSummary } from '../../src/state/boiler-selectors.ts';
import type { BoilerAuditResult } from '../../src/workers/analysis-api.ts';
import { inThreadAnalysis } from '../helpers/app-store.ts';

let audit: BoilerAuditResult;

beforeAll(async () => {
  const worker = inThreadAnalysis();
  const built = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: '哈尔滨建成区' }, geometry: { type: 'Polygon', coordinates: [[[126.5, 45.6], [126.8, 45.6], [126.8, 45.9], [126.5, 45.9], [126.5, 45.6]]] } }],
  });
  await worker.call('boilers.readLayer', { kind: 'builtUp', file: new Blob([built]), fileName: 'built.geojson', synthetic: false });
  const csv = [
    '名称,经度,纬度,额定蒸发量(t/h),额定热功率(MW),燃料,用途,状态',
    '丙-哈尔滨30蒸吨,126.65,45.75,30,,燃煤,工业,在用', // 淘汰 (R11-builtup-35)
    '甲-大庆燃气,125.03,46.60,4,,燃气,供热,在用', // 低氮燃烧改造
    '乙-无坐标,,,10,,燃煤,工业,在用', // refused
    '丁-大庆75蒸吨,125.03,46.60,75,,燃煤,发电,在用', // 超低排放改造
    '戊-哈尔滨7MW,126.65,45.75,,7,燃煤,工业,在用', // 淘汰 (R11-builtup-35 and R11-admin-10 by MW pair)
  ].join('\n');
  audit = await worker.call('boilers.audit', { file: new Blob([csv]), fileName: 'b.csv', serviceRadiusM: 1000 });
});

const names = (indices: number[]) => indices.map((i) => audit.records[i]!.boiler?.name ?? `row ${audit.records[i]!.row}`);
const byRow = { key: 'row' as const, descending: false };

describe('selectBoilerOrder', () => {
  it('keeps file order and filters by verdict, rule, city and errors', () => {
    expect(selectBoilerOrder(audit, ALL_BOILERS, byRow)).toEqual([0, 1, 2, 3, 4]);
    expect(names(selectBoilerOrder(audit, { ...ALL_BOILERS, verdict: '淘汰' }, byRow))).toEqual(['丙-哈尔滨30蒸吨', '戊-哈尔滨7MW']);
    expect(names(selectBoilerOrder(audit, { ...ALL_BOILERS, rule: 'R11-admin-10' }, byRow))).toEqual(['戊-哈尔滨7MW']);
    expect(names(selectBoilerOrder(audit, { ...ALL_BOILERS, city: '大庆市' }, byRow))).toEqual(['甲-大庆燃气', '丁-大庆75蒸吨']);
    expect(selectBoilerOrder(audit, { ...ALL_BOILERS, verdict: 'errors' }, byRow)).toEqual([2]);
    expect(names(selectBoilerOrder(audit, { ...ALL_BOILERS, query: '发电' }, byRow))).toEqual(['丁-大庆75蒸吨']);
  });

  it('sorts by name, by capacity and by verdict severity, rows without a verdict last', () => {
    expect(names(selectBoilerOrder(audit, ALL_BOILERS, { key: 'name', descending: false })).slice(0, 2)).toEqual(['丙-哈尔滨30蒸吨', '丁-大庆75蒸吨']);
    expect(names(selectBoilerOrder(audit, ALL_BOILERS, { key: 'capacity', descending: true })).slice(0, 2)).toEqual(['丁-大庆75蒸吨', '丙-哈尔滨30蒸吨']);
    const bySeverity = selectBoilerOrder(audit, ALL_BOILERS, { key: 'verdict', descending: false });
    const ranks = bySeverity.map((i) => {
      const verdict = audit.records[i]!.audit?.verdicts[0];
      return verdict ? BOILER_VERDICTS.indexOf(verdict) : BOILER_VERDICTS.length;
    });
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(bySeverity.at(-1)).toBe(2);
  });
});

describe('selectBoilerSummary', () => {
  it('sums per city and is recomputed only for a new audit', () => {
    const summary = selectBoilerSummary(audit);
    expect(summary.map((s) => s.city)).toEqual(['哈尔滨市', '大庆市', '合计']);
    expect(summary[0]!.phaseOut).toEqual({ count: 2, tph: 30, mw: 7 });
    expect(summary[1]!.retrofit).toEqual({ count: 2, tph: 79, mw: 0 });
    expect(selectBoilerSummary(audit)).toBe(summary);
    expect(selectBoilerSummary(null)).toEqual([]);
  });
});

describe('boilerLayerData, the map layer builder', () => {
  it('draws located boilers by their first verdict and maps each point back to its record', () => {
    const layers = {};
    const data = boilerLayerData(layers, audit, 3, null, 1000)!;
    expect(Array.from(data.recordOfPoint)).toEqual([0, 1, 3, 4]);
    expect(Array.from(data.verdicts).map((v) => BOILER_VERDICTS[v])).toEqual(['淘汰', '低氮燃烧改造', '超低排放改造', '淘汰']);
    expect(Array.from(data.positions.slice(4, 6))).toEqual([125.03, 46.6]);
    expect(data.selected).toEqual([125.03, 46.6]);
    expect(boilerLayerData(layers, audit, 3, null, 1000)).toBe(data);
    expect(boilerLayerData({}, null, null, null, 1000)).toBeNull();
  });
});
