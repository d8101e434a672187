import { unzipSync } from 'fflate';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { NoBurnCategory } from '../../core/boilers/boiler.ts';
import { text, type Text } from '../../core/text/text.ts';
import type { NoBurnZone, ZoneProvenance } from '../../core/zones/no-burn-zone.ts';
import { areaGeometry } from './area-geometry.ts';
import { decodeText } from './decode-text.ts';
import { parseNoBurnCategory } from './read-boiler-layers.ts';
import { isZip } from './read-fire-file.ts';
import { readVectorFile } from './read-vector-file.ts';
import { readZoneVertices } from './read-zone-vertices.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';
import { normaliseHeader } from './table-columns.ts';
import { guardFormula } from './write-csv.ts';

/** Zones read from a file, what was left out, what the planner must check, and how coordinates were read. */
export interface ZoneImport {
  fileName: string;
  zones: NoBurnZone[];
  /** The feature number or file line of each zone, in step with `zones`. */
  rows: number[];
  /** Features or rows left out, by feature number or file line: field 'geometry type' for points and lines, else unreadable geometry or vertices. */
  rejected: RowRejection[];
  /** Zones imported with something to check: a default category, a dropped date, a generated name, a new id. */
  warnings: { row: number; field: string; message: Text }[];
  crs: Text;
}

type Key = 'name' | 'category' | 'documentNumber' | 'effectiveDate' | 'notes' | 'id' | 'origin' | 'source' | 'createdAt' | 'updatedAt';

/** Property names per attribute, normalised (see `normaliseHeader`), best first. City, county and area are derived, so not read. */
const ALIASES: Record<Key, readonly string[]> = {
  name: ['名称', '禁燃区名称', 'name', '区域名称', 'zone_name', 'zonename', 'mc'],
  category: ['类别', 'category', '燃料类别', '管控类别', '禁燃区类别', '管理类别', 'class', 'lb'],
  documentNumber: ['文号', 'document_number', 'doc_no', 'documentnumber', '批准文号', '发文字号'],
  effectiveDate: ['生效日期', 'effective_date', 'effective', 'effectivedate', '实施日期'],
  notes: ['备注', 'notes', 'note', 'remark', 'remarks'],
  id: ['id', 'zone_id', 'zoneid'],
  origin: ['来源方式', 'origin'],
  source: ['来源', 'source'],
  createdAt: ['创建时间', 'created_at', 'created'],
  updatedAt: ['修改时间', 'updated_at', 'updated'],
};

/** The field named in a message when the file has no column for it. */
const FIELD_WORDS: Record<'name' | 'category', string> = { name: '名称/name', category: '类别/category' };

const ORIGINS: ReadonlySet<string> = new Set<ZoneProvenance['origin']>(['drawn', 'imported', 'proposed']);

/** A polygon found in the file, before its attributes are read. */
interface Candidate {
  row: number;
  /** 'feature 3' or 'row 12', for messages. */
  where: Text;
  geometry: Polygon | MultiPolygon;
  /** The vertex list's 名称 column; undefined for a vector feature (its name is a property). */
  name?: string;
  properties: Record<string, string>;
}

/**
 * Reads no-burn zones from any file a planner has: a vertex list (CSV or XLSX, by extension or content, through
 * `readZoneVertices`) or a GeoJSON, KML, KMZ or zipped shapefile (through `readVectorFile`). Polygons become zones;
 * a KML MultiGeometry of polygons becomes a MultiPolygon; points and lines are left out naming the feature.
 *
 * Attributes are found by Chinese or English names, ignoring case: 名称/name/禁燃区名称, 类别/category/燃料类别/管控类别,
 * 文号/document_number/doc_no, 生效日期/effective_date/effective, 备注/notes/remark, id/zone_id; city, county and area
 * columns are ignored (they are derived). The category goes through `parseNoBurnCategory`; a missing or unreadable one
 * is a warning and the zone is imported as Ⅲ, to be checked. Dates are read as 2024-03-01, 2024/3/1, 2024.3.1,
 * 2024年3月1日, 20240301 or an Excel serial (45352) and written YYYY-MM-DD; an unreadable date is a warning and
 * becomes ''. A zone without a name is called `导入区域 <n>`, with a warning. In vertex lists a formula-guarded cell
 * (`'=…`, as every CSV export writes it) is read without the guard.
 *
 * A zone this tool exported (an id, an origin of drawn/imported/proposed and created/updated times) keeps its id,
 * name, origin, source and times exactly. Any other zone gets `newId()` and the provenance
 * `{ origin: 'imported', source: fileName, createdAt: now, updatedAt: now }`. An id repeated in the file is replaced
 * by `newId()` with a warning.
 *
 * @param bytes - The file contents.
 * @param fileName - The file's name: in every message and as the source of imported zones.
 * @param options - `now` (ISO 8601) for new provenance; `newId` for zones without a usable id.
 * @returns The zones, rejections (by feature number or file line), warnings and the coordinate system read.
 * @throws The reader's error, starting with the file name, when the file cannot be read at all.
 * @example
 * const result = await readZonesFile(bytes, '禁燃区.kml', { now: new Date().toISOString(), newId: () => crypto.randomUUID() });
 * result.warnings; // [{ row: 2, field: '类别', message: { key: 'zonesFileNotCategory', … } }] (in English: 'feature 2 ("南岗区"): 类别 "甲" is not …')
 */
