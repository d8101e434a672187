import { kmlWithFolders, type F as KmlFeature, type Folder as KmlFolder } from '@tmcw/togeojson';
import { DOMParser, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
// shpjs: maintained (6.2.0, 2025), pure ESM without DOM, and its parseShp lets us own unzip, .dbf text and projection.
import { parseShp } from 'shpjs';
import { centralMeridianOf, gaussKrugerEpsgOfZone, gaussKrugerName, gaussKrugerZoneOfEasting, gaussKrugerZoneOfEpsg } from '../../core/geo/gauss-kruger-zones.ts';
import { decodeText } from './decode-text.ts';
import { isZip } from './read-fire-file.ts';

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

/**
 * The file cannot be read at all (empty, malformed, unknown projection). The message starts with the file name
 * and says what to do; show it as text.
 *
 * @example
 * readVectorFile(bytes, name).catch((error) => {
 *   if (error instanceof VectorFileError) showMessage(error.message);
 * });
 */
export class VectorFileError extends Error {
  override name = 'VectorFileError';
}

/** A feature as parsed, before validation. */
interface RawFeature {
  geometry: Geometry | null;
  properties: Record<string, string>;
  layer: string;
  /** A problem found while parsing (KML coordinates text, shapefile rings), reported instead of the geometry checks. */
  problem?: Problem;
}

interface Problem {
  field: string;
  reason: string;
  value: string;
}

/** How a layer's coordinates become WGS84 longitude/latitude. */
interface CoordinateSystem {
  label: string;
  toWgs84?: (position: Position) => Position;
}

const WGS84_LABEL = 'WGS84';

/**
 * Reads a GeoJSON, KML, KMZ or zipped shapefile into WGS84 features with string properties. The format is
 * detected from the content, not the extension. Runs in Node and in a Web Worker (no DOM needed). Nothing is
 * dropped silently: a feature whose geometry is missing, out of range or has an unclosed ring is listed in
 * `rejected` with its feature number; geometry is never repaired.
 *
 * @param bytes - The file contents.
 * @param fileName - The file's name, used in every message.
 * @returns The features, the rejections and how the coordinates were interpreted.
 * @throws {@link VectorFileError} when the file cannot be read at all.
 * @example
 * const file = await readVectorFile(new TextEncoder().encode('{"type":"Point","coordinates":[126.6,45.7]}'), 'site.geojson');
 * file.features[0].geometry; // { type: 'Point', coordinates: [126.6, 45.7] }
 */
export async function readVectorFile(bytes: Uint8Array, fileName: string): Promise<VectorFile> {
  if (bytes.length === 0) throw emptyFileError(fileName);
  if (isZip(bytes)) return readZip(bytes, fileName);
  if (isBareShapefile(bytes)) {
    throw new VectorFileError(`${fileName}: a bare .shp file; put it in a ZIP together with its .dbf, .shx, .prj (and .cpg) and import the ZIP`);
  }
  const text = decodeText(bytes).text;
  const start = text.trimStart();
  if (start === '') throw emptyFileError(fileName);
  if (start.startsWith('<')) return finish(fileName, 'kml', readKml(text, fileName), `${WGS84_LABEL} (KML)`);
  if (start.startsWith('{')) {
    const { features, crs } = readGeoJson(text, fileName);
    return finish(fileName, 'geojson', features, crs);
  }
  throw new VectorFileError(`${fileName}: not GeoJSON, KML, KMZ or a zipped shapefile (it starts with "${start.slice(0, 20).replace(/[\u0000-\u001f\ufffd]/g, '?')}"); export the layer in one of these formats`);
}

/** A .shp on its own starts with the big-endian file code 9994 (0x0000270A). */
function isBareShapefile(bytes: Uint8Array): boolean {
  return bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
}

function emptyFileError(fileName: string): VectorFileError {
  return new VectorFileError(`${fileName}: the file is empty; choose the exported GeoJSON, KML, KMZ or zipped shapefile`);
}

/** Numbers the features, validates every geometry and splits accepted from rejected. */
function finish(fileName: string, format: VectorFile['format'], raw: RawFeature[], crs: string): VectorFile {
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

// ---------------------------------------------------------------------------------------------- validation

/**
 * Why a geometry cannot be used, or null when it can: missing or empty geometry, a position that is not two
 * finite numbers within ±180°/±90°, a line with fewer than 2 positions, a ring with fewer than 4 positions or
 * not closed. Nothing is repaired.
 */
function geometryProblem(geometry: unknown): Problem | null {
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

function geometryIssue(reason: string, value: string): Problem {
  return { field: 'geometry', reason, value };
}

function partsProblem(parts: unknown, partName: string, check: (part: unknown) => Problem | null): Problem | null {
  if (!Array.isArray(parts) || parts.length === 0) return geometryIssue(`empty geometry (no ${partName}s); draw it or delete the feature`, '');
  for (let i = 0; i < parts.length; i++) {
    const problem = check(parts[i]);
    if (problem) return parts.length > 1 ? { ...problem, reason: `${partName} ${i + 1}: ${problem.reason}` } : problem;
  }
  return null;
}

function positionProblem(position: unknown): Problem | null {
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

function positionsProblem(positions: unknown[]): Problem | null {
  for (const position of positions) {
    const problem = positionProblem(position);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: unknown): Problem | null {
  if (!Array.isArray(line)) return geometryIssue('a line must be a list of positions', JSON.stringify(line) ?? '');
  const problem = positionsProblem(line);
  if (problem) return problem;
  if (line.length < 2) return geometryIssue(`a line has ${line.length} position(s); it needs at least 2`, JSON.stringify(line));
  return null;
}

function polygonProblem(rings: unknown): Problem | null {
  if (!Array.isArray(rings) || rings.length === 0) return geometryIssue('empty polygon (no rings); draw it or delete the feature', '');
  for (let i = 0; i < rings.length; i++) {
    const problem = ringProblem(rings[i]);
    if (problem) return { ...problem, reason: `ring ${i + 1}: ${problem.reason}` };
  }
  return null;
}

function ringProblem(ring: unknown): Problem | null {
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties as strings: numbers via String(), null/undefined as '', KML HTML descriptions as their text, objects as JSON. */
function stringProperties(properties: unknown): Record<string, string> {
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

// ---------------------------------------------------------------------------------------------- GeoJSON

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function readGeoJson(text: string, fileName: string): { features: RawFeature[]; crs: string } {
  const root = parseJson(text, fileName);
  const system = geoJsonCoordinateSystem(root, fileName);
  const items = geoJsonItems(root, fileName);
  if (items.length === 0) throw new VectorFileError(`${fileName}: the FeatureCollection has no features; export the layer again with its features`);
  const features = items.map((item): RawFeature => {
    if (!isObject(item) || item['type'] !== 'Feature') {
      return { geometry: null, properties: {}, layer: '', problem: { field: 'feature', reason: 'not a GeoJSON Feature (its "type" must be "Feature")', value: JSON.stringify(item)?.slice(0, 80) ?? '' } };
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

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new VectorFileError(`${fileName}: not valid JSON${jsonErrorPlace(text)} (${message}); fix the file in a text editor or export it again`);
  }
}

/** ' at line L, column C' of the first syntax error (engines differ in what their messages say, so find it here). */
function jsonErrorPlace(text: string): string {
  const index = jsonErrorIndex(text);
  if (index < 0) return '';
  if (index >= text.length) return ' at the end of the file (is it cut off?)';
  const line = text.slice(0, index).split('\n').length;
  return ` at line ${line}, column ${index - text.lastIndexOf('\n', index - 1)}`;
}

/** Index of the first JSON syntax error, or -1. A small recursive-descent check, run only after JSON.parse failed. */
function jsonErrorIndex(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(i + 1, i + 6));
        if (!escape) (i++, fail());
        i += 1 + escape![0].length;
      } else i++;
    }
    expect('"');
  };
  const members = (close: string, member: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      space();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') return members('}', () => (space(), string(), space(), expect(':'), value()));
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = i;
    if (!literal.test(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (index) {
    return typeof index === 'number' ? index : -1;
  }
}

function geoJsonItems(root: unknown, fileName: string): unknown[] {
  const type = isObject(root) ? root['type'] : undefined;
  if (isObject(root) && type === 'FeatureCollection') {
    if (!Array.isArray(root['features'])) throw new VectorFileError(`${fileName}: the FeatureCollection has no "features" list; export the layer again`);
    return root['features'];
  }
  if (isObject(root) && type === 'Feature') return [root];
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return [{ type: 'Feature', geometry: root, properties: {} }];
  throw new VectorFileError(`${fileName}: JSON but not GeoJSON (its "type" is ${JSON.stringify(type) ?? 'missing'}); expected a FeatureCollection, a Feature or a geometry`);
}

/** The legacy GeoJSON `crs` member: absent or geographic WGS84/CGCS2000 → as is; a CGCS2000 Gauss-Krüger EPSG code → reprojected. */
function geoJsonCoordinateSystem(root: unknown, fileName: string): CoordinateSystem {
  const crs = isObject(root) ? root['crs'] : undefined;
  const name = isObject(crs) && isObject(crs['properties']) ? crs['properties']['name'] : undefined;
  if (typeof name !== 'string') return { label: `${WGS84_LABEL} (GeoJSON)` };
  if (/CRS84$|EPSG::?4326$/i.test(name)) return { label: `${WGS84_LABEL} (GeoJSON)` };
  if (/EPSG::?4490$/i.test(name)) return { label: 'CGCS2000 longitude/latitude (EPSG:4490), used as WGS84' };
  const code = /EPSG::?(\d+)$/i.exec(name);
  const known = code ? gaussKrugerOfEpsg(Number(code[1])) : null;
  if (known) return transverseMercatorSystem(known.parameters, known.label);
  throw new VectorFileError(`${fileName}: the GeoJSON "crs" is ${name}, which this reader cannot convert; export the layer as WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490) longitude/latitude`);
}

// ---------------------------------------------------------------------------------------------- KML

interface KmlItem {
  element: XmlElement;
  layer: string;
}

/** The element names that togeojson's kmlWithFolders turns into features, in the same traversal. */
const KML_FEATURE_TAGS = new Set(['Placemark', 'GroundOverlay', 'NetworkLink']);

function readKml(text: string, fileName: string): RawFeature[] {
  const document = parseXml(text, fileName);
  const items = kmlItems(document);
  const root = document.documentElement;
  if (items.length === 0) {
    const what = root?.localName === 'kml' ? 'a KML file without any Placemark' : `XML but not KML (its root element is <${root?.nodeName ?? ''}>)`;
    throw new VectorFileError(`${fileName}: ${what}; export the layer as KML, GeoJSON or a zipped shapefile`);
  }
  const converted = flattenKml(kmlWithFolders(document).children);
  // Same traversal order as togeojson; a mismatch would attach the wrong checks to a feature.
  if (converted.length !== items.length) throw new Error(`${fileName}: internal error: ${converted.length} KML features for ${items.length} elements`);
  return items.map((item, i) => {
    const feature = converted[i] as KmlFeature;
    return { geometry: feature.geometry, properties: stringProperties(feature.properties), layer: item.layer, problem: kmlCoordinatesProblem(item.element) ?? undefined };
  });
}

function parseXml(text: string, fileName: string): XmlDocument {
  let first: { message: string; line?: number; column?: number } | undefined;
  const parser = new DOMParser({
    onError(level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) {
      if (level === 'warning') return;
      first ??= { message, line: context?.locator?.lineNumber, column: context?.locator?.columnNumber };
      throw new Error(message); // stop at the first error: a half-read KML must not look complete
    },
  });
  // An XML declaration must come first: drop leading whitespace, and count its lines back into positions.
  const body = text.trimStart();
  const skippedLines = text.slice(0, text.length - body.length).split('\n').length - 1;
  try {
    return parser.parseFromString(body, 'text/xml');
  } catch (error) {
    const place = first?.line ? ` at line ${first.line + skippedLines}${first.column ? `, column ${first.column}` : ''}` : '';
    throw new VectorFileError(`${fileName}: not well-formed XML${place} (${first?.message ?? (error as Error).message}); fix the file or export it again`);
  }
}

/** Placemarks (and overlays, links) in document order, each with the name of its innermost named Folder or Document. */
function kmlItems(document: XmlDocument): KmlItem[] {
  const items: KmlItem[] = [];
  const visit = (node: XmlNode, layer: string): void => {
    let inner = layer;
    if (node.nodeType === 1) {
      const element = node as XmlElement;
      if (KML_FEATURE_TAGS.has(element.tagName)) items.push({ element, layer });
      if (element.tagName === 'Folder' || element.tagName === 'Document') inner = childText(element, 'name') || layer;
    }
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i] as XmlNode, inner);
  };
  visit(document, '');
  return items;
}

function childText(element: XmlElement, tagName: string): string {
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes[i] as XmlNode;
    if (child.nodeType === 1 && (child as XmlElement).tagName === tagName) return (child.textContent ?? '').trim();
  }
  return '';
}

function flattenKml(children: Array<KmlFolder | KmlFeature>): KmlFeature[] {
  return children.flatMap((child) => (child.type === 'folder' ? flattenKml(child.children) : [child]));
}

/**
 * Checks the raw <coordinates> text, because togeojson silently skips unreadable tuples, closes open rings
 * and drops short rings; we report those instead of repairing them.
 */
function kmlCoordinatesProblem(element: XmlElement): Problem | null {
  const lists = element.getElementsByTagName('coordinates');
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as XmlElement;
    const tuples = (list.textContent ?? '').trim().split(/\s+/).filter(Boolean);
    const bad = tuples.find((tuple) => !isKmlTuple(tuple));
    if (bad !== undefined) return geometryIssue(`coordinates "${bad}" are not "longitude,latitude[,altitude]" (no spaces inside a tuple); fix them in the KML`, bad);
    if (list.parentNode && (list.parentNode as XmlElement).tagName === 'LinearRing') {
      const problem = ringProblem(tuples.map((tuple) => tuple.split(',').map(Number)));
      if (problem) return { ...problem, reason: `LinearRing ${problem.reason}` };
    }
  }
  return null;
}

function isKmlTuple(tuple: string): boolean {
  const parts = tuple.split(',');
  return (parts.length === 2 || parts.length === 3) && parts.every((part) => part !== '' && Number.isFinite(Number(part)));
}

// ---------------------------------------------------------------------------------------------- ZIP (KMZ, shapefile)

interface ZipEntry {
  /** Path inside the ZIP, with GBK or UTF-8 names decoded. */
  path: string;
  data: Uint8Array;
}

function readZip(bytes: Uint8Array, fileName: string): VectorFile {
  const entries = unzipEntries(bytes, fileName);
  const shapefiles = entries.filter((entry) => extensionOf(entry.path) === 'shp');
  if (shapefiles.length > 0) {
    const { features, crs } = readShapefileZip(entries, shapefiles, fileName);
    return finish(fileName, 'shapefile-zip', features, crs);
  }
  const kmls = entries.filter((entry) => extensionOf(entry.path) === 'kml');
  // A KMZ's main document is doc.kml, else its first .kml (KML 2.2 §13).
  const kml = kmls.find((entry) => entry.path.toLowerCase() === 'doc.kml') ?? kmls[0];
  if (kml) return finish(fileName, 'kmz', readKml(decodeText(kml.data).text, `${fileName} (${kml.path})`), `${WGS84_LABEL} (KML)`);
  throw new VectorFileError(`${fileName}: a ZIP without a .shp or .kml file (it holds ${entries.map((entry) => entry.path).join(', ') || 'nothing'}); zip the shapefile's .shp, .shx, .dbf and .prj together, or choose the KMZ`);
}

function unzipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/') });
  } catch (error) {
    throw new VectorFileError(`${fileName}: the ZIP cannot be opened (${(error as Error).message}); zip the files again`);
  }
  return Object.entries(files).map(([name, data]) => ({ path: zipEntryName(name), data }));
}

/**
 * fflate reads names without the ZIP UTF-8 flag as Latin-1; Chinese Windows zippers write such names in GBK,
 * others in unflagged UTF-8. Re-decode those bytes as UTF-8, else GB18030.
 */
function zipEntryName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  return decodeText(Uint8Array.from(name, (char) => char.charCodeAt(0))).text;
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

// ---------------------------------------------------------------------------------------------- shapefile

interface ShapefileParts {
  layer: string;
  shp: Uint8Array;
  shx?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

function readShapefileZip(entries: ZipEntry[], shapefiles: ZipEntry[], fileName: string): { features: RawFeature[]; crs: string } {
  let features: RawFeature[] = [];
  const layers: Array<{ layer: string; crs: string }> = [];
  for (const shp of shapefiles) {
    const parts = shapefileParts(entries, shp);
    const layer = readShapefileLayer(parts, fileName, shapefiles.length > 1);
    features = features.concat(layer.features); // not push(...): a spread of 200,000 features overflows the stack
    layers.push({ layer: parts.layer, crs: layer.crs });
  }
  const distinct = new Set(layers.map((layer) => layer.crs));
  return { features, crs: distinct.size === 1 ? layers[0]!.crs : layers.map((layer) => `${layer.layer}: ${layer.crs}`).join('; ') };
}

/** The .shp and the files beside it with the same path and base name (extensions in any case). */
function shapefileParts(entries: ZipEntry[], shp: ZipEntry): ShapefileParts {
  const stem = shp.path.slice(0, shp.path.length - 4).toLowerCase();
  const sibling = (extension: string) => entries.find((entry) => entry.path.toLowerCase() === `${stem}.${extension}`)?.data;
  const prj = sibling('prj');
  const cpg = sibling('cpg');
  return {
    layer: baseName(shp.path),
    shp: shp.data,
    shx: sibling('shx'),
    dbf: sibling('dbf'),
    prj: prj ? decodeText(prj).text : undefined,
    cpg: cpg ? decodeText(cpg).text : undefined,
  };
}

function readShapefileLayer(parts: ShapefileParts, fileName: string, manyLayers: boolean): { features: RawFeature[]; crs: string } {
  const where = `${fileName}: ${parts.layer}`;
  const system = parts.prj === undefined ? null : coordinateSystemOfPrj(parts.prj, `${where}.prj`);
  const shapes = readShapes(parts.shp, where);
  const records = parts.dbf ? readDbf(parts.dbf, parts.cpg, where) : null;
  checkRecordCounts(shapes.length, records?.length, parts.shx, where);
  const crs = system ?? unprojectedSystem(shapes, where);
  const features = shapes.map((shape, i): RawFeature => {
    const record = records?.[i];
    const prefix = manyLayers ? `${parts.layer}.shp record ${i + 1}: ` : '';
    const problem = record === 'deleted' ? { field: 'record', reason: 'marked deleted in the .dbf; pack the shapefile in your GIS to remove it for good', value: '' } : shape.problem;
    return {
      geometry: shape.geometry && mapGeometry(shape.geometry, crs.toWgs84 ?? ((position) => position)),
      properties: record && record !== 'deleted' ? record : {},
      layer: parts.layer,
      problem: problem && { ...problem, reason: prefix + problem.reason },
    };
  });
  return { features, crs: crs.label };
}

interface Shape {
  geometry: Geometry | null;
  problem?: Problem;
}

/** Geometry of every .shp record (null for null shapes), with a problem where shpjs could not place every ring. */
function readShapes(shp: Uint8Array, where: string): Shape[] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100 || view.getInt32(0, false) !== 9994) throw new VectorFileError(`${where}.shp is not a shapefile (bad header); export the layer again`);
  const shapeType = view.getInt32(32, true);
  if (shapeType === 31) throw new VectorFileError(`${where}.shp holds MultiPatch (3D) shapes, which this reader does not read; export the layer as polygons, lines or points`);
  const partCounts = shapeRecordParts(view);
  if (shapeType === 0) return partCounts.map(() => ({ geometry: null }));
  let geometries: Array<Geometry | null>;
  try {
    geometries = parseShapes(view);
  } catch (error) {
    throw new VectorFileError(`${where}.shp cannot be read (${(error as Error).message}); export the layer again`);
  }
  return geometries.map((geometry, i) => ({ geometry, problem: ringCountProblem(geometry, partCounts[i]) ?? undefined }));
}

