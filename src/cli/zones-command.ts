import { readFileSync } from 'node:fs';
import { createLocator } from '../core/geo/create-locator.ts';
import { render } from '../core/text/text.ts';
import { validateZones, type ZoneReport } from '../core/zones/validate-zones.ts';
import { VectorFileError } from '../io/formats/read-vector-file.ts';
import { readZonesFile, type ZoneImport } from '../io/formats/read-zones-file.ts';
import { loadBoundariesFile } from '../io/node/load-boundaries-file.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `usage: npm run cli -- zones validate <zones.geojson|kml|kmz|zip|csv|xlsx>
  checks no-burn zones (高污染燃料禁燃区) without changing them and prints JSON: per zone its name, area_km2 (geodesic),
  city, county and problems, each with kind (self_intersection, overlap, outside_city, sliver, invalid_ring), where
  ([lon, lat], WGS84) and a message. A feature the file cannot hold as a polygon (an unclosed ring, too few positions)
  is listed as a zone with an invalid_ring problem; points and lines are named on stderr. A .csv or .xlsx file is a
  vertex list: one row per vertex with 名称, 经度, 纬度 and optionally 序号, 部分, 环 and 坐标系.`;

/** One zone as printed: snake_case keys, as the issue specifies. */
export interface ZoneJson {
  name: string;
  area_km2: number | null;
  city: string | null;
  county: string | null;
  problems: { kind: string; where: [number, number] | null; message: string; other?: string; area_km2?: number }[];
}

/**
 * `zones validate <file>`: every zone's area, city, county and problems as a JSON array on stdout. Exit code 0
 * when it ran (problems or not), 2 when the file cannot be read.
 */
export async function zonesCommand(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [action, file, ...rest] = args;
  if (action !== 'validate' || !file || rest.length > 0) throw new UsageError(USAGE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // The app's import reader: vertex lists and vector files alike, a KML MultiGeometry of polygons as one zone.
  let read: ZoneImport;
  try {
    read = await readZonesFile(bytes, file, { now: new Date().toISOString(), newId: () => '' });
  } catch (error) {
    if (error instanceof VectorFileError || (error instanceof Error && error.message.startsWith(file))) throw new UsageError(error.message);
    throw error;
  }
  const inputs = read.zones.map((zone, i) => ({ number: read.rows[i]!, name: zone.name, geometry: zone.geometry }));
  // A point or a line is not a zone (named on stderr); anything else left out is a zone the file cannot hold as a polygon.
  const notZones = read.rejected.filter((r) => r.field === 'geometry type').map((r) => `${file}, ${render(r.reason, 'en')}`);
  const leftOut = read.rejected.filter((r) => r.field !== 'geometry type');
  const boundaries = loadBoundariesFile();
  const reports: ZoneReport[] = validateZones(inputs, boundaries, createLocator(boundaries));
  const zones: (ZoneJson & { number: number })[] = reports.map((report, i) => ({
    number: inputs[i]!.number,
    name: report.name,
    area_km2: report.areaKm2,
    city: report.city,
    county: report.county,
    problems: report.problems.map((p) => ({
      kind: p.kind,
      where: p.where,
      message: p.message,
      ...(p.other !== undefined ? { other: reports[p.other]!.name } : {}),
      ...(p.areaKm2 !== undefined ? { area_km2: p.areaKm2 } : {}),
    })),
  }));
  // What the file could not hold as a polygon is a zone too, with no area: a planner must see it.
  for (const rejection of leftOut) {
    zones.push({
      number: rejection.row,
      name: `${file} #${rejection.row}`,
      area_km2: null,
      city: null,
      county: null,
      problems: [{ kind: 'invalid_ring', where: null, message: `${rejection.field}: ${render(rejection.reason, 'en')}` }],
    });
  }
  zones.sort((a, b) => a.number - b.number);
  process.stdout.write(`${JSON.stringify(zones.map(({ number: _, ...zone }) => zone), null, 2)}\n`);
  for (const line of notZones) process.stderr.write(`${line}\n`);
  const withProblems = zones.filter((z) => z.problems.length > 0).length;
  process.stderr.write(`${file}: ${zones.length} zones, ${withProblems} with problems\n`);
  return 0;
}
