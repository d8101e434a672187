import { CONFIDENCE_CLASS, DAY_NIGHT, confidenceClassOf, createFirePoints, type FirePoints } from '../../core/fires/fire-points.ts';
import { text, TextError, type Text } from '../../core/text/text.ts';
import { decodeText, type DecodedText } from './decode-text.ts';
import { parseCoordinate } from './parse-coordinate.ts';
import { parseDelimited } from './parse-delimited.ts';
import { parseBeijingTime, parseFirmsTime, type TimeResult } from './parse-fire-time.ts';
import { rowRejection, type RowRejection } from './row-rejection.ts';

/** The fields a fire-point file can map to its columns. */
export const FIRE_FIELDS = ['lon', 'lat', 'date', 'time', 'confidence', 'frp', 'satellite', 'dayNight', 'province', 'city', 'county', 'town', 'landType'] as const;
export type FireField = (typeof FIRE_FIELDS)[number];

/** Which column (index into the header) holds each field; -1 when absent. */
export type FireColumns = Record<FireField, number>;

export type FireFormat = 'firms-viirs' | 'firms-modis' | 'official' | 'geojson' | 'table';

/** A read fire-point file: the source table as text, the mapping used, the accepted points and the rejections. */
export interface FireFile {
  fileName: string;
  format: FireFormat;
  encoding: DecodedText['encoding'] | 'json' | 'xlsx';
  header: string[];
  recordCount: number;
  /** The original fields of record i, as text (split on demand: a million rows stay cheap). */
  record(i: number): string[];
  /** Line (CSV) or feature number (GeoJSON, 1-based) of each record, for messages. */
  lines: ArrayLike<number>;
  columns: FireColumns;
  /** Whether `date`/`time` are UTC (FIRMS) or Beijing time (official sheets). */
  timeZone: 'utc' | 'beijing';
  points: FirePoints;
  /** Record index of each accepted point. */
  recordOfPoint: Int32Array;
  rejected: RowRejection[];
}

/** The file cannot be read at all (no coordinate columns, empty, not a table). Says which file and what to do. */
export class FireFileError extends TextError {
  constructor(value: Text) {
    super(value);
    this.name = 'FireFileError';
  }
}

/** Column names seen in FIRMS exports, official bulletins and common spreadsheets, normalised (lowercase, no spaces). */
const ALIASES: Record<FireField, string[]> = {
  lon: ['longitude', 'lon', 'lng', 'long', '经度', '中心经度', '火点经度', 'x'],
  lat: ['latitude', 'lat', '纬度', '中心纬度', '火点纬度', 'y'],
  date: ['acq_date', 'date', '时间', '日期', '监测时间', '发现时间', '过境时间', '监测日期', 'datetime'],
  time: ['acq_time', 'time'],
  confidence: ['confidence', '置信度', '可信度'],
  frp: ['frp', '火点强度', '辐射功率', '火辐射功率', '火点frp'],
  satellite: ['satellite', '卫星', '卫星名称', '卫星/传感器', '传感器'],
  dayNight: ['daynight', 'day_night', '昼夜'],
  province: ['province', '省', '省份', '所属省'],
  city: ['city', '市', '地市', '所属市', '市(地)'],
  county: ['county', '县', '区县', '县区', '县(市、区)', '县(市区)', '所属县'],
  town: ['town', '乡镇', '乡(镇)', '所属乡镇'],
  landType: ['landtype', 'land_type', '地类', '土地类型', '土地利用类型'],
};

function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : ''));
}

/**
 * Guesses which column holds each field from the header, in Chinese or English. The caller may correct
 * any guess (pass `columns` to {@link readFireFile}).
 *
 * @param header - Column names.
 * @returns The column index per field, -1 where none matched.
 * @example
 * detectFireColumns(['时间', '中心经度', '中心纬度']).lon; // 1
 */