export async function readZonesFile(bytes: Uint8Array, fileName: string, options: { now: string; newId: () => string }): Promise<ZoneImport> {
  const read = isVertexList(bytes, fileName) ? await readVertexList(bytes, fileName) : await readVector(bytes, fileName);
  const warnings: ZoneImport['warnings'] = [];
  const ids = new Map<string, number>();
  const zones = read.candidates.map((candidate) => toZone(candidate, fileName, options, ids, warnings, read.fromTable));
  read.rejected.sort((a, b) => a.row - b.row);
  return { fileName, zones, rows: read.candidates.map((candidate) => candidate.row), rejected: read.rejected, warnings, crs: read.crs };
}

// ---------------------------------------------------------------------------------------------- which reader

const TABLE_EXTENSION = /\.(csv|tsv|txt|xlsx|xlsm)$/i;
const VECTOR_EXTENSION = /\.(geojson|json|kml|kmz|zip|shp)$/i;

/** A vertex list by extension; else by content: a workbook ZIP, or text that is neither JSON nor XML. */
function isVertexList(bytes: Uint8Array, fileName: string): boolean {
  if (TABLE_EXTENSION.test(fileName)) return true;
  if (bytes.length === 0) return false;
  if (isZip(bytes)) return isWorkbook(bytes);
  if (VECTOR_EXTENSION.test(fileName) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a)) return false;
  const start = decodeText(bytes.subarray(0, 4096)).text.trimStart();
  return start !== '' && !start.startsWith('{') && !start.startsWith('<');
}

/** An XLSX holds xl/workbook.xml and no .shp or .kml; only the names are read, nothing is inflated. */
function isWorkbook(bytes: Uint8Array): boolean {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (file) => (names.push(file.name.toLowerCase()), false) });
  } catch {
    return false; // readVectorFile says what is wrong with the ZIP
  }
  return names.includes('xl/workbook.xml') && !names.some((name) => name.endsWith('.shp') || name.endsWith('.kml'));
}

interface Read {
  candidates: Candidate[];
  rejected: ZoneImport['rejected'];
  crs: Text;
  fromTable: boolean;
}

async function readVertexList(bytes: Uint8Array, fileName: string): Promise<Read> {
  const list = await readZoneVertices(bytes, fileName);
  const candidates = list.zones.map((zone): Candidate => ({
    row: zone.row,
    where: text('zonesFileRow', { n: zone.row }),
    geometry: zone.geometry,
    name: unguard(zone.name),
    properties: Object.fromEntries(Object.entries(zone.properties).map(([key, value]) => [key, unguard(value)])),
  }));
  return { candidates, rejected: [...list.rejected], crs: text('zoneVerticesCrs'), fromTable: true };
}

async function readVector(bytes: Uint8Array, fileName: string): Promise<Read> {
  const file = await readVectorFile(bytes, fileName);
  const rejected: ZoneImport['rejected'] = [...file.rejected];
  const candidates: Candidate[] = [];
  for (const feature of file.features) {
    const where = text('zonesFileFeature', { n: feature.number });
    const geometry = areaGeometry(feature.geometry);
    if (geometry) {
      candidates.push({ row: feature.number, where, geometry, properties: feature.properties });
      continue;
    }
    const name = find(feature.properties, 'name')?.value;
    const named = name ? text('zonesFileNamed', { where, name }) : where;
    rejected.push(rowRejection(feature.number, 'geometry type', text('zonesFileNotArea', { where: named, geometry: geometryWords(feature.geometry) }), feature.geometry.type));
  }
  return { candidates, rejected, crs: file.crs, fromTable: false };
}

function geometryWords(geometry: Geometry): Text | string {
  if (geometry.type !== 'GeometryCollection') return geometry.type;
  return text('zonesFileCollectionOf', { types: geometry.geometries.map((member) => member.type).join(', ') });
}

/** The inverse of `guardFormula`: `'=SUM(A1)` → `=SUM(A1)`, only where the guard would have written it. */
function unguard(cell: string): string {
  return cell.startsWith("'") && guardFormula(cell.slice(1)) === cell ? cell.slice(1) : cell;
}

// ---------------------------------------------------------------------------------------------- attributes

/** The property names of a feature for each alias they match, as written in the file. */
function namesOf(properties: Record<string, string>, key: Key): string[] {
  const byName = new Map<string, string>();
  for (const name of Object.keys(properties)) {
    const normalised = normaliseHeader(name);
    if (!byName.has(normalised)) byName.set(normalised, name);
  }
  return ALIASES[key].flatMap((alias) => byName.get(alias) ?? []);
}

/** The first alias with a non-empty value: its key as written in the file, and the trimmed value. */
function find(properties: Record<string, string>, key: Key): { field: string; value: string } | null {
  for (const field of namesOf(properties, key)) {
    const value = properties[field]!;
    if (value.trim() !== '') return { field, value: value.trim() };
  }
  return null;
}

