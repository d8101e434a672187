import { BOILER_FUELS, BOILER_STATUSES, BOILER_USES, type Boiler, type BoilerFuel, type BoilerStatus, type BoilerUse } from '../../core/boilers/boiler.ts';
import { parseSiteLocation, type SiteLocationInput } from './parse-site-location.ts';
import { detectColumns, normaliseHeader, createSystemReader, readTextTable, skippedRow } from './table-columns.ts';

/** One boiler whose location was read. */
export interface BoilerRow {
  /** Index into the table's records. */
  record: number;
  /** File line (CSV) or sheet row (XLSX) for messages. */
  row: number;
  boiler: Boiler;
}

/** The columns a boilers table can map; -1 where absent. */
export interface BoilerColumns {
  name: number;
  lon: number;
  lat: number;
  pair: number;
  system: number;
  capacityTph: number;
  capacityMw: number;
  /** A capacity column whose cells carry their unit (`10t/h`, `7MW`). */
  capacity: number;
  fuel: number;
  use: number;
  builtUp: number;
  status: number;
  city: number;
  county: number;
}

/** A row, the column header, what is wrong and the cell text. */
export interface BoilerIssue {
  row: number;
  field: string;
  reason: string;
  value: string;
}

/** A read boilers table: the source cells, the detected columns, the boilers with a location, and every problem. */
export interface BoilersTable {
  fileName: string;
  header: string[];
  recordCount: number;
  /** The original cells of record i, as text. */
  record(i: number): string[];
  /** File line (CSV) or sheet row (XLSX) of each record. */
  lines: ArrayLike<number>;
  columns: BoilerColumns;
  /** Rows that have a location. */
  boilers: BoilerRow[];
  /** Exactly one entry per record not in `boilers`, in record order: no usable location, an empty row or a repeated header. */
  rejected: BoilerIssue[];
  /** Kept rows whose cell could not be read: the field is null, never guessed. */
  notes: BoilerIssue[];
}

type BoilerField = keyof BoilerColumns;

/** Header names, normalised (lowercase, no spaces, ASCII parentheses); the first listed wins. */
const ALIASES: Record<BoilerField, string[]> = {
  name: ['名称', '单位名称', '锅炉名称', '企业名称', '使用单位', '使用单位名称', 'name', 'unit', 'boiler', 'unitname', 'company', 'boilername'],
  lon: ['经度', '中心经度', '东经', 'lon', 'lng', 'long', 'longitude'],
  lat: ['纬度', '中心纬度', '北纬', 'lat', 'latitude'],
  pair: ['坐标', '经纬度', '经纬度坐标', 'coordinates', 'coordinate'],
  system: ['坐标系', 'crs', '坐标系统', '坐标系类型'],
  capacityTph: ['额定蒸发量', '蒸吨', '蒸吨/小时', '蒸发量', '额定出力(t/h)', 'capacity_tph', 'tph', 'evaporation'],
  capacityMw: ['额定热功率', '热功率', '额定功率', 'capacity_mw', 'mw', 'thermal_mw'],
  capacity: ['容量', '规模', '额定出力', '出力', 'capacity', 'ratedcapacity'],
  fuel: ['燃料', '燃料类型', '燃料种类', '燃料品种', 'fuel', 'fueltype'],
  use: ['用途', '锅炉用途', '使用用途', 'use', 'purpose'],
  builtUp: ['是否位于建成区', '是否在建成区', '建成区', '位于建成区', 'built_up', 'builtup', 'built-up', 'in_built_up', 'inbuilt-up', 'inbuilt-uparea', 'built-uparea'],
  status: ['状态', '运行状态', '使用状态', '锅炉状态', 'status'],
  city: ['城市', '市', '地市', '所在城市', '所在市', 'city'],
  county: ['区县', '县', '县区', '县(市、区)', '所在区县', 'county', 'district'],
};

const EXPECTED =
  'expected columns 经度 and 纬度 (longitude, latitude) or one 坐标/经纬度 column holding both, optionally 坐标系 (WGS84, CGCS2000, GCJ02 or BD09), ' +
  '名称, 额定蒸发量 (t/h), 额定热功率 (MW), 燃料, 用途, 是否位于建成区, 状态, 城市 and 区县';

