import { text, type Text } from '../../../core/text/text.ts';
import type { Geometry, Position } from 'geojson';
import { gaussKrugerSystemOfEpsg } from './prj-wkt.ts';
import { VectorFileError } from './vector-file-error.ts';
import { isObject, mapGeometry, stringProperties, type RawFeature, type VectorCoordinateSystem } from './vector-geometry.ts';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * The features of a GeoJSON text (a FeatureCollection, a Feature or a bare geometry) in WGS84, and how its coordinates
 * were read. Structure problems of one feature are left for validation; a file that is no GeoJSON at all throws.
 *
 * @throws {@link VectorFileError} when the text is not JSON, not GeoJSON, has no features or an unknown `crs`.
 */
export function readGeoJson(json: string, fileName: string): { features: RawFeature[]; crs: Text } {
  const root = parseJson(json, fileName);
  const system = geoJsonCoordinateSystem(root, fileName);
  const items = geoJsonItems(root, fileName);
  if (items.length === 0) throw new VectorFileError(text('vectorGeoJsonNoFeatures', { file: fileName }));
  const features = items.map((item): RawFeature => {
    if (!isObject(item) || item['type'] !== 'Feature') {
      return { geometry: null, properties: {}, layer: '', problem: { field: 'feature', reason: text('vectorNotAFeature'), value: JSON.stringify(item)?.slice(0, 80) ?? '' } };
    }
    const geometry = item['geometry'] as Geometry | null;
    return { geometry: system.toWgs84 ? reprojectedOrAsIs(geometry, system.toWgs84) : geometry, properties: stringProperties(item['properties']), layer: '' };
  });
  return { features, crs: system.label };
}

/** The geometry in WGS84, or as it is when its structure is broken (validation then says why). */
function reprojectedOrAsIs(geometry: Geometry | null, toWgs84: (position: Position) => Position): Geometry | null {
  try {
    return geometry && mapGeometry(geometry, toWgs84);
  } catch {
    return geometry;
  }
}

function parseJson(json: string, fileName: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const detail = (error as Error).message;
    throw new VectorFileError(text('vectorJsonInvalid', { file: fileName, place: jsonErrorPlace(json), detail }));
  }
}

/** ' at line L, column C' of the first syntax error (engines differ in what their messages say, so find it here). */
function jsonErrorPlace(json: string): Text | string {
  const index = jsonErrorIndex(json);
  if (index < 0) return '';
  if (index >= json.length) return text('vectorJsonAtEnd');
  const line = json.slice(0, index).split('\n').length;
  return text('vectorJsonAtLineColumn', { line, column: index - json.lastIndexOf('\n', index - 1) });
}

/** Index of the first JSON syntax error, or -1. A small recursive-descent check, run only after JSON.parse failed. */
function jsonErrorIndex(json: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (json[i] === ' ' || json[i] === '\t' || json[i] === '\n' || json[i] === '\r') i++;
  };
  const expect = (char: string) => (json[i] === char ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < json.length && json[i] !== '"') {
      if (json.charCodeAt(i) < 0x20) fail();
      if (json[i] === '\\') {
        const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(json.slice(i + 1, i + 6));
        if (!escape) (i++, fail());
        i += 1 + escape![0].length;
      } else i++;
    }
    expect('"');
  };
  const members = (close: string, member: () => void) => {
    i++;
    space();
    if (json[i] === close) return void i++;
    for (;;) {
      member();
      space();
      if (json[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    space();
    const char = json[i];
    if (char === '{') return members('}', () => (space(), string(), space(), expect(':'), value()));
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = i;
    if (!literal.test(json)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    space();
    return i < json.length ? i : -1;
  } catch (index) {
    return typeof index === 'number' ? index : -1;
  }
}

function geoJsonItems(root: unknown, fileName: string): unknown[] {
  const type = isObject(root) ? root['type'] : undefined;
  if (isObject(root) && type === 'FeatureCollection') {
    if (!Array.isArray(root['features'])) throw new VectorFileError(text('vectorGeoJsonNoFeatureList', { file: fileName }));
    return root['features'];
  }
  if (isObject(root) && type === 'Feature') return [root];
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return [{ type: 'Feature', geometry: root, properties: {} }];
  throw new VectorFileError(text('vectorJsonNotGeoJson', { file: fileName, type: JSON.stringify(type) ?? text('vectorJsonTypeMissing') }));
}

/** The legacy GeoJSON `crs` member: absent or geographic WGS84/CGCS2000 → as is; a CGCS2000 Gauss-Krüger EPSG code → reprojected. */
function geoJsonCoordinateSystem(root: unknown, fileName: string): VectorCoordinateSystem {
  const crs = isObject(root) ? root['crs'] : undefined;
  const name = isObject(crs) && isObject(crs['properties']) ? crs['properties']['name'] : undefined;
  if (typeof name !== 'string') return { label: text('vectorCrsWgs84In', { source: 'GeoJSON' }) };
  if (/CRS84$|EPSG::?4326$/i.test(name)) return { label: text('vectorCrsWgs84In', { source: 'GeoJSON' }) };
  if (/EPSG::?4490$/i.test(name)) return { label: text('vectorCrsEpsg4490') };
  const code = /EPSG::?(\d+)$/i.exec(name);
  const known = code ? gaussKrugerSystemOfEpsg(Number(code[1])) : null;
  if (known) return known;
  throw new VectorFileError(text('vectorGeoJsonCrsUnknown', { file: fileName, crs: name }));
}
