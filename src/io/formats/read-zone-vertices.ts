import type { MultiPolygon, Polygon, Position } from 'geojson';
import { text, TextError, type Text } from '../../core/text/text.ts';
import { parseSiteLocation } from './parse-site-location.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';
import { createSystemReader, detectColumns, normaliseHeader, readTextTable, skippedRow } from './table-columns.ts';

/** A zone read from a vertex list: its name, the file line of its first vertex, its polygon and the other columns of that row. */
export interface VertexListZone {
  name: string;
  row: number;
  geometry: Polygon | MultiPolygon;
  /** The other columns (类别, 文号, 生效日期, 备注, …) as written on the zone's first row. */
  properties: Record<string, string>;
}

/** The zones of a vertex-list file, and every row or zone left out with the reason. */
export interface VertexListFile {
  fileName: string;
  zones: VertexListZone[];
  rejected: RowRejection[];
}

type Field = 'name' | 'part' | 'ring' | 'order' | 'lon' | 'lat' | 'system';

const ALIASES: Record<Field, string[]> = {
  name: ['名称', '禁燃区名称', '区域名称', '分区名称', 'name', 'zone', 'zonename', 'zone_name'],
  part: ['部分', '面号', '分块', '块号', 'part'],
  ring: ['环', '环号', '内外环', 'ring'],
  order: ['序号', '点号', '顺序', '拐点号', 'order', 'seq', 'sequence', 'vertex'],
  lon: ['经度', '东经', 'lon', 'lng', 'longitude'],
  lat: ['纬度', '北纬', 'lat', 'latitude'],
  system: ['坐标系', 'crs', '坐标系统'],
};

const COLUMNS = text('zoneVerticesColumns');

const OUTER_WORDS = new Set(['', '0', '外', '外环', 'outer', 'shell', 'exterior']);

/** A ring key: the outline is 0, holes count from 1; `内环` alone is hole 1. */
function ringNumber(cell: string): number | null {
  const value = normaliseHeader(cell);
  if (OUTER_WORDS.has(value)) return 0;
  if (value === '内' || value === '内环' || value === 'inner' || value === 'hole') return 1;
  const match = /^(?:内环|hole|inner)?(\d+)$/.exec(value);
  return match ? Number(match[1]) : null;
}

/**
 * Reads no-burn zones written as vertex lists (one row per vertex, as 四至拐点坐标 tables are kept): rows are
 * grouped by zone name, part and ring, ordered by the 序号 column when there is one (file order otherwise), and
 * each ring is closed by repeating its first vertex when the list does not. That closing is the only thing done
 * to the vertices. A zone with an unreadable vertex, or a ring of fewer than three distinct vertices, is left out
 * whole with the row and reason: a zone with a vertex missing would be a different zone.
 *
 * @param bytes - A CSV (UTF-8 or GBK) or XLSX file.
 * @param fileName - For messages.
 * @returns The zones in order of first appearance, and what was left out.
 * @throws TextError whose English starts with the file name when the file is empty or has no name and coordinate columns.
 * @example
 * const { zones } = await readZoneVertices(bytes, '禁燃区拐点.csv');
 * zones[0]; // { name: '南岗区禁燃区', row: 2, geometry: { type: 'Polygon', coordinates: [[…]] }, properties: { 类别: 'Ⅲ' } }
 */
