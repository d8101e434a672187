import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderProperties } from '../core/eia/provincial-border.ts';
import type { BatchResult, BatchSite } from '../workers/eia-messages.ts';
import type { EiaSlice } from './eia-slice.ts';

/** What the EIA map layer draws: border, buffer, the judged site with its nearest border point, the sector, the draft and batch sites. */
export interface EiaLayerData {
  border: FeatureCollection<LineString, BorderProperties> | null;
  buffer: MultiPolygon | null;
  site: Polygon | MultiPolygon | null;
  sitePoint: [number, number] | null;
  /** From the site's nearest point to the nearest border point. */
  nearest: [Position, Position] | null;
  sector: Position[] | null;
  draft: [number, number][];
  /** Batch sites: lon/lat pairs and 0 outside, 1 within the zone. */
  batchPositions: Float64Array;
  batchWithin: Uint8Array;
}

let last: { inputs: unknown[]; data: EiaLayerData } | null = null;

/**
 * The EIA layer's data from the store, rebuilt only when one of its inputs changes.
 *
 * @param state - The EIA slice.
 * @returns The layer data, or null before the border is loaded.
 */
export function selectEiaLayerData(state: EiaSlice): EiaLayerData | null {
  const inputs = [state.eiaBorder, state.eiaBuffer, state.eiaCheck, state.eiaDraft, state.eiaBatch];
  if (!state.eiaBorder) return null;
  if (last && last.inputs.every((value, i) => value === inputs[i])) return last.data;
  const check = state.eiaCheck;
  const judged = state.eiaBatch?.sites.filter((s) => s.verdict && s.lon !== null && s.lat !== null) ?? [];
  const batchPositions = new Float64Array(judged.length * 2);
  const batchWithin = new Uint8Array(judged.length);
  judged.forEach((s, i) => {
    batchPositions[2 * i] = s.lon!;
    batchPositions[2 * i + 1] = s.lat!;
    batchWithin[i] = s.verdict!.withinConsultationZone ? 1 : 0;
  });
  const data: EiaLayerData = {
    border: state.eiaBorder,
    buffer: state.eiaBuffer?.polygon ?? null,
    site: check?.site.kind === 'polygon' ? check.site.geometry : null,
    sitePoint: check?.site.kind === 'point' ? [check.site.lon, check.site.lat] : null,
    nearest: check ? [check.verdict.nearestSitePoint, check.verdict.nearestBorderPoint] : null,
    sector: check?.verdict.downwind?.ring ?? null,
    draft: state.eiaDraft,
    batchPositions,
    batchWithin,
  };
  last = { inputs, data };
  return data;
}

/** The border as GeoJSON features for a layer that wants an array. */
export function borderFeatures(data: EiaLayerData): Feature<LineString, BorderProperties>[] {
  return data.border?.features ?? [];
}

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
