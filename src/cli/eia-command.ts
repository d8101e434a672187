import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { eiaVerdict, SiteGeometryError, type DownwindSectorInput, type EiaSite, type EiaVerdict } from '../core/eia/eia-verdict.ts';
import { geodesicArea } from '../core/geo/geodesic-area.ts';
import { render } from '../core/text/text.ts';
import { parseSiteLocation, type CoordinateSystem, type SiteLocationInput } from '../io/formats/parse-site-location.ts';
import { readVectorFile, VectorFileError } from '../io/formats/read-vector-file.ts';
import { loadEiaContext, type EiaContext } from './eia-context.ts';
import { eiaTableCommand } from './eia-table-command.ts';
import { parseOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `usage: npm run cli -- eia --lon <lon> --lat <lat> [--gcj | --bd]      decimal or DMS degrees (WGS84/CGCS2000 unless --gcj/--bd)
       npm run cli -- eia --dms "<lon> <lat>" [--gcj | --bd]             a pair in one string, e.g. --dms "126°38'12.5\\"E 45°45'30\\"N"
       npm run cli -- eia --gk <X northing> <Y easting> [--epsg <code>]   CGCS2000 Gauss-Krüger; zone from Y's prefix or --epsg
       npm run cli -- eia --site <site.geojson|kml|kmz|zip>                 the first polygon of the file
       npm run cli -- eia <sites.csv|xlsx> [--out verdicts.csv|verdicts.xlsx] [--system wgs84|gcj02|bd09|gauss-kruger] [--epsg <code>]
  all forms: [--threshold-km <km>] (default: rule R27-border-consultation)
  one site:  [--wind-from <deg> --sector-km <km> [--half-angle 22.5] [--stack-height <m>]]  downwind sector of an elevated source`;

const SYSTEMS: CoordinateSystem[] = ['wgs84', 'gcj02', 'bd09', 'gauss-kruger'];
const DOWNWIND_OPTIONS = ['wind-from', 'sector-km', 'half-angle', 'stack-height'];

const round2 = (value: number) => Math.round(value * 100) / 100;
const round7 = (value: number) => Math.round(value * 1e7) / 1e7;
const point7 = ([lon, lat]: [number, number]): [number, number] => [round7(lon), round7(lat)];

type Options = Map<string, string>;

function numberOption(options: Options, name: string, accept: (value: number) => boolean, expected: string): number | undefined {
  const text = options.get(name);
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !accept(value)) throw new UsageError(`--${name} ${text}: expected ${expected}`);
  return value;
}

function epsgOption(options: Options): number | undefined {
  const text = options.get('epsg');
  if (text === undefined) return undefined;
  const code = /^\s*(?:epsg\s*:?\s*)?(\d{4,5})\s*$/i.exec(text);
  if (!code) throw new UsageError(`--epsg ${text}: expected a CGCS2000 Gauss-Krüger EPSG code, e.g. 4552 (3° zone, CM 129°E, Y without zone prefix)`);
  return Number(code[1]);
}

function downwindOption(options: Options): DownwindSectorInput | undefined {
  const windFrom = numberOption(options, 'wind-from', (v) => v >= 0 && v <= 360, 'the direction the wind blows from, degrees 0–360 (0 = north, 90 = east)');
  const lengthKm = numberOption(options, 'sector-km', (v) => v > 0 && v <= 500, 'the sector length in km, above 0 and at most 500');
  const halfAngle = numberOption(options, 'half-angle', (v) => v > 0 && v <= 90, 'half the sector opening in degrees, above 0 and at most 90 (default 22.5)');
  const stackHeightM = numberOption(options, 'stack-height', (v) => v >= 0 && v <= 1000, 'the stack height in metres, 0–1000');
  if (windFrom === undefined && lengthKm === undefined) {
    if (halfAngle !== undefined || stackHeightM !== undefined) throw new UsageError(`--half-angle and --stack-height describe a downwind sector: give --wind-from and --sector-km too\n${USAGE}`);
    return undefined;
  }
  if (windFrom === undefined || lengthKm === undefined) throw new UsageError(`--wind-from and --sector-km go together: give both for a downwind sector\n${USAGE}`);
  return { windFrom, lengthKm, ...(halfAngle === undefined ? {} : { halfAngle }), ...(stackHeightM === undefined ? {} : { stackHeightM }) };
}

/** Which option each field of parseSiteLocation's answer came from. */
const OPTION_OF_FIELD = { lon: '--lon', lat: '--lat', text: '--dms', x: '--gk X (northing)', y: '--gk Y (easting)', epsg: '--epsg' } as const;

interface PreparedSite {
  site: EiaSite;
  /** What was given, echoed in the JSON. */
  input: Record<string, unknown>;
  coordinateSystem: string;
  epsg: number | null;
  accuracyM: number | null;
  note: string;
  /** Where a SiteGeometryError is blamed. */
  label: string;
}

