import { render, text, type Text } from '../../../core/text/text.ts';
import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
// shpjs: maintained (6.2.0, 2025), pure ESM without DOM, and its parseShp lets us own unzip, .dbf text and projection.
import { parseShp } from 'shpjs';
import { gaussKrugerZoneOfEasting } from '../../../core/geo/gauss-kruger-zones.ts';
import { decodeText } from '../decode-text.ts';
import { coordinateSystemOfPrj } from './prj-wkt.ts';
import { VectorFileError } from './vector-file-error.ts';
import { geometryIssue, mapGeometry, type FeatureProblem, type RawFeature, type VectorCoordinateSystem } from './vector-geometry.ts';

/** One file inside a ZIP. */
export interface ZipEntry {
  /** Path inside the ZIP, with GBK or UTF-8 names decoded. */
  path: string;
  data: Uint8Array;
}

/**
 * The files of a ZIP, without folders and macOS resource forks, with GBK or UTF-8 names decoded.
 *
 * @throws {@link VectorFileError} when the ZIP cannot be opened.
 */
export function unzipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/') });
  } catch (error) {
    throw new VectorFileError(text('vectorZipUnreadable', { file: fileName, detail: (error as Error).message }));
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

/** The lower-case extension of a path inside a ZIP, '' when it has none. */
export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

interface ShapefileParts {
  layer: string;
  shp: Uint8Array;
  shx?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/**
 * The features of every shapefile layer in a ZIP (each .shp with its .dbf, .shx, .prj and .cpg beside it), in WGS84.
 *
 * @throws {@link VectorFileError} when a layer cannot be read at all.
 */
export function readShapefileZip(entries: ZipEntry[], shapefiles: ZipEntry[], fileName: string): { features: RawFeature[]; crs: Text } {
  let features: RawFeature[] = [];
  const layers: Array<{ layer: string; crs: Text }> = [];
  for (const shp of shapefiles) {
    const parts = shapefileParts(entries, shp);
    const layer = readShapefileLayer(parts, fileName, shapefiles.length > 1);
    features = features.concat(layer.features); // not push(...): a spread of 200,000 features overflows the stack
    layers.push({ layer: parts.layer, crs: layer.crs });
  }
  const distinct = new Set(layers.map((layer) => render(layer.crs, 'en')));
  if (distinct.size === 1) return { features, crs: layers[0]!.crs };
  // One line per layer, joined as a chain of texts (built from the end, so no recursion while building).
  const each = layers.map((layer) => text('vectorCrsOfLayer', { layer: layer.layer, crs: layer.crs }));
  let crs = each.at(-1)!;
  for (let i = each.length - 2; i >= 0; i--) crs = text('vectorCrsList', { first: each[i]!, rest: crs });
  return { features, crs };
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

function readShapefileLayer(parts: ShapefileParts, fileName: string, manyLayers: boolean): { features: RawFeature[]; crs: Text } {
  const where = text('shapefileLayer', { file: fileName, layer: parts.layer });
  const system = parts.prj === undefined ? null : coordinateSystemOfPrj(parts.prj, where);
  const shapes = readShapes(parts.shp, where);
  const records = parts.dbf ? readDbf(parts.dbf, parts.cpg, where) : null;
  checkRecordCounts(shapes.length, records?.length, parts.shx, where);
  const crs = system ?? unprojectedSystem(shapes, where);
  const features = shapes.map((shape, i): RawFeature => {
    const record = records?.[i];
    const problem = record === 'deleted' ? { field: 'record', reason: text('shapefileRecordDeleted'), value: '' } : shape.problem;
    return {
      geometry: shape.geometry && mapGeometry(shape.geometry, crs.toWgs84 ?? ((position) => position)),
      properties: record && record !== 'deleted' ? record : {},
      layer: parts.layer,
      problem: problem && (manyLayers ? { ...problem, reason: text('shapefileInRecord', { layer: parts.layer, n: i + 1, inner: problem.reason }) } : problem),
    };
  });
  return { features, crs: crs.label };
}

interface Shape {
  geometry: Geometry | null;
  problem?: FeatureProblem;
}

/** Geometry of every .shp record (null for null shapes), with a problem where shpjs could not place every ring. */
function readShapes(shp: Uint8Array, where: Text): Shape[] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100 || view.getInt32(0, false) !== 9994) throw new VectorFileError(text('shapefileBadHeader', { where }));
  const shapeType = view.getInt32(32, true);
  if (shapeType === 31) throw new VectorFileError(text('shapefileMultiPatch', { where }));
  const partCounts = shapeRecordParts(view);
  if (shapeType === 0) return partCounts.map(() => ({ geometry: null }));
  let geometries: Array<Geometry | null>;
  try {
    geometries = parseShapes(view);
  } catch (error) {
    throw new VectorFileError(text('shapefileUnreadable', { where, detail: (error as Error).message }));
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
function ringCountProblem(geometry: Geometry | null, parts: number | undefined): FeatureProblem | null {
  if (!geometry || parts === undefined || parts < 0) return null;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates.length : geometry.type === 'MultiPolygon' ? geometry.coordinates.reduce((sum, polygon) => sum + polygon.length, 0) : parts;
  if (rings === parts) return null;
  return geometryIssue(text('shapefileRingsLost', { parts, rings }), `${parts} rings`);
}

function checkRecordCounts(shapes: number, records: number | undefined, shx: Uint8Array | undefined, where: Text): void {
  const indexed = shx && shx.byteLength >= 100 ? (shx.byteLength - 100) / 8 : undefined;
  if (records !== undefined && records !== shapes) {
    throw new VectorFileError(text('shapefileDbfRecordCount', { where, shapes, records }));
  }
  if (indexed !== undefined && indexed !== shapes) {
    throw new VectorFileError(text('shapefileShxRecordCount', { where, shapes, indexed }));
  }
}

/** A layer without .prj: accepted as longitude/latitude when every coordinate fits, else the .prj is needed. */
function unprojectedSystem(shapes: Shape[], where: Text): VectorCoordinateSystem {
  let outside: Position | undefined;
  for (const shape of shapes) {
    if (shape.geometry) mapGeometry(shape.geometry, (position) => {
      const [x = NaN, y = NaN] = position;
      if (!outside && Number.isFinite(x) && Number.isFinite(y) && (Math.abs(x) > 180 || Math.abs(y) > 90)) outside = position;
      return position;
    });
    if (outside) break;
  }
  if (!outside) return { label: text('vectorCrsNoPrj') };
  const [x = 0, y = 0] = outside;
  const zone = gaussKrugerZoneOfEasting(x);
  const hint = zone ? text('shapefileEastingHint', { x, zone: zone.zone }) : '';
  throw new VectorFileError(text('shapefileNoPrj', { where, x, y, hint }));
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
function readDbf(dbf: Uint8Array, cpg: string | undefined, where: Text): Array<Record<string, string> | 'deleted'> {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 32) throw new VectorFileError(text('shapefileDbfTooShort', { where }));
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fieldBytes = dbfFieldBytes(dbf, headerLength);
  const encoding = dbfEncoding(dbf, headerLength, fieldBytes, cpg, where);
  const decoder = new TextDecoder(encoding);
  const fields = fieldBytes.map((bytes): DbfField => ({ name: fieldName(bytes, encoding), type: String.fromCharCode(bytes[11] ?? 67), length: bytes[16] ?? 0 }));
  if (headerLength + count * recordLength > dbf.byteLength) throw new VectorFileError(text('shapefileDbfCutOff', { where, count }));
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
function dbfEncoding(dbf: Uint8Array, headerLength: number, fieldBytes: Uint8Array[], cpg: string | undefined, where: Text): string {
  if (cpg !== undefined && cpg.trim() !== '') {
    const encoding = encodingOfCpg(cpg);
    if (!encoding) throw new VectorFileError(text('shapefileCpgUnknown', { where, encoding: cpg.trim() }));
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