// @types/shpjs describes shpjs 3; shpjs 6 takes a DataView (or buffer) and gives null for null shapes.
const parseShapes = parseShp as unknown as (shp: DataView) => Array<Geometry | null>;

/** For each record in the .shp: its number of parts (rings) for polygon shapes, else -1. Stops where shpjs stops. */
function shapeRecordParts(view: DataView): number[] {
  const parts: number[] = [];
  let offset = 100;
  while (offset + 8 <= view.byteLength) {
    const length = view.getInt32(offset + 4, false) * 2;
    if (length > 0 && offset + 8 + length > view.byteLength) break;
    const type = length >= 4 ? view.getInt32(offset + 8, true) : 0;
    const isPolygon = type === 5 || type === 15 || type === 25;
    parts.push(isPolygon && length >= 44 ? view.getInt32(offset + 8 + 36, true) : -1);
    offset += 8 + length;
  }
  return parts;
}

/** shpjs leaves out empty rings and holes outside every outer ring; say so instead of losing them. */
function ringCountProblem(geometry: Geometry | null, parts: number | undefined): Problem | null {
  if (!geometry || parts === undefined || parts < 0) return null;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates.length : geometry.type === 'MultiPolygon' ? geometry.coordinates.reduce((sum, polygon) => sum + polygon.length, 0) : parts;
  if (rings === parts) return null;
  return geometryIssue(`the polygon has ${parts} rings but only ${rings} could be placed (an empty ring, or a hole outside every outer ring); fix the polygon in your GIS`, `${parts} rings`);
}

