import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBoilerAuditor, type BoilerAudit, type BoilerPlace } from '../../../src/core/boilers/audit-boiler.ts';
import type { Boiler } from '../../../src/core/boilers/boiler.ts';
import type { RuleBook } from '../../../src/core/rules.ts';

const book = (): RuleBook => JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook;
const audit = createBoilerAuditor(book());

const boiler = (fields: Partial<Boiler> = {}): Boiler => ({
  name: '测试锅炉',
  lon: 126.6,
  lat: 45.75,
  capacityTph: 30,
  capacityMw: null,
  fuel: '燃煤',
  use: '工业',
  status: '在用',
  builtUp: null,
  city: null,
  county: null,
  ...fields,
});

/** Harbin, every layer given, outside all of them unless a test says otherwise. */
const place = (fields: Partial<BoilerPlace> = {}): BoilerPlace => ({
  city: '哈尔滨市',
  county: '南岗区',
  coverage: false,
  builtUpArea: false,
  zones: [],
  ...fields,
});

const ruleIds = (result: BoilerAudit) => result.matches.map((m) => m.ruleId);
const missing = (result: BoilerAudit) => result.toVerify.map((item) => item.missing.zh);

describe('clause 十一: phase-out of coal boilers', () => {
  it('flags a 30 t/h coal boiler inside the 哈尔滨 built-up area, with the numbers and the deadline', () => {
    const result = audit(boiler(), place({ builtUpArea: '哈尔滨市建成区' }));
    expect(result.verdicts).toEqual(['淘汰']);
    expect(ruleIds(result)).toEqual(['R11-builtup-35']);
    const match = result.matches[0]!;
    expect(match.clause).toBe('十一');
    expect(match.deadline).toBe('2025');
    expect(match.reason.zh).toContain('30 t/h ≤ 35 t/h');
    expect(match.reason.zh).toContain('哈尔滨市建成区');
    expect(match.reason.en).toContain('30 t/h ≤ 35 t/h');
  });

  it('counts 35 t/h as "35蒸吨及以下" and leaves 36 t/h alone', () => {
    expect(ruleIds(audit(boiler({ capacityTph: 35 }), place({ builtUpArea: 'A' })))).toEqual(['R11-builtup-35']);
    const larger = audit(boiler({ capacityTph: 36 }), place({ builtUpArea: 'A' }));
    expect(larger.verdicts).toEqual(['合规']);
  });

  it('applies the built-up rule only in the four listed cities', () => {
    const result = audit(boiler({ capacityTph: 20 }), place({ city: '齐齐哈尔市', county: '龙沙区', builtUpArea: '齐齐哈尔市建成区' }));
    expect(result.verdicts).toEqual(['合规']);
    expect(ruleIds(audit(boiler({ capacityTph: 20 }), place({ city: '七台河市', builtUpArea: 'B' })))).toEqual(['R11-builtup-35']);
  });

  it('phases out ≤ 10 t/h anywhere in 绥化 but not in 大庆', () => {
    const suihua = audit(boiler({ capacityTph: 10 }), place({ city: '绥化市', county: '北林区' }));
    expect(ruleIds(suihua)).toEqual(['R11-admin-10']);
    expect(suihua.matches[0]!.reason.zh).toContain('10 t/h ≤ 10 t/h');
    expect(audit(boiler({ capacityTph: 10 }), place({ city: '大庆市', county: '萨尔图区' })).verdicts).toEqual(['合规']);
  });

  it('phases out an in-use heating coal boiler inside network coverage, and not an industrial one', () => {
    const heating = audit(boiler({ capacityTph: 40, use: '供热' }), place({ coverage: { by: 'polygon', name: '道里供热区' } }));
    expect(ruleIds(heating)).toEqual(['R11-network-coverage']);
    expect(heating.matches[0]!.reason.zh).toContain('道里供热区');
    expect(audit(boiler({ capacityTph: 40, use: '工业' }), place({ coverage: { by: 'polygon', name: '道里供热区' } })).verdicts).toEqual(['合规']);
  });

  it('states the assumed service radius when coverage comes from a pipeline', () => {
    const result = audit(boiler({ capacityTph: 40, use: '供热' }), place({ coverage: { by: 'pipeline', name: '一号主管网', distanceM: 612.4, radiusM: 1000 } }));
    expect(result.matches[0]!.reason.zh).toContain('612 m ≤ 服务半径 1000 m（假定）');
  });

  it('does not phase out a shut-down boiler inside coverage', () => {
    expect(audit(boiler({ capacityTph: 40, use: '供热', status: '停用' }), place({ coverage: { by: 'polygon', name: 'C' } })).verdicts).toEqual(['合规']);
  });

  it('asks to verify coverage when no coverage or pipelines were given, instead of passing the boiler', () => {
    const result = audit(boiler({ capacityTph: 40, use: '供热' }), place({ coverage: null }));
    expect(result.verdicts).toEqual(['需核实']);
    expect(result.toVerify[0]!.ruleId).toBe('R11-network-coverage');
    expect(missing(result)[0]).toContain('供热管网覆盖范围');
  });

  it('refuses new coal boilers of ≤ 35 t/h in built-up areas and ≤ 10 t/h elsewhere', () => {
    const planned = (capacityTph: number) => boiler({ capacityTph, status: '拟建' });
    expect(audit(planned(35), place({ builtUpArea: 'A' })).verdicts).toEqual(['不予新建']);
    expect(audit(planned(36), place({ builtUpArea: 'A' })).verdicts).toEqual(['合规']);
    const elsewhere = audit(planned(10), place({ city: '大庆市' }));
    expect(elsewhere.verdicts).toEqual(['不予新建']);
    expect(elsewhere.matches[0]!.reason.zh).toContain('不在建成区（限 10 t/h 及以下）');
    expect(audit(planned(15), place({ city: '大庆市' })).verdicts).toEqual(['合规']);
    // Retrofits are for boilers in use: a planned gas boiler is simply permitted.
    expect(audit(boiler({ capacityTph: 4, fuel: '燃气', status: '拟建' }), place({ builtUpArea: 'A' })).verdicts).toEqual(['合规']);
  });

  it('decides a new build without knowing the built-up status only when both limits agree', () => {
    const unknown = place({ city: '大庆市', builtUpArea: null });
    expect(audit(boiler({ capacityTph: 8, status: '拟建' }), unknown).verdicts).toEqual(['不予新建']);
    expect(audit(boiler({ capacityTph: 40, status: '拟建' }), unknown).verdicts).toEqual(['合规']);
    const between = audit(boiler({ capacityTph: 20, status: '拟建' }), unknown);
    expect(between.verdicts).toEqual(['需核实']);
    expect(between.toVerify.map((item) => item.ruleId)).toEqual(['R11-new-build']);
    expect(missing(between)[0]).toContain('是否位于建成区');
  });
});

