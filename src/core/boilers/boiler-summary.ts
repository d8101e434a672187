import type { BoilerAudit } from './audit-boiler.ts';
import { BOILER_VERDICTS, type Boiler, type BoilerVerdict } from './boiler.ts';

/** A count of boilers and their capacity, t/h and MW kept apart (never converted). */
export interface CapacityTotal {
  count: number;
  /** Sum over boilers that give t/h. */
  tph: number;
  /** Sum over boilers that give only MW (a boiler giving both counts in t/h only). */
  mw: number;
}

/** One city's audit in numbers. */
export interface CityBoilerSummary {
  /** The city the audit used; '（未知）' when neither the sheet nor the location gives one. */
  city: string;
  boilers: number;
  byVerdict: Record<BoilerVerdict, number>;
  /** Boilers with a 淘汰 verdict. */
  phaseOut: CapacityTotal;
  /** Boilers with a 超低排放改造 or 低氮燃烧改造 verdict. */
  retrofit: CapacityTotal;
}

/** The city name used for boilers whose city is unknown. */
export const UNKNOWN_CITY = '（未知）';
/** The city name of the total row. */
export const TOTAL_ROW = '合计';

const emptyTotal = (): CapacityTotal => ({ count: 0, tph: 0, mw: 0 });
const add = (total: CapacityTotal, boiler: Boiler) => {
  total.count++;
  if (boiler.capacityTph !== null) total.tph += boiler.capacityTph;
  else if (boiler.capacityMw !== null) total.mw += boiler.capacityMw;
};

/**
 * Sums an audit per city: boilers per verdict (a boiler with two verdicts counts under both), and the
 * number and capacity of boilers to phase out and to retrofit. Capacities stay in their own unit: a boiler
 * rated in t/h adds to the t/h total, one rated only in MW to the MW total.
 *
 * @param items - Audited boilers (rows without a location are left out by the caller).
 * @returns One summary per city, by number of boilers to phase out, then name, unknown city last; then a 合计 (total) row.
 * @example
 * summariseBoilerAudits([{ boiler, audit }])[0]; // { city: '哈尔滨市', boilers: 1, byVerdict: { 淘汰: 1, … }, phaseOut: { count: 1, tph: 30, mw: 0 }, … }
 */
export function summariseBoilerAudits(items: ReadonlyArray<{ boiler: Boiler; audit: BoilerAudit }>): CityBoilerSummary[] {
  const byCity = new Map<string, CityBoilerSummary>();
  const fresh = (city: string): CityBoilerSummary => ({
    city,
    boilers: 0,
    byVerdict: Object.fromEntries(BOILER_VERDICTS.map((v) => [v, 0])) as Record<BoilerVerdict, number>,
    phaseOut: emptyTotal(),
    retrofit: emptyTotal(),
  });
  const total = fresh(TOTAL_ROW);
  for (const { boiler, audit } of items) {
    const city = audit.city ?? UNKNOWN_CITY;
    let summary = byCity.get(city);
    if (!summary) byCity.set(city, (summary = fresh(city)));
    for (const target of [summary, total]) {
      target.boilers++;
      for (const verdict of audit.verdicts) target.byVerdict[verdict]++;
      if (audit.verdicts.includes('淘汰')) add(target.phaseOut, boiler);
      if (audit.verdicts.includes('超低排放改造') || audit.verdicts.includes('低氮燃烧改造')) add(target.retrofit, boiler);
    }
  }
  const unknownLast = (summary: CityBoilerSummary) => (summary.city === UNKNOWN_CITY ? 1 : 0);
  const cities = [...byCity.values()].sort((a, b) => unknownLast(a) - unknownLast(b) || b.phaseOut.count - a.phaseOut.count || a.city.localeCompare(b.city, 'zh-CN'));
  return items.length > 0 ? [...cities, total] : [];
}
