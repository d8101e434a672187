import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeFires, FIRE_ANALYSIS_DEFAULTS } from '../core/fires/analyze-fires.ts';
import { createLocator } from '../core/geo/create-locator.ts';
import { render } from '../core/text/text.ts';
import { FIRE_OUTPUT_COLUMNS, fireOutputRows } from '../io/formats/fire-output.ts';
import { loadFireFile } from '../io/formats/load-fire-file.ts';
import { FireFileError } from '../io/formats/read-fire-file.ts';
import { REJECTION_COLUMNS, rejectionCells } from '../io/formats/row-rejection.ts';
import { toCsv } from '../io/formats/write-csv.ts';
import { loadBoundariesFile } from '../io/node/load-boundaries-file.ts';
import { parseOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `usage: npm run cli -- fires <file.csv|file.xlsx|file.geojson> [--out result.csv] [--rejected rejected.csv]
       [--fire-distance-m 1000] [--fire-window-h 2] [--cluster-distance-m 3000] [--cluster-window-days 3]`;

/**
 * `fires <file>`: reads a fire-point file, writes the input columns plus attribution, Beijing date,
 * same-fire id and patrol cluster id as CSV; a summary goes to stderr.
 */
export async function firesCommand(args: string[]): Promise<number> {
  const { positional, options } = parseOptions(args, ['out', 'rejected', 'fire-distance-m', 'fire-window-h', 'cluster-distance-m', 'cluster-window-days'], USAGE);
  if (positional.length !== 1) throw new UsageError(`expected one input file, got ${positional.length}\n${USAGE}`);
  const path = positional[0]!;
  const number = (name: string, fallback: number, scale: number) => {
    const text = options.get(name);
    if (text === undefined) return fallback * scale;
    const value = Number(text);
    if (!(value > 0)) throw new UsageError(`--${name} ${text}: expected a positive number\n${USAGE}`);
    return value * scale;
  };
  const settings = {
    sameFireDistanceM: number('fire-distance-m', FIRE_ANALYSIS_DEFAULTS.sameFireDistanceM, 1),
    sameFireWindowMs: number('fire-window-h', FIRE_ANALYSIS_DEFAULTS.sameFireWindowMs / 3600e3, 3600e3),
    clusterDistanceM: number('cluster-distance-m', FIRE_ANALYSIS_DEFAULTS.clusterDistanceM, 1),
    clusterWindowMs: number('cluster-window-days', FIRE_ANALYSIS_DEFAULTS.clusterWindowMs / 86400e3, 86400e3),
  };

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let file;
  try {
    file = await loadFireFile(bytes, path);
  } catch (error) {
    if (error instanceof FireFileError) throw new UsageError(error.message);
    throw error;
  }

  const boundaries = loadBoundariesFile();
  const analysis = analyzeFires(file.points, createLocator(boundaries), settings);
  const counties = boundaries.counties.features;
  const csv = toCsv([...file.header, ...FIRE_OUTPUT_COLUMNS], fireOutputRows(file, analysis, counties.map((f) => f.properties)));
  const out = options.get('out');
  if (out) writeFileSync(out, csv);
  else process.stdout.write(csv);
  const rejectedPath = options.get('rejected');
  if (rejectedPath) {
    writeFileSync(rejectedPath, toCsv(REJECTION_COLUMNS, file.rejected.map(rejectionCells)));
  }

  // Summary on stderr: what was read, what was rejected and why, and counts per city.
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`${path}: ${file.recordCount} rows read (${file.format}, ${file.encoding}), ${file.points.count} accepted, ${file.rejected.length} rejected`);
  const reasons = new Map<string, number>();
  for (const r of file.rejected) {
    const reason = render(r.reason, 'en');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of reasons) log(`  rejected: ${reason} × ${count}`);
  for (const r of file.rejected.slice(0, 10)) log(`    row ${r.row}, ${r.field}: ${render(r.reason, 'en')}${r.value ? ` ("${r.value}")` : ''}`);
  if (file.rejected.length > 10) log(`    … ${file.rejected.length - 10} more${rejectedPath ? ` in ${rejectedPath}` : ' (write them all with --rejected <file>)'}`);
  const perCity = new Map<string, { points: number; fires: Set<number> }>();
  for (let i = 0; i < file.points.count; i++) {
    const c = analysis.county[i]!;
    const name = c === -1 ? '黑龙江省外 (outside Heilongjiang)' : counties[c]!.properties.city;
    const entry = perCity.get(name) ?? { points: 0, fires: new Set<number>() };
    entry.points++;
    entry.fires.add(analysis.fireId[i]!);
    perCity.set(name, entry);
  }
  log('per city: points / fires after same-fire merging');
  for (const [name, { points, fires }] of [...perCity].sort((a, b) => b[1].points - a[1].points)) log(`  ${name}\t${points}\t${fires.size}`);
  return 0;
}