export async function readZoneVertices(bytes: Uint8Array, fileName: string): Promise<VertexListFile> {
  const { table, decimalComma } = await readTextTable(bytes, fileName, COLUMNS);
  const { header, recordCount, record, lines } = table;
  const columns = detectColumns(header, ALIASES);
  if (columns.name === -1 || columns.lon === -1 || columns.lat === -1) {
    const missing = (['name', 'lon', 'lat'] as const).filter((field) => columns[field] === -1).map((field) => ({ name: '名称', lon: '经度', lat: '纬度' })[field]);
    throw new TextError(text('zoneVerticesNoColumns', { file: fileName, missing: missing.join(', '), header: header.join(', '), columns: COLUMNS }));
  }
  const used = new Set(Object.values(columns).filter((index) => index !== -1));
  const headerOf = (field: Field) => header[columns[field]] ?? field;
  const cell = (cells: string[], field: Field) => (columns[field] === -1 ? '' : (cells[columns[field]] ?? '').trim());
  const number = (cell: string) => (decimalComma && /^[+-]?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell);
  const systemOf = createSystemReader();

  interface Draft {
    name: string;
    row: number;
    properties: Record<string, string>;
    /** part → ring → [order, lon, lat] */
    parts: Map<number, Map<number, [number, number, number][]>>;
    problem: RowRejection | null;
  }
  const drafts = new Map<string, Draft>();
  const rejected: VertexListFile['rejected'] = [];
  for (let r = 0; r < recordCount; r++) {
    const cells = record(r);
    const row = lines[r]!;
    const skipped = skippedRow(cells, header);
    if (skipped) {
      rejected.push(rowRejection(row, skipped.field, skipped.reason, skipped.value));
      continue;
    }
    const name = cell(cells, 'name');
    if (name === '') {
      rejected.push(rowRejection(row, headerOf('name'), text('zoneVerticesNoName')));
      continue;
    }
    let draft = drafts.get(name);
    if (!draft) {
      const properties: Record<string, string> = {};
      header.forEach((title, i) => {
        if (!used.has(i) && title.trim() !== '' && (cells[i] ?? '').trim() !== '') properties[title.trim()] = cells[i]!.trim();
      });
      draft = { name, row, properties, parts: new Map(), problem: null };
      drafts.set(name, draft);
    }
    if (draft.problem) continue;
    const fail = (field: string, reason: Text, value: string) => (draft!.problem = rowRejection(row, field, text('zoneVerticesZoneLeftOut', { name, inner: reason }), value));
    const partText = cell(cells, 'part');
    const part = partText === '' ? 1 : Number(partText);
    if (!Number.isInteger(part)) {
      fail(headerOf('part'), text('zoneVerticesPartNotWhole', { value: partText }), partText);
      continue;
    }
    const ringText = cell(cells, 'ring');
    const ring = ringNumber(ringText);
    if (ring === null) {
      fail(headerOf('ring'), text('zoneVerticesRingUnreadable', { value: ringText }), ringText);
      continue;
    }
    const orderText = cell(cells, 'order');
    const order = orderText === '' ? r : Number(orderText);
    if (!Number.isFinite(order)) {
      fail(headerOf('order'), text('zoneVerticesOrderNotNumber', { value: orderText }), orderText);
      continue;
    }
    let system: 'wgs84' | 'gcj02' | 'bd09' = 'wgs84';
    const systemText = cell(cells, 'system');
    if (systemText !== '') {
      const parsed = systemOf(systemText);
      if ('problem' in parsed || parsed.system === 'gauss-kruger') {
        fail(headerOf('system'), 'problem' in parsed ? parsed.problem : text('zoneVerticesGaussKruger'), systemText);
        continue;
      }
      system = parsed.system;
    }
    const location = parseSiteLocation({ system, lon: number(cell(cells, 'lon')), lat: number(cell(cells, 'lat')) });
    if (!location.ok) {
      const field = location.field === 'lat' ? headerOf('lat') : headerOf('lon');
      fail(field, location.message, location.field === 'lat' ? cell(cells, 'lat') : cell(cells, 'lon'));
      continue;
    }
    let rings = draft.parts.get(part);
    if (!rings) draft.parts.set(part, (rings = new Map()));
    let vertices = rings.get(ring);
    if (!vertices) rings.set(ring, (vertices = []));
    vertices.push([order, location.lon, location.lat]);
  }

  const zones: VertexListZone[] = [];
  for (const draft of drafts.values()) {
    if (draft.problem) {
      rejected.push(draft.problem);
      continue;
    }
    const polygons: Position[][][] = [];
    let problem: Text | null = null;
    for (const [part, rings] of [...draft.parts].sort((a, b) => a[0] - b[0])) {
      if (!rings.has(0)) {
        problem = text('zoneVerticesHolesWithoutOutline', { part });
        break;
      }
      const polygon: Position[][] = [];
      for (const [ring, vertices] of [...rings].sort((a, b) => a[0] - b[0])) {
        const positions = [...vertices].sort((a, b) => a[0] - b[0]).map(([, lon, lat]): Position => [lon, lat]);
        const first = positions[0]!;
        const last = positions.at(-1)!;
        if (first[0] !== last[0] || first[1] !== last[1]) positions.push([first[0]!, first[1]!]);
        const distinct = new Set(positions.map((p) => `${p[0]},${p[1]}`)).size;
        if (distinct < 3) {
          problem = ring === 0 ? text('zoneVerticesOutlineTooFew', { part, n: distinct }) : text('zoneVerticesHoleTooFew', { ring, part, n: distinct });
          break;
        }
        polygon.push(positions);
      }
      if (problem) break;
      polygons.push(polygon);
    }
    if (problem) {
      rejected.push(rowRejection(draft.row, headerOf('name'), text('zoneVerticesZoneLeftOut', { name: draft.name, inner: problem }), draft.name));
      continue;
    }
    const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    zones.push({ name: draft.name, row: draft.row, geometry, properties: draft.properties });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { fileName, zones, rejected };
}
