import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderProperties, ProvincialBorder } from '../../core/eia/provincial-border.ts';
import type { EiaCheck } from '../../state/eia-slice.ts';
import { memo } from '../../state/memo.ts';
import type { BatchResult } from '../../workers/analysis-api.ts';

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
  /** The batch row chosen in the table, highlighted. */
  batchSelected: [number, number] | null;
}

/**
 * The EIA layer's data, rebuilt only when one of its inputs changes.
 *
 * @returns The layer data, or null before the border is loaded.
 */
export const eiaLayerData = memo(
  (border: ProvincialBorder | null, buffer: MultiPolygon | null, check: EiaCheck | null, draft: [number, number][], batch: BatchResult | null, batchSelected: number | null): EiaLayerData | null => {
    if (!border) return null;
    const judged = batch?.sites.filter((s) => s.verdict && s.lon !== null && s.lat !== null) ?? [];
    const batchPositions = new Float64Array(judged.length * 2);
    const batchWithin = new Uint8Array(judged.length);
    judged.forEach((s, i) => {
      batchPositions[2 * i] = s.lon!;
      batchPositions[2 * i + 1] = s.lat!;
      batchWithin[i] = s.verdict!.withinConsultationZone ? 1 : 0;
    });
    const chosen = batchSelected === null ? null : batch?.sites[batchSelected];
    return {
      border,
      buffer,
      site: check?.site.kind === 'polygon' ? check.site.geometry : null,
      sitePoint: check?.site.kind === 'point' ? [check.site.lon, check.site.lat] : null,
      nearest: check ? [check.verdict.nearestSitePoint, check.verdict.nearestBorderPoint] : null,
      sector: check?.verdict.downwind?.ring ?? null,
      draft,
      batchPositions,
      batchWithin,
      batchSelected: chosen && chosen.lon !== null && chosen.lat !== null ? [chosen.lon, chosen.lat] : null,
    };
  },
);