function checkRecordCounts(shapes: number, records: number | undefined, shx: Uint8Array | undefined, where: string): void {
  const indexed = shx && shx.byteLength >= 100 ? (shx.byteLength - 100) / 8 : undefined;
  if (records !== undefined && records !== shapes) {
    throw new VectorFileError(`${where}.shp has ${shapes} shapes but its .dbf has ${records} records; one is cut off or they are not from the same layer: export the layer again`);
  }
  if (indexed !== undefined && indexed !== shapes) {
    throw new VectorFileError(`${where}.shp has ${shapes} complete shapes but its .shx indexes ${indexed}; the .shp is cut off or damaged: export the layer again`);
  }
}

/** A layer without .prj: accepted as longitude/latitude when every coordinate fits, else the .prj is needed. */
function unprojectedSystem(shapes: Shape[], where: string): CoordinateSystem {
  let outside: Position | undefined;
  for (const shape of shapes) {
    if (shape.geometry) mapGeometry(shape.geometry, (position) => {
      const [x = NaN, y = NaN] = position;
      if (!outside && Number.isFinite(x) && Number.isFinite(y) && (Math.abs(x) > 180 || Math.abs(y) > 90)) outside = position;
      return position;
    });
    if (outside) break;
  }
  if (!outside) return { label: 'no .prj: coordinates read as WGS84 longitude/latitude (all are within ±180°/±90°)' };
  const [x = 0, y = 0] = outside;
  const zone = gaussKrugerZoneOfEasting(x);
  const hint = zone ? ` (an easting of ${x} looks like Gauss-Krüger zone ${zone.zone})` : '';
  throw new VectorFileError(`${where}.shp has no .prj and its coordinates are not longitude/latitude (e.g. ${x}, ${y})${hint}; add the layer's .prj file to the ZIP and import it again`);
}

