import { zipSync } from 'fflate';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A dBase field of a shapefile layer: text (C) or number (N). */
export interface ShapefileField {
  /** At most 10 bytes of UTF-8 (shapefile readers cut longer names); unique in the layer. */
  name: string;
  type: 'text' | 'number';
  /** Digits after the decimal point of a number field (default 0); values are written with `toFixed(decimals)`. */
  decimals?: number;
}

/** One record: a WGS84 polygon (or null for a record without shape) and a value per field name. */
export interface ShapefileFeature {
  geometry: Polygon | MultiPolygon | null;
  /** Missing, null and non-finite values are written as blanks. */
  attributes: Readonly<Record<string, string | number | null | undefined>>;
}

/** A text value longer than the 254 bytes a dBase field holds, cut on a UTF-8 character boundary. */
export interface ShapefileTruncation {
  /** 1-based record number. */
  record: number;
  field: string;
  /** UTF-8 bytes of the whole value, and of what was written. */
  bytes: number;
  keptBytes: number;
}

/** What {@link writeShapefileZip} writes: the layer, and optionally text files beside it. */
export interface ShapefileLayer {
  /** Base name of the .shp/.shx/.dbf/.prj/.cpg files inside the ZIP; keep it ASCII for old zip tools. */
  name: string;
  fields: readonly ShapefileField[];
  features: readonly ShapefileFeature[];
  /** Written into the .dbf header and as the ZIP entries' modification time, so the same input gives the same bytes. */
  date: Date;
  /** Extra text files (UTF-8 with BOM), e.g. a README; given the truncations so it can list them. */
  extraFiles?: (truncated: readonly ShapefileTruncation[]) => Record<string, string>;
}

/** The most bytes a dBase III text field holds. */
export const DBF_TEXT_MAX_BYTES = 254;
/** The widest number field common GIS software reads. */
const DBF_NUMBER_MAX_WIDTH = 19;

/** ESRI's WKT for WGS84 longitude/latitude, as ArcGIS and QGIS write it in a .prj. */
export const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const SHAPE_NULL = 0;
const SHAPE_POLYGON = 5;

/**
 * Writes polygon features with text and number attributes as a zipped ESRI shapefile: `.shp`, `.shx`, `.dbf`
 * (UTF-8), `.prj` (WGS84 longitude/latitude) and `.cpg` (`UTF-8`). Rings are stored as the shapefile
 * specification requires: outer rings clockwise, holes counter-clockwise (a ring is reversed where needed, its
 * positions are not changed), and every part of a MultiPolygon goes into the same record. Coordinates are written
 * as 64-bit floats, so nothing is rounded; a third coordinate (altitude) is not written.
 *
 * What a shapefile cannot hold is cut, and reported: a text field is sized to its longest value in UTF-8 bytes,
 * at most 254; a longer value is cut to the longest prefix of whole characters that fits (never half a
 * character), and listed in `truncated`. Trailing spaces are not kept by readers (dBase pads with spaces).
 *
 * @param layer - The layer: base name, fields, features, a date for the .dbf header and ZIP entries, extra files.
 * @returns The ZIP bytes and every truncated text value.
 * @throws Error when a field name is empty, longer than 10 bytes or repeated, or a number is too wide for a dBase field.
 * @example
 * const { bytes } = writeShapefileZip({
 *   name: 'zones',
 *   fields: [{ name: 'NAME', type: 'text' }, { name: 'AREA_KM2', type: 'number', decimals: 6 }],
 *   features: [{ geometry: { type: 'Polygon', coordinates: [[[126, 45], [127, 45], [127, 46], [126, 45]]] }, attributes: { NAME: '南岗', AREA_KM2: 3.5 } }],
 *   date: new Date('2024-03-01T00:00:00Z'),
 * });
 */