function pointSite(options: Options, flags: Set<string>, gk: [string, string] | undefined): PreparedSite {
  let input: SiteLocationInput;
  let echo: Record<string, unknown>;
  if (gk) {
    const epsg = epsgOption(options);
    input = epsg === undefined ? { system: 'gauss-kruger', x: gk[0], y: gk[1] } : { system: 'gauss-kruger', x: gk[0], y: gk[1], epsg };
    echo = { gk: { x: gk[0], y: gk[1] }, epsg: epsg ?? null };
  } else {
    const system = flags.has('gcj') ? 'gcj02' : flags.has('bd') ? 'bd09' : 'wgs84';
    const dms = options.get('dms');
    if (dms !== undefined) {
      input = { system, text: dms };
      echo = { dms, system };
    } else {
      const lon = options.get('lon');
      const lat = options.get('lat');
      if (lon === undefined || lat === undefined) throw new UsageError(`${lon === undefined ? '--lat needs --lon' : '--lon needs --lat'}\n${USAGE}`);
      input = { system, lon, lat };
      echo = { lon, lat, system };
    }
  }
  const location = parseSiteLocation(input);
  if (!location.ok) {
    if (location.code === 'swapped') {
      if ('lon' in input) throw new UsageError(`--lon/--lat: ${render(location.message, 'en')}; try: eia --lon ${input.lat} --lat ${input.lon}`);
      throw new UsageError(`${'x' in input ? '--gk X/Y' : '--dms'}: ${render(location.message, 'en')}`);
    }
    throw new UsageError(`${OPTION_OF_FIELD[location.field]}: ${render(location.message, 'en')}`);
  }
  return {
    site: { kind: 'point', lon: location.lon, lat: location.lat },
    input: echo,
    coordinateSystem: location.system,
    epsg: location.epsg ?? null,
    accuracyM: location.accuracyM,
    note: render(location.note, 'en'),
    label: 'the site',
  };
}

