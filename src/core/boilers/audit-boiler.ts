import { BOILER_VALUE_EN, BOILER_VERDICTS, type Boiler, type BoilerVerdict, type NoBurnCategory } from './boiler.ts';
import { findRule, type RuleBook, type Rule } from '../rules.ts';


/** The boiler rules of seeds/rules.json, by id; each is evaluated for every boiler (R13 only when a zones layer is given). */
export const BOILER_RULE_IDS = [
  'R11-network-coverage',
  'R11-builtup-35',
  'R11-admin-10',
  'R11-new-build',
  'R13-no-burn-zone-fuel',
  'R23-ultra-low',
  'R23-gas-low-nox',
  'R23-biomass',
] as const;
export type BoilerRuleId = (typeof BOILER_RULE_IDS)[number];

/** A sentence in Chinese (the CLI and the default UI) and English. */
export interface BilingualText {
  zh: string;
  en: string;
}

/** Heating-network coverage that contains a boiler: a coverage polygon, or a pipeline within the stated service radius. */
export type CoverageHit = { by: 'polygon'; name: string } | { by: 'pipeline'; name: string; distanceM: number; radiusM: number };

/** A no-burn zone that contains a boiler. */
export interface ZoneHit {
  name: string;
  category: NoBurnCategory;
}

/**
 * Where a boiler stands, from its location and the layers given. `null` means the layer was not given, so
 * the answer is unknown; `false` means the layer was given and the boiler is outside it.
 */
export interface BoilerPlace {
  /** City and county from the location (shipped boundaries); null outside Heilongjiang. */
  city: string | null;
  county: string | null;
  coverage: CoverageHit | false | null;
  /** Name of the built-up area polygon containing the boiler. */
  builtUpArea: string | false | null;
  /** No-burn zones containing the boiler, strictest category first. */
  zones: ZoneHit[] | null;
}

/** One rule that applies to a boiler, with the numbers that make it apply. */
export interface RuleMatch {
  ruleId: BoilerRuleId;
  /** Clause of the plan, e.g. 十一. */
  clause: string;
  verdict: BoilerVerdict;
  /** Year the plan sets, or null. */
  deadline: string | null;
  reason: BilingualText;
}

/** What must be checked before a rule can be decided: the rule (null for the inventory itself) and the missing fact. */
export interface VerifyItem {
  ruleId: BoilerRuleId | null;
  clause: string | null;
  missing: BilingualText;
}

/** The audit of one boiler: its verdicts, the rules behind them, what to verify and what looked inconsistent. */
export interface BoilerAudit {
  /** Distinct verdicts in {@link BOILER_VERDICTS} order; ['合规'] when nothing applies and nothing is missing. */
  verdicts: readonly BoilerVerdict[];
  matches: readonly RuleMatch[];
  toVerify: readonly VerifyItem[];
  /** Inconsistencies that did not stop the audit, e.g. the sheet's city differs from the location's. */
  warnings: readonly BilingualText[];
  /** The city the rules used: the sheet's when it names one, else the location's. */
  city: string | null;
  county: string | null;
  /** Built-up or not, and who said so (the sheet's flag beats the layer; a disagreement is a warning). */
  builtUp: boolean | null;
  builtUpSource: 'sheet' | 'layer' | null;
}

type State = 'yes' | 'no' | 'unknown';
/** A tri-state condition: the fact behind a yes, or what is missing behind an unknown. */
interface Test {
  state: State;
  fact?: BilingualText;
  missing?: BilingualText;
}

/** One capacity limit in t/h: 以上/以下/及以下 are `gte`/`lte` (they include the number), 超过/不满 `gt`/`lt`. */
interface Bound {
  lte?: number;
  gte?: number;
  lt?: number;
  gt?: number;
}
type Op = 'lte' | 'gte' | 'lt' | 'gt';
const OPS: readonly Op[] = ['lte', 'gte', 'lt', 'gt'];