export function writeShapefileZip(layer: ShapefileLayer): { bytes: Uint8Array; truncated: ShapefileTruncation[] } {
  checkFieldNames(layer.fields);
  const { shp, shx } = writeShp(layer.features.map((feature) => feature.geometry));
  const { dbf, truncated } = writeDbf(layer.fields, layer.features, layer.date);
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {
    [`${layer.name}.shp`]: shp,
    [`${layer.name}.shx`]: shx,
    [`${layer.name}.dbf`]: dbf,
    [`${layer.name}.prj`]: encoder.encode(WGS84_PRJ),
    [`${layer.name}.cpg`]: encoder.encode('UTF-8'),
  };
  for (const [path, text] of Object.entries(layer.extraFiles?.(truncated) ?? {})) files[path] = encoder.encode(`\uFEFF${text}`);
  // A fixed modification time: the same zones exported twice give the same bytes.
  const bytes = zipSync(files, { mtime: zipTime(layer.date) });
  return { bytes, truncated };
}

/** ZIP (DOS) times start in 1980. */
function zipTime(date: Date): Date {
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date;
}

function checkFieldNames(fields: readonly ShapefileField[]): void {
  const seen = new Set<string>();
  for (const field of fields) {
    const length = new TextEncoder().encode(field.name).length;
    if (length === 0 || length > 10) throw new Error(`shapefile field name "${field.name}" has ${length} bytes; a .dbf field name needs 1 to 10`);
    const key = field.name.toUpperCase();
    if (seen.has(key)) throw new Error(`shapefile field name "${field.name}" is given twice; field names must differ (ignoring case)`);
    seen.add(key);
  }
}

// ---------------------------------------------------------------------------------------------- .shp / .shx

/** Twice the signed area of a ring in the x/y plane: positive when counter-clockwise. */
function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum;
}

/** A ring in the orientation asked for; a ring without area (degenerate) is left as it is. */
function oriented(ring: readonly Position[], clockwise: boolean): readonly Position[] {
  const area = signedArea2(ring);
  return area !== 0 && area < 0 !== clockwise ? [...ring].reverse() : ring;
}

/** All rings of a record in shapefile order: each part's outer ring clockwise, then its holes counter-clockwise. */
function shapefileRings(geometry: Polygon | MultiPolygon): (readonly Position[])[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => rings.map((ring, i) => oriented(ring, i === 0)));
}

type Box = [number, number, number, number];

function extendBox(box: Box, rings: readonly (readonly Position[])[]): Box {
  for (const ring of rings) {
    for (const position of ring) {
      const x = position[0]!;
      const y = position[1]!;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

const emptyBox = (): Box => [Infinity, Infinity, -Infinity, -Infinity];

/** One record's content (without the 8-byte record header). */
function recordContent(rings: (readonly Position[])[] | null): Uint8Array {
  if (rings === null) {
    const view = new DataView(new ArrayBuffer(4));
    view.setInt32(0, SHAPE_NULL, true);
    return new Uint8Array(view.buffer);
  }
  const pointCount = rings.reduce((sum, ring) => sum + ring.length, 0);
  const view = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * pointCount));
  view.setInt32(0, SHAPE_POLYGON, true);
  extendBox(emptyBox(), rings).forEach((value, i) => view.setFloat64(4 + 8 * i, value, true));
  view.setInt32(36, rings.length, true);
  view.setInt32(40, pointCount, true);
  let offset = 44 + 4 * rings.length;
  let start = 0;
  rings.forEach((ring, i) => {
    view.setInt32(44 + 4 * i, start, true);
    start += ring.length;
    for (const position of ring) {
      view.setFloat64(offset, position[0]!, true);
      view.setFloat64(offset + 8, position[1]!, true);
      offset += 16;
    }
  });
  return new Uint8Array(view.buffer);
}

/** The 100-byte header shared by .shp and .shx. */
function fileHeader(lengthBytes: number, box: Box): Uint8Array {
  const view = new DataView(new ArrayBuffer(100));
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, SHAPE_POLYGON, true);
  const bounds = Number.isFinite(box[0]) ? box : [0, 0, 0, 0];
  bounds.forEach((value, i) => view.setFloat64(36 + 8 * i, value, true));
  return new Uint8Array(view.buffer);
}

