import type { BatchResult, BatchSite } from '../workers/analysis-api.ts';

/** Which batch rows to show. */
export type BatchFilter = 'all' | 'within' | 'outside' | 'errors';
export type BatchSortKey = 'row' | 'name' | 'distance' | 'within';

/**
 * The batch rows to show, as indices into `batch.sites`: kept by verdict filter and by a text search over
 * the row's output cells, then sorted (stable for ties, which keep file order).
 *
 * @param batch - The batch result (sites and their output rows, same order).
 * @param filter - All, within the zone, outside it, or refused rows.
 * @param query - Text searched in every cell, case-insensitive; '' for none.
 * @param sort - Column and direction.
 * @returns Indices of the rows to show, in display order.
 */
export function selectBatchOrder(batch: BatchResult, filter: BatchFilter, query: string, sort: { key: BatchSortKey; descending: boolean }): number[] {
  const text = query.trim().toLowerCase();
  const keep = (site: BatchSite) =>
    filter === 'all' || (filter === 'errors' ? site.error !== null : site.verdict !== null && site.verdict.withinConsultationZone === (filter === 'within'));
  const indices = batch.sites.map((_, i) => i).filter((i) => keep(batch.sites[i]!) && (!text || batch.rows[i]!.some((cell) => cell.toLowerCase().includes(text))));
  const value = (site: BatchSite): number | string =>
    sort.key === 'row' ? site.row : sort.key === 'name' ? site.name : sort.key === 'distance' ? (site.verdict?.distanceM ?? Infinity) : site.verdict?.withinConsultationZone ? 0 : 1;
  indices.sort((a, b) => {
    const [x, y] = [value(batch.sites[a]!), value(batch.sites[b]!)];
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return sort.descending ? -compared : compared;
  });
  return indices;
}
