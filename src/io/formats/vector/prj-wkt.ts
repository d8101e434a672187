import { text, type Text } from '../../../core/text/text.ts';
import proj4 from 'proj4';
import { centralMeridianOf, falseEastingOf, gaussKrugerEpsgOfZone, gaussKrugerName, gaussKrugerZoneOfEpsg } from '../../../core/geo/gauss-kruger-zones.ts';
import { VectorFileError } from './vector-file-error.ts';
import type { VectorCoordinateSystem } from './vector-geometry.ts';

interface WktNode {
  keyword: string;
  values: Array<string | number | WktNode>;
}

interface TransverseMercator {
  lon0: number;
  lat0: number;
  k: number;
  x0: number;
  y0: number;
  ellipsoid: 'GRS80' | 'WGS84';
}

/**
 * How a .prj's coordinates become WGS84: geographic WGS84/CGCS2000 as is; CGCS2000 (or WGS84) Gauss-Krüger /
 * Transverse Mercator reprojected with proj4. Anything else is an error that says what to do.
 */
export function coordinateSystemOfPrj(prj: string, where: Text): VectorCoordinateSystem {
  const body = prj.trim();
  const unknown = (what: Text | string, extra: Text | string = '') => new VectorFileError(text('shapefilePrjUnknown', { where, what, extra }));
  const quoted = (name: string) => text('shapefilePrjQuoted', { name });
  const epsg = /^EPSG:(\d+)$/i.exec(body);
  if (epsg) return epsgSystem(Number(epsg[1])) ?? throwError(unknown(`EPSG:${epsg[1]}`));
  const root = parseWkt(body);
  if (!root) {
    const named = gaussKrugerOfName(body);
    if (named) return transverseMercatorSystem(named.parameters, named.label);
    throw unknown(quoted(body.slice(0, 80)));
  }
  const name = String(root.values[0] ?? '');
  const authority = authorityCode(root);
  const byAuthority = authority === undefined ? null : epsgSystem(authority);
  if (byAuthority) return byAuthority;
  const geographic = /^GEOG(CS|CRS)$/i.test(root.keyword) ? root : child(root, /^(GEOGCS|GEOGCRS|BASEGEOGCRS)$/i);
  const datum = datumOf(geographic);
  if (!datum) {
    const legacy = /beijing|xian|xi'an|1954|1980|krassowsky|krasovsky/i.test(JSON.stringify(geographic ?? root)) ? text('shapefilePrjLegacyDatum') : '';
    throw unknown(quoted(name), legacy);
  }
  if (root === geographic) return { label: text(datum === 'WGS84' ? 'vectorCrsPrjWgs84' : 'vectorCrsPrjCgcs2000') };
  const method = String(child(root, /^(PROJECTION|METHOD)$/i)?.values[0] ?? child(child(root, /^CONVERSION$/i), /^METHOD$/i)?.values[0] ?? '');
  if (!/transverse.?mercator|gauss.?kr[uü]ger/i.test(method) || /south/i.test(method)) throw unknown(text('shapefilePrjMethod', { name, method: method || text('shapefilePrjNoMethod') }));
  if (!isMetres(root)) throw unknown(text('shapefilePrjUnit', { name }));
  const parameters = transverseMercatorOfWkt(root, datum === 'WGS84' ? 'WGS84' : 'GRS80') ?? gaussKrugerOfName(name)?.parameters;
  if (!parameters) throw unknown(text('shapefilePrjNoMeridian', { name }));
  const named = gaussKrugerOfName(name);
  const label = named && sameParameters(named.parameters, parameters) ? named.label : transverseMercatorLabel(parameters, datum);
  return transverseMercatorSystem(parameters, label);
}

function throwError(error: Error): never {
  throw error;
}

