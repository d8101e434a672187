import type { Boiler, NoBurnCategory } from './boiler.ts';
import { findRule, type RuleBook, type Rule } from './rules.ts';

/** Every verdict a boiler can get, in the order they are listed when several apply. */
export const BOILER_VERDICTS = ['淘汰', '不予新建', '违反禁燃区规定', '超低排放改造', '低氮燃烧改造', '需核实', '合规'] as const;
export type BoilerVerdict = (typeof BOILER_VERDICTS)[number];

/** The boiler rules of seeds/rules.json, by id; every one is evaluated for every boiler. */
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
  verdicts: BoilerVerdict[];
  matches: RuleMatch[];
  toVerify: VerifyItem[];
  /** Inconsistencies that did not stop the audit, e.g. the sheet's city differs from the location's. */
  warnings: BilingualText[];
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

interface Bound {
  lte?: number;
  gte?: number;
  lt?: number;
}

const YES: Test = { state: 'yes' };
const NO: Test = { state: 'no' };
const text = (zh: string, en: string): BilingualText => ({ zh, en });
const number = (value: number) => String(Number(value.toFixed(3)));
/** City names compare without their suffix: a sheet writes 哈尔滨 or 哈尔滨市. */
const cityKey = (name: string) => name.trim().replace(/(市|地区)$/, '');
const ZONE_ORDER: Record<NoBurnCategory, number> = { Ⅲ: 0, Ⅱ: 1, Ⅰ: 2 };

const FUEL_EN: Record<string, string> = { 燃煤: 'coal', 燃气: 'gas', 生物质: 'biomass', 电: 'electric', 燃油: 'oil' };
const USE_EN: Record<string, string> = { 供热: 'heating', 工业: 'industrial', 发电: 'power' };
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
  if (tests.some((t) => t.state === 'no')) return { state: 'no', facts: [], missing: [] };
  const missing = tests.filter((t) => t.state === 'unknown').map((t) => t.missing!);
  const facts = tests.filter((t) => t.state === 'yes' && t.fact).map((t) => t.fact!);
  return { state: missing.length > 0 ? 'unknown' : 'yes', facts, missing };
}

/**
 * Compiles the boiler rules of a rule book (clauses 十一, 十三, 二十三) into an auditor. Thresholds, cities,
 * fuels and statuses come from the book, never from code. Counting follows the plan: 以上/以下/及以下 include
 * the number. Capacities are compared in the unit the sheet gives: t/h against the rule, MW against the MW
 * value the book pairs with that threshold (named in the reason); no capacity, fuel or fact is ever guessed,
 * and what is missing becomes a 需核实 item naming it.
 *
 * @param book - seeds/rules.json.
 * @returns `audit(boiler, place)`, pure and cheap (about a microsecond).
 * @throws Error when a boiler rule is missing from the book.
 * @example
 * const audit = createBoilerAuditor(ruleBook);
 * const result = audit(boiler, { city: '哈尔滨市', county: '南岗区', coverage: false, builtUpArea: '哈尔滨市建成区', zones: [] });
 * result.verdicts; // ['淘汰']
 * result.matches[0].reason.zh; // '燃煤 30 t/h ≤ 35 t/h；位于哈尔滨市建成区「哈尔滨市建成区」；在用'
 */