export function detectFireColumns(header: readonly string[]): FireColumns {
  const normalised = header.map(normaliseHeader);
  const columns = {} as FireColumns;
  for (const field of FIRE_FIELDS) {
    columns[field] = -1;
    for (const alias of ALIASES[field]) {
      const index = normalised.indexOf(alias);
      if (index !== -1) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

function detectFormat(header: readonly string[], columns: FireColumns): FireFormat {
  const names = new Set(header.map(normaliseHeader));
  if (names.has('acq_date') && names.has('bright_ti4')) return 'firms-viirs';
  if (names.has('acq_date') && names.has('brightness')) return 'firms-modis';
  if (columns.lon !== -1 && /中心经度|经度/.test(header[columns.lon] ?? '')) return 'official';
  return 'table';
}

/** A GeoJSON FeatureCollection of points as a table: properties become columns, coordinates go last. */
function geojsonTable(json: string, fileName: string): { header: string[]; recordCount: number; record(i: number): string[]; lines: ArrayLike<number> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new FireFileError(text('fireFileNotJson', { file: fileName, detail: (error as Error).message }));
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new FireFileError(text('fireFileNotPointCollection', { file: fileName }));
  }
  const keys = new Map<string, number>(); // a Map, so a "__proto__" property is just a column
  const features = collection.features as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null }[];
  for (const feature of features) for (const key of Object.keys(feature?.properties ?? {})) if (!keys.has(key)) keys.set(key, keys.size);
  const header = [...keys.keys(), 'longitude', 'latitude'];
  const records = features.map((feature) => {
    const row = new Array<string>(header.length).fill('');
    for (const [key, value] of Object.entries(feature?.properties ?? {})) {
      row[keys.get(key)!] = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    const coordinates = feature?.geometry?.type === 'Point' && Array.isArray(feature.geometry.coordinates) ? feature.geometry.coordinates : null;
    row[header.length - 2] = coordinates ? String(coordinates[0] ?? '') : '';
    row[header.length - 1] = coordinates ? String(coordinates[1] ?? '') : '';
    return row;
  });
  return { header, recordCount: records.length, record: (i) => records[i]!, lines: records.map((_, i) => i + 1) };
}

/** The reasons of parseCoordinate's codes; made once, a million-row file shares them. */
const COORDINATE_REASONS: Record<'empty' | 'not a number', Text> = { empty: text('fireCellEmpty'), 'not a number': text('fireCellNotANumber') };

/** Heilongjiang and its neighbours lie within these ranges: a latitude in the longitude range means swapped columns. */
const REGION_LON = [115, 136] as const;
const REGION_LAT = [40, 56] as const;

/**
 * Reads a fire-point file: NASA FIRMS VIIRS or MODIS CSV, an official sheet exported as CSV (时间, 中心经度,
 * 中心纬度, 省, 市, 县, …), or GeoJSON points. UTF-8 or GBK/GB18030, BOM, CRLF, `;` with decimal commas and
 * quoted newlines are handled. FIRMS `acq_date` + `acq_time` are UTC; official times are Beijing time.
 *
 * Every row that cannot be used is listed in `rejected` with its line, field and reason. Cells stay text.
 *
 * @param bytes - File contents.
 * @param fileName - For messages.
 * @param options - `columns` overrides the detected mapping, field by field; `onProgress` hears every 20,000 rows.
 * @returns The {@link FireFile}.
 * @throws FireFileError when no row could ever be read (empty file, no coordinate columns).
 * @example
 * const file = readFireFile(bytes, 'fire_nrt_SV-C2.csv');
 * file.points.count; file.rejected; // [{ row: 12, field: 'latitude', reason: { key: 'fireCellEmpty' }, value: '' }]
 */
export function readFireFile(bytes: Uint8Array, fileName: string, options: FireReadOptions = {}): FireFile {
  if (isZip(bytes)) throw new FireFileError(text('fireFileIsWorkbook', { file: fileName }));
  const { table, source } = fireTableOfText(bytes, fileName);
  return readFireTable(table, source, options);
}

/**
 * The table of a text fire file (CSV in any supported encoding and delimiter, or GeoJSON points) and where it came from.
 *
 * @throws FireFileError for an empty file or broken JSON.
 */
export function fireTableOfText(bytes: Uint8Array, fileName: string): { table: TextTable; source: FireTableSource } {
  if (bytes.length === 0) throw new FireFileError(text('fireFileEmpty', { file: fileName }));
  const decoded = decodeText(bytes);
  const trimmed = decoded.text.trimStart();
  const isJson = trimmed.startsWith('{');
  const table = isJson ? geojsonTable(trimmed, fileName) : parseDelimited(decoded.text);
  const decimalComma = !isJson && 'delimiter' in table && table.delimiter === ';';
  return { table, source: { fileName, encoding: isJson ? 'json' : decoded.encoding, geojson: isJson, decimalComma } };
}

/** Options of the fire-file readers. */
export interface FireReadOptions {
  /** Overrides the detected column mapping, field by field. */
  columns?: Partial<FireColumns>;
  /** Hears every 20,000 rows. */
  onProgress?: (done: number, total: number) => void;
}

/** A table of text cells, from any file format. */
export interface TextTable {
  header: string[];
  recordCount: number;
  record(i: number): string[];
  lines: ArrayLike<number>;
}

/** True for a ZIP container (XLSX workbooks are ZIP files). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Where a fire table comes from, for messages and the time zone. */
export interface FireTableSource {
  fileName: string;
  encoding: FireFile['encoding'];
  geojson: boolean;
  decimalComma: boolean;
  format?: FireFormat;
}

/**
 * Turns a table of text cells (from CSV, GeoJSON or an XLSX sheet) into fire points: column detection,
 * validation with a reason for every rejected row, and time-zone handling.
 */
export function readFireTable(table: TextTable, source: FireTableSource, options: FireReadOptions = {}): FireFile {
  const steps = readFireTableSteps(table, source, options.columns);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value.done, step.value.total);
  }
}

