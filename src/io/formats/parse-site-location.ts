import gcoord from 'gcoord';
import proj4 from 'proj4';
import {
  gaussKrugerDefinition,
  gaussKrugerZoneOfEasting,
  gaussKrugerZoneOfEpsg,
  heilongjiangGaussKrugerZones,
  type GaussKrugerZone,
} from '../../core/geo/gauss-kruger-zones.ts';
import { parseAngle, type AngleResult } from './parse-coordinate.ts';

/** The coordinate systems a project site may be given in. */
export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09' | 'gauss-kruger';

/** What a user typed: one field with a lon/lat pair, two fields, or Gauss-Krüger X/Y. */
export type SiteLocationInput =
  | { system: 'wgs84' | 'gcj02' | 'bd09'; text: string }
  | { system: 'wgs84' | 'gcj02' | 'bd09'; lon: string; lat: string }
  /** Chinese surveying order: X = northing, Y = easting (with or without the zone prefix). */
  | { system: 'gauss-kruger'; x: string; y: string; epsg?: number };

/** Why a location was refused; the UI translates the code, `message` says the same in English. */
export type SiteLocationErrorCode =
  | 'empty'
  | 'not-a-number'
  | 'malformed-dms'
  | 'out-of-range'
  | 'swapped'
  | 'gk-zone-missing'
  | 'gk-zone-conflict'
  | 'gk-unknown-zone'
  | 'outside-region';

/** A location in WGS84 degrees with how it was obtained, or which field is wrong and what to do. */
export type SiteLocation =
  | {
      ok: true;
      lon: number;
      lat: number;
      system: CoordinateSystem;
      epsg?: number;
      zone?: number;
      zoneWidth?: 3 | 6;
      /** how exact the conversion to WGS84 is, metres */
      accuracyM: number;
      note: string;
    }
  | { ok: false; field: 'lon' | 'lat' | 'x' | 'y' | 'text' | 'epsg'; code: SiteLocationErrorCode; message: string };

type Failure = Extract<SiteLocation, { ok: false }>;
type Success = Extract<SiteLocation, { ok: true }>;

/** The tool only holds Heilongjiang and its neighbours' data. */
const REGION = { lonMin: 115, lonMax: 140, latMin: 38, latMax: 58 } as const;
/** Gauss-Krüger northings of latitudes 38°–58° (about 4,207 km to 6,431 km), with a margin. */
const REGION_NORTHING = [4.2e6, 6.45e6] as const;

/**
 * GCJ-02 → WGS84: gcoord's iterative inverse re-encodes to within 0.14 m of the input (measured over a
 * 0.07° grid of lon 115–140, lat 38–58; median 0.004 m), but the published GCJ-02 formula itself matches the
 * map services only to metres, so 2 m is the honest figure.
 */
const GCJ_ACCURACY_M = 2;
/** BD-09 → WGS84: gcoord's closed-form BD inverse re-encodes to within 0.29 m (median 0.11 m); formula metre-level. */
const BD_ACCURACY_M = 2;
/** proj4's Gauss-Krüger (Poder/Engsager) inverse: forward again reproduces X/Y to well under 1 mm. */
const GAUSS_KRUGER_ACCURACY_M = 0.001;

const EXAMPLE_PAIR = `126°38'12.5"E 45°45'30"N or 126.6368, 45.7583`;

function fail(field: Failure['field'], code: SiteLocationErrorCode, message: string): Failure {
  return { ok: false, field, code, message };
}

function inRegion(lon: number, lat: number): boolean {
  return lon >= REGION.lonMin && lon <= REGION.lonMax && lat >= REGION.latMin && lat <= REGION.latMax;
}

// ---------------------------------------------------------------------------------------------------------
// Geographic input (WGS84, GCJ-02, BD-09)

const AXIS_NAME = { lon: 'longitude', lat: 'latitude' } as const;

const EXAMPLES = {
  lon: { dms: `126°38'12.5"E`, decimal: '126.6368' },
  lat: { dms: `45°45'30"N`, decimal: '45.7583' },
} as const;