/** A small WKT 1/2 reader: KEYWORD[value, "text", CHILD[...]] with [] or (); null when the text is not WKT. */
function parseWkt(text: string): WktNode | null {
  const tokens = text.match(/"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[[\](),]/g);
  if (!tokens || !/^[A-Za-z_]/.test(tokens[0] ?? '') || !/[[(]/.test(tokens[1] ?? '')) return null;
  let index = 0;
  const node = (): WktNode => {
    const keyword = tokens[index++]!;
    index++; // opening bracket
    const values: WktNode['values'] = [];
    while (index < tokens.length && !/[\])]/.test(tokens[index]!)) {
      const token = tokens[index]!;
      if (token === ',') index++;
      else if (token.startsWith('"')) (values.push(token.slice(1, -1).replace(/""/g, '"')), index++);
      else if (/^[A-Za-z_]/.test(token) && /[[(]/.test(tokens[index + 1] ?? '')) values.push(node());
      else (values.push(Number.isFinite(Number(token)) ? Number(token) : token), index++);
    }
    index++; // closing bracket
    return { keyword, values };
  };
  return node();
}

function children(node: WktNode | undefined, keyword: RegExp): WktNode[] {
  return (node?.values ?? []).filter((value): value is WktNode => typeof value === 'object' && keyword.test(value.keyword));
}

function child(node: WktNode | undefined, keyword: RegExp): WktNode | undefined {
  return children(node, keyword)[0];
}

function authorityCode(node: WktNode): number | undefined {
  const authority = child(node, /^(AUTHORITY|ID)$/i);
  return authority && /^EPSG$/i.test(String(authority.values[0])) ? Number(authority.values[1]) : undefined;
}

/** 'WGS84' or 'CGCS2000' from a GEOGCS's names, else null (Beijing 1954, Xian 1980, anything else). */
function datumOf(geographic: WktNode | undefined): 'WGS84' | 'CGCS2000' | null {
  if (!geographic) return null;
  const names = [geographic.values[0], child(geographic, /^DATUM$/i)?.values[0]].map((value) => String(value ?? '')).join(' ');
  if (/CGCS[_ ]?2000|China[_ ]Geodetic[_ ]Coordinate[_ ]System[_ ]2000|China[_ ]2000/i.test(names)) return 'CGCS2000';
  if (/WGS[_ ]?(19)?84/i.test(names)) return 'WGS84';
  return null;
}

function isMetres(projected: WktNode): boolean {
  // WKT 1 puts the unit after the parameters; WKT 2 may put it on each AXIS.
  const unit = children(projected, /^(UNIT|LENGTHUNIT)$/i).pop() ?? children(child(projected, /^AXIS$/i), /^(UNIT|LENGTHUNIT)$/i)[0];
  return !unit || unit.values[1] === 1;
}

/** Transverse Mercator parameters from WKT 1 PARAMETER[...] or WKT 2 CONVERSION/PARAMETER[...]. */
function transverseMercatorOfWkt(root: WktNode, ellipsoid: TransverseMercator['ellipsoid']): TransverseMercator | null {
  const parameters = [...children(root, /^PARAMETER$/i), ...children(child(root, /^CONVERSION$/i), /^PARAMETER$/i)];
  const value = (pattern: RegExp, fallback?: number): number | undefined => {
    const found = parameters.find((parameter) => pattern.test(String(parameter.values[0])));
    return found && typeof found.values[1] === 'number' ? found.values[1] : fallback;
  };
  const lon0 = value(/central.?meridian|longitude.of.(natural.)?origin/i);
  if (lon0 === undefined) return null;
  return {
    lon0,
    lat0: value(/latitude.of.(natural.)?origin/i, 0)!,
    k: value(/scale.?factor/i, 1)!,
    x0: value(/false.?easting/i, 0)!,
    y0: value(/false.?northing/i, 0)!,
    ellipsoid,
  };
}

function sameParameters(a: TransverseMercator, b: TransverseMercator): boolean {
  return a.lon0 === b.lon0 && a.lat0 === b.lat0 && a.k === b.k && a.x0 === b.x0 && a.y0 === b.y0 && a.ellipsoid === b.ellipsoid;
}

function transverseMercatorLabel(p: TransverseMercator, datum: string): Text {
  return text('vectorCrsTransverseMercator', { datum, lon0: p.lon0, x0: p.x0, k: p.k });
}

/** A CGCS2000 Gauss-Krüger EPSG code (4491–4554), with its EPSG name. */
function gaussKrugerOfEpsg(code: number): { parameters: TransverseMercator; label: Text } | null {
  const zone = gaussKrugerZoneOfEpsg(code);
  return zone && gaussKruger(zone.zoneWidth, zone.zone, zone.prefixed);
}

function epsgSystem(code: number): VectorCoordinateSystem | null {
  if (code === 4326) return { label: text('vectorCrsEpsg4326') };
  if (code === 4490) return { label: text('vectorCrsEpsg4490') };
  const known = gaussKrugerOfEpsg(code);
  return known && transverseMercatorSystem(known.parameters, known.label);
}

/**
 * CGCS2000 Gauss-Krüger from a name as ArcGIS, QGIS and EPSG write it: CGCS2000_3_Degree_GK_Zone_43,
 * CGCS2000_3_Degree_GK_CM_129E, CGCS2000_GK_Zone_21, CGCS2000_GK_CM_123E, "CGCS2000 / 3-degree Gauss-Kruger zone 43".
 */
function gaussKrugerOfName(name: string): { parameters: TransverseMercator; label: Text } | null {
  const match = /CGCS[\W_]*2000[\W_]+(3[\W_]*degree[\W_]+)?(?:GK|Gauss[\W_]*Kr[uü]ger)[\W_]+(?:zone[\W_]*(\d+)|CM[\W_]*(\d+)[\W_]*E)(?![A-Za-z0-9])/i.exec(name);
  if (!match) return null;
  const width = match[1] ? 3 : 6;
  const zone = match[2] ? Number(match[2]) : width === 3 ? Number(match[3]) / 3 : (Number(match[3]) + 3) / 6;
  return Number.isInteger(zone) ? gaussKruger(width, zone, match[2] !== undefined) : null;
}

/** A CGCS2000 Gauss-Krüger zone, also one a name gives outside the EPSG series (then labelled without a code). */
function gaussKruger(width: 3 | 6, zone: number, prefixed: boolean): { parameters: TransverseMercator; label: Text } {
  const lon0 = centralMeridianOf(width, zone);
  const parameters: TransverseMercator = { lon0, lat0: 0, k: 1, x0: falseEastingOf(zone, prefixed), y0: 0, ellipsoid: 'GRS80' };
  const epsg = gaussKrugerEpsgOfZone(width, zone, prefixed);
  const name = gaussKrugerName(width, zone, prefixed);
  return { parameters, label: epsg === null ? text('vectorCrsGaussKrugerNoCode', { name }) : text('vectorCrsGaussKruger', { name, epsg }) };
}

function transverseMercatorSystem(p: TransverseMercator, label: Text): VectorCoordinateSystem {
  // No +datum: CGCS2000 and WGS84 coincide at the centimetre level, so latitudes and longitudes are taken as WGS84.
  const converter = proj4(`+proj=tmerc +lat_0=${p.lat0} +lon_0=${p.lon0} +k=${p.k} +x_0=${p.x0} +y_0=${p.y0} +ellps=${p.ellipsoid} +units=m +no_defs`, 'WGS84');
  return {
    label,
    toWgs84: (position) => {
      const [x, y, ...rest] = position;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return position;
      const [lon, lat] = converter.forward([x!, y!]);
      return [lon!, lat!, ...rest];
    },
  };
}

/**
 * How coordinates in a CGCS2000 Gauss-Krüger EPSG code (4491–4554) become WGS84, or null for any other code.
 *
 * @param code - An EPSG code, e.g. from a GeoJSON `crs` member.
 * @returns The coordinate system, labelled with the EPSG name and code.
 */
export function gaussKrugerSystemOfEpsg(code: number): VectorCoordinateSystem | null {
  const known = gaussKrugerOfEpsg(code);
  return known && transverseMercatorSystem(known.parameters, known.label);
}