function writeShp(geometries: readonly (Polygon | MultiPolygon | null)[]): { shp: Uint8Array; shx: Uint8Array } {
  const box = emptyBox();
  const contents = geometries.map((geometry) => {
    const rings = geometry === null ? null : shapefileRings(geometry);
    if (rings) extendBox(box, rings);
    return recordContent(rings);
  });
  const shpLength = contents.reduce((sum, content) => sum + 8 + content.length, 100);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * contents.length);
  shp.set(fileHeader(shpLength, box), 0);
  shx.set(fileHeader(shx.length, box), 0);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let offset = 100;
  contents.forEach((content, i) => {
    shpView.setInt32(offset, i + 1, false);
    shpView.setInt32(offset + 4, content.length / 2, false);
    shp.set(content, offset + 8);
    shxView.setInt32(100 + 8 * i, offset / 2, false);
    shxView.setInt32(100 + 8 * i + 4, content.length / 2, false);
    offset += 8 + content.length;
  });
  return { shp, shx };
}

// ---------------------------------------------------------------------------------------------- .dbf

/**
 * The longest prefix of `bytes` of at most `max` bytes that ends on a UTF-8 character boundary.
 *
 * @param bytes - UTF-8 text.
 * @param max - The most bytes to keep.
 * @returns A view of the kept bytes.
 */
function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  // 10xxxxxx is a continuation byte: the character it belongs to started earlier.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

interface Column {
  field: ShapefileField;
  width: number;
  cells: Uint8Array[];
}

function numberText(value: string | number | null | undefined, decimals: number): string {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number.toFixed(decimals) : '';
}

function writeDbf(fields: readonly ShapefileField[], features: readonly ShapefileFeature[], date: Date): { dbf: Uint8Array; truncated: ShapefileTruncation[] } {
  const encoder = new TextEncoder();
  const truncated: ShapefileTruncation[] = [];
  const columns: Column[] = fields.map((field) => {
    const decimals = field.type === 'number' ? (field.decimals ?? 0) : 0;
    const cells = features.map((feature, r) => {
      const value = feature.attributes[field.name];
      if (field.type === 'number') {
        const text = numberText(value, decimals);
        if (text.length > DBF_NUMBER_MAX_WIDTH) throw new Error(`shapefile record ${r + 1}, field ${field.name}: ${text} is wider than the ${DBF_NUMBER_MAX_WIDTH} characters a .dbf number holds`);
        return encoder.encode(text);
      }
      const bytes = encoder.encode(value === null || value === undefined ? '' : String(value));
      const kept = cutUtf8(bytes, DBF_TEXT_MAX_BYTES);
      if (kept.length < bytes.length) truncated.push({ record: r + 1, field: field.name, bytes: bytes.length, keptBytes: kept.length });
      return kept;
    });
    const width = Math.max(1, ...cells.map((cell) => cell.length));
    return { field, width, cells };
  });
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((sum, column) => sum + column.width, 0);
  const dbf = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(dbf.buffer);
  const valid = !Number.isNaN(date.getTime());
  dbf[0] = 0x03; // dBase III without memo
  dbf[1] = valid ? date.getUTCFullYear() - 1900 : 0;
  dbf[2] = valid ? date.getUTCMonth() + 1 : 1;
  dbf[3] = valid ? date.getUTCDate() : 1;
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  columns.forEach((column, i) => {
    const at = 32 + 32 * i;
    dbf.set(encoder.encode(column.field.name), at);
    dbf[at + 11] = (column.field.type === 'number' ? 'N' : 'C').charCodeAt(0);
    dbf[at + 16] = column.width;
    dbf[at + 17] = column.field.type === 'number' ? (column.field.decimals ?? 0) : 0;
  });
  dbf[headerLength - 1] = 0x0d;
  for (let r = 0; r < features.length; r++) {
    let at = headerLength + r * recordLength;
    dbf[at++] = 0x20; // not deleted
    for (const column of columns) {
      const cell = column.cells[r]!;
      dbf.fill(0x20, at, at + column.width);
      // Numbers are right-aligned, text left-aligned, both padded with spaces.
      dbf.set(cell, column.field.type === 'number' ? at + column.width - cell.length : at);
      at += column.width;
    }
  }
  dbf[dbf.length - 1] = 0x1a;
  return { dbf, truncated };
}