describe('clause 二十三: retrofits', () => {
  it('counts 65 t/h as "65蒸吨以上" for ultra-low emission and leaves 64 t/h alone', () => {
    const result = audit(boiler({ capacityTph: 65 }), place({ city: '大庆市' }));
    expect(result.verdicts).toEqual(['超低排放改造']);
    expect(result.matches[0]!.reason.zh).toContain('65 t/h ≥ 65 t/h');
    expect(audit(boiler({ capacityTph: 64 }), place({ city: '大庆市' })).verdicts).toEqual(['合规']);
  });

  it('compares a boiler rated only in MW with the paired MW value and says so', () => {
    const large = audit(boiler({ capacityTph: null, capacityMw: 45.5 }), place({ city: '大庆市' }));
    expect(large.verdicts).toEqual(['超低排放改造']);
    expect(large.matches[0]!.reason.zh).toContain('额定热功率 45.5 MW ≥ 45.5 MW（65 t/h 的对应值）');
    const builtUp = audit(boiler({ capacityTph: null, capacityMw: 29 }), place({ builtUpArea: 'A' }));
    expect(ruleIds(builtUp)).toEqual(['R11-builtup-35']);
    expect(builtUp.matches[0]!.reason.zh).toContain('29 MW ≤ 29 MW（35 t/h 的对应值）');
    expect(audit(boiler({ capacityTph: null, capacityMw: 30 }), place({ builtUpArea: 'A' })).verdicts).toEqual(['合规']);
  });

  it('uses t/h when a boiler gives both t/h and MW', () => {
    const result = audit(boiler({ capacityTph: 40, capacityMw: 28 }), place({ builtUpArea: 'A' }));
    expect(result.verdicts).toEqual(['合规']);
  });

  it('flags gas boilers for the low-NOx check and biomass boilers by built-up status', () => {
    expect(ruleIds(audit(boiler({ fuel: '燃气' }), place()))).toEqual(['R23-gas-low-nox']);
    const inside = audit(boiler({ fuel: '生物质' }), place({ builtUpArea: 'A' }));
    expect(inside.verdicts).toEqual(['超低排放改造']);
    expect(inside.matches[0]!.reason.zh).toContain('专用锅炉、袋式除尘、不得掺烧煤炭');
    const outside = audit(boiler({ fuel: '生物质' }), place());
    expect(outside.verdicts).toEqual(['需核实']);
    expect(ruleIds(outside)).toEqual(['R23-biomass']);
  });

  it('leaves electric boilers compliant', () => {
    expect(audit(boiler({ fuel: '电' }), place({ builtUpArea: 'A', coverage: { by: 'polygon', name: 'C' } })).verdicts).toEqual(['合规']);
  });
});