/**
 * {@link readFireTable} one slice at a time: it yields progress every 20,000 rows, so a worker can let other messages
 * (a cancel, a tile request) in between slices, and returns the {@link FireFile}.
 */
export function* readFireTableSteps(
  table: TextTable,
  source: FireTableSource,
  chosenColumns: Partial<FireColumns> = {},
): Generator<{ done: number; total: number }, FireFile, void> {
  const options = { columns: chosenColumns };
  const { fileName, encoding, decimalComma } = source;
  const isJson = source.geojson;
  const { header, recordCount, record: recordAt, lines } = table;
  if (header.length === 0 || header.every((h) => h === '')) throw new FireFileError(text('fireFileNoHeader', { file: fileName }));
  const columns = { ...detectFireColumns(header), ...options.columns };
  const format = source.format ?? (isJson ? 'geojson' : detectFormat(header, columns));
  if (columns.lon === -1 || columns.lat === -1) {
    throw new FireFileError(text(columns.lon === -1 ? 'fireFileNoLongitudeColumn' : 'fireFileNoLatitudeColumn', { file: fileName, columns: header.join(', ') }));
  }
  const timeZone = format === 'firms-viirs' || format === 'firms-modis' || normaliseHeader(header[columns.date] ?? '') === 'acq_date' ? 'utc' : 'beijing';
  const name = (field: FireField) => header[columns[field]] ?? field;
  const cell = (record: string[], field: FireField) => (columns[field] === -1 ? undefined : record[columns[field]]);

  const points = createFirePoints(recordCount);
  const satelliteIndex = new Map<string, number>([['', 0]]);
  const recordOfPoint = new Int32Array(recordCount);
  const rejected: RowRejection[] = [];
  const isHeader = (record: string[]) => record.length === header.length && record.every((cellText, i) => cellText.trim() === header[i]);
  const dates = new Map<string, TimeResult>(); // FIRMS files repeat a few hundred dates a million times
  let n = 0;
  for (let r = 0; r < recordCount; r++) {
    if (r % 20_000 === 0) yield { done: r, total: recordCount };
    const record = recordAt(r);
    const row = lines[r]!;
    const reject = (field: string, reason: Text, value = '') => rejected.push(rowRejection(row, field, reason, value));
    if (record[0]?.trim() === header[0] && isHeader(record)) {
      reject('(row)', text('fireRowDuplicateHeader'));
      continue;
    }
    const lonText = cell(record, 'lon');
    const latText = cell(record, 'lat');
    const lon = parseCoordinate(lonText, decimalComma);
    const lat = parseCoordinate(latText, decimalComma);
    if (!lon.ok) {
      reject(name('lon'), COORDINATE_REASONS[lon.reason], lonText);
      continue;
    }
    if (!lat.ok) {
      reject(name('lat'), COORDINATE_REASONS[lat.reason], latText);
      continue;
    }
    const looksSwapped =
      (Math.abs(lat.value) > 90 && Math.abs(lon.value) <= 90) ||
      (lat.value >= REGION_LON[0] && lat.value <= REGION_LON[1] && lon.value >= REGION_LAT[0] && lon.value <= REGION_LAT[1]);
    if (looksSwapped) {
      reject(`${name('lon')}/${name('lat')}`, text('fireRowSwappedLatLon'), `${lonText}, ${latText}`);
      continue;
    }
    if (Math.abs(lon.value) > 180) {
      reject(name('lon'), text('fireLongitudeOutOfRange'), lonText);
      continue;
    }
    if (Math.abs(lat.value) > 90) {
      reject(name('lat'), text('fireLatitudeOutOfRange'), latText);
      continue;
    }
    let time = Number.NaN;
    if (columns.date !== -1) {
      const dateText = cell(record, 'date');
      const timeText = cell(record, 'time');
      const key = `${dateText}\u0000${timeText}`;
      let parsed = dates.get(key);
      if (!parsed) {
        parsed = timeZone === 'utc' ? parseFirmsTime(dateText, timeText) : parseBeijingTime(dateText);
        if (dates.size < 100_000) dates.set(key, parsed);
      }
      if (!parsed.ok) {
        reject(name('date'), parsed.reason, dateText);
        continue;
      }
      time = parsed.value;
    }
    const confidenceText = (cell(record, 'confidence') ?? '').trim();
    let confidence = Number.NaN;
    let confidenceClass: number = CONFIDENCE_CLASS.unknown;
    if (confidenceText !== '') {
      const letter = confidenceText.toLowerCase();
      if (letter === 'l' || letter === 'low' || letter === '低') confidenceClass = CONFIDENCE_CLASS.low;
      else if (letter === 'n' || letter === 'nominal' || letter === '中') confidenceClass = CONFIDENCE_CLASS.nominal;
      else if (letter === 'h' || letter === 'high' || letter === '高') confidenceClass = CONFIDENCE_CLASS.high;
      else {
        const percent = Number(decimalComma ? confidenceText.replace(',', '.') : confidenceText.replace(/%$/, ''));
        if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
          reject(name('confidence'), text('fireConfidenceUnreadable'), confidenceText);
          continue;
        }
        confidence = percent;
        confidenceClass = confidenceClassOf(percent);
      }
    }
    const frpText = (cell(record, 'frp') ?? '').trim();
    let frp = Number.NaN;
    if (frpText !== '') {
      frp = Number(decimalComma ? frpText.replace(',', '.') : frpText);
      if (!Number.isFinite(frp) || frp < 0) {
        reject(name('frp'), text('fireFrpUnreadable'), frpText);
        continue;
      }
    }
    const satellite = (cell(record, 'satellite') ?? '').trim();
    let satelliteId = satelliteIndex.get(satellite);
    if (satelliteId === undefined) {
      satelliteId = satelliteIndex.size;
      satelliteIndex.set(satellite, satelliteId);
    }
    const dayNightText = (cell(record, 'dayNight') ?? '').trim().toUpperCase();

    points.lon[n] = lon.value;
    points.lat[n] = lat.value;
    points.time[n] = time;
    points.confidence[n] = confidence;
    points.confidenceClass[n] = confidenceClass;
    points.frp[n] = frp;
    points.satellite[n] = satelliteId;
    points.dayNight[n] = dayNightText === 'D' || dayNightText === '昼' ? DAY_NIGHT.day : dayNightText === 'N' || dayNightText === '夜' ? DAY_NIGHT.night : DAY_NIGHT.unknown;
    recordOfPoint[n] = r;
    n++;
  }
  points.satellites = [...satelliteIndex.keys()];
  yield { done: recordCount, total: recordCount };
  return {
    fileName,
    format,
    encoding,
    header,
    recordCount,
    record: recordAt,
    lines,
    columns,
    timeZone,
    points: truncateFirePoints(points, n),
    recordOfPoint: recordOfPoint.slice(0, n),
    rejected,
  };
}

function truncateFirePoints(points: FirePoints, count: number): FirePoints {
  return {
    count,
    lon: points.lon.slice(0, count),
    lat: points.lat.slice(0, count),
    time: points.time.slice(0, count),
    confidence: points.confidence.slice(0, count),
    confidenceClass: points.confidenceClass.slice(0, count),
    frp: points.frp.slice(0, count),
    satellite: points.satellite.slice(0, count),
    satellites: points.satellites,
    dayNight: points.dayNight.slice(0, count),
  };
}
