import { SiteGeometryError, type EiaVerdict } from '../../core/eia/eia-verdict.ts';
import { render, text, type Text } from '../../core/text/text.ts';
import { EIA_OUTPUT_COLUMNS, eiaOutputCells } from './eia-output.ts';
import type { CoordinateSystem } from './parse-site-location.ts';
import type { SiteRow, SitesTable } from './read-sites-table.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';

/** One input row of a batch: the site as read and its verdict, or why it has none. */
export interface JudgedRecord {
  /** File line (CSV) or sheet row (XLSX). */
  row: number;
  name: string;
  lon: number | null;
  lat: number | null;
  system: CoordinateSystem | null;
  verdict: EiaVerdict | null;
  /** `field: reason` when the row was refused, else null. */
  error: Text | null;
}

/** A judged table: the output table (input columns, padded, then the verdict columns) and every record's result. */
export interface JudgedTable {
  header: string[];
  rows: string[][];
  records: JudgedRecord[];
  refused: RowRejection[];
  within: number;
}

/**
 * Judges every record of a sites table in input order, the one batch loop of the `eia` command and the app.
 * A record that could not be read, or whose site cannot be judged, keeps its cells with empty verdict cells
 * and its reason in `error` (in English in the output table); ragged rows are padded so the verdict columns line up
 * under their header.
 *
 * @param table - From readSitesTable.
 * @param judge - The verdict of a WGS84 point (eiaVerdict bound to the border, locator and threshold).
 * @param onProgress - Hears every 500 records.
 * @returns The output table and each record's result.
 * @example
 * const judged = judgeSitesTable(table, (lon, lat) => eiaVerdict({ kind: 'point', lon, lat }, borderIndex, locator, { thresholdKm: 20 }));
 * toCsv(judged.header, judged.rows);
 */
export function judgeSitesTable(table: SitesTable, judge: (lon: number, lat: number) => EiaVerdict, onProgress?: (done: number, total: number) => void): JudgedTable {
  // Each record became either one site or one rejection, both in record order: that pairs rejections with records.
  if (table.sites.length + table.rejected.length !== table.recordCount) {
    throw new Error(`${table.fileName}: ${table.recordCount} records but ${table.sites.length} sites and ${table.rejected.length} rejections`);
  }
  const siteOfRecord: (SiteRow | undefined)[] = new Array(table.recordCount);
  for (const site of table.sites) siteOfRecord[site.record] = site;
  let width = table.header.length;
  for (let r = 0; r < table.recordCount; r++) width = Math.max(width, table.record(r).length);
  const header = [...table.header, ...Array.from({ length: width - table.header.length }, (_, k) => `column_${table.header.length + k + 1}`), ...EIA_OUTPUT_COLUMNS];

  const refused: JudgedTable['refused'] = [];
  const records: JudgedRecord[] = [];
  const rows: string[][] = [];
  let within = 0;
  let nextRejection = 0;
  for (let r = 0; r < table.recordCount; r++) {
    if (r % 500 === 0) onProgress?.(r, table.recordCount);
    const cells = table.record(r);
    while (cells.length < width) cells.push('');
    const site = siteOfRecord[r];
    let verdict: EiaVerdict | null = null;
    let error: Text | null = null;
    if (!site) {
      const rejection = table.rejected[nextRejection++]!;
      refused.push(rejection);
      error = text('ioFieldReason', { field: rejection.field, reason: rejection.reason });
    } else {
      try {
        verdict = judge(site.location.lon, site.location.lat);
        if (verdict.withinConsultationZone) within++;
      } catch (failure) {
        if (!(failure instanceof SiteGeometryError)) throw failure;
        const reason = text('sitesTableSiteGeometry', { detail: failure.text });
        refused.push(rowRejection(site.row, '(location)', reason));
        error = text('ioFieldReason', { field: '(location)', reason });
      }
    }
    records.push({
      row: site?.row ?? table.lines[r]!,
      name: site?.name ?? '',
      lon: site?.location.lon ?? null,
      lat: site?.location.lat ?? null,
      system: site?.location.system ?? null,
      verdict,
      error,
    });
    rows.push([...cells, ...eiaOutputCells(verdict, error === null ? '' : render(error, 'en'))]);
  }
  onProgress?.(table.recordCount, table.recordCount);
  refused.sort((a, b) => a.row - b.row);
  return { header, rows, records, refused, within };
}