describe('clause 十三: no-burn zones', () => {
  it('flags any coal boiler inside a category Ⅲ zone', () => {
    const result = audit(boiler({ capacityTph: 4 }), place({ city: '大庆市', zones: [{ name: '萨尔图禁燃区', category: 'Ⅲ' }] }));
    expect(result.verdicts).toEqual(['违反禁燃区规定']);
    expect(result.matches[0]!.clause).toBe('十三');
    expect(result.matches[0]!.reason.zh).toContain('Ⅲ类禁燃区「萨尔图禁燃区」');
  });

  it('exempts coal boilers of 20 t/h and more in a category Ⅱ zone', () => {
    const zone = place({ city: '大庆市', zones: [{ name: 'Z', category: 'Ⅱ' }] });
    expect(audit(boiler({ capacityTph: 25 }), zone).verdicts).toEqual(['合规']);
    expect(audit(boiler({ capacityTph: 20 }), zone).verdicts).toEqual(['合规']);
    const small = audit(boiler({ capacityTph: 19 }), zone);
    expect(small.verdicts).toEqual(['违反禁燃区规定']);
    expect(small.matches[0]!.reason.zh).toContain('19 t/h < 20 t/h');
  });

  it('asks for the coal quality of a small coal boiler in a category Ⅰ zone', () => {
    const result = audit(boiler({ capacityTph: 4 }), place({ city: '大庆市', zones: [{ name: 'Z1', category: 'Ⅰ' }] }));
    expect(result.verdicts).toEqual(['需核实']);
    expect(missing(result)[0]).toContain('煤质（含硫量、灰分）');
    expect(audit(boiler({ capacityTph: 25 }), place({ city: '大庆市', zones: [{ name: 'Z1', category: 'Ⅰ' }] })).verdicts).toEqual(['合规']);
  });

  it('takes the strictest of overlapping zones', () => {
    const result = audit(boiler({ capacityTph: 25 }), place({ city: '大庆市', zones: [{ name: 'Z2', category: 'Ⅱ' }, { name: 'Z3', category: 'Ⅲ' }] }));
    expect(result.verdicts).toEqual(['违反禁燃区规定']);
    expect(result.matches[0]!.reason.zh).toContain('Z3');
  });

  it('leaves gas boilers alone in a Ⅲ zone apart from the low-NOx check', () => {
    expect(ruleIds(audit(boiler({ fuel: '燃气' }), place({ zones: [{ name: 'Z', category: 'Ⅲ' }] })))).toEqual(['R23-gas-low-nox']);
  });

  it('does not evaluate zones when no zones layer was given', () => {
    const result = audit(boiler({ capacityTph: 4 }), place({ city: '大庆市', zones: null }));
    expect(result.verdicts).toEqual(['合规']);
    expect(result.toVerify).toEqual([]);
  });
});

