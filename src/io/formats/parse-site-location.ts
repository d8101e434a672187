import gcoord from 'gcoord';
import proj4 from 'proj4';
import {
  gaussKrugerDefinition,
  gaussKrugerZoneOfEasting,
  gaussKrugerZoneOfEpsg,
  heilongjiangGaussKrugerZones,
  type GaussKrugerZone,
} from '../../core/geo/gauss-kruger-zones.ts';
import { text, type Text } from '../../core/text/text.ts';
import { parseAngle, type AngleResult } from './parse-coordinate.ts';

/** The coordinate systems a project site may be given in. */
export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09' | 'gauss-kruger';

/** What a user typed: one field with a lon/lat pair, two fields, or Gauss-Krüger X/Y. */
export type SiteLocationInput =
  | { system: 'wgs84' | 'gcj02' | 'bd09'; text: string }
  | { system: 'wgs84' | 'gcj02' | 'bd09'; lon: string; lat: string }
  /** Chinese surveying order: X = northing, Y = easting (with or without the zone prefix). */
  | { system: 'gauss-kruger'; x: string; y: string; epsg?: number };

/** Why a location was refused, as a code for the UI to act on (the field to mark); `message` says it in words. */
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
      /** How the location was obtained, as a catalogue text. */
      note: Text;
    }
  | { ok: false; field: 'lon' | 'lat' | 'x' | 'y' | 'text' | 'epsg'; code: SiteLocationErrorCode; /** What is wrong and what to do, as a catalogue text. */ message: Text };

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

const EXAMPLE_PAIR = text('siteLocationExamplePair');

function fail(field: Failure['field'], code: SiteLocationErrorCode, message: Text): Failure {
  return { ok: false, field, code, message };
}

function inRegion(lon: number, lat: number): boolean {
  return lon >= REGION.lonMin && lon <= REGION.lonMax && lat >= REGION.latMin && lat <= REGION.latMax;
}

// ---------------------------------------------------------------------------------------------------------
// Geographic input (WGS84, GCJ-02, BD-09)

const EXAMPLES = {
  lon: { dms: `126°38'12.5"E`, decimal: '126.6368' },
  lat: { dms: `45°45'30"N`, decimal: '45.7583' },
} as const;

