import type { Geometry, Position } from 'geojson';
import { text, type Text } from '../../../core/text/text.ts';
import { rowRejection, type RowRejection } from '../row-rejection.ts';

/** One feature read from a vector file, with its properties as plain strings. */
export interface VectorFeature {
  geometry: Geometry;
  properties: Record<string, string>;
  /** 1-based feature number in the file (for messages) */
  number: number;
  /** layer name: shapefile base name or KML folder/document name, '' for GeoJSON */
  layer: string;
}

/** A read vector file: accepted features in WGS84 longitude/latitude, and every rejected feature. */
export interface VectorFile {
  fileName: string;
  format: 'geojson' | 'kml' | 'kmz' | 'shapefile-zip';
  features: VectorFeature[];
  /** Features left out, `row` being the feature number. */
  rejected: RowRejection[];
  /** How the coordinates were read, as a catalogue text; in English e.g. 'WGS84 (GeoJSON)', 'CGCS2000 / 3-degree Gauss-Kruger zone 43 (EPSG:4531) → WGS84'. */
  crs: Text;
}

/** A feature as parsed, before validation. */
export interface RawFeature {
  geometry: Geometry | null;
  properties: Record<string, string>;
  layer: string;
  /** A problem found while parsing (KML coordinates text, shapefile rings), reported instead of the geometry checks. */
  problem?: FeatureProblem;
}

/** Why one feature is left out: the field at fault, the reason and the offending value. */
export interface FeatureProblem {
  field: string;
  reason: Text;
  value: string;
}

/** How a layer's coordinates become WGS84 longitude/latitude. */
export interface VectorCoordinateSystem {
  /** What the file's coordinates were read as, for the import summary (a catalogue text). */
  label: Text;
  toWgs84?: (position: Position) => Position;
}

/** Numbers the features, validates every geometry and splits accepted from rejected. */
export function finishVectorFile(fileName: string, format: VectorFile['format'], raw: RawFeature[], crs: Text): VectorFile {
  const features: VectorFeature[] = [];
  const rejected: RowRejection[] = [];
  raw.forEach((feature, index) => {
    const number = index + 1;
    const problem = feature.problem ?? geometryProblem(feature.geometry);
    if (problem || !feature.geometry) {
      const { field, reason, value } = problem ?? { field: 'geometry', reason: text('vectorNoGeometry'), value: '' };
      rejected.push(rowRejection(number, field, reason, value));
    } else {
      features.push({ geometry: feature.geometry, properties: feature.properties, number, layer: feature.layer });
    }
  });
  return { fileName, format, features, rejected, crs };
}

/**
 * Why a geometry cannot be used, or null when it can: missing or empty geometry, a position that is not two
 * finite numbers within ±180°/±90°, a line with fewer than 2 positions, a ring with fewer than 4 positions or
 * not closed. Nothing is repaired.
 */
function geometryProblem(geometry: unknown): FeatureProblem | null {
  if (!isObject(geometry)) return geometryIssue(text('vectorFeatureWithoutGeometry'), '');
  const { type } = geometry;
  if (type === 'GeometryCollection') {
    const members = geometry['geometries'];
    if (!Array.isArray(members) || members.length === 0) return geometryIssue(text('vectorEmptyCollection'), '');
    for (const member of members) {
      const problem = geometryProblem(member);
      if (problem) return problem;
    }
    return null;
  }
  const coordinates = geometry['coordinates'];
  switch (type) {
    case 'Point':
      return Array.isArray(coordinates) && coordinates.length === 0 ? geometryIssue(text('vectorEmptyPoint'), '') : positionProblem(coordinates);
    case 'MultiPoint':
      return partsProblem(coordinates, POINT_PARTS, positionProblem);
    case 'LineString':
      return lineProblem(coordinates);
    case 'MultiLineString':
      return partsProblem(coordinates, LINE_PARTS, lineProblem);
    case 'Polygon':
      return polygonProblem(coordinates);
    case 'MultiPolygon':
      return partsProblem(coordinates, POLYGON_PARTS, polygonProblem);
    default:
      return geometryIssue(text('vectorUnknownGeometryType', { type: String(type) }), String(type));
  }
}

/**
 * A problem of the feature's geometry.
 *
 * @param reason - Why, as a catalogue text.
 * @param value - The offending coordinates or type, as text.
 * @returns The problem, field `geometry`.
 */
export function geometryIssue(reason: Text, value: string): FeatureProblem {
  return { field: 'geometry', reason, value };
}