async function polygonSite(file: string): Promise<PreparedSite> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`--site ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let vector;
  try {
    vector = await readVectorFile(bytes, file);
  } catch (error) {
    if (error instanceof VectorFileError) throw new UsageError(`--site ${error.message}`);
    throw error;
  }
  const chosen = vector.features.find((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
  // A broken feature before the first usable polygon may be the intended outline: judging another one would mislead.
  const blocking = vector.rejected.filter((r) => !chosen || r.row < chosen.number);
  if (blocking.length > 0) {
    const problems = blocking.map((r) => `feature ${r.row}, ${r.field}: ${render(r.reason, 'en')}`).join('; ');
    throw new UsageError(`--site ${file}: ${problems}; fix the file${chosen ? `, or remove ${blocking.length > 1 ? 'those features' : 'that feature'} to judge feature ${chosen.number}` : ''}`);
  }
  if (!chosen) {
    const types = [...new Set(vector.features.map((f) => f.geometry.type))];
    throw new UsageError(
      `--site ${file}: no polygon feature${types.length ? ` (only ${types.join(', ')})` : ''}: save the site outline as a polygon, or give a point with --lon/--lat`,
    );
  }
  const ignored = vector.features.length - 1 + vector.rejected.length;
  if (ignored > 0) {
    process.stderr.write(`note: --site ${file}: judged feature ${chosen.number} (${chosen.geometry.type}${chosen.layer ? `, layer "${chosen.layer}"` : ''}); ${ignored} other feature${ignored > 1 ? 's' : ''} ignored\n`);
  }
  const geometry = chosen.geometry as Polygon | MultiPolygon;
  const vertices = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat().reduce((sum, ring) => sum + ring.length, 0);
  return {
    site: { kind: 'polygon', geometry },
    input: { site: file, format: vector.format, feature: chosen.number, layer: chosen.layer, type: geometry.type, vertices },
    coordinateSystem: render(vector.crs, 'en'),
    epsg: null,
    accuracyM: null,
    note: 'the outline as read from the file, converted to WGS84 where the file says so',
    label: `--site ${file}`,
  };
}

function verdictJson(verdict: EiaVerdict, prepared: PreparedSite, context: EiaContext): Record<string, unknown> {
  const { site } = prepared;
  const piece = verdict.nearestPiece;
  return {
    within_consultation_zone: verdict.withinConsultationZone,
    distance_to_border_m: round2(verdict.distanceM),
    nearest_border_point: point7(verdict.nearestBorderPoint),
    neighbor_provinces: verdict.neighborProvinces,
    province: verdict.province,
    city: verdict.city,
    county: verdict.county,
    adcode: verdict.adcode,
    consult_provinces: verdict.consultProvinces,
    threshold_m: verdict.thresholdM,
    rule: context.rule,
    nearest_border_piece: { neighbor: piece.neighbor, city: piece.city, neighborCity: piece.neighborCity },
    nearest_site_point: point7(verdict.nearestSitePoint),
    distance_by_neighbor: verdict.byNeighbor.map((n) => ({
      neighbor: n.neighbor,
      // null: farther than the threshold (not searched further).
      distance_m: n.distanceM === null ? null : round2(n.distanceM),
      border_point: n.borderPoint === null ? null : point7(n.borderPoint),
    })),
    site: site.kind === 'point' ? { kind: 'point', wgs84: point7([site.lon, site.lat]) } : { kind: 'polygon', area_m2: round2(geodesicArea(site.geometry)) },
    input: prepared.input,
    coordinate_system: prepared.coordinateSystem,
    epsg: prepared.epsg,
    accuracy_m: prepared.accuracyM,
    note: prepared.note,
    ...(verdict.downwind
      ? {
          downwind: {
            reaches: verdict.downwind.reaches,
            wind_from_deg: verdict.downwind.input.windFrom,
            toward_deg: (verdict.downwind.input.windFrom + 180) % 360,
            sector_km: verdict.downwind.input.lengthKm,
            half_angle_deg: verdict.downwind.input.halfAngle,
            stack_height_m: verdict.downwind.input.stackHeightM,
            method: 'screening: a straight geodesic sector from the site downwind, not a dispersion model',
            sector: { type: 'Polygon', coordinates: [verdict.downwind.ring.map((p) => point7(p as [number, number]))] },
          },
        }
      : {}),
  };
}

/**
 * `eia …`: the clause 二十七 verdict (joint EIA consultation within 20 km of the Jilin / Inner Mongolia
 * border) for one site as JSON on stdout, or for a table of sites as CSV/XLSX (see {@link eiaTableCommand}).
 */
export async function eiaCommand(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { positional, options, flags, pairs } = parseOptions(
    args,
    ['lon', 'lat', 'dms', 'epsg', 'site', 'out', 'system', 'threshold-km', ...DOWNWIND_OPTIONS],
    USAGE,
    { flags: ['gcj', 'bd'], pairs: ['gk'] },
  );
  if (positional.length > 1) throw new UsageError(`expected one sites table, got ${positional.length} arguments (${positional.join(' ')})\n${USAGE}`);
  const gk = pairs.get('gk');
  const forms = [
    options.has('lon') || options.has('lat') ? '--lon/--lat' : null,
    options.has('dms') ? '--dms' : null,
    gk ? '--gk' : null,
    options.has('site') ? '--site' : null,
    positional.length === 1 ? `a sites table (${positional[0]})` : null,
  ].filter((form): form is string => form !== null);
  if (forms.length === 0) throw new UsageError(`give a site: --lon/--lat, --dms, --gk, --site or a sites table\n${USAGE}`);
  if (forms.length > 1) throw new UsageError(`give one site at a time, not ${forms.join(' and ')}\n${USAGE}`);
  const form = forms[0]!;
  const table = positional.length === 1;

  if (flags.has('gcj') && flags.has('bd')) throw new UsageError(`--gcj and --bd exclude each other: the coordinates are either GCJ-02 (Amap) or BD-09 (Baidu)`);
  const shifted = flags.has('gcj') ? '--gcj' : flags.has('bd') ? '--bd' : null;
  if (shifted && form !== '--lon/--lat' && form !== '--dms') {
    throw new UsageError(`${shifted} applies to --lon/--lat and --dms${table ? `; for a table use --system ${shifted === '--gcj' ? 'gcj02' : 'bd09'}` : ''}\n${USAGE}`);
  }
  if (options.has('epsg') && !gk && !table) throw new UsageError(`--epsg applies to --gk and to sites tables (Gauss-Krüger rows)\n${USAGE}`);
  for (const name of ['out', 'system']) {
    if (options.has(name) && !table) throw new UsageError(`--${name} applies to a sites table; one site's verdict is printed as JSON on stdout\n${USAGE}`);
  }
  if (table && DOWNWIND_OPTIONS.some((name) => options.has(name))) throw new UsageError(`the downwind sector (--wind-from, --sector-km, …) is for one site, not a table\n${USAGE}`);
  const thresholdKm = numberOption(options, 'threshold-km', (v) => v > 0 && v <= 500, 'a consultation distance in km, above 0 and at most 500 (clause 二十七: 20)');

  if (table) {
    const systemText = options.get('system');
    const system = systemText?.trim().toLowerCase() as CoordinateSystem | undefined;
    if (system !== undefined && !SYSTEMS.includes(system)) throw new UsageError(`--system ${systemText}: expected one of ${SYSTEMS.join(', ')}`);
    return eiaTableCommand(positional[0]!, { out: options.get('out'), system, epsg: epsgOption(options), thresholdKm });
  }

  const downwind = downwindOption(options);
  const siteFile = options.get('site');
  const prepared = siteFile !== undefined ? await polygonSite(siteFile) : pointSite(options, flags, gk);
  const context = loadEiaContext();
  let verdict: EiaVerdict;
  try {
    verdict = eiaVerdict(prepared.site, context.borderIndex, context.locator, { thresholdKm: thresholdKm ?? context.thresholdKm, ...(downwind ? { downwind } : {}) });
  } catch (error) {
    if (error instanceof SiteGeometryError) throw new UsageError(`${prepared.label}: ${error.message}`);
    throw error;
  }
  process.stdout.write(`${JSON.stringify(verdictJson(verdict, prepared, context), null, 2)}\n`);
  return 0;
}
