import { zipSync } from 'fflate';
import type { Position } from 'geojson';

/** A shape for {@link shapefileFiles}: a polygon as rings (outer rings clockwise, holes counter-clockwise, as shapefiles store them), a point, or null. */
export type TestShape = { polygon: Position[][] } | { point: Position } | null;

/** A dBase field: C (text), N (number), D (date YYYYMMDD) or L (logical). */
export interface TestField {
  name: string;
  type: 'C' | 'N' | 'D' | 'L';
  length: number;
}

export interface TestLayer {
  /** Base name of the files (`name.shp`, `name.dbf`, ...). */
  name: string;
  shapes: TestShape[];
  fields: TestField[];
  /** One text per field per record; `*` first marks the record deleted when `deleted` lists its index. */
  records: string[][];
  deleted?: number[];
  /** Encoding of the .dbf text. */
  encoding: 'utf-8' | 'gbk';
  prj?: string;
  cpg?: string;
}

let gbkTable: Map<string, number[]> | undefined;

/** Encodes text as GBK (Node has no GBK encoder: the table is built by decoding every double-byte code). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(char) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}

function encode(text: string, encoding: TestLayer['encoding']): Uint8Array {
  return encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
}

/** [minX, minY, maxX, maxY] (a loop: Math.min(...xs) overflows the stack on big layers). */
function boundingBox(points: Position[]): number[] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = NaN, y = NaN] of points) {
    box[0] = Math.min(box[0]!, x);
    box[1] = Math.min(box[1]!, y);
    box[2] = Math.max(box[2]!, x);
    box[3] = Math.max(box[3]!, y);
  }
  return box;
}

/** Content of one .shp record (without the 8-byte record header). */
function shapeContent(shape: TestShape): Uint8Array {
  if (shape === null) return new Uint8Array(4); // shape type 0: null shape
  if ('point' in shape) {
    const view = new DataView(new ArrayBuffer(20));
    view.setInt32(0, 1, true);
    view.setFloat64(4, shape.point[0]!, true);
    view.setFloat64(12, shape.point[1]!, true);
    return new Uint8Array(view.buffer);
  }
  const rings = shape.polygon;
  const points = rings.flat();
  const view = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * points.length));
  view.setInt32(0, 5, true);
  boundingBox(points).forEach((value, i) => view.setFloat64(4 + 8 * i, value, true));
  view.setInt32(36, rings.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  rings.forEach((ring, i) => {
    view.setInt32(44 + 4 * i, start, true);
    start += ring.length;
  });
  const pointsAt = 44 + 4 * rings.length;
  points.forEach((p, i) => {
    view.setFloat64(pointsAt + 16 * i, p[0]!, true);
    view.setFloat64(pointsAt + 16 * i + 8, p[1]!, true);
  });
  return new Uint8Array(view.buffer);
}

function shapeType(shapes: TestShape[]): number {
  const first = shapes.find((shape) => shape !== null);
  return first === undefined ? 0 : 'point' in first ? 1 : 5;
}

/** The 100-byte header shared by .shp and .shx. */
function mainHeader(type: number, lengthBytes: number, shapes: TestShape[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(100));
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, type, true);
  const points = shapes.flatMap((shape) => (shape === null ? [] : 'point' in shape ? [shape.point] : shape.polygon.flat()));
  if (points.length > 0) boundingBox(points).forEach((value, i) => view.setFloat64(36 + 8 * i, value, true));
  return new Uint8Array(view.buffer);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The .shp and .shx of a layer, written as the ESRI shapefile technical description says. */
export function writeShp(shapes: TestShape[]): { shp: Uint8Array; shx: Uint8Array } {
  const type = shapeType(shapes);
  const records: Uint8Array[] = [];
  const index = new DataView(new ArrayBuffer(8 * shapes.length));
  let offset = 100;
  shapes.forEach((shape, i) => {
    const content = shapeContent(shape);
    const header = new DataView(new ArrayBuffer(8));
    header.setInt32(0, i + 1, false);
    header.setInt32(4, content.length / 2, false);
    index.setInt32(8 * i, offset / 2, false);
    index.setInt32(8 * i + 4, content.length / 2, false);
    records.push(new Uint8Array(header.buffer), content);
    offset += 8 + content.length;
  });
  const shp = concat([mainHeader(type, offset, shapes), ...records]);
  const shx = concat([mainHeader(type, 100 + 8 * shapes.length, shapes), new Uint8Array(index.buffer)]);
  return { shp, shx };
}

/** A dBase III table: text left-aligned, numbers right-aligned, in the layer's encoding. */
export function writeDbf(layer: Pick<TestLayer, 'fields' | 'records' | 'encoding' | 'deleted'>): Uint8Array {
  const headerLength = 32 + 32 * layer.fields.length + 1;
  const recordLength = 1 + layer.fields.reduce((sum, field) => sum + field.length, 0);
  const out = new Uint8Array(headerLength + recordLength * layer.records.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([124, 3, 5], 1); // last update 2024-03-05
  view.setUint32(4, layer.records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  layer.fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    out.set(encode(field.name, layer.encoding).subarray(0, 10), at);
    out[at + 11] = field.type.charCodeAt(0);
    out[at + 16] = field.length;
  });
  out[headerLength - 1] = 0x0d;
  layer.records.forEach((record, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = layer.deleted?.includes(r) ? 0x2a : 0x20;
    layer.fields.forEach((field, f) => {
      const bytes = encode(record[f] ?? '', layer.encoding).subarray(0, field.length);
      const cell = new Uint8Array(field.length).fill(0x20);
      cell.set(bytes, field.type === 'N' ? field.length - bytes.length : 0);
      out.set(cell, at);
      at += field.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** All files of a layer, keyed by file name (`.shp`, `.shx`, `.dbf`, and `.prj`/`.cpg` when given). */
export function shapefileFiles(layer: TestLayer): Record<string, Uint8Array> {
  const { shp, shx } = writeShp(layer.shapes);
  const files: Record<string, Uint8Array> = { [`${layer.name}.shp`]: shp, [`${layer.name}.shx`]: shx, [`${layer.name}.dbf`]: writeDbf(layer) };
  if (layer.prj !== undefined) files[`${layer.name}.prj`] = new TextEncoder().encode(layer.prj);
  if (layer.cpg !== undefined) files[`${layer.name}.cpg`] = new TextEncoder().encode(layer.cpg);
  return files;
}

/** A ZIP of the files (names stored as UTF-8, as fflate does). */
export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files);
}

/**
 * A ZIP whose entry names are GBK bytes without the UTF-8 flag, as Chinese Windows zip tools write them:
 * zipped under ASCII placeholders of the same byte length, then the name bytes are swapped in place.
 */
export function zipFilesWithGbkNames(files: Record<string, Uint8Array>): Uint8Array {
  const renamed: Record<string, Uint8Array> = {};
  const swaps: Array<[Uint8Array, Uint8Array]> = [];
  Object.entries(files).forEach(([name, data], i) => {
    const gbk = encodeGbk(name);
    const placeholder = `${String.fromCharCode(65 + i)}`.repeat(gbk.length);
    renamed[placeholder] = data;
    swaps.push([new TextEncoder().encode(placeholder), gbk]);
  });
  const zip = zipSync(renamed, { level: 0 });
  for (const [from, to] of swaps) {
    for (let at = 0; at <= zip.length - from.length; at++) {
      if (from.every((byte, k) => zip[at + k] === byte)) zip.set(to, at);
    }
  }
  return zip;
}