function angleProblem(result: Exclude<AngleResult, { ok: true }>, what: Text, value: string, axis: 'lon' | 'lat'): { code: SiteLocationErrorCode; message: Text } {
  const { decimal, dms } = EXAMPLES[axis];
  switch (result.reason) {
    case 'empty':
      return { code: 'empty', message: text('siteLocationAngleEmpty', { what, decimal, dms }) };
    case 'malformed-dms':
      return { code: 'malformed-dms', message: text('siteLocationAngleMalformedDms', { what, value, decimal, dms }) };
    default:
      return { code: 'not-a-number', message: text('siteLocationAngleNotNumber', { what, value, decimal, dms }) };
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
function checkPair(pair: Pair, fields: { lon: Failure['field']; lat: Failure['field'] }, describe: Text, hint: Text): Failure | undefined {
  const { lon, lat } = pair;
  // DMS input gives 126.63680555555557; a message needs six decimals (0.1 m).
  const shown = { describe, lon: Number(lon.toFixed(6)), lat: Number(lat.toFixed(6)) };
  if (!inRegion(lon, lat) && inRegion(lat, lon)) return fail(fields.lon, 'swapped', text('siteLocationSwapped', { ...shown, hint }));
  if (!(Math.abs(lon) <= 180)) return fail(fields.lon, 'out-of-range', text('siteLocationLongitudeOutOfRange', shown));
  if (!(Math.abs(lat) <= 90)) return fail(fields.lat, 'out-of-range', text('siteLocationLatitudeOutOfRange', shown));
  if (!inRegion(lon, lat)) {
    const field = lon < REGION.lonMin || lon > REGION.lonMax ? fields.lon : fields.lat;
    return fail(field, 'outside-region', text('siteLocationOutsideRegion', shown));
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
  const describe = text('siteLocationPair', { text: whole });
  if (!first.ok) {
    const problem = angleProblem(first, text('siteLocationPairFirst', { text: whole }), firstText.trim(), 'lon');
    return { ok: false, failure: fail('text', problem.code, problem.message), parsed: false };
  }
  if (!second.ok) {
    const what = text(second.reason === 'empty' ? 'siteLocationPairSecondLatitude' : 'siteLocationPairSecond', { text: whole });
    const problem = angleProblem(second, what, secondText.trim(), 'lat');
    return { ok: false, failure: fail('text', problem.code, problem.message), parsed: false };
  }
  if (first.axis && first.axis === second.axis) {
    const both = text(first.axis === 'lon' ? 'siteLocationBothLongitudes' : 'siteLocationBothLatitudes', { describe });
    return { ok: false, failure: fail('text', 'malformed-dms', both), parsed: true };
  }
  const latFirst = first.axis === 'lat' || second.axis === 'lon';
  const pair = latFirst ? { lon: second.value, lat: first.value } : { lon: first.value, lat: second.value };
  const failure = checkPair(pair, { lon: 'text', lat: 'text' }, describe, text('siteLocationSwapHintPair'));
  return failure ? { ok: false, failure, parsed: true } : { ok: true, pair };
}

function parsePairText(typed: string): Pair | Failure {
  const whole = typed.trim();
  if (whole === '') return fail('text', 'empty', text('siteLocationPairEmpty', { example: EXAMPLE_PAIR }));
  const body = whole.replace(LABELS, (_, lonLabel: string | undefined) => (lonLabel ? 'E' : 'N')).replace(GLUED, '$1 ');
  let candidates: [string, string][];
  if (SEMICOLON.test(body) || COMMA.test(body)) {
    // A semicolon separates the values; commas may then be decimal commas.
    const semicolon = SEMICOLON.test(body);
    const parts = body.split(semicolon ? SEMICOLON : COMMA).filter((part) => part.trim() !== '');
    if (parts.length !== 2) {
      return fail('text', parts.length < 2 ? 'empty' : 'not-a-number', text('siteLocationPairCount', { text: whole, n: parts.length, example: EXAMPLE_PAIR }));
    }
    const [a = '', b = ''] = semicolon ? parts.map((part) => (DECIMAL_COMMA.test(part) ? part.replace(',', '.') : part)) : parts;
    candidates = [[a, b]];
  } else {
    const tokens = body.trim().split(WHITESPACE);
    if (tokens.length < 2) {
      const single = parseAngle(whole);
      if (!single.ok) {
        const problem = angleProblem(single, text('siteLocationPair', { text: whole }), whole, 'lon');
        return fail('text', problem.code, text('siteLocationGiveBoth', { inner: problem.message }));
      }
      return fail('text', 'empty', text('siteLocationPairOneValue', { text: whole, example: EXAMPLE_PAIR }));
    }
    if (tokens.length > MAX_TOKENS) return fail('text', 'not-a-number', text('siteLocationPairTooManyParts', { text: whole, example: EXAMPLE_PAIR }));
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
        return fail('text', 'not-a-number', text('siteLocationPairAmbiguous', { text: whole, example: EXAMPLE_PAIR }));
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
    const problem = angleProblem(lon, text('siteLocationLongitude'), lonText.trim(), 'lon');
    return fail('lon', problem.code, problem.message);
  }
  const lat = parseAngle(latText);
  if (!lat.ok) {
    const problem = angleProblem(lat, text('siteLocationLatitude'), latText.trim(), 'lat');
    return fail('lat', problem.code, problem.message);
  }
  if (lon.axis === 'lat' || lat.axis === 'lon') {
    const field = lon.axis === 'lat' ? 'lon' : 'lat';
    const value = field === 'lon' ? lonText.trim() : latText.trim();
    return fail(field, 'swapped', text(field === 'lon' ? 'siteLocationMarkedAsLatitude' : 'siteLocationMarkedAsLongitude', { value }));
  }
  const pair = { lon: lon.value, lat: lat.value };
  const failure = checkPair(pair, { lon: 'lon', lat: 'lat' }, text('siteLocationTwoFields', { lon: lonText.trim(), lat: latText.trim() }), text('siteLocationSwapHintFields'));
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
    return { ok: true, lon: pair.lon, lat: pair.lat, system, accuracyM: 0, note: text('siteLocationNoteWgs84') };
  }
  const crs = system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [lon, lat] = gcoord.transform([pair.lon, pair.lat], crs, gcoord.WGS84) as [number, number];
  const [backLon, backLat] = gcoord.transform([lon, lat], gcoord.WGS84, crs) as [number, number];
  const residual = nearbyMetres(pair, { lon: backLon, lat: backLat });
  const shift = nearbyMetres(pair, { lon, lat });
  // gcoord leaves GCJ-02 untouched outside its China box (north of 55.83°N, east of 137.83°E), as the services do.
  const untouched = shift === 0 ? text('siteLocationNoteNoShift') : '';
  return {
    ok: true,
    lon,
    lat,
    system,
    accuracyM: system === 'gcj02' ? GCJ_ACCURACY_M : BD_ACCURACY_M,
    note: text(system === 'gcj02' ? 'siteLocationNoteGcj02' : 'siteLocationNoteBd09', { shift: shift.toFixed(0), untouched, residual: residual.toFixed(2) }),
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

function readMetres(typed: string, field: 'x' | 'y'): number | Failure {
  const trimmed = typed.trim();
  const what = text(field === 'x' ? 'siteLocationNorthing' : 'siteLocationEasting');
  const example = field === 'x' ? '5069876.12' : '43554321.98';
  if (trimmed === '') return fail(field, 'empty', text('siteLocationMetresEmpty', { what, example }));
  if (!METRES.test(trimmed)) return fail(field, 'not-a-number', text('siteLocationMetresNotNumber', { what, value: trimmed, example }));
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
    return fail('epsg', 'gk-unknown-zone', text('siteLocationEpsgUnknown', { epsg }));
  }
  const xShown = xText.trim();
  const yShown = yText.trim();
  if (looksLikeEasting(x) && y >= REGION_NORTHING[0] && y <= REGION_NORTHING[1]) {
    return fail('x', 'swapped', text('siteLocationXySwapped', { x: xShown, y: yShown }));
  }
  if (!(x > 0 && x < 1e7)) return fail('x', 'out-of-range', text('siteLocationNorthingOutOfRange', { x: xShown }));
  if (!(y > 0 && y < 1e8)) return fail('y', 'out-of-range', text('siteLocationNotEasting', { y: yShown }));
  let zone: GaussKrugerZone;
  if (y >= 1e7) {
    const prefix = Math.floor(y / 1e6);
    const named = gaussKrugerZoneOfEasting(y);
    if (!named) {
      return fail('y', 'gk-unknown-zone', text('siteLocationUnknownPrefix', { y: yShown, prefix }));
    }
    if (given && given.epsg !== named.epsg) {
      return fail(
        'epsg',
        'gk-zone-conflict',
        text('siteLocationZoneConflict', {
          epsg: given.epsg,
          width: given.zoneWidth,
          cm: given.centralMeridian,
          noPrefix: given.prefixed ? '' : text('siteLocationNoPrefix'),
          y: yShown,
          prefix,
          named: named.epsg,
          namedWidth: named.zoneWidth,
          namedZone: named.zone,
          namedCm: named.centralMeridian,
        }),
      );
    }
    zone = named;
  } else {
    if (!given) {
      return fail('y', 'gk-zone-missing', text('siteLocationPrefixMissing', { y: yShown }));
    }
    if (given.prefixed) {
      const suggested = `${given.zone}${String(Math.round(y) % 1e6).padStart(6, '0')}`;
      return fail('epsg', 'gk-zone-conflict', text('siteLocationPrefixExpected', { epsg: given.epsg, zone: given.zone, y: yShown, suggested, cm: given.centralMeridian }));
    }
    if (y >= 1e6) return fail('y', 'out-of-range', text('siteLocationEastingTooLarge', { y: yShown }));
    zone = given;
  }
  const [lon, lat] = converterOf(zone).inverse([y, x]) as [number, number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    return fail('y', 'out-of-range', text('siteLocationNotConvertible', { x: xShown, y: yShown, epsg: zone.epsg }));
  }
  if (!inRegion(lon, lat)) {
    const field = lon < REGION.lonMin || lon > REGION.lonMax ? 'y' : 'x';
    return fail(field, 'outside-region', text('siteLocationGaussKrugerOutsideRegion', { x: xShown, y: yShown, epsg: zone.epsg, lon: lon.toFixed(4), lat: lat.toFixed(4) }));
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
    note: text('siteLocationNoteGaussKruger', { width: zone.zoneWidth, zone: zone.zone, epsg: zone.epsg, cm: zone.centralMeridian }),
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
 * @returns WGS84 degrees with zone, accuracy and a note; or the field at fault, a code and a message (a catalogue
 *   text) saying what to do.
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