function angleProblem(result: Exclude<AngleResult, { ok: true }>, what: string, text: string, axis: 'lon' | 'lat'): { code: SiteLocationErrorCode; message: string } {
  const example = EXAMPLES[axis];
  switch (result.reason) {
    case 'empty':
      return { code: 'empty', message: `${what} is empty: enter it in degrees, e.g. ${example.decimal} or ${example.dms}` };
    case 'malformed-dms':
      return {
        code: 'malformed-dms',
        message: `${what} "${text}" is not valid degrees-minutes-seconds: write it like ${example.dms} (minutes and seconds below 60, only the last part with decimals) or as decimal degrees ${example.decimal}`,
      };
    default:
      return { code: 'not-a-number', message: `${what} "${text}" is not a number of degrees: write decimal degrees (${example.decimal}) or degrees-minutes-seconds (${example.dms})` };
  }
}

interface Pair {
  lon: number;
  lat: number;
}

/**
 * Checks a lon/lat pair in the order it was read: a pair that only makes sense the other way round is
 * `swapped`; then the ranges; then the region.
 */
function checkPair(pair: Pair, fields: { lon: Failure['field']; lat: Failure['field'] }, describe: string, swapHint: string): Failure | undefined {
  const { lon, lat } = pair;
  // DMS input gives 126.63680555555557; a message needs six decimals (0.1 m).
  const lonShown = Number(lon.toFixed(6));
  const latShown = Number(lat.toFixed(6));
  if (!inRegion(lon, lat) && inRegion(lat, lon)) {
    return fail(fields.lon, 'swapped', `${describe}: longitude ${lonShown} and latitude ${latShown} are the wrong way round (${latShown}, ${lonShown} lies in the region): ${swapHint}`);
  }
  if (!(Math.abs(lon) <= 180)) return fail(fields.lon, 'out-of-range', `${describe}: longitude ${lonShown} is outside −180…180: correct it (Heilongjiang lies at 121°–135°E)`);
  if (!(Math.abs(lat) <= 90)) return fail(fields.lat, 'out-of-range', `${describe}: latitude ${latShown} is outside −90…90: correct it (Heilongjiang lies at 43°–54°N)`);
  if (!inRegion(lon, lat)) {
    const field = lon < REGION.lonMin || lon > REGION.lonMax ? fields.lon : fields.lat;
    return fail(
      field,
      'outside-region',
      `${describe}: ${lonShown}, ${latShown} is outside the area this tool covers (longitude 115–140°E, latitude 38–58°N, Heilongjiang and its neighbours): check the value and its sign`,
    );
  }
  return undefined;
}

