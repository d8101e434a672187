import type { EiaVerdict } from '../../core/eia/eia-verdict.ts';

/** Columns appended to a sites table's own columns when clause 二十七 verdicts are written out. */
export const EIA_OUTPUT_COLUMNS = [
  'within_consultation_zone',
  'distance_to_border_m',
  'neighbor_provinces',
  'province',
  'city',
  'county',
  'nearest_border_lon',
  'nearest_border_lat',
  'consult_provinces',
  'site_lon_wgs84',
  'site_lat_wgs84',
  'error',
] as const;

/**
 * The cells of {@link EIA_OUTPUT_COLUMNS} for one site: the verdict (distance to 0.01 m, degrees to 7
 * decimals, province lists joined with `;`), or empty verdict cells and the reason the row was refused.
 * Used by the `eia` command and the app's batch export alike.
 *
 * @param verdict - The site's verdict, or null for a refused row.
 * @param error - Why the row was refused ('' for a judged site).
 * @returns One cell per output column.
 * @example
 * toCsv([...table.header, ...EIA_OUTPUT_COLUMNS], [[...table.record(0), ...eiaOutputCells(verdict)]]);
 * eiaOutputCells(null, '纬度: Latitude is empty'); // ['', '', …, '纬度: Latitude is empty']
 */
export function eiaOutputCells(verdict: EiaVerdict | null, error = ''): string[] {
  if (!verdict) return [...EIA_OUTPUT_COLUMNS.slice(0, -1).map(() => ''), error];
  return [
    String(verdict.withinConsultationZone),
    verdict.distanceM.toFixed(2),
    verdict.neighborProvinces.join(';'),
    verdict.province ?? '',
    verdict.city ?? '',
    verdict.county ?? '',
    verdict.nearestBorderPoint[0].toFixed(7),
    verdict.nearestBorderPoint[1].toFixed(7),
    verdict.consultProvinces.join(';'),
    verdict.nearestSitePoint[0].toFixed(7),
    verdict.nearestSitePoint[1].toFixed(7),
    error,
  ];
}
