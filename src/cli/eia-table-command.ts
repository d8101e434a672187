import { readFileSync } from 'node:fs';
import { eiaVerdict, SiteGeometryError, type EiaVerdict } from '../core/eia-verdict.ts';
import { EIA_OUTPUT_COLUMNS, eiaOutputCells } from '../io/eia-output.ts';
import type { CoordinateSystem } from '../io/parse-site-location.ts';
import { readSitesTable, type SiteRow } from '../io/read-sites-table.ts';
import { toCsv } from '../io/write-csv.ts';
import { toXlsx } from '../io/write-xlsx.ts';
import { loadEiaContext } from './eia-context.ts';
import { UsageError } from './usage-error.ts';
import { writeOutputFile } from './write-output-file.ts';

/** Settings of {@link eiaTableCommand}, already checked by the `eia` command. */
export interface EiaTableSettings {
  /** Output file; `.xlsx` writes a workbook, anything else CSV. Without it, CSV on stdout. */
  out?: string;
  system?: CoordinateSystem;
  epsg?: number;
  /** Consultation distance, km; the rule book's when absent. */
  thresholdKm?: number;
}

/** Rows listed one by one on stderr; the rest are only counted (every one keeps its reason in the error column). */
const LISTED_REJECTIONS = 20;

/**
 * `eia <sites.csv|xlsx>`: the clause 二十七 verdict of every site in a table. Every input row is written, in
 * input order, with its own cells followed by {@link EIA_OUTPUT_COLUMNS}; a row that cannot be judged keeps
 * empty verdict cells and the reason in `error`. A summary and the refused rows go to stderr.
 */
export async function eiaTableCommand(file: string, settings: EiaTableSettings): Promise<number> {
  const started = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let table;
  try {
    table = await readSitesTable(bytes, file, { system: settings.system, epsg: settings.epsg });
  } catch (error) {
    // readSitesTable's own refusals start with the file name; anything else is a bug.
    if (error instanceof Error && error.message.startsWith(file)) throw new UsageError(error.message);
    throw error;
  }
  const context = loadEiaContext();
  const thresholdKm = settings.thresholdKm ?? context.thresholdKm;

  // Each record became either one site or one rejection, both in record order: that pairs rejections with records.
  if (table.sites.length + table.rejected.length !== table.recordCount) {
    throw new Error(`${file}: ${table.recordCount} records but ${table.sites.length} sites and ${table.rejected.length} rejections`);
  }
  const siteOfRecord: (SiteRow | undefined)[] = new Array(table.recordCount);
  for (const site of table.sites) siteOfRecord[site.record] = site;

  // Ragged rows are padded so the verdict columns always line up under their header.
  let width = table.header.length;
  for (let r = 0; r < table.recordCount; r++) width = Math.max(width, table.record(r).length);
  const header = [...table.header, ...Array.from({ length: width - table.header.length }, (_, k) => `column_${table.header.length + k + 1}`)];

  const refused: { row: number; field: string; reason: string; value: string }[] = [];
  const consulted = new Map<string, number>();
  let judged = 0;
  let within = 0;
  let nextRejection = 0;
  const rows: string[][] = [];
  for (let r = 0; r < table.recordCount; r++) {
    const cells = table.record(r);
    while (cells.length < width) cells.push('');
    const site = siteOfRecord[r];
    if (!site) {
      const rejection = table.rejected[nextRejection++]!;
      refused.push(rejection);
      rows.push([...cells, ...eiaOutputCells(null, `${rejection.field}: ${rejection.reason}`)]);
      continue;
    }
    let verdict: EiaVerdict;
    try {
      verdict = eiaVerdict({ kind: 'point', lon: site.location.lon, lat: site.location.lat }, context.borderIndex, context.locator, { thresholdKm });
    } catch (error) {
      if (!(error instanceof SiteGeometryError)) throw error;
      refused.push({ row: site.row, field: '(location)', reason: error.message, value: '' });
      rows.push([...cells, ...eiaOutputCells(null, `(location): ${error.message}`)]);
      continue;
    }
    judged++;
    if (verdict.withinConsultationZone) within++;
    for (const province of verdict.consultProvinces) consulted.set(province, (consulted.get(province) ?? 0) + 1);
    rows.push([...cells, ...eiaOutputCells(verdict)]);
  }
  refused.sort((a, b) => a.row - b.row);

  const outputHeader = [...header, ...EIA_OUTPUT_COLUMNS];
  const out = settings.out;
  if (out && /\.xlsx$/i.test(out)) writeOutputFile(out, new Uint8Array(await (await toXlsx(outputHeader, rows)).arrayBuffer()));
  else if (out) writeOutputFile(out, toCsv(outputHeader, rows));
  else process.stdout.write(toCsv(outputHeader, rows));

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const seconds = (performance.now() - started) / 1000;
  log(
    `${file}: ${table.recordCount} rows, ${judged} sites judged, ${within} within the ${thresholdKm} km consultation zone, ${refused.length} rejected, ${seconds.toFixed(2)} s${out ? ` → ${out}` : ''}`,
  );
  if (consulted.size > 0) log(`  consult: ${[...consulted].map(([province, count]) => `${province} ${count}`).join(', ')}`);
  for (const r of refused.slice(0, LISTED_REJECTIONS)) log(`  row ${r.row}, ${r.field}: ${r.reason}${r.value ? ` ("${r.value}")` : ''}`);
  if (refused.length > LISTED_REJECTIONS) log(`  … ${refused.length - LISTED_REJECTIONS} more rejected rows: each has its reason in the error column`);
  return 0;
}
