import { text, TextError, type Text } from '../../core/text/text.ts';
import { parseSiteLocation, type CoordinateSystem, type SiteLocation, type SiteLocationInput } from './parse-site-location.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';
import { detectColumns, createSystemReader, readTextTable, skippedRow } from './table-columns.ts';

/** One project site whose location was read: where it came from, what was read and the WGS84 result. */
export interface SiteRow {
  /** Index into the table's records. */
  record: number;
  /** File line (CSV) or sheet row (XLSX) for messages. */
  row: number;
  name: string;
  input: SiteLocationInput;
  location: Extract<SiteLocation, { ok: true }>;
}

/** The columns a sites table can map; -1 where absent. */
export interface SiteColumns {
  name: number;
  lon: number;
  lat: number;
  pair: number;
  x: number;
  y: number;
  system: number;
  epsg: number;
}

/** A read sites table: the source cells, the detected columns, the sites ready for verdicts and every row refused. */
export interface SitesTable {
  fileName: string;
  header: string[];
  recordCount: number;
  /** The original cells of record i, as text. */
  record(i: number): string[];
  /** File line (CSV) or sheet row (XLSX) of each record. */
  lines: ArrayLike<number>;
  columns: SiteColumns;
  sites: SiteRow[];
  /** One entry per refused row: its line or sheet row, the column header, the reason and the cell text. */
  rejected: RowRejection[];
}

type SiteField = keyof SiteColumns;

/** Header names, normalised (lowercase, no spaces, ASCII parentheses); the first listed wins. */
const ALIASES: Record<SiteField, string[]> = {
  name: ['名称', '项目名称', '建设项目名称', '单位名称', '站点', '站点名称', '项目', '企业名称', 'name', 'site', 'project'],
  lon: ['经度', '中心经度', '东经', 'lon', 'lng', 'long', 'longitude'],
  lat: ['纬度', '中心纬度', '北纬', 'lat', 'latitude'],
  pair: ['坐标', '经纬度', '经纬度坐标', 'coordinates', 'coordinate'],
  x: ['x', 'x坐标', '北坐标', 'northing'],
  y: ['y', 'y坐标', '东坐标', 'easting'],
  system: ['坐标系', 'crs', '坐标系统', '坐标系类型'],
  epsg: ['epsg', 'epsg代码', 'epsgcode'],
};

const COLUMNS = text('sitesTableColumns');

const EPSG_CELL = /^\s*(?:epsg\s*:?\s*)?(\d{4,5})\s*$/i;
const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/;
/** A Gauss-Krüger coordinate is metres: far beyond any angle. */
const METRES = /^\s*[+-]?\d{4,}(\.\d*)?\s*$/;

/**
 * Reads a CSV (UTF-8 or GBK, `,` `;` or tab) or XLSX (first sheet) table of project sites into WGS84
 * locations ready for border verdicts. Columns are found by their Chinese or English header: 名称/name,
 * 经度 + 纬度, a 坐标/经纬度 pair, Gauss-Krüger X (northing) + Y (easting), 坐标系 and EPSG. A row's 坐标系 beats
 * `options.system`; without either, rows are WGS84/CGCS2000, or Gauss-Krüger when the table only has X/Y.
 * Each cell is read by `parseSiteLocation`; every row that cannot be used is listed in `rejected`.
 *
 * @param bytes - File contents.
 * @param fileName - For messages.
 * @param options - `system` for rows without a 坐标系 cell; `epsg` for Gauss-Krüger rows whose Y has no zone
 *   prefix and that name no EPSG code of their own.
 * @returns The {@link SitesTable}.
 * @throws TextError whose English starts with the file name when the file is empty, an unreadable workbook, or has no
 *   coordinate columns.
 * @example
 * const table = await readSitesTable(bytes, '建设项目.csv', { system: 'gcj02' });
 * table.sites[0].location; // { ok: true, lon: 126.63…, lat: 45.75…, system: 'gcj02', accuracyM: 2, … }
 * table.rejected;          // [{ row: 7, field: '纬度', reason: { key: 'siteLocationAngleEmpty', … }, value: '' }]
 */