export function createBoilerAuditor(book: RuleBook): (boiler: Boiler, place: BoilerPlace) => BoilerAudit {
  const rules = new Map<BoilerRuleId, { rule: Rule; clause: string }>();
  for (const id of BOILER_RULE_IDS) {
    const { clause, rule } = findRule(book, id);
    rules.set(id, { rule, clause: clause.id });
  }
  const pairs = book.capacityPairs?.pairs ?? [];
  const ruleOf = (id: BoilerRuleId) => rules.get(id)!;

  /** Capacity against `bound` (t/h): t/h as given, else MW against the paired MW value. */
  const capacity = (boiler: Boiler, bound: Bound): Test => {
    const [op, threshold] = bound.lte !== undefined ? (['≤', bound.lte] as const) : bound.gte !== undefined ? (['≥', bound.gte] as const) : (['<', bound.lt!] as const);
    const holds = (value: number, limit: number) => (op === '≤' ? value <= limit : op === '≥' ? value >= limit : value < limit);
    const negated = op === '≤' ? '>' : op === '≥' ? '<' : '≥';
    if (boiler.capacityTph !== null) {
      const yes = holds(boiler.capacityTph, threshold);
      const sentence = `${number(boiler.capacityTph)} t/h ${yes ? op : negated} ${number(threshold)} t/h`;
      return { state: yes ? 'yes' : 'no', fact: text(sentence, sentence) };
    }
    if (boiler.capacityMw !== null) {
      const pair = pairs.find((p) => p.tph === threshold);
      if (!pair) {
        return {
          state: 'unknown',
          missing: text(`额定蒸发量（t/h）：本条阈值 ${threshold} t/h 无对应的 MW 值`, `capacity in t/h: the ${threshold} t/h threshold has no paired MW value`),
        };
      }
      const yes = holds(boiler.capacityMw, pair.mw);
      const sign = yes ? op : negated;
      return {
        state: yes ? 'yes' : 'no',
        fact: text(
          `额定热功率 ${number(boiler.capacityMw)} MW ${sign} ${number(pair.mw)} MW（${threshold} t/h 的对应值）`,
          `${number(boiler.capacityMw)} MW ${sign} ${number(pair.mw)} MW (the pair of ${threshold} t/h)`,
        ),
      };
    }
    return { state: 'unknown', missing: MISSING.capacity };
  };

  const listTest = (value: string | null, allowed: unknown, missing: BilingualText, describe: (v: string) => BilingualText | undefined): Test => {
    if (!Array.isArray(allowed)) return YES;
    if (value === null) return { state: 'unknown', missing };
    return allowed.includes(value) ? { state: 'yes', fact: describe(value) } : NO;
  };

  return (boiler, place) => {
    const warnings: BilingualText[] = [];
    const toVerify: VerifyItem[] = [];
    const matches: RuleMatch[] = [];

    // City: the sheet's when given, compared with the location's.
    const sheetCity = boiler.city?.trim() || null;
    const mismatch = sheetCity !== null && place.city !== null && cityKey(sheetCity) !== cityKey(place.city);
    if (mismatch) {
      warnings.push(text(`城市不一致：表中为「${sheetCity}」，坐标位于${place.city}`, `city mismatch: the sheet says "${sheetCity}", the location is in ${place.city}`));
    } else if (sheetCity === null && place.city === null) {
      warnings.push(text('坐标不在黑龙江省内，表中也未填城市', 'the location is outside Heilongjiang and the sheet names no city'));
    } else if (place.city === null) {
      warnings.push(text('坐标不在黑龙江省内', 'the location is outside Heilongjiang'));
    }
    const city = sheetCity ?? place.city;
    const sheetCounty = boiler.county?.trim() || null;
    const county = sheetCounty ?? place.county;
    const cityTest = (cities: unknown): Test => {
      if (!Array.isArray(cities)) return YES;
      const listed = (name: string | null) => name !== null && cities.some((c) => cityKey(String(c)) === cityKey(name));
      if (mismatch && listed(sheetCity) !== listed(place.city)) {
        return { state: 'unknown', missing: text(`所在城市（表中为「${sheetCity}」，坐标位于${place.city}）`, `the city (sheet: "${sheetCity}", location: ${place.city})`) };
      }
      return listed(city) ? { state: 'yes', fact: text(`位于${city}`, `in ${city}`) } : NO;
    };

    // Built-up: the sheet's flag beats the layer; a disagreement is reported.
    const layerBuiltUp = place.builtUpArea === null ? null : place.builtUpArea !== false;
    let builtUp: boolean | null = boiler.builtUp ?? layerBuiltUp;
    const builtUpSource = boiler.builtUp !== null ? 'sheet' : layerBuiltUp !== null ? 'layer' : null;
    if (boiler.builtUp !== null && layerBuiltUp !== null && boiler.builtUp !== layerBuiltUp) {
      warnings.push(
        boiler.builtUp
          ? text('表中为位于建成区，但坐标不在建成区范围内（按表中填写判定）', 'the sheet says built-up, the location is outside the built-up layer (the sheet is used)')
          : text(`表中为不在建成区，但坐标位于「${place.builtUpArea}」内（按表中填写判定）`, `the sheet says not built-up, the location is inside "${place.builtUpArea}" (the sheet is used)`),
      );
    }
    const builtUpName = typeof place.builtUpArea === 'string' && builtUp ? place.builtUpArea : null;
    const builtUpFact = builtUpName ? text(`位于建成区「${builtUpName}」`, `inside the built-up area "${builtUpName}"`) : text('位于建成区（表中填写）', 'in a built-up area (per the sheet)');
    const builtUpTest = (): Test => (builtUp === null ? { state: 'unknown', missing: MISSING.builtUp } : builtUp ? { state: 'yes', fact: builtUpFact } : NO);

    const fuelTest = (rule: Rule) => listTest(boiler.fuel, rule.fuel, MISSING.fuel, (v) => text(v, FUEL_EN[v] ?? v));
    const statusTest = (rule: Rule) => listTest(boiler.status, rule.status, MISSING.status, (v) => (v === '在用' ? undefined : text(v, v === '拟建' ? 'planned' : v)));
    const useTest = (rule: Rule) => listTest(boiler.use, rule.use, MISSING.use, (v) => text(`用途${v}`, `used for ${USE_EN[v] ?? v}`));

    const settle = (id: BoilerRuleId, tests: Test[], verdict: BoilerVerdict) => {
      const { rule, clause } = ruleOf(id);
      const outcome = all(tests);
      if (outcome.state === 'yes') {
        matches.push({
          ruleId: id,
          clause,
          verdict,
          deadline: rule.deadline ?? null,
          reason: text(outcome.facts.map((f) => f.zh).join('；'), outcome.facts.map((f) => f.en).join('; ')),
        });
      } else if (outcome.state === 'unknown') {
        for (const missing of outcome.missing) toVerify.push({ ruleId: id, clause, missing });
      }
    };
    const simple = (id: BoilerRuleId, extra: Test[] = []) => {
      const { rule } = ruleOf(id);
      const bound = rule.capacityTph as Bound | undefined;
      const tests = [fuelTest(rule), statusTest(rule), useTest(rule), cityTest(rule.cities)];
      if (bound && (bound.lte !== undefined || bound.gte !== undefined)) tests.push(capacity(boiler, bound));
      settle(id, [...tests, ...extra], rule.verdict as BoilerVerdict);
    };

    // 十一: coverage, built-up 35 t/h, administrative 10 t/h, new build.
    const coverageTest: Test =
      place.coverage === null
        ? { state: 'unknown', missing: MISSING.coverage }
        : place.coverage === false
          ? NO
          : {
              state: 'yes',
              fact:
                place.coverage.by === 'polygon'
                  ? text(`位于供热管网覆盖范围「${place.coverage.name}」内`, `inside heating-network coverage "${place.coverage.name}"`)
                  : text(
                      `距供热管网「${place.coverage.name}」${Math.round(place.coverage.distanceM)} m ≤ 服务半径 ${place.coverage.radiusM} m（假定）`,
                      `${Math.round(place.coverage.distanceM)} m from the pipeline "${place.coverage.name}" ≤ service radius ${place.coverage.radiusM} m (assumed)`,
                    ),
            };
    simple('R11-network-coverage', [coverageTest]);
    simple('R11-builtup-35', [builtUpTest()]);
    simple('R11-admin-10');
    {
      const { rule } = ruleOf('R11-new-build');
      const bounds = rule.capacityTph as { builtUpLte: number; elsewhereLte: number };
      let where: Test;
      if (builtUp === true) where = capacity(boiler, { lte: bounds.builtUpLte });
      else if (builtUp === false) where = capacity(boiler, { lte: bounds.elsewhereLte });
      else {
        // Unknown built-up status decides nothing when both limits agree.
        const small = capacity(boiler, { lte: Math.min(bounds.builtUpLte, bounds.elsewhereLte) });
        const large = capacity(boiler, { lte: Math.max(bounds.builtUpLte, bounds.elsewhereLte) });
        where = small.state === 'yes' ? small : large.state === 'no' ? large : small.state === 'unknown' ? small : { state: 'unknown', missing: MISSING.builtUp };
      }
      const limit: Test = builtUp === true ? { state: 'yes' as const, fact: text(`${builtUpFact.zh}（限 ${bounds.builtUpLte} t/h 及以下）`, `${builtUpFact.en} (limit ${bounds.builtUpLte} t/h and below)`) }
        : builtUp === false ? { state: 'yes' as const, fact: text(`不在建成区（限 ${bounds.elsewhereLte} t/h 及以下）`, `outside built-up areas (limit ${bounds.elsewhereLte} t/h and below)`) }
        : YES;
      settle('R11-new-build', [fuelTest(rule), statusTest(rule), where, limit], rule.verdict as BoilerVerdict);
    }

    // 十三: no-burn zones, when a zones layer was given.
    if (place.zones !== null) {
      const { rule } = ruleOf('R13-no-burn-zone-fuel');
      const categories = rule.categories as Record<NoBurnCategory, { bans: string[]; exceptCapacityTph?: Bound; coalQualityCheckCapacityTph?: Bound }>;
      const zoneTests = [...place.zones].sort((a, b) => ZONE_ORDER[a.category] - ZONE_ORDER[b.category]).map((zone): Test => {
        const category = categories[zone.category];
        const inZone = `位于${zone.category}类禁燃区「${zone.name}」`;
        const inZoneEn = `inside category ${zone.category} no-burn zone "${zone.name}"`;
        if (boiler.fuel === null) return { state: 'unknown', missing: MISSING.fuel };
        if (boiler.fuel === '燃煤') {
          if (category.bans.includes('煤炭及其制品')) {
            if (!category.exceptCapacityTph) return { state: 'yes', fact: text(`${inZone}，${zone.category}类禁燃煤炭及其制品`, `${inZoneEn}, which bans coal`) };
            const exempt = capacity(boiler, category.exceptCapacityTph);
            if (exempt.state === 'unknown') return exempt;
            if (exempt.state === 'yes') return NO;
            return { state: 'yes', fact: text(`${inZone}，${zone.category}类禁燃煤炭（${exempt.fact!.zh}，不属豁免）`, `${inZoneEn}, which bans coal (${exempt.fact!.en}: not exempt)`) };
          }
          if (category.coalQualityCheckCapacityTph) {
            const small = capacity(boiler, category.coalQualityCheckCapacityTph);
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
      });
      const anyZone: Test = zoneTests.find((t) => t.state === 'yes') ?? zoneTests.find((t) => t.state === 'unknown') ?? NO;
      settle('R13-no-burn-zone-fuel', [statusTest(rule), anyZone], rule.verdict as BoilerVerdict);
    }

    // 二十三: ultra-low emission, low-NOx, biomass.
    simple('R23-ultra-low');
    simple('R23-gas-low-nox');
    {
      const { rule } = ruleOf('R23-biomass');
      const requirements = (rule.requirements as string[]).join('、');
      const requirementsEn = (rule.requirements as string[]).map((r) => REQUIREMENT_EN[r] ?? r).join(', ');
      const base = [fuelTest(rule), statusTest(rule)];
      if (all(base).state === 'yes') {
        if (builtUp === true) {
          settle('R23-biomass', [...base, { state: 'yes', fact: text(`${builtUpFact.zh}，鼓励超低排放改造；须${requirements}`, `${builtUpFact.en}: ultra-low emission retrofit encouraged; must have ${requirementsEn}`) }], rule.verdictInBuiltUp as BoilerVerdict);
        } else {
          const where = builtUp === false ? text('不在建成区', 'outside built-up areas') : text('是否位于建成区未知', 'built-up status unknown');
          settle('R23-biomass', [...base, { state: 'yes', fact: text(`${where.zh}；核实${requirements}`, `${where.en}; verify ${requirementsEn}`) }], rule.verdictElsewhere as BoilerVerdict);
        }
      } else {
        settle('R23-biomass', base, rule.verdictElsewhere as BoilerVerdict);
      }
    }

    // The inventory itself: a boiler without fuel or capacity is never judged compliant.
    if (boiler.fuel === null && !toVerify.some((item) => item.missing === MISSING.fuel)) toVerify.unshift({ ruleId: null, clause: null, missing: MISSING.fuel });
    if (boiler.capacityTph === null && boiler.capacityMw === null && !toVerify.some((item) => item.missing === MISSING.capacity)) {
      toVerify.unshift({ ruleId: null, clause: null, missing: MISSING.capacity });
    }

    const found = new Set<BoilerVerdict>(matches.map((m) => m.verdict));
    if (toVerify.length > 0) found.add('需核实');
    const verdicts = found.size === 0 ? (['合规'] as BoilerVerdict[]) : BOILER_VERDICTS.filter((v) => found.has(v));
    return { verdicts, matches, toVerify, warnings, city, county, builtUp, builtUpSource };
  };
}