/** Cell words, normalised like headers, for each value; a trailing 锅炉 (`燃气锅炉`) is ignored. */
const FUEL_WORDS = words<BoilerFuel>({
  燃煤: ['燃煤', '煤', '煤炭', '原煤', 'coal'],
  燃气: ['燃气', '天然气', '气', '液化气', 'lng', 'cng', 'gas', 'natural gas'],
  生物质: ['生物质', '生物质成型燃料', 'biomass'],
  电: ['电', '电能', 'electric', 'electricity'],
  燃油: ['燃油', '油', '柴油', '重油', '轻油', 'oil'],
});
const USE_WORDS = words<BoilerUse>({
  供热: ['供热', '供暖', '采暖', 'heating'],
  工业: ['工业', '生产', '工业生产', '工业用', 'industrial', 'process'],
  发电: ['发电', '电力', '热电', '热电联产', 'power'],
});
const STATUS_WORDS = words<BoilerStatus>({
  在用: ['在用', '运行', '使用', '正常使用', 'in use', 'active', 'operating'],
  停用: ['停用', '停运', '报停', '封存', 'inactive', 'shut down', 'stopped'],
  拟建: ['拟建', '新建', '规划', 'planned', 'proposed'],
});
const BUILT_UP_WORDS = words<'yes' | 'no'>({
  yes: ['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '在'],
  no: ['否', 'n', 'no', 'false', '0', '×', '✗', '✘', '不在'],
});

function words<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, list] of Object.entries(table) as [T, string[]][]) for (const word of list) map.set(normaliseHeader(word), value);
  return map;
}

function lookUp<T extends string>(map: Map<string, T>, text: string): T | undefined {
  const key = normaliseHeader(text);
  return map.get(key) ?? (key.endsWith('锅炉') ? map.get(key.slice(0, -2)) : undefined);
}