export async function readSitesTable(bytes: Uint8Array, fileName: string, options: { system?: CoordinateSystem; epsg?: number } = {}): Promise<SitesTable> {
  const { table, decimalComma } = await readTextTable(bytes, fileName, COLUMNS);
  const { header, recordCount, record, lines } = table;
  const columns: SiteColumns = detectColumns(header, ALIASES);
  const hasGeographic = (columns.lon !== -1 && columns.lat !== -1) || columns.pair !== -1;
  const hasGaussKruger = columns.x !== -1 && columns.y !== -1;
  if (!hasGeographic && !hasGaussKruger) {
    const partial = (['lon', 'lat', 'x', 'y'] as const).filter((field) => columns[field] !== -1).map((field) => `"${header[columns[field]]}"`);
    const only = partial.length > 0 ? text('tableOnlyWithoutPartner', { columns: partial.join(', ') }) : '';
    throw new TextError(text('sitesTableNoCoordinateColumns', { file: fileName, partial: only, header: header.join(', '), columns: COLUMNS }));
  }
  if (recordCount === 0) throw new TextError(text('sitesTableNoRows', { file: fileName, columns: COLUMNS }));

  const defaultSystem: CoordinateSystem = options.system ?? (hasGeographic ? 'wgs84' : 'gauss-kruger');
  const headerOf = (field: SiteField) => header[columns[field]] ?? field;
  const cell = (cells: string[], field: SiteField) => (columns[field] === -1 ? '' : (cells[columns[field]] ?? ''));
  const number = (text: string) => (decimalComma && DECIMAL_COMMA.test(text) ? text.replace(',', '.') : text);
  const systemOf = createSystemReader();

  const coordinateHeaders = (['lon', 'lat', 'pair', 'x', 'y'] as const)
    .filter((field) => columns[field] !== -1)
    .map((field) => header[columns[field]])
    .join('/');
  const sites: SiteRow[] = [];
  const rejected: SitesTable['rejected'] = [];
  for (let r = 0; r < recordCount; r++) {
    const cells = record(r);
    const row = lines[r]!;
    const reject = (field: string, reason: Text, value: string) => rejected.push(rowRejection(row, field, reason, value));
    const skipped = skippedRow(cells, header);
    if (skipped) {
      reject(skipped.field, skipped.reason, skipped.value);
      continue;
    }

    let system = defaultSystem;
    let epsg = options.epsg;
    let epsgField = 'epsg';
    let epsgValue = options.epsg === undefined ? '' : String(options.epsg);
    const systemText = cell(cells, 'system').trim();
    if (systemText !== '') {
      const parsed = systemOf(systemText);
      if ('problem' in parsed) {
        reject(headerOf('system'), parsed.problem, systemText);
        continue;
      }
      system = parsed.system;
      if (parsed.epsg !== undefined) {
        epsg = parsed.epsg;
        epsgField = headerOf('system');
        epsgValue = systemText;
      }
    }
    const epsgText = cell(cells, 'epsg').trim();
    if (epsgText !== '') {
      const code = EPSG_CELL.exec(epsgText);
      if (!code) {
        reject(headerOf('epsg'), text('sitesTableEpsgNotNumber', { value: epsgText }), epsgText);
        continue;
      }
      epsg = Number(code[1]);
      epsgField = headerOf('epsg');
      epsgValue = epsgText;
      if (epsg === 4326 || epsg === 4490) {
        epsg = undefined; // geographic WGS84 / CGCS2000
        if (systemText === '' && !options.system) system = 'wgs84';
      } else if (systemText === '' && !options.system) system = 'gauss-kruger'; // a projected EPSG code says where the row is
    }

    // Which cells hold the location, and the header to blame for each input field.
    let input: SiteLocationInput;
    let fieldHeader: Record<'lon' | 'lat' | 'x' | 'y' | 'text' | 'epsg', string>;
    const lonText = number(cell(cells, 'lon'));
    const latText = number(cell(cells, 'lat'));
    const pairText = cell(cells, 'pair');
    const xText = number(cell(cells, 'x'));
    const yText = number(cell(cells, 'y'));
    const hasLonLat = columns.lon !== -1 && columns.lat !== -1 && (lonText.trim() !== '' || latText.trim() !== '');
    const hasPair = columns.pair !== -1 && pairText.trim() !== '';
    const hasXY = hasGaussKruger && (xText.trim() !== '' || yText.trim() !== '');
    const base = { lon: headerOf('lon'), lat: headerOf('lat'), x: headerOf('x'), y: headerOf('y'), text: headerOf('pair'), epsg: epsgField };
    if (!hasLonLat && !hasPair && !hasXY) {
      reject(coordinateHeaders, text('sitesTableNoCoordinates', { columns: coordinateHeaders }), '');
      continue;
    }
    if (system !== 'gauss-kruger' && (hasLonLat || hasPair)) {
      input = hasLonLat ? { system, lon: lonText, lat: latText } : { system, text: pairText };
      fieldHeader = base;
    } else if (system !== 'gauss-kruger' && !(system === 'wgs84' && (METRES.test(xText) || METRES.test(yText)))) {
      // X/Y in degrees: the GIS order, X = longitude.
      input = { system, lon: xText, lat: yText };
      fieldHeader = { ...base, lon: headerOf('x'), lat: headerOf('y') };
    } else if (hasGaussKruger) {
      // Also CGCS2000 rows whose X/Y are metres: CGCS2000 Gauss-Krüger. A zone prefix in Y beats options.epsg,
      // as a row's own 坐标系 beats options.system; a code the row names itself is checked against the prefix.
      if (epsgField === 'epsg' && Number(yText) >= 1e7) epsg = undefined;
      input = epsg === undefined ? { system: 'gauss-kruger', x: xText, y: yText } : { system: 'gauss-kruger', x: xText, y: yText, epsg };
      fieldHeader = base;
    } else {
      reject(headerOf('system'), text('sitesTableGaussKrugerWithoutXY', { value: systemText }), systemText);
      continue;
    }

    const location = parseSiteLocation(input);
    if (!location.ok) {
      const inputText = (field: keyof typeof fieldHeader): string => {
        if (field === 'epsg') return epsgValue;
        if ('text' in input) return input.text;
        if ('x' in input) return field === 'x' ? input.x : field === 'y' ? input.y : '';
        return field === 'lon' ? input.lon : field === 'lat' ? input.lat : '';
      };
      if (location.code === 'swapped' && !('text' in input)) {
        const [first, second] = 'x' in input ? (['x', 'y'] as const) : (['lon', 'lat'] as const);
        reject(`${fieldHeader[first]}/${fieldHeader[second]}`, location.message, `${inputText(first)}, ${inputText(second)}`);
      } else {
        reject(fieldHeader[location.field], location.message, inputText(location.field));
      }
      continue;
    }
    const name = cell(cells, 'name').trim();
    sites.push({ record: r, row, name: name === '' ? `row ${row}` : name, input, location });
  }
  return { fileName, header, recordCount, record, lines, columns, sites, rejected };
}
