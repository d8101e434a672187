import type { Geometry, Position } from 'geojson';

/** One feature read from a vector file, with its properties as plain strings. */
export interface VectorFeature {
  geometry: Geometry;
  properties: Record<string, string>;
  /** 1-based feature number in the file (for messages) */
  number: number;
  /** layer name: shapefile base name or KML folder/document name, '' for GeoJSON */
  layer: string;
}

/** A feature left out of {@link VectorFile.features}, with the reason. `row` is the feature number. */
export interface VectorRejection {
  row: number;
  field: string;
  reason: string;
  value: string;
}

/** A read vector file: accepted features in WGS84 longitude/latitude, and every rejected feature. */
export interface VectorFile {
  fileName: string;
  format: 'geojson' | 'kml' | 'kmz' | 'shapefile-zip';
  features: VectorFeature[];
  rejected: VectorRejection[];
  /** how coordinates were interpreted, e.g. 'WGS84 (GeoJSON)', 'CGCS2000 / 3-degree Gauss-Kruger zone 43 (EPSG:4531) → WGS84' */
  crs: string;
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
  reason: string;
  value: string;
}

/** How a layer's coordinates become WGS84 longitude/latitude. */
export interface VectorCoordinateSystem {
  label: string;
  toWgs84?: (position: Position) => Position;
}

export const WGS84_LABEL = 'WGS84';

/** Numbers the features, validates every geometry and splits accepted from rejected. */
export function finishVectorFile(fileName: string, format: VectorFile['format'], raw: RawFeature[], crs: string): VectorFile {
  const features: VectorFeature[] = [];
  const rejected: VectorRejection[] = [];
  raw.forEach((feature, index) => {
    const number = index + 1;
    const problem = feature.problem ?? geometryProblem(feature.geometry);
    if (problem || !feature.geometry) {
      const { field, reason, value } = problem ?? { field: 'geometry', reason: 'no geometry', value: '' };
      rejected.push({ row: number, field, reason, value });
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
  if (!isObject(geometry)) return geometryIssue('the feature has no geometry; draw it or delete the feature', '');
  const { type } = geometry;
  if (type === 'GeometryCollection') {
    const members = geometry['geometries'];
    if (!Array.isArray(members) || members.length === 0) return geometryIssue('empty geometry collection; draw the geometry or delete the feature', '');
    for (const member of members) {
      const problem = geometryProblem(member);
      if (problem) return problem;
    }
    return null;
  }
  const coordinates = geometry['coordinates'];
  switch (type) {
    case 'Point':
      return Array.isArray(coordinates) && coordinates.length === 0 ? geometryIssue('empty point; give it a position or delete the feature', '') : positionProblem(coordinates);
    case 'MultiPoint':
      return partsProblem(coordinates, 'point', positionProblem);
    case 'LineString':
      return lineProblem(coordinates);
    case 'MultiLineString':
      return partsProblem(coordinates, 'line', lineProblem);
    case 'Polygon':
      return polygonProblem(coordinates);
    case 'MultiPolygon':
      return partsProblem(coordinates, 'polygon', polygonProblem);
    default:
      return geometryIssue(`unknown geometry type "${String(type)}"; use Point, LineString, Polygon or their Multi forms`, String(type));
  }
}

export function geometryIssue(reason: string, value: string): FeatureProblem {
  return { field: 'geometry', reason, value };
}

function partsProblem(parts: unknown, partName: string, check: (part: unknown) => FeatureProblem | null): FeatureProblem | null {
  if (!Array.isArray(parts) || parts.length === 0) return geometryIssue(`empty geometry (no ${partName}s); draw it or delete the feature`, '');
  for (let i = 0; i < parts.length; i++) {
    const problem = check(parts[i]);
    if (problem) return parts.length > 1 ? { ...problem, reason: `${partName} ${i + 1}: ${problem.reason}` } : problem;
  }
  return null;
}

function positionProblem(position: unknown): FeatureProblem | null {
  if (!Array.isArray(position) || position.length < 2) return geometryIssue('a position needs a longitude and a latitude', JSON.stringify(position) ?? '');
  const [lon, lat] = position as unknown[];
  const value = `${String(lon)}, ${String(lat)}`;
  if (typeof lon !== 'number' || !Number.isFinite(lon)) return geometryIssue('longitude is not a finite number; fix the coordinate', value);
  if (typeof lat !== 'number' || !Number.isFinite(lat)) return geometryIssue('latitude is not a finite number; fix the coordinate', value);
  const projectedHint = 'are the coordinates projected? Export the layer as WGS84 or CGCS2000 longitude/latitude';
  if (Math.abs(lon) > 180) return geometryIssue(`longitude ${lon} is outside -180…180; ${projectedHint}`, value);
  if (Math.abs(lat) > 90) return geometryIssue(`latitude ${lat} is outside -90…90; ${projectedHint}`, value);
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
  if (!Array.isArray(line)) return geometryIssue('a line must be a list of positions', JSON.stringify(line) ?? '');
  const problem = positionsProblem(line);
  if (problem) return problem;
  if (line.length < 2) return geometryIssue(`a line has ${line.length} position(s); it needs at least 2`, JSON.stringify(line));
  return null;
}

function polygonProblem(rings: unknown): FeatureProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return geometryIssue('empty polygon (no rings); draw it or delete the feature', '');
  for (let i = 0; i < rings.length; i++) {
    const problem = ringProblem(rings[i]);
    if (problem) return { ...problem, reason: `ring ${i + 1}: ${problem.reason}` };
  }
  return null;
}

export function ringProblem(ring: unknown): FeatureProblem | null {
  if (!Array.isArray(ring)) return geometryIssue('a ring must be a list of positions', JSON.stringify(ring) ?? '');
  const problem = positionsProblem(ring);
  if (problem) return problem;
  if (ring.length < 4) return geometryIssue(`has ${ring.length} position(s); a closed ring needs at least 4 (the last repeats the first); fix the polygon in your GIS`, positionsText(ring));
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return geometryIssue('is not closed: the last position differs from the first; close the ring in your GIS', `${first[0]}, ${first[1]} … ${last[0]}, ${last[1]}`);
  }
  return null;
}

function positionsText(positions: unknown[]): string {
  return positions.map((position) => (position as Position).slice(0, 2).join(', ')).join('; ');
}

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
