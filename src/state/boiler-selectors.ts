import { BOILER_VERDICTS, type BoilerVerdict } from '../core/boilers/boiler.ts';
import { summariseBoilerAudits, UNKNOWN_CITY, type CityBoilerSummary } from '../core/boilers/boiler-summary.ts';
import type { AuditedRecord } from '../io/formats/audit-boilers-table.ts';
import type { BoilerAuditResult } from '../workers/analysis-api.ts';
import { memo } from './memo.ts';

/** The verdict a boiler is drawn and sorted by: the first of its verdicts in {@link BOILER_VERDICTS} order. */
export function primaryVerdict(record: AuditedRecord): BoilerVerdict | null {
  return record.audit?.verdicts[0] ?? null;
}

/**
 * The verdicts of a planned boiler that refuse it (不予新建, 违反禁燃区规定); empty when it may be built.
 *
 * @param verdicts - The audit's verdicts.
 * @returns The refusing verdicts, in order.
 */
export function refusesNewBuild(verdicts: readonly BoilerVerdict[]): BoilerVerdict[] {
  return verdicts.filter((v) => v === '不予新建' || v === '违反禁燃区规定');
}

/** Which audit rows to show. */
export interface BoilerFilter {
  /** A verdict the row has, 'all', or 'errors' for rows without a location. */
  verdict: BoilerVerdict | 'all' | 'errors';
  /** A rule id the row matches or must verify, or 'all'. */
  rule: string;
  /** The city the audit used, or 'all'. */
  city: string;
  /** Searched in every output cell, case-insensitive. */
  query: string;
}

export const ALL_BOILERS: BoilerFilter = { verdict: 'all', rule: 'all', city: 'all', query: '' };
export type BoilerSortKey = 'row' | 'name' | 'city' | 'capacity' | 'verdict';

const capacityOf = (record: AuditedRecord) => record.boiler?.capacityTph ?? record.boiler?.capacityMw ?? -1;

/**
 * The audit rows to show, as indices into `audit.records`: kept by verdict, rule, city and text, then sorted
 * (stable: ties keep file order; sorted by any column but the row, rows without a location last). Capacity sorts t/h and MW values as numbers,
 * each in its own unit.
 *
 * @param audit - The audit result.
 * @param filter - What to keep.
 * @param sort - Column and direction.
 * @returns Indices of the rows to show, in display order.
 */
export function selectBoilerOrder(audit: BoilerAuditResult, filter: BoilerFilter, sort: { key: BoilerSortKey; descending: boolean }): number[] {
  const text = filter.query.trim().toLowerCase();
  const keep = (record: AuditedRecord, i: number) => {
    if (filter.verdict === 'errors' ? record.error === null : filter.verdict !== 'all' && !record.audit?.verdicts.includes(filter.verdict)) return false;
    if (filter.rule !== 'all' && !record.audit?.matches.some((m) => m.ruleId === filter.rule) && !record.audit?.toVerify.some((v) => v.ruleId === filter.rule)) return false;
    if (filter.city !== 'all' && (record.audit?.city ?? UNKNOWN_CITY) !== filter.city) return false;
    return !text || audit.rows[i]!.some((cell) => cell.toLowerCase().includes(text));
  };
  const indices = audit.records.map((_, i) => i).filter((i) => keep(audit.records[i]!, i));
  const rank = (record: AuditedRecord) => {
    const verdict = primaryVerdict(record);
    return verdict === null ? BOILER_VERDICTS.length : BOILER_VERDICTS.indexOf(verdict);
  };
  const value = (record: AuditedRecord): number | string =>
    sort.key === 'row' ? record.row : sort.key === 'name' ? (record.boiler?.name ?? '') : sort.key === 'city' ? (record.audit?.city ?? '') : sort.key === 'capacity' ? capacityOf(record) : rank(record);
  indices.sort((a, b) => {
    // Sorted by anything but the row, rows without a boiler (no location) stay last either way.
    const missing = sort.key === 'row' ? 0 : Number(audit.records[a]!.boiler === null) - Number(audit.records[b]!.boiler === null);
    if (missing !== 0) return missing;
    const [x, y] = [value(audit.records[a]!), value(audit.records[b]!)];
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return sort.descending ? -compared : compared;
  });
  return indices;
}

/**
 * The per-city summary of an audit (rows without a location left out), recomputed only for a new audit.
 *
 * @param audit - The audit result, or null.
 * @returns One row per city and a 合计 row; [] without an audit.
 */
export const selectBoilerSummary = memo((audit: BoilerAuditResult | null): CityBoilerSummary[] => {
  if (!audit) return [];
  const items = audit.records.filter((r) => r.boiler && r.audit).map((r) => ({ boiler: r.boiler!, audit: r.audit! }));
  return summariseBoilerAudits(items);
});