/** `a, b or c` */
const either = (list: readonly string[]) => `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;

type CapacityUnit = 'tph' | 'mw';
const UNITS = new Map<string, CapacityUnit>([
  ...['t/h', 't', 'tph', '吨', '蒸吨', '吨/h', '吨/时', '吨/小时', '蒸吨/h', '蒸吨/时', '蒸吨/小时', 't/小时'].map((unit) => [unit, 'tph'] as const),
  ...['mw', '兆瓦'].map((unit) => [unit, 'mw'] as const),
]);
const CAPACITY_CELL = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/;
const UNIT_IN_HEADER = /[([](.*)[)\]]$/;
const UNIT_NAME: Record<CapacityUnit, string> = { tph: 't/h', mw: 'MW' };

/** A capacity cell: a positive number and the unit it was written with, or what is wrong; null when empty. */
function parseCapacity(text: string, decimalComma: boolean): { value: number; unit: CapacityUnit | null } | { problem: string } | null {
  let compact = text.toLowerCase().replace(/\s/g, '');
  if (compact === '') return null;
  if (decimalComma) compact = compact.replace(/^([+-]?\d+),(\d+)/, '$1.$2');
  const match = CAPACITY_CELL.exec(compact);
  const value = match ? Number(match[1]) : NaN;
  if (!match || !(value > 0)) return { problem: `"${text}" is not a positive number: write the capacity as a number, e.g. 10` };
  if (match[2] === '') return { value, unit: null };
  const unit = UNITS.get(match[2]!);
  if (!unit) return { problem: `"${text}" has a unit that is not t/h (蒸吨) or MW: write it in one of them, e.g. 10t/h or 7MW` };
  return { value, unit };
}

/**
 * Reads a boiler inventory (锅炉清单) as CSV (UTF-8 or GBK, `,` `;` or tab) or XLSX (first sheet). Columns are found
 * by their Chinese or English header: 名称, 经度 + 纬度 (decimal or DMS) or a 坐标 pair, 坐标系 per row (WGS84,
 * CGCS2000, GCJ02, BD09; WGS84 without one), 额定蒸发量 (t/h), 额定热功率 (MW), a 容量 column whose cells carry their
 * unit, 燃料, 用途, 是否位于建成区, 状态, 城市 and 区县. Capacities are kept as given, never converted. A row without a
 * usable location is listed in `rejected`; a kept row's unreadable cell becomes null with an entry in `notes`.
 *
 * @param bytes - File contents.
 * @param fileName - For messages.
 * @returns The {@link BoilersTable}.
 * @throws Error starting with the file name when the file is empty, an unreadable workbook, has no location columns or no rows.
 * @example
 * const table = await readBoilersTable(bytes, '锅炉清单.csv');
 * table.boilers[0].boiler; // { name: '哈尔滨某热力公司', lon: 126.63, lat: 45.75, capacityTph: 35, capacityMw: null, fuel: '燃煤', … }
 * table.notes;             // [{ row: 7, field: '燃料', reason: '"木柴" is not a known fuel: write 燃煤, 燃气, 生物质, 电 or 燃油', value: '木柴' }]
 */
export async function readBoilersTable(bytes: Uint8Array, fileName: string): Promise<BoilersTable> {
  const { table, decimalComma } = await readTextTable(bytes, fileName, EXPECTED);
  const { header, recordCount, record, lines } = table;
  const columns: BoilerColumns = detectColumns(header, ALIASES);
  // A capacity column with its unit in the header (`容量(MW)`, `Capacity (t/h)`) is that unit's column; a sheet
  // may have both, and the generic alias alone would take only the first of them.
  const taken = new Set(Object.values(columns).filter((index) => index !== -1));
  header.forEach((name, index) => {
    const normal = normaliseHeader(name);
    const unit = UNITS.get(UNIT_IN_HEADER.exec(normal)?.[1] ?? '');
    if (!unit || !ALIASES.capacity.includes(normal.replace(UNIT_IN_HEADER, ''))) return;
    const field = unit === 'tph' ? 'capacityTph' : 'capacityMw';
    if (columns[field] !== -1 || (taken.has(index) && columns.capacity !== index)) return;
    if (columns.capacity === index) columns.capacity = -1;
    columns[field] = index;
  });
  if (!((columns.lon !== -1 && columns.lat !== -1) || columns.pair !== -1)) {
    const partial = (['lon', 'lat'] as const).filter((field) => columns[field] !== -1).map((field) => `"${header[columns[field]]}"`);
    throw new Error(`${fileName}: no location columns${partial.length > 0 ? ` (only ${partial.join(', ')} without its partner)` : ''} among: ${header.join(', ')}; ${EXPECTED}`);
  }
  if (recordCount === 0) throw new Error(`${fileName}: the header has no rows below it; add one row per boiler (${EXPECTED.replace(/^expected /, '')})`);

  const headerOf = (field: BoilerField) => header[columns[field]] ?? field;
  const cell = (cells: string[], field: BoilerField) => (columns[field] === -1 ? '' : (cells[columns[field]] ?? ''));
  const number = (text: string) => (decimalComma && /^\s*[+-]?\d+,\d+\s*$/.test(text) ? text.replace(',', '.') : text);
  const systemOf = createSystemReader();
  const locationHeaders = (['lon', 'lat', 'pair'] as const)
    .filter((field) => columns[field] !== -1)
    .map((field) => header[columns[field]])
    .join('/');

  const boilers: BoilerRow[] = [];
  const rejected: BoilerIssue[] = [];
  const notes: BoilerIssue[] = [];
  for (let r = 0; r < recordCount; r++) {
    const cells = record(r);
    const row = lines[r]!;
    const reject = (field: string, reason: string, value: string) => rejected.push({ row, field, reason, value });
    const note = (field: BoilerField, reason: string, value: string) => notes.push({ row, field: headerOf(field), reason, value });
    const skipped = skippedRow(cells, header);
    if (skipped) {
      reject(skipped.field, skipped.reason, skipped.value);
      continue;
    }

    let system: 'wgs84' | 'gcj02' | 'bd09' = 'wgs84';
    const systemText = cell(cells, 'system').trim();
    if (systemText !== '') {
      const parsed = systemOf(systemText);
      if ('problem' in parsed) {
        reject(headerOf('system'), parsed.problem, systemText);
        continue;
      }
      if (parsed.system === 'gauss-kruger') {
        reject(headerOf('system'), `the row is in Gauss-Krüger ("${systemText}"), which a boiler table does not take: give 经度 and 纬度 in WGS84, CGCS2000, GCJ02 or BD09`, systemText);
        continue;
      }
      system = parsed.system;
    }
    const lonText = number(cell(cells, 'lon'));
    const latText = number(cell(cells, 'lat'));
    const pairText = cell(cells, 'pair');
    const hasLonLat = columns.lon !== -1 && columns.lat !== -1 && (lonText.trim() !== '' || latText.trim() !== '');
    if (!hasLonLat && pairText.trim() === '') {
      reject(locationHeaders, `no location in this row: fill in ${locationHeaders}`, '');
      continue;
    }
    const input: SiteLocationInput = hasLonLat ? { system, lon: lonText, lat: latText } : { system, text: pairText };
    const location = parseSiteLocation(input);
    if (!location.ok) {
      if ('text' in input) reject(headerOf('pair'), location.message, input.text);
      else if (location.code === 'swapped') reject(`${headerOf('lon')}/${headerOf('lat')}`, location.message, `${input.lon}, ${input.lat}`);
      else if (location.field === 'lat') reject(headerOf('lat'), location.message, input.lat);
      else reject(headerOf('lon'), location.message, input.lon);
      continue;
    }

    const capacities: Record<'capacityTph' | 'capacityMw', number | null> = { capacityTph: null, capacityMw: null };
    for (const field of ['capacityTph', 'capacityMw'] as const) {
      const text = cell(cells, field).trim();
      const parsed = parseCapacity(text, decimalComma);
      if (parsed === null) continue;
      const unit = field === 'capacityTph' ? 'tph' : 'mw';
      if ('problem' in parsed) note(field, parsed.problem, text);
      else if (parsed.unit !== null && parsed.unit !== unit) {
        note(field, `"${text}" is in ${UNIT_NAME[parsed.unit]} but this column holds ${UNIT_NAME[unit]}: move it to the ${UNIT_NAME[parsed.unit]} column or correct the unit`, text);
      } else capacities[field] = parsed.value;
    }
    const capacityText = cell(cells, 'capacity').trim();
    const generic = parseCapacity(capacityText, decimalComma);
    if (generic !== null) {
      if ('problem' in generic) note('capacity', generic.problem, capacityText);
      else if (generic.unit === null) {
        note('capacity', `"${capacityText}" has no unit, so it may be t/h or MW: write ${generic.value}t/h (蒸吨) or ${generic.value}MW`, capacityText);
      } else {
        const field = generic.unit === 'tph' ? 'capacityTph' : 'capacityMw';
        const given = capacities[field];
        if (given === null) capacities[field] = generic.value;
        else if (given !== generic.value) {
          note('capacity', `"${capacityText}" differs from ${headerOf(field)} "${cell(cells, field).trim()}", which is kept: correct one of them`, capacityText);
        }
      }
    }

    const named = <T extends string>(field: BoilerField, map: Map<string, T>, what: string, accepted: string): T | null => {
      const text = cell(cells, field).trim();
      if (text === '') return null;
      const value = lookUp(map, text);
      if (value === undefined) note(field, `"${text}" ${what}: write ${accepted}`, text);
      return value ?? null;
    };
    const fuel = named('fuel', FUEL_WORDS, 'is not a known fuel', either(BOILER_FUELS));
    const use = named('use', USE_WORDS, 'is not a known use', either(BOILER_USES));
    const builtUp = named('builtUp', BUILT_UP_WORDS, 'does not say whether the boiler is in the built-up area', '是 or 否');
    const status = named('status', STATUS_WORDS, 'is not a known status', either(BOILER_STATUSES));
    const name = cell(cells, 'name').trim();
    const city = cell(cells, 'city').trim();
    const county = cell(cells, 'county').trim();
    boilers.push({
      record: r,
      row,
      boiler: {
        name: name === '' ? `row ${row}` : name,
        lon: location.lon,
        lat: location.lat,
        ...capacities,
        fuel,
        use,
        status,
        builtUp: builtUp === null ? null : builtUp === 'yes',
        city: city === '' ? null : city,
        county: county === '' ? null : county,
      },
    });
  }
  return { fileName, header, recordCount, record, lines, columns, boilers, rejected, notes };
}
