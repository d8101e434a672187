import type { MultiPolygon, Polygon, Position } from 'geojson';
import { parseSiteLocation } from './parse-site-location.ts';
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
  rejected: { row: number; field: string; reason: string; value: string }[];
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

const EXPECTED =
  'expected one row per vertex with columns 名称 (zone name), 经度 and 纬度 (decimal or DMS), optionally 序号 (vertex order), 部分 (part number), ' +
  '环 (0 or 外环 for the outline, 1, 2 … or 内环 for holes), 坐标系 (WGS84, CGCS2000, GCJ02, BD09) and any attribute columns (类别, 文号, 生效日期, 备注)';

const OUTER_WORDS = new Set(['', '0', '外', '外环', 'outer', 'shell', 'exterior']);

/** A ring key: the outline is 0, holes count from 1; `内环` alone is hole 1. */
function ringNumber(text: string): number | null {
  const value = normaliseHeader(text);
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
 * @throws Error starting with the file name when the file is empty or has no name and coordinate columns.
 * @example
 * const { zones } = await readZoneVertices(bytes, '禁燃区拐点.csv');
 * zones[0]; // { name: '南岗区禁燃区', row: 2, geometry: { type: 'Polygon', coordinates: [[…]] }, properties: { 类别: 'Ⅲ' } }
 */
export async function readZoneVertices(bytes: Uint8Array, fileName: string): Promise<VertexListFile> {
  const { table, decimalComma } = await readTextTable(bytes, fileName, EXPECTED);
  const { header, recordCount, record, lines } = table;
  const columns = detectColumns(header, ALIASES);
  if (columns.name === -1 || columns.lon === -1 || columns.lat === -1) {
    throw new Error(`${fileName}: no ${['name', 'lon', 'lat'].filter((f) => columns[f as Field] === -1).map((f) => ({ name: '名称', lon: '经度', lat: '纬度' })[f]).join(', ')} column among: ${header.join(', ')}; ${EXPECTED}`);
  }
  const used = new Set(Object.values(columns).filter((index) => index !== -1));
  const headerOf = (field: Field) => header[columns[field]] ?? field;
  const cell = (cells: string[], field: Field) => (columns[field] === -1 ? '' : (cells[columns[field]] ?? '').trim());
  const number = (text: string) => (decimalComma && /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text);
  const systemOf = createSystemReader();

  interface Draft {
    name: string;
    row: number;
    properties: Record<string, string>;
    /** part → ring → [order, lon, lat] */
    parts: Map<number, Map<number, [number, number, number][]>>;
    problem: { row: number; field: string; reason: string; value: string } | null;
  }
  const drafts = new Map<string, Draft>();
  const rejected: VertexListFile['rejected'] = [];
  for (let r = 0; r < recordCount; r++) {
    const cells = record(r);
    const row = lines[r]!;
    const skipped = skippedRow(cells, header);
    if (skipped) {
      rejected.push({ row, ...skipped });
      continue;
    }
    const name = cell(cells, 'name');
    if (name === '') {
      rejected.push({ row, field: headerOf('name'), reason: 'no zone name: every vertex row names its zone', value: '' });
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
    const fail = (field: string, reason: string, value: string) => (draft!.problem = { row, field, reason: `zone "${name}" left out: ${reason}`, value });
    const partText = cell(cells, 'part');
    const part = partText === '' ? 1 : Number(partText);
    if (!Number.isInteger(part)) {
      fail(headerOf('part'), `part "${partText}" is not a whole number`, partText);
      continue;
    }
    const ringText = cell(cells, 'ring');
    const ring = ringNumber(ringText);
    if (ring === null) {
      fail(headerOf('ring'), `ring "${ringText}" is neither 0/外环 (outline) nor a hole number`, ringText);
      continue;
    }
    const orderText = cell(cells, 'order');
    const order = orderText === '' ? r : Number(orderText);
    if (!Number.isFinite(order)) {
      fail(headerOf('order'), `vertex number "${orderText}" is not a number`, orderText);
      continue;
    }
    let system: 'wgs84' | 'gcj02' | 'bd09' = 'wgs84';
    const systemText = cell(cells, 'system');
    if (systemText !== '') {
      const parsed = systemOf(systemText);
      if ('problem' in parsed || parsed.system === 'gauss-kruger') {
        fail(headerOf('system'), 'problem' in parsed ? parsed.problem : 'Gauss-Krüger vertex lists are not read yet: give 经度 and 纬度', systemText);
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
    let problem: string | null = null;
    for (const [part, rings] of [...draft.parts].sort((a, b) => a[0] - b[0])) {
      if (!rings.has(0)) {
        problem = `part ${part} has holes but no outline (ring 0)`;
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
          problem = `${ring === 0 ? `the outline of part ${part}` : `hole ${ring} of part ${part}`} has ${distinct} distinct vertices; a ring needs at least 3`;
          break;
        }
        polygon.push(positions);
      }
      if (problem) break;
      polygons.push(polygon);
    }
    if (problem) {
      rejected.push({ row: draft.row, field: headerOf('name'), reason: `zone "${draft.name}" left out: ${problem}`, value: draft.name });
      continue;
    }
    const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    zones.push({ name: draft.name, row: draft.row, geometry, properties: draft.properties });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { fileName, zones, rejected };
}