// Labels people paste with the numbers become hemisphere prefixes; a hemisphere glued to the next number gets a space.
const LABELS = /(经度|longitude|lng|lon)\s*[:：=]?\s*(?=[-+\d.])|(纬度|latitude|lat)\s*[:：=]?\s*(?=[-+\d.])/gi;
const GLUED = /([NSEWnsew东西南北"″”秒])(?=[-+]?\d)/g;
const SEMICOLON = /[;；]/;
const COMMA = /[,，]/;
const WHITESPACE = /\s+/;
/** `126 ° 38 ' 12.5 " E` is ten tokens per value at most; more is not a pair (and would cost quadratic time). */
const MAX_TOKENS = 20;
const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/;
const STARTS_WITH_HEMISPHERE = /^(东经|西经|北纬|南纬|[NSEWnsew东西南北])/;
const ENDS_WITH_HEMISPHERE_OR_SECONDS = /[NSEWnsew东西南北"″”秒]$/;

type Resolved = { ok: true; pair: Pair } | { ok: false; failure: Failure; parsed: boolean };

/** Orders two values read from one field by their hemisphere letters (lon, lat without them) and checks them. */
function resolvePair(firstText: string, secondText: string, whole: string): Resolved {
  const first = parseAngle(firstText);
  const second = parseAngle(secondText);
  const describe = `Coordinates "${whole}"`;
  if (!first.ok) {
    const problem = angleProblem(first, `${describe}: the first value`, firstText.trim(), 'lon');
    return { ok: false, failure: fail('text', problem.code, problem.message), parsed: false };
  }
  if (!second.ok) {
    const what = second.reason === 'empty' ? `${describe}: the second value (latitude)` : `${describe}: the second value`;
    const problem = angleProblem(second, what, secondText.trim(), 'lat');
    return { ok: false, failure: fail('text', problem.code, problem.message), parsed: false };
  }
  if (first.axis && first.axis === second.axis) {
    const letters = first.axis === 'lon' ? 'E/W' : 'N/S';
    return {
      ok: false,
      failure: fail('text', 'malformed-dms', `${describe}: both values are marked as ${AXIS_NAME[first.axis]}s (${letters}): mark one E (longitude) and the other N (latitude)`),
      parsed: true,
    };
  }
  const latFirst = first.axis === 'lat' || second.axis === 'lon';
  const pair = latFirst ? { lon: second.value, lat: first.value } : { lon: first.value, lat: second.value };
  const failure = checkPair(pair, { lon: 'text', lat: 'text' }, describe, 'write longitude first or mark the values with E and N (e.g. 45.7583N 126.6368E)');
  return failure ? { ok: false, failure, parsed: true } : { ok: true, pair };
}

function parsePairText(text: string): Pair | Failure {
  const whole = text.trim();
  if (whole === '') return fail('text', 'empty', `Coordinates are empty: enter longitude and latitude, e.g. ${EXAMPLE_PAIR}`);
  const body = whole.replace(LABELS, (_, lonLabel: string | undefined) => (lonLabel ? 'E' : 'N')).replace(GLUED, '$1 ');
  let candidates: [string, string][];
  if (SEMICOLON.test(body) || COMMA.test(body)) {
    // A semicolon separates the values; commas may then be decimal commas.
    const semicolon = SEMICOLON.test(body);
    const parts = body.split(semicolon ? SEMICOLON : COMMA).filter((part) => part.trim() !== '');
    if (parts.length !== 2) {
      return fail(
        'text',
        parts.length < 2 ? 'empty' : 'not-a-number',
        `Coordinates "${whole}" should hold exactly two values, longitude and latitude, but ${parts.length} were found: enter them like ${EXAMPLE_PAIR}`,
      );
    }
    const [a = '', b = ''] = semicolon ? parts.map((part) => (DECIMAL_COMMA.test(part) ? part.replace(',', '.') : part)) : parts;
    candidates = [[a, b]];
  } else {
    const tokens = body.trim().split(WHITESPACE);
    if (tokens.length < 2) {
      const single = parseAngle(whole);
      if (!single.ok) {
        const problem = angleProblem(single, `Coordinates "${whole}"`, whole, 'lon');
        return fail('text', problem.code, `${problem.message}; give both longitude and latitude`);
      }
      return fail('text', 'empty', `Coordinates "${whole}" hold one value: enter longitude and latitude separated by a comma or space, e.g. ${EXAMPLE_PAIR}`);
    }
    if (tokens.length > MAX_TOKENS) {
      return fail('text', 'not-a-number', `Coordinates "${whole}" have too many parts for a longitude and a latitude: enter them like ${EXAMPLE_PAIR}`);
    }
    // Values may contain spaces (`126° 38' 12.5" E`): try every gap and keep those where both sides read.
    candidates = [];
    for (let k = 1; k < tokens.length; k++) candidates.push([tokens.slice(0, k).join(' '), tokens.slice(k).join(' ')]);
  }
  let accepted: Pair | undefined;
  let firstParsedFailure: Failure | undefined;
  for (const [a, b] of candidates) {
    const resolved = resolvePair(a, b, whole);
    if (resolved.ok) {
      if (accepted && (accepted.lon !== resolved.pair.lon || accepted.lat !== resolved.pair.lat)) {
        return fail('text', 'not-a-number', `Coordinates "${whole}" can be read more than one way: separate longitude and latitude with a comma, e.g. ${EXAMPLE_PAIR}`);
      }
      accepted = resolved.pair;
    } else if (resolved.parsed && !firstParsedFailure) firstParsedFailure = resolved.failure;
  }
  if (accepted) return accepted;
  if (firstParsedFailure) return firstParsedFailure;
  // No split read: report the parse error of the most natural split (where the second value begins).
  const [a, b] = candidates[naturalSplit(candidates)]!;
  const resolved = resolvePair(a, b, whole);
  return resolved.ok ? resolved.pair : resolved.failure;
}

function naturalSplit(candidates: [string, string][]): number {
  if (candidates.length === 1) return 0;
  for (let k = 0; k < candidates.length; k++) {
    const [left, right] = candidates[k]!;
    if (STARTS_WITH_HEMISPHERE.test(right) || ENDS_WITH_HEMISPHERE_OR_SECONDS.test(left)) return k;
  }
  return Math.floor(candidates.length / 2);
}

function parseTwoFields(lonText: string, latText: string): Pair | Failure {
  const lon = parseAngle(lonText);
  if (!lon.ok) {
    const problem = angleProblem(lon, 'Longitude', lonText.trim(), 'lon');
    return fail('lon', problem.code, problem.message);
  }
  const lat = parseAngle(latText);
  if (!lat.ok) {
    const problem = angleProblem(lat, 'Latitude', latText.trim(), 'lat');
    return fail('lat', problem.code, problem.message);
  }
  if (lon.axis === 'lat' || lat.axis === 'lon') {
    const field = lon.axis === 'lat' ? 'lon' : 'lat';
    const text = field === 'lon' ? lonText.trim() : latText.trim();
    return fail(
      field,
      'swapped',
      `${field === 'lon' ? 'Longitude' : 'Latitude'} "${text}" is marked as a ${field === 'lon' ? 'latitude (N/S)' : 'longitude (E/W)'}: swap the longitude and latitude fields`,
    );
  }
  const pair = { lon: lon.value, lat: lat.value };
  const failure = checkPair(pair, { lon: 'lon', lat: 'lat' }, `Longitude "${lonText.trim()}", latitude "${latText.trim()}"`, 'swap the longitude and latitude fields');
  return failure ?? pair;
}

/** Metres between two nearby lon/lat points (equirectangular: exact enough below a kilometre). */
function nearbyMetres(a: Pair, b: Pair): number {
  const radians = Math.PI / 180;
  const dy = (a.lat - b.lat) * radians * 6371008.8;
  const dx = (a.lon - b.lon) * radians * 6371008.8 * Math.cos(a.lat * radians);
  return Math.hypot(dx, dy);
}

function fromGeographic(pair: Pair, system: 'wgs84' | 'gcj02' | 'bd09'): Success {
  if (system === 'wgs84') {
    return { ok: true, lon: pair.lon, lat: pair.lat, system, accuracyM: 0, note: 'WGS84/CGCS2000 taken as entered (CGCS2000 and WGS84 agree within decimetres)' };
  }
  const crs = system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [lon, lat] = gcoord.transform([pair.lon, pair.lat], crs, gcoord.WGS84) as [number, number];
  const [backLon, backLat] = gcoord.transform([lon, lat], gcoord.WGS84, crs) as [number, number];
  const residual = nearbyMetres(pair, { lon: backLon, lat: backLat });
  const shift = nearbyMetres(pair, { lon, lat });
  const name = system === 'gcj02' ? 'GCJ-02 (Amap/高德, Tencent)' : 'BD-09 (Baidu)';
  // gcoord leaves GCJ-02 untouched outside its China box (north of 55.83°N, east of 137.83°E), as the services do.
  const untouched = shift === 0 ? ': outside mainland China, where the services use WGS84, so no shift was applied' : '';
  return {
    ok: true,
    lon,
    lat,
    system,
    accuracyM: system === 'gcj02' ? GCJ_ACCURACY_M : BD_ACCURACY_M,
    note:
      `${name} converted to WGS84 with gcoord, shifted ${shift.toFixed(0)} m${untouched}; ` +
      `converting back reproduces the input to ${residual.toFixed(2)} m, but the published ${system === 'gcj02' ? 'GCJ-02' : 'GCJ-02/BD-09'} formulas match the map services only to metres`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Gauss-Krüger (CGCS2000)

function zoneLabel(zone: GaussKrugerZone): string {
  const easting = zone.prefixed ? `Y = ${zone.zone}xxxxxx.xx` : 'Y without zone prefix';
  return `EPSG:${zone.epsg} ${zone.name} (CM ${zone.centralMeridian}°E, ${easting})`;
}

const converters = new Map<number, proj4.Converter>();

function converterOf(zone: GaussKrugerZone): proj4.Converter {
  let converter = converters.get(zone.epsg);
  if (!converter) {
    converter = proj4('EPSG:4326', gaussKrugerDefinition(zone));
    converters.set(zone.epsg, converter);
  }
  return converter;
}

const METRES = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*(m|米)?$/;

function readMetres(text: string, field: 'x' | 'y'): number | Failure {
  const trimmed = text.trim();
  const label = field === 'x' ? 'X (northing)' : 'Y (easting)';
  if (trimmed === '') return fail(field, 'empty', `${label} is empty: enter it in metres, e.g. ${field === 'x' ? '5069876.12' : '43554321.98'}`);
  if (!METRES.test(trimmed)) return fail(field, 'not-a-number', `${label} "${trimmed}" is not a number of metres: write digits only, e.g. ${field === 'x' ? '5069876.12' : '43554321.98'}`);
  return Number.parseFloat(trimmed);
}

function looksLikeEasting(value: number): boolean {
  if (value >= 1e7 && value < 1e8) return gaussKrugerZoneOfEasting(value) !== null;
  return value > 0 && value < 1e6;
}

function fromGaussKruger(xText: string, yText: string, epsg: number | undefined): Success | Failure {
  const x = readMetres(xText, 'x');
  if (typeof x !== 'number') return x;
  const y = readMetres(yText, 'y');
  if (typeof y !== 'number') return y;
  const given = epsg === undefined ? undefined : gaussKrugerZoneOfEpsg(epsg);
  if (epsg !== undefined && !given) {
    return fail('epsg', 'gk-unknown-zone', `EPSG ${epsg} is not a CGCS2000 Gauss-Krüger code: choose one of 4491–4554 (Heilongjiang: 4528–4533 or 4549–4554 for 3° zones, 4499–4501 or 4510–4512 for 6° zones)`);
  }
  const xShown = xText.trim();
  const yShown = yText.trim();
  if (looksLikeEasting(x) && y >= REGION_NORTHING[0] && y <= REGION_NORTHING[1]) {
    return fail('x', 'swapped', `X ${xShown} looks like an easting and Y ${yShown} like a northing: in Chinese surveying X is the northing (about 4800000–5950000 in Heilongjiang) and Y the easting; swap them`);
  }
  if (!(x > 0 && x < 1e7)) return fail('x', 'out-of-range', `X (northing) ${xShown} is outside 0–10000000 m: enter the distance north of the equator in metres (about 4800000–5950000 in Heilongjiang)`);
  if (!(y > 0 && y < 1e8)) return fail('y', 'out-of-range', `Y (easting) ${yShown} is not an easting: enter it in metres, with the zone prefix (e.g. 43554321.98) or without it (e.g. 554321.98)`);
  let zone: GaussKrugerZone;
  if (y >= 1e7) {
    const prefix = Math.floor(y / 1e6);
    const named = gaussKrugerZoneOfEasting(y);
    if (!named) {
      return fail('y', 'gk-unknown-zone', `Y (easting) ${yShown} starts with ${prefix}, which is no CGCS2000 zone: 3° zones are 25–45 (Heilongjiang 40–45), 6° zones 13–23 (Heilongjiang 21–23); check the number`);
    }
    if (given && given.epsg !== named.epsg) {
      return fail(
        'epsg',
        'gk-zone-conflict',
        `EPSG ${given.epsg} (${given.zoneWidth}° zone, CM ${given.centralMeridian}°E${given.prefixed ? '' : ', no prefix'}) contradicts Y (easting) ${yShown}, whose prefix ${prefix} means EPSG ${named.epsg} (${named.zoneWidth}° zone ${named.zone}, CM ${named.centralMeridian}°E): choose EPSG ${named.epsg} or correct Y`,
      );
    }
    zone = named;
  } else {
    if (!given) {
      return fail(
        'y',
        'gk-zone-missing',
        `Y (easting) ${yShown} has no zone prefix: choose the EPSG code (e.g. 4552, the 3° zone with CM 129°E, without prefix) or write Y with its zone prefix, as 43xxxxxx.xx for 3° zone 43`,
      );
    }
    if (given.prefixed) {
      return fail(
        'epsg',
        'gk-zone-conflict',
        `EPSG ${given.epsg} expects Y with the zone prefix ${given.zone} (${given.zone}xxxxxx), but Y (easting) ${yShown} has none: write Y as ${given.zone}${String(Math.round(y) % 1e6).padStart(6, '0')} or choose the code without prefix for CM ${given.centralMeridian}°E`,
      );
    }
    if (y >= 1e6) {
      return fail('y', 'out-of-range', `Y (easting) ${yShown} is too large for a zone without prefix (about 100000–900000): check the digits, or write it with its zone prefix`);
    }
    zone = given;
  }
  const [lon, lat] = converterOf(zone).inverse([y, x]) as [number, number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    return fail('y', 'out-of-range', `X ${xShown}, Y ${yShown} cannot be converted in EPSG ${zone.epsg}: check both numbers and the zone`);
  }
  if (!inRegion(lon, lat)) {
    const field = lon < REGION.lonMin || lon > REGION.lonMax ? 'y' : 'x';
    return fail(
      field,
      'outside-region',
      `X ${xShown}, Y ${yShown} in EPSG ${zone.epsg} is ${lon.toFixed(4)}°E, ${lat.toFixed(4)}°N, outside the area this tool covers (115–140°E, 38–58°N): check the numbers and the zone`,
    );
  }
  return {
    ok: true,
    lon,
    lat,
    system: 'gauss-kruger',
    epsg: zone.epsg,
    zone: zone.zone,
    zoneWidth: zone.zoneWidth,
    accuracyM: GAUSS_KRUGER_ACCURACY_M,
    note: `CGCS2000 ${zone.zoneWidth}° Gauss-Krüger zone ${zone.zone} (EPSG:${zone.epsg}, CM ${zone.centralMeridian}°E) converted to WGS84 with proj4 to the millimetre (CGCS2000 and WGS84 agree within decimetres)`,
  };
}

/**
 * Turns what a user typed into WGS84 longitude and latitude: a pair in one field (`126°38'12.5"E 45°45'30"N`,
 * `45.7583, 126.6368` only when marked N/E, `东经126°38'12.5" 北纬45°45'30"`), two fields, or CGCS2000
 * Gauss-Krüger X (northing) and Y (easting; the zone is read from its prefix, otherwise `epsg` must say it).
 * GCJ-02 (Amap/高德, Tencent) and BD-09 (Baidu) are converted with gcoord (about 2 m: the formulas are
 * metre-level), Gauss-Krüger with proj4 (1 mm). Anything outside lon 115–140, lat 38–58 is refused.
 *
 * @param input - The system and the text of each field.
 * @returns WGS84 degrees with zone, accuracy and a note; or the field at fault, a code and an English
 *   message saying what to do.
 * @example
 * parseSiteLocation({ system: 'wgs84', text: '北纬45°45\'30" 东经126°38\'12.5"' }); // { ok: true, lon: 126.636805…, lat: 45.758333…, … }
 * parseSiteLocation({ system: 'gauss-kruger', x: '5069876.12', y: '2845123' }).code; // 'gk-zone-missing'
 */
export function parseSiteLocation(input: SiteLocationInput): SiteLocation {
  if (input.system === 'gauss-kruger') return fromGaussKruger(input.x, input.y, input.epsg);
  const pair = 'text' in input ? parsePairText(input.text) : parseTwoFields(input.lon, input.lat);
  if ('ok' in pair) return pair;
  return fromGeographic(pair, input.system);
}

/**
 * The CGCS2000 Gauss-Krüger EPSG codes that cover Heilongjiang (121°–135°E), for a picker: 3° zones 40–45
 * with prefix (4528–4533) and without (4549–4554), 6° zones 21–23 with prefix (4499–4501) and without
 * (4510–4512). `parseSiteLocation` accepts every code of the series (4491–4554).
 *
 * @returns One entry per code with its label, zone width, whether Y carries the zone prefix, and the central meridian.
 * @example
 * gaussKrugerEpsgCodes().find((code) => code.epsg === 4531);
 * // { epsg: 4531, label: 'EPSG:4531 CGCS2000 / 3-degree Gauss-Kruger zone 43 (CM 129°E, Y = 43xxxxxx.xx)', zoneWidth: 3, prefixed: true, centralMeridian: 129 }
 */
export function gaussKrugerEpsgCodes(): { epsg: number; label: string; zoneWidth: 3 | 6; prefixed: boolean; centralMeridian: number }[] {
  return heilongjiangGaussKrugerZones().map((zone) => ({
    epsg: zone.epsg,
    label: zoneLabel(zone),
    zoneWidth: zone.zoneWidth,
    prefixed: zone.prefixed,
    centralMeridian: zone.centralMeridian,
  }));
}