/** The field to name in a warning about an empty attribute: the file's own column when it has one. */
function fieldName(properties: Record<string, string>, key: 'name' | 'category', fallback: string): string {
  return namesOf(properties, key)[0] ?? fallback;
}

/** The exact text of an attribute (not trimmed: notes and names round-trip as written), '' when absent. */
function exact(properties: Record<string, string>, key: Key): string {
  const found = find(properties, key);
  return found ? properties[found.field]! : '';
}

/** Provenance when the feature carries it as this tool writes it, else null (a foreign feature). */
function ownProvenance(properties: Record<string, string>): (ZoneProvenance & { id: string }) | null {
  const id = find(properties, 'id')?.value;
  const origin = find(properties, 'origin')?.value;
  const createdAt = find(properties, 'createdAt')?.value;
  const updatedAt = find(properties, 'updatedAt')?.value;
  if (!id || !origin || !ORIGINS.has(origin) || !createdAt || !updatedAt) return null;
  if (Number.isNaN(Date.parse(createdAt)) || Number.isNaN(Date.parse(updatedAt))) return null;
  return { id, origin: origin as ZoneProvenance['origin'], source: exact(properties, 'source'), createdAt, updatedAt };
}

function toZone(
  candidate: Candidate,
  fileName: string,
  options: { now: string; newId: () => string },
  ids: Map<string, number>,
  warnings: ZoneImport['warnings'],
  fromTable: boolean,
): NoBurnZone {
  const { properties, row } = candidate;
  const own = ownProvenance(properties);
  let name = candidate.name ?? exact(properties, 'name');
  // Vertex lists group rows by name, so the export writes an empty or repeated name as "<name> #<id>".
  if (own && fromTable) {
    const suffix = `#${own.id}`;
    if (name === suffix) name = '';
    else if (name.endsWith(` ${suffix}`)) name = name.slice(0, -suffix.length - 1);
  }
  const label = name.trim() === '' ? candidate.where : text('zonesFileNamed', { where: candidate.where, name: name.trim() });
  if (name.trim() === '' && !own) {
    name = `导入区域 ${row}`;
    warnings.push({ row, field: fromTable ? '名称' : fieldName(properties, 'name', FIELD_WORDS.name), message: text('zonesFileNoName', { label, name }) });
  }
  const category = readCategory(properties, label, row, warnings);
  const effectiveDate = readDate(properties, label, row, warnings);
  let id = own?.id ?? options.newId();
  const earlier = ids.get(id);
  if (earlier !== undefined) {
    const repeated = id;
    id = options.newId();
    const earlierWhere = text(fromTable ? 'zonesFileRow' : 'zonesFileFeature', { n: earlier });
    warnings.push({ row, field: find(properties, 'id')?.field ?? 'id', message: text('zonesFileIdRepeated', { label, id: repeated, earlier: earlierWhere, file: fileName, newId: id }) });
  }
  ids.set(id, row);
  const provenance: ZoneProvenance = own
    ? { origin: own.origin, source: own.source, createdAt: own.createdAt, updatedAt: own.updatedAt }
    : { origin: 'imported', source: fileName, createdAt: options.now, updatedAt: options.now };
  return {
    id,
    name,
    category,
    documentNumber: exact(properties, 'documentNumber'),
    effectiveDate,
    notes: exact(properties, 'notes'),
    geometry: candidate.geometry,
    provenance,
  };
}

function readCategory(properties: Record<string, string>, label: Text, row: number, warnings: ZoneImport['warnings']): NoBurnCategory {
  const found = find(properties, 'category');
  const category = found ? parseNoBurnCategory(found.value) : null;
  if (category) return category;
  warnings.push(
    found
      ? { row, field: found.field, message: text('zonesFileNotCategory', { label, field: found.field, value: found.value }) }
      : { row, field: fieldName(properties, 'category', FIELD_WORDS.category), message: text('zonesFileNoCategory', { label }) },
  );
  return 'Ⅲ';
}

function readDate(properties: Record<string, string>, label: Text, row: number, warnings: ZoneImport['warnings']): string {
  const found = find(properties, 'effectiveDate');
  if (!found) return '';
  const date = normaliseDate(found.value);
  if (date !== null) return date;
  warnings.push({ row, field: found.field, message: text('zonesFileNotDate', { label, field: found.field, value: found.value }) });
  return '';
}

// ---------------------------------------------------------------------------------------------- dates

const SEPARATED = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel serials of 1927–2173: five digits, so a bare year (2024) is never taken for one. */
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
/** Excel's day 0 for serials after its phantom 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date as YYYY-MM-DD from the ways people write it, or null when it is none (or not on the calendar, 2024-02-30).
 * A time after the date (as XLSX date cells are read) is dropped; a time zone is not accepted.
 */
function normaliseDate(value: string): string | null {
  const text = value.trim();
  const match = SEPARATED.exec(text) ?? CHINESE.exec(text) ?? COMPACT.exec(text);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (EXCEL_SERIAL.test(text)) {
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(Number(text)) * 86400000);
    return date.toISOString().slice(0, 10);
  }
  return null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