/** The texts of a Multi geometry's parts: what an empty one says, and the prefix naming part n. */
interface PartTexts {
  empty: 'vectorNoPoints' | 'vectorNoLines' | 'vectorNoPolygons';
  part: 'vectorInPoint' | 'vectorInLine' | 'vectorInPolygon';
}

const POINT_PARTS: PartTexts = { empty: 'vectorNoPoints', part: 'vectorInPoint' };
const LINE_PARTS: PartTexts = { empty: 'vectorNoLines', part: 'vectorInLine' };
const POLYGON_PARTS: PartTexts = { empty: 'vectorNoPolygons', part: 'vectorInPolygon' };

function partsProblem(parts: unknown, texts: PartTexts, check: (part: unknown) => FeatureProblem | null): FeatureProblem | null {
  if (!Array.isArray(parts) || parts.length === 0) return geometryIssue(text(texts.empty), '');
  for (let i = 0; i < parts.length; i++) {
    const problem = check(parts[i]);
    if (problem) return parts.length > 1 ? { ...problem, reason: text(texts.part, { n: i + 1, inner: problem.reason }) } : problem;
  }
  return null;
}

function positionProblem(position: unknown): FeatureProblem | null {
  if (!Array.isArray(position) || position.length < 2) return geometryIssue(text('vectorPositionIncomplete'), JSON.stringify(position) ?? '');
  const [lon, lat] = position as unknown[];
  const value = `${String(lon)}, ${String(lat)}`;
  if (typeof lon !== 'number' || !Number.isFinite(lon)) return geometryIssue(text('vectorLongitudeNotFinite'), value);
  if (typeof lat !== 'number' || !Number.isFinite(lat)) return geometryIssue(text('vectorLatitudeNotFinite'), value);
  if (Math.abs(lon) > 180) return geometryIssue(text('vectorLongitudeOutside', { value: lon }), value);
  if (Math.abs(lat) > 90) return geometryIssue(text('vectorLatitudeOutside', { value: lat }), value);
  return null;
}

function positionsProblem(positions: unknown[]): FeatureProblem | null {
  for (const position of positions) {
    const problem = positionProblem(position);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: unknown): FeatureProblem | null {
  if (!Array.isArray(line)) return geometryIssue(text('vectorLineNotList'), JSON.stringify(line) ?? '');
  const problem = positionsProblem(line);
  if (problem) return problem;
  if (line.length < 2) return geometryIssue(text('vectorLineTooShort', { n: line.length }), JSON.stringify(line));
  return null;
}

function polygonProblem(rings: unknown): FeatureProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return geometryIssue(text('vectorEmptyPolygon'), '');
  for (let i = 0; i < rings.length; i++) {
    const problem = ringProblem(rings[i]);
    if (problem) return { ...problem, reason: text('vectorInRing', { n: i + 1, inner: problem.reason }) };
  }
  return null;
}

/**
 * Why a ring cannot be used, or null: not a list, a position that is not two finite numbers in range, fewer than
 * 4 positions, or not closed. The reason starts with a verb (`has 3 position(s)…`), to follow `ring 1: ` or `LinearRing `.
 *
 * @param ring - The ring as parsed.
 * @returns The problem, or null.
 */
export function ringProblem(ring: unknown): FeatureProblem | null {
  if (!Array.isArray(ring)) return geometryIssue(text('vectorRingNotList'), JSON.stringify(ring) ?? '');
  const problem = positionsProblem(ring);
  if (problem) return problem;
  if (ring.length < 4) return geometryIssue(text('vectorRingTooShort', { n: ring.length }), positionsText(ring));
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return geometryIssue(text('vectorRingNotClosed'), `${first[0]}, ${first[1]} … ${last[0]}, ${last[1]}`);
  }
  return null;
}

function positionsText(positions: unknown[]): string {
  return positions.map((position) => (position as Position).slice(0, 2).join(', ')).join('; ');
}

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties as strings: numbers via String(), null/undefined as '', KML HTML descriptions as their text, objects as JSON. */
export function stringProperties(properties: unknown): Record<string, string> {
  if (!isObject(properties)) return {};
  // Object.fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, propertyText(value)]));
}

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isObject(value) && value['@type'] === 'html' && typeof value['value'] === 'string') return value['value'];
  return JSON.stringify(value) ?? '';
}

/** A geometry with every position mapped; drops `bbox`, which would no longer match. */
export function mapGeometry(geometry: Geometry, map: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: map(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(map) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(map) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((line) => line.map(map)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(map)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(map))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((member) => mapGeometry(member, map)) };
  }
}
