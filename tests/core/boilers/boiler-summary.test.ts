import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBoilerAuditor, type BoilerPlace } from '../../../src/core/boilers/audit-boiler.ts';
import type { Boiler } from '../../../src/core/boilers/boiler.ts';
import { summariseBoilerAudits } from '../../../src/core/boilers/boiler-summary.ts';
import type { RuleBook } from '../../../src/core/rules.ts';

const audit = createBoilerAuditor(JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook);
const boiler = (fields: Partial<Boiler>): Boiler => ({
  name: 'b', lon: 0, lat: 0, capacityTph: null, capacityMw: null, fuel: '燃煤', use: '工业', status: '在用', builtUp: null, city: null, county: null, ...fields,
});
const place = (city: string | null, builtUpArea: string | false = false): BoilerPlace => ({ city, county: null, coverage: false, builtUpArea, zones: null });
const audited = (b: Boiler, p: BoilerPlace) => ({ boiler: b, audit: audit(b, p) });

describe('summariseBoilerAudits', () => {
  it('counts verdicts and sums phase-out and retrofit capacity per city, t/h and MW apart', () => {
    const summary = summariseBoilerAudits([
      audited(boiler({ capacityTph: 30 }), place('哈尔滨市', 'A')), // 淘汰 (built-up 35)
      audited(boiler({ capacityTph: 8 }), place('哈尔滨市')), // 淘汰 (admin 10)
      audited(boiler({ capacityMw: 7 }), place('哈尔滨市')), // 淘汰, MW only
      audited(boiler({ capacityTph: 8, capacityMw: 5.6 }), place('绥化市')), // 淘汰, counted in t/h only
      audited(boiler({ capacityTph: 75 }), place('大庆市')), // 超低排放改造
      audited(boiler({ capacityMw: 2.8, fuel: '燃气' }), place('大庆市')), // 低氮燃烧改造
      audited(boiler({ capacityTph: 20 }), place(null)), // 合规, city unknown (warning)
    ]);
    expect(summary.map((s) => s.city)).toEqual(['哈尔滨市', '绥化市', '大庆市', '（未知）', '合计']);
    const harbin = summary[0]!;
    expect(harbin.boilers).toBe(3);
    expect(harbin.byVerdict.淘汰).toBe(3);
    expect(harbin.phaseOut).toEqual({ count: 3, tph: 38, mw: 7 });
    expect(summary[1]!.phaseOut).toEqual({ count: 1, tph: 8, mw: 0 });
    const daqing = summary[2]!;
    expect(daqing.retrofit).toEqual({ count: 2, tph: 75, mw: 2.8 });
    expect(daqing.byVerdict.超低排放改造).toBe(1);
    expect(daqing.byVerdict.低氮燃烧改造).toBe(1);
    const total = summary[4]!;
    expect(total.boilers).toBe(7);
    expect(total.phaseOut).toEqual({ count: 4, tph: 46, mw: 7 });
    expect(total.byVerdict.合规).toBe(1);
  });

  it('is empty for no boilers', () => {
    expect(summariseBoilerAudits([])).toEqual([]);
  });
});
