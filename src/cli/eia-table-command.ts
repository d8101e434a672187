import { readFileSync } from 'node:fs';
import { eiaVerdict } from '../core/eia/eia-verdict.ts';
import { render } from '../core/text/text.ts';
import type { EIA_OUTPUT_COLUMNS } from '../io/formats/eia-output.ts';
import { judgeSitesTable } from '../io/formats/judge-sites-table.ts';
import type { CoordinateSystem } from '../io/formats/parse-site-location.ts';
import { readSitesTable } from '../io/formats/read-sites-table.ts';
import { toCsv } from '../io/formats/write-csv.ts';
import { toXlsx } from '../io/formats/write-xlsx.ts';
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

  const { header: outputHeader, rows, records, refused, within } = judgeSitesTable(table, (lon, lat) =>
    eiaVerdict({ kind: 'point', lon, lat }, context.borderIndex, context.locator, { thresholdKm }),
  );
  const judged = records.filter((r) => r.verdict).length;
  const consulted = new Map<string, number>();
  for (const { verdict } of records) for (const province of verdict?.consultProvinces ?? []) consulted.set(province, (consulted.get(province) ?? 0) + 1);

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
  for (const r of refused.slice(0, LISTED_REJECTIONS)) log(`  row ${r.row}, ${r.field}: ${render(r.reason, 'en')}${r.value ? ` ("${r.value}")` : ''}`);
  if (refused.length > LISTED_REJECTIONS) log(`  … ${refused.length - LISTED_REJECTIONS} more rejected rows: each has its reason in the error column`);
  return 0;
}
