import { readFileSync } from 'node:fs';
import { createBoilerAuditor } from '../core/boilers/audit-boiler.ts';
import { createBoilerPlaceFinder, type BoilerLayers } from '../core/boilers/boiler-places.ts';
import { createLocator } from '../core/geo/create-locator.ts';
import { render } from '../core/text/text.ts';
import { auditBoilersTable } from '../io/formats/audit-boilers-table.ts';
import { areaLayerOf, zoneLayerOf } from '../io/formats/read-boiler-layers.ts';
import { readBoilersTable } from '../io/formats/read-boilers-table.ts';
import { readVectorFile, VectorFileError } from '../io/formats/read-vector-file.ts';
import type { RowRejection } from '../io/formats/row-rejection.ts';
import { toCsv } from '../io/formats/write-csv.ts';
import { toXlsx } from '../io/formats/write-xlsx.ts';
import { loadBoundariesFile } from '../io/node/load-boundaries-file.ts';
import { loadRuleBookFile } from '../io/node/load-rule-book-file.ts';
import { parseOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';
import { writeOutputFile } from './write-output-file.ts';

const USAGE = `usage: npm run cli -- boilers <inventory.csv|xlsx> [--coverage <file>] [--pipelines <file>] [--built-up <file>]
                     [--zones <file>] [--service-radius-m <m>] [--out verdicts.csv|.xlsx]
  the clause 十一 / 十三 / 二十三 audit of every boiler: the inventory's columns plus verdict (淘汰, 超低排放改造,
  低氮燃烧改造, 不予新建, 违反禁燃区规定, 合规, 需核实; several joined by ";"), rule_ids, clauses, reason and more
  --coverage          heating-network coverage: polygons, and/or pipelines (lines) that need --service-radius-m
  --pipelines         heating pipelines (lines) in a file of their own, beside --coverage polygons
  --service-radius-m  distance a pipeline serves, in metres: an assumption, stated in every reason it decides
  --built-up          built-up areas (建成区) as polygons; a row's 是否位于建成区 cell beats them
  --zones             no-burn zones as polygons with a category property (Ⅰ/Ⅱ/Ⅲ); without it rule R13 is not evaluated
  files: GeoJSON, KML/KMZ or a zipped shapefile. Without --coverage or --built-up, rules that need them say 需核实.`;

/** Rows listed one by one on stderr; the rest are only counted. */
const LISTED = 20;

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function readLayerFile(file: string, option: string) {
  try {
    return await readVectorFile(readInput(file), file);
  } catch (error) {
    if (error instanceof VectorFileError) throw new UsageError(`--${option} ${error.message}`);
    throw error;
  }
}

/**
 * `boilers <inventory> [--coverage f] [--built-up f] [--zones f] [--service-radius-m N] [--out f]`: every
 * input row, in input order, with its cells followed by the audit columns; CSV on stdout or in `--out`
 * (`.xlsx` writes a workbook). A summary, the layer features left out and the rows refused go to stderr.
 */
export async function boilersCommand(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const { positional, options } = parseOptions(args, ['coverage', 'pipelines', 'built-up', 'zones', 'service-radius-m', 'out'], USAGE);
  if (positional.length !== 1) throw new UsageError(`give one inventory file\n${USAGE}`);
  const file = positional[0]!;
  const radiusText = options.get('service-radius-m');
  const serviceRadiusM = radiusText === undefined ? undefined : Number(radiusText);
  if (serviceRadiusM !== undefined && !(serviceRadiusM > 0 && Number.isFinite(serviceRadiusM))) {
    throw new UsageError(`--service-radius-m ${radiusText}: write a positive number of metres, e.g. 1000`);
  }

  let table;
  try {
    table = await readBoilersTable(readInput(file), file);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(file)) throw new UsageError(error.message);
    throw error;
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const listLeftOut = (option: string, fileName: string, rejected: RowRejection[]) => {
    for (const r of rejected.slice(0, LISTED)) log(`  --${option} ${fileName}, feature ${r.row}, ${r.field}: ${render(r.reason, 'en')}`);
    if (rejected.length > LISTED) log(`  … ${rejected.length - LISTED} more features of ${fileName} left out`);
  };
  const layers: BoilerLayers = {};
  for (const option of ['coverage', 'pipelines'] as const) {
    const layerFile = options.get(option);
    if (!layerFile) continue;
    const layer = areaLayerOf(await readLayerFile(layerFile, option));
    listLeftOut(option, layerFile, layer.rejected);
    if (layer.pipelines.length > 0 && serviceRadiusM === undefined) {
      throw new UsageError(`--${option} ${layerFile} has ${layer.pipelines.length} pipelines (lines): give --service-radius-m, the distance in metres a pipeline serves (it is stated in every verdict it decides)`);
    }
    if (layer.areas.length === 0 && layer.pipelines.length === 0) throw new UsageError(`--${option} ${layerFile}: no polygon or line could be used`);
    layers.coverage = [...(layers.coverage ?? []), ...layer.areas];
    layers.pipelines = [...(layers.pipelines ?? []), ...layer.pipelines];
  }
  if (layers.pipelines && layers.pipelines.length > 0) layers.serviceRadiusM = serviceRadiusM;
  else if (serviceRadiusM !== undefined) throw new UsageError('--service-radius-m applies to pipelines: give a file of lines with --pipelines or --coverage');
  const builtUpFile = options.get('built-up');
  if (builtUpFile) {
    const layer = areaLayerOf(await readLayerFile(builtUpFile, 'built-up'));
    listLeftOut('built-up', builtUpFile, layer.rejected);
    if (layer.pipelines.length > 0) log(`  --built-up ${builtUpFile}: ${layer.pipelines.length} lines ignored (built-up areas are polygons)`);
    if (layer.areas.length === 0) throw new UsageError(`--built-up ${builtUpFile}: no polygon could be used`);
    layers.builtUp = layer.areas;
  }
  const zonesFile = options.get('zones');
  if (zonesFile) {
    const layer = zoneLayerOf(await readLayerFile(zonesFile, 'zones'));
    listLeftOut('zones', zonesFile, layer.rejected);
    if (layer.zones.length === 0) throw new UsageError(`--zones ${zonesFile}: no zone could be used (each needs a polygon and a category Ⅰ, Ⅱ or Ⅲ)`);
    layers.zones = layer.zones;
  }

  const finder = createBoilerPlaceFinder(layers, createLocator(loadBoundariesFile()));
  const audited = auditBoilersTable(table, finder, createBoilerAuditor(loadRuleBookFile()));
  const out = options.get('out');
  if (out && /\.xlsx$/i.test(out)) writeOutputFile(out, new Uint8Array(await (await toXlsx(audited.header, audited.rows)).arrayBuffer()));
  else if (out) writeOutputFile(out, toCsv(audited.header, audited.rows));
  else process.stdout.write(toCsv(audited.header, audited.rows));

  const counts = new Map<string, number>();
  for (const record of audited.records) for (const verdict of record.audit?.verdicts ?? []) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const seconds = (performance.now() - started) / 1000;
  log(`${file}: ${table.recordCount} rows, ${table.boilers.length} boilers audited, ${audited.refused.length} rejected, ${seconds.toFixed(2)} s${out ? ` → ${out}` : ''}`);
  if (counts.size > 0) log(`  ${[...counts].map(([verdict, count]) => `${verdict} ${count}`).join(', ')}`);
  const assumptions = [
    layers.coverage === undefined ? 'no coverage given: rule R11-network-coverage says 需核实 where it matters' : '',
    layers.pipelines && layers.pipelines.length > 0 ? `pipelines serve ${serviceRadiusM} m (assumed)` : '',
    layers.builtUp === undefined ? 'no built-up areas given: only the 是否位于建成区 column decides' : '',
    layers.zones === undefined ? 'no zones given: rule R13-no-burn-zone-fuel not evaluated' : '',
  ].filter(Boolean);
  for (const line of assumptions) log(`  ${line}`);
  for (const r of audited.refused.slice(0, LISTED)) log(`  row ${r.row}, ${r.field}: ${render(r.reason, 'en')}${r.value ? ` ("${r.value}")` : ''}`);
  if (audited.refused.length > LISTED) log(`  … ${audited.refused.length - LISTED} more rejected rows: each has its reason in the error column`);
  const firstNote = table.notes[0];
  if (firstNote) log(`  ${table.notes.length} cells could not be read (listed in to_verify), e.g. row ${firstNote.row}, ${firstNote.field}: ${render(firstNote.reason, 'en')}`);
  return 0;
}