/** A geometry with every position mapped; drops `bbox`, which would no longer match. */
function mapGeometry(geometry: Geometry, map: (position: Position) => Position): Geometry {
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

// ---------------------------------------------------------------------------------------------- .dbf

interface DbfField {
  name: string;
  type: string;
  length: number;
}

/**
 * The .dbf records as text, field by field ('deleted' for records marked deleted). Read here rather than
 * with shpjs's parseDbf, which turns numeric fields into floats (an 18-digit code loses digits) and dates into
 * local-time Date objects.
 */
function readDbf(dbf: Uint8Array, cpg: string | undefined, where: string): Array<Record<string, string> | 'deleted'> {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 32) throw new VectorFileError(`${where}.dbf is too short to be a dBase table; export the layer again`);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fieldBytes = dbfFieldBytes(dbf, headerLength);
  const encoding = dbfEncoding(dbf, headerLength, fieldBytes, cpg, where);
  const decoder = new TextDecoder(encoding);
  const fields = fieldBytes.map((bytes): DbfField => ({ name: fieldName(bytes, encoding), type: String.fromCharCode(bytes[11] ?? 67), length: bytes[16] ?? 0 }));
  if (headerLength + count * recordLength > dbf.byteLength) throw new VectorFileError(`${where}.dbf is cut off (${count} records announced); export the layer again`);
  const records: Array<Record<string, string> | 'deleted'> = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    if (dbf[start] === 0x2a) {
      records.push('deleted');
      continue;
    }
    let offset = start + 1;
    records.push(Object.fromEntries(fields.map((field) => {
      const text = decoder.decode(dbf.subarray(offset, offset + field.length)).replace(/\0/g, '');
      offset += field.length;
      return [field.name, dbfValueText(field.type, text)];
    })));
  }
  return records;
}