describe('missing and inconsistent data', () => {
  it('never passes a boiler without capacity, and names what is missing', () => {
    const result = audit(boiler({ capacityTph: null, capacityMw: null }), place({ city: '大庆市' }));
    expect(result.verdicts).toEqual(['需核实']);
    expect(missing(result)).toContain('额定蒸发量（t/h）或额定热功率（MW）');
  });

  it('never passes a boiler without fuel', () => {
    const result = audit(boiler({ fuel: null }), place({ city: '大庆市' }));
    expect(result.verdicts).toEqual(['需核实']);
    expect(missing(result)).toContain('燃料');
    expect(result.matches).toEqual([]);
  });

  it('still phases out what it can decide when other facts are missing', () => {
    const result = audit(boiler({ capacityTph: 8, use: null }), place({ city: '哈尔滨市', coverage: { by: 'polygon', name: 'C' } }));
    expect(result.verdicts).toEqual(['淘汰', '需核实']);
    expect(ruleIds(result)).toEqual(['R11-admin-10']);
    expect(result.toVerify.map((item) => item.ruleId)).toEqual(['R11-network-coverage']);
  });

  it('uses the sheet city, reports a mismatch, and asks to verify when the two cities decide differently', () => {
    const result = audit(boiler({ capacityTph: 8, city: '大庆市' }), place({ city: '哈尔滨市' }));
    expect(result.city).toBe('大庆市');
    expect(result.warnings[0]!.zh).toBe('城市不一致：表中为「大庆市」，坐标位于哈尔滨市');
    expect(result.verdicts).toEqual(['需核实']);
    expect(result.toVerify.map((item) => item.ruleId)).toEqual(['R11-admin-10']);
    // Same city written without 市: no mismatch.
    const same = audit(boiler({ capacityTph: 8, city: '哈尔滨' }), place());
    expect(same.warnings).toEqual([]);
    expect(same.verdicts).toEqual(['淘汰']);
  });

  it('lets the sheet built-up flag beat the layer and reports the disagreement', () => {
    const result = audit(boiler({ builtUp: false }), place({ builtUpArea: '哈尔滨市建成区' }));
    expect(result.builtUp).toBe(false);
    expect(result.builtUpSource).toBe('sheet');
    expect(result.verdicts).toEqual(['合规']);
    expect(result.warnings[0]!.zh).toContain('按表中填写判定');
    expect(audit(boiler({ builtUp: true }), place({ builtUpArea: null })).verdicts).toEqual(['淘汰']);
  });

  it('lists every rule a boiler matches', () => {
    const result = audit(boiler({ capacityTph: 8, use: '供热' }), place({ builtUpArea: 'A', coverage: { by: 'polygon', name: 'C' }, zones: [{ name: 'Z', category: 'Ⅲ' }] }));
    expect(ruleIds(result)).toEqual(['R11-network-coverage', 'R11-builtup-35', 'R11-admin-10', 'R13-no-burn-zone-fuel']);
    expect(result.verdicts).toEqual(['淘汰', '违反禁燃区规定']);
  });
});

describe('English sheets and conflicting capacities', () => {
  it('reads an English city name as the same city, and reports the location\'s spelling', () => {
    const result = audit(boiler({ capacityTph: 8, city: 'Harbin City' }), place());
    expect(result.warnings).toEqual([]);
    expect(result.city).toBe('哈尔滨市');
    expect(result.verdicts).toEqual(['淘汰']);
    expect(audit(boiler({ capacityTph: 8, city: '哈尔滨' }), place()).city).toBe('哈尔滨市');
  });

  it('warns when t/h and MW disagree about a threshold, and decides by t/h', () => {
    const result = audit(boiler({ capacityTph: 40, capacityMw: 20 }), place({ builtUpArea: 'A' }));
    expect(result.verdicts).toEqual(['合规']);
    expect(result.warnings[0]!.zh).toBe('额定蒸发量 40 t/h 与额定热功率 20 MW 不一致（35 t/h 对应 29 MW），按 t/h 判定');
    expect(audit(boiler({ capacityTph: 30, capacityMw: 21 }), place({ builtUpArea: 'A' })).warnings).toEqual([]);
  });
});

describe('thresholds live in the rule book', () => {
  it('supports 超过/不满 limits (gt/lt) and refuses a bound with two limits', () => {
    const changed = book();
    const rule = changed.clauses.flatMap((c) => c.rules).find((r) => r.id === 'R23-ultra-low')!;
    rule.capacityTph = { gt: 65 };
    const strict = createBoilerAuditor(changed);
    expect(strict(boiler({ capacityTph: 65 }), place({ city: '大庆市' })).verdicts).toEqual(['合规']);
    const above = strict(boiler({ capacityTph: 66 }), place({ city: '大庆市' }));
    expect(above.matches[0]!.reason.zh).toContain('66 t/h > 65 t/h');
    expect(strict(boiler({ capacityTph: 2 }), place({ city: '大庆市' })).verdicts).toEqual(['合规']);
    rule.capacityTph = { gte: 65, lt: 100 };
    expect(() => createBoilerAuditor(changed)).toThrow(/R23-ultra-low: capacityTph has gte and lt/);
  });

  it('follows a changed threshold and city list', () => {
    const changed = book();
    const rule = changed.clauses.flatMap((c) => c.rules).find((r) => r.id === 'R11-builtup-35')!;
    rule.capacityTph = { lte: 20 };
    rule.cities = ['大庆市'];
    const custom = createBoilerAuditor(changed);
    expect(custom(boiler({ capacityTph: 30 }), place({ builtUpArea: 'A' })).verdicts).toEqual(['合规']);
    expect(ruleIds(custom(boiler({ capacityTph: 20 }), place({ city: '大庆市', builtUpArea: 'A' })))).toEqual(['R11-builtup-35']);
  });

  it('refuses a rule book without the boiler rules', () => {
    const broken = book();
    broken.clauses = broken.clauses.filter((c) => c.id !== '二十三');
    expect(() => createBoilerAuditor(broken)).toThrow(/R23-ultra-low/);
  });
});