/** The shared empty list of an audit with no match, nothing to verify or no warning. */
const NONE: readonly never[] = Object.freeze([]);
const YES: Test = { state: 'yes' };
const NO: Test = { state: 'no' };
const text = (zh: string, en: string): BilingualText => ({ zh, en });
const number = (value: number) => (Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3))));
/** Heilongjiang's 13 cities as English sheets write them (pinyin, lowercase, no spaces or punctuation). */
const CITY_PINYIN: Record<string, string> = {
  harbin: '哈尔滨', haerbin: '哈尔滨', qiqihar: '齐齐哈尔', qiqihaer: '齐齐哈尔', jixi: '鸡西', hegang: '鹤岗', shuangyashan: '双鸭山',
  daqing: '大庆', yichun: '伊春', jiamusi: '佳木斯', qitaihe: '七台河', mudanjiang: '牡丹江', heihe: '黑河', suihua: '绥化',
  daxinganling: '大兴安岭', daxinganlingdiqu: '大兴安岭', dahingganling: '大兴安岭',
};
const cityKeys = new Map<string, string>();
/**
 * City names compare without their suffix and in Chinese: a sheet writes 哈尔滨, 哈尔滨市 or Harbin (City). A table
 * repeats a few names, so keys are cached.
 */
function cityKey(name: string): string {
  let key = cityKeys.get(name);
  if (key === undefined) {
    const latin = name.toLowerCase().replace(/[\s'’\-_.]/g, '').replace(/(city|shi|prefecture|region|diqu)$/, '');
    key = CITY_PINYIN[latin] ?? name.trim().replace(/(市|地区)$/, '');
    if (cityKeys.size < 10_000) cityKeys.set(name, key);
  }
  return key;
}
const ZONE_ORDER: Record<NoBurnCategory, number> = { Ⅲ: 0, Ⅱ: 1, Ⅰ: 2 };

const REQUIREMENT_EN: Record<string, string> = { 专用锅炉: 'a dedicated boiler', 袋式除尘: 'a bag filter', 不得掺烧煤炭: 'no coal co-firing' };
const MISSING = {
  fuel: text('燃料', 'fuel'),
  status: text('状态（在用/停用/拟建）', 'status (in use / shut down / planned)'),
  use: text('用途（供热/工业/发电）', 'use (heating / industrial / power)'),
  capacity: text('额定蒸发量（t/h）或额定热功率（MW）', 'capacity (t/h or MW)'),
  coverage: text('是否在供热管网覆盖范围内（未提供覆盖范围或管网）', 'inside heating-network coverage (no coverage or pipelines given)'),
  builtUp: text('是否位于建成区（表中未填且未提供建成区范围）', 'inside a built-up area (not in the sheet and no built-up layer given)'),
};

/** Kleene AND: any definite no decides; otherwise any unknown leaves the whole unknown. */
function all(tests: Test[]): { state: State; facts: BilingualText[]; missing: BilingualText[] } {
  const facts: BilingualText[] = [];
  const missing: BilingualText[] = [];
  for (const test of tests) {
    if (test.state === 'no') return { state: 'no', facts: [], missing: [] };
    if (test.state === 'unknown') missing.push(test.missing!);
    else if (test.fact) facts.push(test.fact);
  }
  return { state: missing.length > 0 ? 'unknown' : 'yes', facts, missing };
}

type Pairs = ReadonlyArray<{ tph: number; mw: number }>;

/** A boiler rule with its lists and threshold read once from the book. */
interface CompiledRule {
  id: BoilerRuleId;
  clause: string;
  rule: Rule;
  verdict: BoilerVerdict;
  deadline: string | null;
  fuel: ReadonlySet<string> | null;
  status: ReadonlySet<string> | null;
  use: ReadonlySet<string> | null;
  /** City names without their suffix ({@link cityKey}). */
  cities: ReadonlySet<string> | null;
  within: string | null;
  bound: Bound | null;
}

/** What one audit call knows about its boiler, worked out once. */
interface Audit {
  boiler: Boiler;
  place: BoilerPlace;
  pairs: Pairs;
  sheetCity: string | null;
  /** The sheet's and the location's city differ. */
  mismatch: boolean;
  city: string | null;
  cityKey: string | null;
  placeCityKey: string | null;
  builtUp: boolean | null;
  matches: RuleMatch[];
  toVerify: VerifyItem[];
}

const setOf = (value: unknown): ReadonlySet<string> | null => (Array.isArray(value) ? new Set(value.map(String)) : null);

function compile(book: RuleBook, id: BoilerRuleId): CompiledRule {
  const { clause, rule } = findRule(book, id);
  const limits = rule.capacityTph as Record<string, unknown> | undefined;
  const ops = limits ? OPS.filter((op) => typeof limits[op] === 'number') : [];
  // Other keys (builtUpLte, elsewhereLte) are read by the rule that owns them; a bound must be exactly one limit.
  if (ops.length > 1) throw new Error(`rule ${id}: capacityTph has ${ops.join(' and ')}; give one limit`);
  const bound = ops.length === 1 ? ({ [ops[0]!]: limits![ops[0]!] } as Bound) : null;
  return {
    id,
    clause: clause.id,
    rule,
    verdict: rule.verdict as BoilerVerdict,
    deadline: rule.deadline ?? null,
    fuel: setOf(rule.fuel),
    status: setOf(rule.status),
    use: setOf(rule.use),
    cities: Array.isArray(rule.cities) ? new Set(rule.cities.map((c) => cityKey(String(c)))) : null,
    within: typeof rule.within === 'string' ? rule.within : null,
    bound,
  };
}

const opOf = (bound: Bound): Op => OPS.find((op) => bound[op] !== undefined)!;
const thresholdOf = (bound: Bound) => bound[opOf(bound)]!;
const holds = (op: Op, value: number, limit: number) => (op === 'lte' ? value <= limit : op === 'gte' ? value >= limit : op === 'lt' ? value < limit : value > limit);

/** Whether the capacity meets `bound`: 1 yes, 0 no, -1 unknown (no capacity, or MW without a paired value). */
function capacityState(boiler: Boiler, bound: Bound, pairs: Pairs): 1 | 0 | -1 {
  const op = opOf(bound);
  const threshold = thresholdOf(bound);
  if (boiler.capacityTph !== null) return holds(op, boiler.capacityTph, threshold) ? 1 : 0;
  if (boiler.capacityMw !== null) {
    const pair = pairs.find((p) => p.tph === threshold);
    return pair ? (holds(op, boiler.capacityMw, pair.mw) ? 1 : 0) : -1;
  }
  return -1;
}

const SIGN = { lte: ['≤', '>'], gte: ['≥', '<'], lt: ['<', '≥'], gt: ['>', '≤'] } as const;

/** Capacity against `bound` (t/h) with the sentence that says why: t/h as given, else MW against the paired MW value. */
function capacityTest(boiler: Boiler, bound: Bound, pairs: Pairs): Test {
  const op = opOf(bound);
  const threshold = thresholdOf(bound);
  const state = capacityState(boiler, bound, pairs);
  if (boiler.capacityTph !== null) {
    const sentence = `${number(boiler.capacityTph)} t/h ${SIGN[op][state === 1 ? 0 : 1]} ${number(threshold)} t/h`;
    return { state: state === 1 ? 'yes' : 'no', fact: text(sentence, sentence) };
  }
  if (boiler.capacityMw !== null) {
    const pair = pairs.find((p) => p.tph === threshold);
    if (!pair) {
      return {
        state: 'unknown',
        missing: text(`额定蒸发量（t/h）：本条阈值 ${threshold} t/h 无对应的 MW 值`, `capacity in t/h: the ${threshold} t/h threshold has no paired MW value`),
      };
    }
    const sign = SIGN[op][state === 1 ? 0 : 1];
    return {
      state: state === 1 ? 'yes' : 'no',
      fact: text(
        `额定热功率 ${number(boiler.capacityMw)} MW ${sign} ${number(pair.mw)} MW（${threshold} t/h 的对应值）`,
        `${number(boiler.capacityMw)} MW ${sign} ${number(pair.mw)} MW (the pair of ${threshold} t/h)`,
      ),
    };
  }
  return { state: 'unknown', missing: MISSING.capacity };
}

/** A value against a rule's list: unknown when the sheet left it empty. */
function listTest(value: string | null, allowed: ReadonlySet<string> | null, missing: BilingualText, fact: BilingualText | undefined): Test {
  if (!allowed) return YES;
  if (value === null) return { state: 'unknown', missing };
  return allowed.has(value) ? { state: 'yes', fact } : NO;
}

const fuelTest = (a: Audit, rule: CompiledRule) => listTest(a.boiler.fuel, rule.fuel, MISSING.fuel, a.boiler.fuel === null ? undefined : text(a.boiler.fuel, BOILER_VALUE_EN[a.boiler.fuel]));
const statusTest = (a: Audit, rule: CompiledRule) =>
  listTest(a.boiler.status, rule.status, MISSING.status, a.boiler.status === null || a.boiler.status === '在用' ? undefined : text(a.boiler.status, BOILER_VALUE_EN[a.boiler.status]));
const useTest = (a: Audit, rule: CompiledRule) => listTest(a.boiler.use, rule.use, MISSING.use, a.boiler.use === null ? undefined : text(`用途${a.boiler.use}`, `used for ${BOILER_VALUE_EN[a.boiler.use]}`));

function cityTest(a: Audit, rule: CompiledRule): Test {
  if (!rule.cities) return YES;
  const listed = (key: string | null) => key !== null && rule.cities!.has(key);
  if (a.mismatch && listed(cityKey(a.sheetCity!)) !== listed(a.placeCityKey)) {
    return { state: 'unknown', missing: text(`所在城市（表中为「${a.sheetCity}」，坐标位于${a.place.city}）`, `the city (sheet: "${a.sheetCity}", location: ${a.place.city})`) };
  }
  return listed(a.cityKey) ? { state: 'yes', fact: text(`位于${a.city}`, `in ${a.city}`) } : NO;
}

function builtUpFact(a: Audit): BilingualText {
  const name = typeof a.place.builtUpArea === 'string' && a.builtUp ? a.place.builtUpArea : null;
  return name ? text(`位于建成区「${name}」`, `inside the built-up area "${name}"`) : text('位于建成区（表中填写）', 'in a built-up area (per the sheet)');
}

function coverageTest(place: BoilerPlace): Test {
  if (place.coverage === null) return { state: 'unknown', missing: MISSING.coverage };
  if (place.coverage === false) return NO;
  const hit = place.coverage;
  return {
    state: 'yes',
    fact:
      hit.by === 'polygon'
        ? text(`位于供热管网覆盖范围「${hit.name}」内`, `inside heating-network coverage "${hit.name}"`)
        : text(
            `距供热管网「${hit.name}」${Math.round(hit.distanceM)} m ≤ 服务半径 ${hit.radiusM} m（假定）`,
            `${Math.round(hit.distanceM)} m from the pipeline "${hit.name}" ≤ service radius ${hit.radiusM} m (assumed)`,
          ),
  };
}

function withinTest(a: Audit, within: string | null): Test {
  if (within === 'heating-network-coverage') return coverageTest(a.place);
  if (within === 'built-up-area') return a.builtUp === null ? { state: 'unknown', missing: MISSING.builtUp } : a.builtUp ? { state: 'yes', fact: builtUpFact(a) } : NO;
  return YES;
}

/**
 * True when a known fact already rules the rule out: the same "no" the full tests would reach, found without
 * building any sentence. Most boilers fail most rules here, which keeps an audit to a few microseconds.
 */
function definitelyNot(a: Audit, rule: CompiledRule): boolean {
  const { boiler } = a;
  if (rule.fuel && boiler.fuel !== null && !rule.fuel.has(boiler.fuel)) return true;
  if (rule.status && boiler.status !== null && !rule.status.has(boiler.status)) return true;
  if (rule.use && boiler.use !== null && !rule.use.has(boiler.use)) return true;
  if (rule.cities && !a.mismatch && (a.cityKey === null || !rule.cities.has(a.cityKey))) return true;
  if (rule.within === 'heating-network-coverage' && a.place.coverage === false) return true;
  if (rule.within === 'built-up-area' && a.builtUp === false) return true;
  return rule.bound !== null && capacityState(boiler, rule.bound, a.pairs) === 0;
}

/** Records a rule's outcome: a match with its reason, or what must be verified; nothing for a no. */
function settle(a: Audit, rule: CompiledRule, tests: Test[], verdict: BoilerVerdict): void {
  const outcome = all(tests);
  if (outcome.state === 'yes') {
    a.matches.push({
      ruleId: rule.id,
      clause: rule.clause,
      verdict,
      deadline: rule.deadline,
      reason: text(outcome.facts.map((f) => f.zh).join('；'), outcome.facts.map((f) => f.en).join('; ')),
    });
  } else if (outcome.state === 'unknown') {
    for (const missing of outcome.missing) a.toVerify.push({ ruleId: rule.id, clause: rule.clause, missing });
  }
}

/** A rule made only of lists, cities, a capacity bound and a layer to be within. */
function simpleRule(a: Audit, rule: CompiledRule): void {
  if (definitelyNot(a, rule)) return;
  const tests = [fuelTest(a, rule), statusTest(a, rule), useTest(a, rule), cityTest(a, rule)];
  if (rule.bound) tests.push(capacityTest(a.boiler, rule.bound, a.pairs));
  tests.push(withinTest(a, rule.within));
  settle(a, rule, tests, rule.verdict);
}

/** 十一: no new coal boilers up to one limit in built-up areas and a lower one elsewhere. */
function newBuildRule(a: Audit, rule: CompiledRule): void {
  if (definitelyNot(a, rule)) return;
  const bounds = rule.rule.capacityTph as { builtUpLte: number; elsewhereLte: number };
  let where: Test;
  let limit: Test = YES;
  if (a.builtUp === true) {
    where = capacityTest(a.boiler, { lte: bounds.builtUpLte }, a.pairs);
    const fact = builtUpFact(a);
    limit = { state: 'yes', fact: text(`${fact.zh}（限 ${bounds.builtUpLte} t/h 及以下）`, `${fact.en} (limit ${bounds.builtUpLte} t/h and below)`) };
  } else if (a.builtUp === false) {
    where = capacityTest(a.boiler, { lte: bounds.elsewhereLte }, a.pairs);
    limit = { state: 'yes', fact: text(`不在建成区（限 ${bounds.elsewhereLte} t/h 及以下）`, `outside built-up areas (limit ${bounds.elsewhereLte} t/h and below)`) };
  } else {
    // Unknown built-up status decides nothing when both limits agree.
    const small = capacityTest(a.boiler, { lte: Math.min(bounds.builtUpLte, bounds.elsewhereLte) }, a.pairs);
    const large = capacityTest(a.boiler, { lte: Math.max(bounds.builtUpLte, bounds.elsewhereLte) }, a.pairs);
    where = small.state === 'yes' ? small : large.state === 'no' ? large : small.state === 'unknown' ? small : { state: 'unknown', missing: MISSING.builtUp };
  }
  settle(a, rule, [fuelTest(a, rule), statusTest(a, rule), where, limit], rule.verdict);
}

type CategoryRule = { bans: string[]; exceptCapacityTph?: Bound; coalQualityCheckCapacityTph?: Bound };

/** 十三: whether one zone's category bans the boiler's fuel. */
function zoneTest(a: Audit, zone: ZoneHit, category: CategoryRule): Test {
  const { boiler } = a;
  const inZone = `位于${zone.category}类禁燃区「${zone.name}」`;
  const inZoneEn = `inside category ${zone.category} no-burn zone "${zone.name}"`;
  if (boiler.fuel === null) return { state: 'unknown', missing: MISSING.fuel };
  if (boiler.fuel === '燃煤') {
    if (category.bans.includes('煤炭及其制品')) {
      if (!category.exceptCapacityTph) return { state: 'yes', fact: text(`${inZone}，${zone.category}类禁燃煤炭及其制品`, `${inZoneEn}, which bans coal`) };
      const exempt = capacityTest(boiler, category.exceptCapacityTph, a.pairs);
      if (exempt.state === 'unknown') return exempt;
      if (exempt.state === 'yes') return NO;
      return { state: 'yes', fact: text(`${inZone}，${zone.category}类禁燃煤炭（${exempt.fact!.zh}，不属豁免）`, `${inZoneEn}, which bans coal (${exempt.fact!.en}: not exempt)`) };
    }
    if (category.coalQualityCheckCapacityTph) {
      const small = capacityTest(boiler, category.coalQualityCheckCapacityTph, a.pairs);
      if (small.state !== 'yes') return small.state === 'no' ? NO : small;
      return { state: 'unknown', missing: text(`煤质（含硫量、灰分）：${inZone}，${small.fact!.zh}`, `coal sulphur and ash content: ${inZoneEn}, ${small.fact!.en}`) };
    }
    return NO;
  }
  if (boiler.fuel === '燃油' && category.bans.includes('重油')) {
    return { state: 'unknown', missing: text(`油品（是否为原油、重油、渣油）：${inZone}`, `oil type (crude, heavy or residual oil?): ${inZoneEn}`) };
  }
  if (boiler.fuel === '生物质' && category.bans.some((ban) => ban.includes('生物质'))) {
    return { state: 'unknown', missing: text(`是否为专用锅炉并配置高效除尘设施：${inZone}`, `dedicated boiler with efficient dust removal?: ${inZoneEn}`) };
  }
  return NO;
}

/** 十三: a boiler in no-burn zones, strictest first; only when a zones layer was given. */
function noBurnRule(a: Audit, rule: CompiledRule): void {
  const zones = a.place.zones;
  if (zones === null || zones.length === 0 || definitelyNot(a, rule) || a.boiler.fuel === '燃气' || a.boiler.fuel === '电') return;
  const categories = rule.rule.categories as Record<NoBurnCategory, CategoryRule>;
  const tests = [...zones].sort((x, y) => ZONE_ORDER[x.category] - ZONE_ORDER[y.category]).map((zone) => zoneTest(a, zone, categories[zone.category]));
  const anyZone: Test = tests.find((t) => t.state === 'yes') ?? tests.find((t) => t.state === 'unknown') ?? NO;
  settle(a, rule, [statusTest(a, rule), anyZone], rule.verdict);
}

/** 二十三: biomass boilers: retrofit encouraged in built-up areas, requirements to verify everywhere. */
function biomassRule(a: Audit, rule: CompiledRule): void {
  if (definitelyNot(a, rule)) return;
  const base = [fuelTest(a, rule), statusTest(a, rule)];
  const verdictElsewhere = rule.rule.verdictElsewhere as BoilerVerdict;
  if (all(base).state !== 'yes') {
    settle(a, rule, base, verdictElsewhere);
    return;
  }
  const requirements = (rule.rule.requirements as string[]).join('、');
  const requirementsEn = (rule.rule.requirements as string[]).map((r) => REQUIREMENT_EN[r] ?? r).join(', ');
  if (a.builtUp === true) {
    const fact = builtUpFact(a);
    settle(a, rule, [...base, { state: 'yes', fact: text(`${fact.zh}，鼓励超低排放改造；须${requirements}`, `${fact.en}: ultra-low emission retrofit encouraged; must have ${requirementsEn}`) }], rule.rule.verdictInBuiltUp as BoilerVerdict);
  } else {
    const where = a.builtUp === false ? text('不在建成区', 'outside built-up areas') : text('是否位于建成区未知', 'built-up status unknown');
    settle(a, rule, [...base, { state: 'yes', fact: text(`${where.zh}；核实${requirements}`, `${where.en}; verify ${requirementsEn}`) }], verdictElsewhere);
  }
}

/** Inconsistencies between the sheet and the location, reported beside the verdict. */
function warningsOf(a: Audit, boiler: Boiler, place: BoilerPlace, layerBuiltUp: boolean | null): readonly BilingualText[] {
  // t/h and MW given both and on different sides of a threshold's pair: t/h decides, the sheet should be checked.
  const conflict =
    boiler.capacityTph !== null && boiler.capacityMw !== null ? a.pairs.find((p) => boiler.capacityTph! <= p.tph !== boiler.capacityMw! <= p.mw) : undefined;
  if (!a.mismatch && place.city !== null && !conflict && (boiler.builtUp === null || layerBuiltUp === null || boiler.builtUp === layerBuiltUp)) return NONE;
  const warnings: BilingualText[] = [];
  if (conflict) {
    const tph = number(boiler.capacityTph!);
    const mw = number(boiler.capacityMw!);
    warnings.push(
      text(
        `额定蒸发量 ${tph} t/h 与额定热功率 ${mw} MW 不一致（${conflict.tph} t/h 对应 ${conflict.mw} MW），按 t/h 判定`,
        `${tph} t/h and ${mw} MW disagree (${conflict.tph} t/h pairs with ${conflict.mw} MW); t/h is used`,
      ),
    );
  }
  if (a.mismatch) {
    warnings.push(text(`城市不一致：表中为「${a.sheetCity}」，坐标位于${place.city}`, `city mismatch: the sheet says "${a.sheetCity}", the location is in ${place.city}`));
  } else if (a.sheetCity === null && place.city === null) {
    warnings.push(text('坐标不在黑龙江省内，表中也未填城市', 'the location is outside Heilongjiang and the sheet names no city'));
  } else if (place.city === null) {
    warnings.push(text('坐标不在黑龙江省内', 'the location is outside Heilongjiang'));
  }
  if (boiler.builtUp !== null && layerBuiltUp !== null && boiler.builtUp !== layerBuiltUp) {
    warnings.push(
      boiler.builtUp
        ? text('表中为位于建成区，但坐标不在建成区范围内（按表中填写判定）', 'the sheet says built-up, the location is outside the built-up layer (the sheet is used)')
        : text(`表中为不在建成区，但坐标位于「${place.builtUpArea}」内（按表中填写判定）`, `the sheet says not built-up, the location is inside "${place.builtUpArea}" (the sheet is used)`),
    );
  }
  return warnings;
}

const verdictLists = new Map<number, readonly BoilerVerdict[]>();
/** The verdicts of a bit mask over {@link BOILER_VERDICTS}, in that order; ['合规'] for none. One frozen list per mask. */
function verdictList(mask: number): readonly BoilerVerdict[] {
  let list = verdictLists.get(mask);
  if (!list) {
    list = Object.freeze(mask === 0 ? (['合规'] as BoilerVerdict[]) : BOILER_VERDICTS.filter((_, i) => mask & (1 << i)));
    verdictLists.set(mask, list);
  }
  return list;
}

/**
 * Compiles the boiler rules of a rule book (clauses 十一, 十三, 二十三) into an auditor. Thresholds, cities,
 * fuels and statuses come from the book, never from code. Counting follows the plan: 以上/以下/及以下 include
 * the number. Capacities are compared in the unit the sheet gives: t/h against the rule, MW against the MW
 * value the book pairs with that threshold (named in the reason); no capacity, fuel or fact is ever guessed,
 * and what is missing becomes a 需核实 item naming it. A city the sheet gives is used (a mismatch with the
 * location is a warning, and 需核实 where the two cities decide a rule differently); the sheet's 是否位于建成区
 * beats the built-up layer in the same way.
 *
 * @param book - seeds/rules.json.
 * @returns `audit(boiler, place)`, pure; a few microseconds, since a rule a known fact rules out builds no text.
 * @throws Error when a boiler rule is missing from the book.
 * @example
 * const audit = createBoilerAuditor(ruleBook);
 * const result = audit(boiler, { city: '哈尔滨市', county: '南岗区', coverage: false, builtUpArea: '哈尔滨市建成区', zones: [] });
 * result.verdicts; // ['淘汰']
 * result.matches[0].reason.zh; // '燃煤；位于哈尔滨市；30 t/h ≤ 35 t/h；位于建成区「哈尔滨市建成区」'
 */
export function createBoilerAuditor(book: RuleBook): (boiler: Boiler, place: BoilerPlace) => BoilerAudit {
  const rule = Object.fromEntries(BOILER_RULE_IDS.map((id) => [id, compile(book, id)])) as Record<BoilerRuleId, CompiledRule>;
  const simpleRules = (['R11-network-coverage', 'R11-builtup-35', 'R11-admin-10'] as const).map((id) => rule[id]);
  const pairs = book.capacityPairs?.pairs ?? [];

  return (boiler, place) => {
    const sheetCity = boiler.city?.trim() || null;
    const placeCityKey = place.city === null ? null : cityKey(place.city);
    const mismatch = sheetCity !== null && placeCityKey !== null && cityKey(sheetCity) !== placeCityKey;
    // The location's spelling when the sheet agrees with it, so one city is never split by how a sheet writes it.
    const city = sheetCity === null || (placeCityKey !== null && !mismatch) ? place.city : sheetCity;
    const layerBuiltUp = place.builtUpArea === null ? null : place.builtUpArea !== false;
    const a: Audit = {
      boiler,
      place,
      pairs,
      sheetCity,
      mismatch,
      city,
      cityKey: city === null ? null : cityKey(city),
      placeCityKey,
      builtUp: boiler.builtUp ?? layerBuiltUp,
      matches: [],
      toVerify: [],
    };
    for (const compiled of simpleRules) simpleRule(a, compiled);
    newBuildRule(a, rule['R11-new-build']);
    noBurnRule(a, rule['R13-no-burn-zone-fuel']);
    simpleRule(a, rule['R23-ultra-low']);
    simpleRule(a, rule['R23-gas-low-nox']);
    biomassRule(a, rule['R23-biomass']);

    // The inventory itself: a boiler without fuel or capacity is never judged compliant.
    const { matches, toVerify } = a;
    if (boiler.fuel === null && !toVerify.some((item) => item.missing === MISSING.fuel)) toVerify.unshift({ ruleId: null, clause: null, missing: MISSING.fuel });
    if (boiler.capacityTph === null && boiler.capacityMw === null && !toVerify.some((item) => item.missing === MISSING.capacity)) {
      toVerify.unshift({ ruleId: null, clause: null, missing: MISSING.capacity });
    }
    // A table keeps 100,000 audits: empty lists and common verdict lists are shared (frozen) to spare memory and GC.
    let mask = toVerify.length > 0 ? 1 << BOILER_VERDICTS.indexOf('需核实') : 0;
    for (const match of matches) mask |= 1 << BOILER_VERDICTS.indexOf(match.verdict);
    const county = boiler.county?.trim() || place.county;
    const builtUpSource = boiler.builtUp !== null ? 'sheet' : layerBuiltUp !== null ? 'layer' : null;
    const warnings = warningsOf(a, boiler, place, layerBuiltUp);
    return {
      verdicts: verdictList(mask),
      matches: matches.length > 0 ? matches : NONE,
      toVerify: toVerify.length > 0 ? toVerify : NONE,
      warnings: warnings.length > 0 ? warnings : NONE,
      city,
      county,
      builtUp: a.builtUp,
      builtUpSource,
    };
  };
}