/** The 32-byte field descriptors between the header and the 0x0D terminator. */
function dbfFieldBytes(dbf: Uint8Array, headerLength: number): Uint8Array[] {
  const fields: Uint8Array[] = [];
  for (let offset = 32; offset + 32 <= Math.min(headerLength, dbf.byteLength) && dbf[offset] !== 0x0d; offset += 32) fields.push(dbf.subarray(offset, offset + 32));
  return fields;
}

/** Writers cut names at 10 bytes, sometimes inside a character: streaming decode leaves that partial character out. */
function fieldName(bytes: Uint8Array, encoding: string, fatal = false): string {
  return new TextDecoder(encoding, { fatal }).decode(bytes.subarray(0, nulIndex(bytes, 11)), { stream: true }).trim();
}

function nulIndex(bytes: Uint8Array, max: number): number {
  const index = bytes.subarray(0, max).indexOf(0);
  return index < 0 ? max : index;
}

/** The .cpg's encoding; without one UTF-8 when all text bytes are valid UTF-8, else GBK (as GB18030, its superset). */
function dbfEncoding(dbf: Uint8Array, headerLength: number, fieldBytes: Uint8Array[], cpg: string | undefined, where: string): string {
  if (cpg !== undefined && cpg.trim() !== '') {
    const encoding = encodingOfCpg(cpg);
    if (!encoding) throw new VectorFileError(`${where}.cpg names the encoding "${cpg.trim()}", which this reader does not know; save the layer as UTF-8 or GBK, or remove the .cpg to let the reader detect it`);
    return encoding;
  }
  try {
    for (const bytes of fieldBytes) fieldName(bytes, 'utf-8', true);
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Code-page names seen in .cpg files (ArcGIS writes "936", "ANSI 936", "UTF-8", "GBK", "65001"). */
const CPG_ALIASES: Record<string, string> = { '936': 'gbk', 'cp936': 'gbk', 'ms936': 'gbk', 'windows-936': 'gbk', '65001': 'utf-8', 'utf8': 'utf-8', '54936': 'gb18030', '950': 'big5', 'cp950': 'big5' };

function encodingOfCpg(cpg: string): string | null {
  const label = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  const candidate = CPG_ALIASES[label] ?? (/^\d+$/.test(label) ? `windows-${label}` : label);
  try {
    return new TextDecoder(candidate).encoding;
  } catch {
    return null;
  }
}

/** A dBase field as text: numbers without padding (integers kept digit for digit), dates as YYYY-MM-DD, logicals as true/false. */
function dbfValueText(type: string, text: string): string {
  const trimmed = text.trim();
  switch (type) {
    case 'N':
    case 'F':
      if (/^[-+]?\d+$/.test(trimmed)) return trimmed;
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? String(Number(trimmed)) : trimmed;
    case 'D':
      return /^\d{8}$/.test(trimmed) ? `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6)}` : trimmed;
    case 'L':
      return /^[TtYy]$/.test(trimmed) ? 'true' : /^[FfNn]$/.test(trimmed) ? 'false' : '';
    default:
      return text.trimEnd();
  }
}

// ---------------------------------------------------------------------------------------------- .prj

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
function coordinateSystemOfPrj(prj: string, where: string): CoordinateSystem {
  const text = prj.trim();
  const unknown = (what: string, extra = '') => new VectorFileError(
    `${where} describes ${what}, which this reader cannot convert${extra}; it reads WGS84 and CGCS2000 longitude/latitude and their Gauss-Krüger (Transverse Mercator) projections. Re-project the layer to CGCS2000 (EPSG:4490) or WGS84 (EPSG:4326) in your GIS and export it again`,
  );
  const epsg = /^EPSG:(\d+)$/i.exec(text);
  if (epsg) return epsgSystem(Number(epsg[1])) ?? throwError(unknown(`EPSG:${epsg[1]}`));
  const root = parseWkt(text);
  if (!root) {
    const named = gaussKrugerOfName(text);
    if (named) return transverseMercatorSystem(named.parameters, named.label);
    throw unknown(`"${text.slice(0, 80)}"`);
  }
  const name = String(root.values[0] ?? '');
  const authority = authorityCode(root);
  const byAuthority = authority === undefined ? null : epsgSystem(authority);
  if (byAuthority) return byAuthority;
  const geographic = /^GEOG(CS|CRS)$/i.test(root.keyword) ? root : child(root, /^(GEOGCS|GEOGCRS|BASEGEOGCRS)$/i);
  const datum = datumOf(geographic);
  if (!datum) {
    const legacy = /beijing|xian|xi'an|1954|1980|krassowsky|krasovsky/i.test(JSON.stringify(geographic ?? root)) ? ' (Beijing 1954 and Xian 1980 need local transformation parameters)' : '';
    throw unknown(`"${name}"`, legacy);
  }
  if (root === geographic) return { label: datum === 'WGS84' ? 'WGS84 longitude/latitude (.prj)' : 'CGCS2000 longitude/latitude (.prj), used as WGS84' };
  const method = String(child(root, /^(PROJECTION|METHOD)$/i)?.values[0] ?? child(child(root, /^CONVERSION$/i), /^METHOD$/i)?.values[0] ?? '');
  if (!/transverse.?mercator|gauss.?kr[uü]ger/i.test(method) || /south/i.test(method)) throw unknown(`"${name}" (${method || 'no projection method'})`);
  if (!isMetres(root)) throw unknown(`"${name}" with a linear unit other than metres`);
  const parameters = transverseMercatorOfWkt(root, datum === 'WGS84' ? 'WGS84' : 'GRS80') ?? gaussKrugerOfName(name)?.parameters;
  if (!parameters) throw unknown(`"${name}" without a central meridian`);
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

function transverseMercatorLabel(p: TransverseMercator, datum: string): string {
  return `${datum} Transverse Mercator (central meridian ${p.lon0}°, false easting ${p.x0} m, scale ${p.k}) → WGS84`;
}

/** A CGCS2000 Gauss-Krüger EPSG code (4491–4554), with its EPSG name. */
function gaussKrugerOfEpsg(code: number): { parameters: TransverseMercator; label: string } | null {
  const zone = gaussKrugerZoneOfEpsg(code);
  return zone && gaussKruger(zone.zoneWidth, zone.zone, zone.prefixed);
}

function epsgSystem(code: number): CoordinateSystem | null {
  if (code === 4326) return { label: 'WGS84 longitude/latitude (EPSG:4326)' };
  if (code === 4490) return { label: 'CGCS2000 longitude/latitude (EPSG:4490), used as WGS84' };
  const known = gaussKrugerOfEpsg(code);
  return known && transverseMercatorSystem(known.parameters, known.label);
}

/**
 * CGCS2000 Gauss-Krüger from a name as ArcGIS, QGIS and EPSG write it: CGCS2000_3_Degree_GK_Zone_43,
 * CGCS2000_3_Degree_GK_CM_129E, CGCS2000_GK_Zone_21, CGCS2000_GK_CM_123E, "CGCS2000 / 3-degree Gauss-Kruger zone 43".
 */
function gaussKrugerOfName(name: string): { parameters: TransverseMercator; label: string } | null {
  const match = /CGCS[\W_]*2000[\W_]+(3[\W_]*degree[\W_]+)?(?:GK|Gauss[\W_]*Kr[uü]ger)[\W_]+(?:zone[\W_]*(\d+)|CM[\W_]*(\d+)[\W_]*E)(?![A-Za-z0-9])/i.exec(name);
  if (!match) return null;
  const width = match[1] ? 3 : 6;
  const zone = match[2] ? Number(match[2]) : width === 3 ? Number(match[3]) / 3 : (Number(match[3]) + 3) / 6;
  return Number.isInteger(zone) ? gaussKruger(width, zone, match[2] !== undefined) : null;
}

/** A CGCS2000 Gauss-Krüger zone, also one a name gives outside the EPSG series (then labelled without a code). */
function gaussKruger(width: 3 | 6, zone: number, prefixed: boolean): { parameters: TransverseMercator; label: string } {
  const lon0 = centralMeridianOf(width, zone);
  const parameters: TransverseMercator = { lon0, lat0: 0, k: 1, x0: prefixed ? zone * 1e6 + 500000 : 500000, y0: 0, ellipsoid: 'GRS80' };
  const epsg = gaussKrugerEpsgOfZone(width, zone, prefixed);
  return { parameters, label: `${gaussKrugerName(width, zone, prefixed)}${epsg === null ? '' : ` (EPSG:${epsg})`} → WGS84` };
}

function transverseMercatorSystem(p: TransverseMercator, label: string): CoordinateSystem {
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
