import { BOILER_FUELS, BOILER_STATUSES, BOILER_USES, type Boiler, type BoilerFuel, type BoilerStatus, type BoilerUse } from '../../core/boilers/boiler.ts';
import { text, TextError, type Localized, type Text } from '../../core/text/text.ts';
import { parseSiteLocation, type SiteLocationInput } from './parse-site-location.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';
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
  rejected: RowRejection[];
  /** Kept rows whose cell could not be read: the field is null, never guessed. */
  notes: RowRejection[];
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

const COLUMNS = text('boilersTableColumns');

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

/** `a, b or c` in English, `a、b或c` in Chinese. */
const either = (list: readonly string[]): Localized => ({
  zh: `${list.slice(0, -1).join('、')}或${list.at(-1)}`,
  en: `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`,
});

/** The texts of a cell that names no known fuel, use, built-up answer or status. */
type UnknownWordKey = 'boilersTableUnknownFuel' | 'boilersTableUnknownUse' | 'boilersTableUnknownBuiltUp' | 'boilersTableUnknownStatus';

type CapacityUnit = 'tph' | 'mw';
const UNITS = new Map<string, CapacityUnit>([
  ...['t/h', 't', 'tph', '吨', '蒸吨', '吨/h', '吨/时', '吨/小时', '蒸吨/h', '蒸吨/时', '蒸吨/小时', 't/小时'].map((unit) => [unit, 'tph'] as const),
  ...['mw', '兆瓦'].map((unit) => [unit, 'mw'] as const),
]);
const CAPACITY_CELL = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/;
const UNIT_IN_HEADER = /[([](.*)[)\]]$/;
const UNIT_NAME: Record<CapacityUnit, string> = { tph: 't/h', mw: 'MW' };

/** A capacity cell: a positive number and the unit it was written with, or what is wrong; null when empty. */
function parseCapacity(cell: string, decimalComma: boolean): { value: number; unit: CapacityUnit | null } | { problem: Text } | null {
  let compact = cell.toLowerCase().replace(/\s/g, '');
  if (compact === '') return null;
  if (decimalComma) compact = compact.replace(/^([+-]?\d+),(\d+)/, '$1.$2');
  const match = CAPACITY_CELL.exec(compact);
  const value = match ? Number(match[1]) : NaN;
  if (!match || !(value > 0)) return { problem: text('boilersTableCapacityNotPositive', { value: cell }) };
  if (match[2] === '') return { value, unit: null };
  const unit = UNITS.get(match[2]!);
  if (!unit) return { problem: text('boilersTableCapacityUnit', { value: cell }) };
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
 * @throws TextError whose English starts with the file name when the file is empty, an unreadable workbook, has no
 *   location columns or no rows.
 * @example
 * const table = await readBoilersTable(bytes, '锅炉清单.csv');
 * table.boilers[0].boiler; // { name: '哈尔滨某热力公司', lon: 126.63, lat: 45.75, capacityTph: 35, capacityMw: null, fuel: '燃煤', … }
 * table.notes;             // [{ row: 7, field: '燃料', reason: { key: 'boilersTableUnknownFuel', … }, value: '木柴' }]
 */
export async function readBoilersTable(bytes: Uint8Array, fileName: string): Promise<BoilersTable> {
  const { table, decimalComma } = await readTextTable(bytes, fileName, COLUMNS);
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
    const only = partial.length > 0 ? text('tableOnlyWithoutPartner', { columns: partial.join(', ') }) : '';
    throw new TextError(text('boilersTableNoLocationColumns', { file: fileName, partial: only, header: header.join(', '), columns: COLUMNS }));
  }
  if (recordCount === 0) throw new TextError(text('boilersTableNoRows', { file: fileName, columns: COLUMNS }));

  const headerOf = (field: BoilerField) => header[columns[field]] ?? field;
  const cell = (cells: string[], field: BoilerField) => (columns[field] === -1 ? '' : (cells[columns[field]] ?? ''));
  const number = (text: string) => (decimalComma && /^\s*[+-]?\d+,\d+\s*$/.test(text) ? text.replace(',', '.') : text);
  const systemOf = createSystemReader();
  const locationHeaders = (['lon', 'lat', 'pair'] as const)
    .filter((field) => columns[field] !== -1)
    .map((field) => header[columns[field]])
    .join('/');

  const boilers: BoilerRow[] = [];
  const rejected: RowRejection[] = [];
  const notes: RowRejection[] = [];
  for (let r = 0; r < recordCount; r++) {
    const cells = record(r);
    const row = lines[r]!;
    const reject = (field: string, reason: Text, value: string) => rejected.push(rowRejection(row, field, reason, value));
    const note = (field: BoilerField, reason: Text, value: string) => notes.push(rowRejection(row, headerOf(field), reason, value));
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
        reject(headerOf('system'), text('boilersTableGaussKruger', { value: systemText }), systemText);
        continue;
      }
      system = parsed.system;
    }
    const lonText = number(cell(cells, 'lon'));
    const latText = number(cell(cells, 'lat'));
    const pairText = cell(cells, 'pair');
    const hasLonLat = columns.lon !== -1 && columns.lat !== -1 && (lonText.trim() !== '' || latText.trim() !== '');
    if (!hasLonLat && pairText.trim() === '') {
      reject(locationHeaders, text('boilersTableNoLocation', { columns: locationHeaders }), '');
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
      const written = cell(cells, field).trim();
      const parsed = parseCapacity(written, decimalComma);
      if (parsed === null) continue;
      const unit = field === 'capacityTph' ? 'tph' : 'mw';
      if ('problem' in parsed) note(field, parsed.problem, written);
      else if (parsed.unit !== null && parsed.unit !== unit) {
        note(field, text('boilersTableCapacityWrongColumn', { value: written, unit: UNIT_NAME[parsed.unit], columnUnit: UNIT_NAME[unit] }), written);
      } else capacities[field] = parsed.value;
    }
    const capacityText = cell(cells, 'capacity').trim();
    const generic = parseCapacity(capacityText, decimalComma);
    if (generic !== null) {
      if ('problem' in generic) note('capacity', generic.problem, capacityText);
      else if (generic.unit === null) {
        note('capacity', text('boilersTableCapacityNoUnit', { value: capacityText, number: generic.value }), capacityText);
      } else {
        const field = generic.unit === 'tph' ? 'capacityTph' : 'capacityMw';
        const given = capacities[field];
        if (given === null) capacities[field] = generic.value;
        else if (given !== generic.value) {
          note('capacity', text('boilersTableCapacityConflict', { value: capacityText, column: headerOf(field), other: cell(cells, field).trim() }), capacityText);
        }
      }
    }

    const named = <T extends string>(field: BoilerField, map: Map<string, T>, unknown: UnknownWordKey, accepted: Localized): T | null => {
      const written = cell(cells, field).trim();
      if (written === '') return null;
      const value = lookUp(map, written);
      if (value === undefined) note(field, text(unknown, { value: written, accepted }), written);
      return value ?? null;
    };
    const fuel = named('fuel', FUEL_WORDS, 'boilersTableUnknownFuel', either(BOILER_FUELS));
    const use = named('use', USE_WORDS, 'boilersTableUnknownUse', either(BOILER_USES));
    const builtUp = named('builtUp', BUILT_UP_WORDS, 'boilersTableUnknownBuiltUp', either(['是', '否']));
    const status = named('status', STATUS_WORDS, 'boilersTableUnknownStatus', either(BOILER_STATUSES));
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
