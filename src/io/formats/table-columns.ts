import { gaussKrugerEpsgInText } from '../../core/geo/gauss-kruger-zones.ts';
import { text, TextError, type Text } from '../../core/text/text.ts';
import { decodeText } from './decode-text.ts';
import { parseDelimited } from './parse-delimited.ts';
import { isZip, type TextTable } from './read-fire-file.ts';
import type { CoordinateSystem } from './parse-site-location.ts';
import { readXlsxTable } from './read-xlsx-table.ts';

/** A unit in parentheses at the end of a normalised header: `经度(°)`, `额定热功率(mw)`. */
const UNIT_SUFFIX = /[([].*[)\]]$/;

/**
 * A header as aliases are written: no BOM, lowercase, no spaces, full-width parentheses made ASCII.
 *
 * @param name - A header cell.
 * @returns The normalised name.
 * @example
 * normaliseHeader(' 额定热功率（MW）'); // '额定热功率(mw)'
 */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : ''));
}

/**
 * Finds each field's column by its aliases: first by exact normalised name for every field, then with a unit in
 * parentheses dropped (`经度(°)`, `X坐标（m）`) for the fields still missing. Within a pass the first alias listed
 * wins; a column belongs to one field only, so `额定出力(t/h)` matched exactly is not also taken by `额定出力`.
 *
 * @param header - The header cells.
 * @param aliases - Normalised header names per field (see {@link normaliseHeader}), best first.
 * @returns Each field's column index, -1 where absent.
 * @example
 * detectColumns(['名称', '经度(°)', '纬度'], { name: ['名称'], lon: ['经度'], lat: ['纬度'] }); // { name: 0, lon: 1, lat: 2 }
 */
export function detectColumns<F extends string>(header: readonly string[], aliases: Readonly<Record<F, readonly string[]>>): Record<F, number> {
  const normalised = header.map(normaliseHeader);
  const stripped = normalised.map((name) => name.replace(UNIT_SUFFIX, ''));
  const fields = Object.keys(aliases) as F[];
  const columns = {} as Record<F, number>;
  for (const field of fields) columns[field] = -1;
  const claimed = new Set<number>();
  for (const names of [normalised, stripped]) {
    for (const field of fields) {
      if (columns[field] !== -1) continue;
      for (const alias of aliases[field]) {
        const index = names.findIndex((name, i) => name === alias && !claimed.has(i));
        if (index !== -1) {
          columns[field] = index;
          claimed.add(index);
          break;
        }
      }
    }
  }
  return columns;
}

/** What a 坐标系 cell says: a system, perhaps an EPSG code, or why it cannot be used. */
export type SystemValue = { system: CoordinateSystem; epsg?: number } | { problem: Text };

const EPSG_ONLY = /^(?:epsg)?:?(\d{4,5})$/;
const GAUSS_KRUGER_WORDS = /高斯|gauss|^gk|gk$|3度带|6度带|三度带|六度带|3°带|6°带|投影/;
const BD_WORDS = /bd09|^bd|百度|baidu/;
const GCJ_WORDS = /gcj|高德|火星|腾讯|amap|国测局/;
const WGS_WORDS = /wgs|cgcs|2000|gps|天地图|4326|4490/;
const SYSTEM_PUNCTUATION = /[\s\-_/]/g;
/** Beijing 1954 and Xi'an 1980 differ from CGCS2000 by up to about 100 m: reading them as CGCS2000 would be silently wrong. */
const LEGACY_DATUM = /北京|西安|beijing|xi'?an|bj54|xa80/;

/**
 * A {@link parseSystem} that remembers its answers: a 10,000-row table repeats a handful of 坐标系 values.
 *
 * @returns The caching reader.
 * @example
 * const systemOf = createSystemReader();
 * systemOf('高德'); // { system: 'gcj02' }
 */
export function createSystemReader(): (cell: string) => SystemValue {
  const seen = new Map<string, SystemValue>();
  return (cell) => {
    let parsed = seen.get(cell);
    if (parsed === undefined) {
      parsed = parseSystem(cell);
      seen.set(cell, parsed);
    }
    return parsed;
  };
}

/**
 * Why a table row is no record at all: it is empty, or it repeats the header (tables pasted together).
 *
 * @param cells - The row's cells.
 * @param header - The table's header.
 * @returns The rejection (field `(row)`), or null for a row to read.
 * @example
 * skippedRow(['', ' '], ['名称', '经度']); // { field: '(row)', reason: { key: 'tableEmptyRow' }, value: '' }
 */
export function skippedRow(cells: readonly string[], header: readonly string[]): { field: string; reason: Text; value: string } | null {
  if (cells.every((cell) => cell.trim() === '')) return { field: '(row)', reason: text('tableEmptyRow'), value: '' };
  if (cells.length === header.length && cells.every((cell, i) => cell.trim() === header[i])) {
    return { field: '(row)', reason: text('tableRepeatedHeader'), value: cells.join(', ') };
  }
  return null;
}

/**
 * Reads a 坐标系 cell. `CGCS2000` counts as WGS84 (they agree within decimetres); a CGCS2000 EPSG code of the
 * Gauss-Krüger series, `高斯`/`GK`, or a zone description means Gauss-Krüger.
 *
 * @param cell - The cell text.
 * @returns The system (with the EPSG code when the cell names one), or the problem as a catalogue text.
 * @example
 * parseSystem('高德');      // { system: 'gcj02' }
 * parseSystem('EPSG:4531'); // { system: 'gauss-kruger', epsg: 4531 }
 */
export function parseSystem(cell: string): SystemValue {
  const value = cell.trim().toLowerCase().replace(SYSTEM_PUNCTUATION, '');
  if (LEGACY_DATUM.test(value)) return { problem: text('coordinateLegacyDatum', { value: cell }) };
  const code = EPSG_ONLY.exec(value);
  if (code) {
    const epsg = Number(code[1]);
    return epsg === 4326 || epsg === 4490 ? { system: 'wgs84' } : { system: 'gauss-kruger', epsg };
  }
  const embedded = gaussKrugerEpsgInText(value);
  if (GAUSS_KRUGER_WORDS.test(value) || embedded !== null) return embedded !== null ? { system: 'gauss-kruger', epsg: embedded } : { system: 'gauss-kruger' };
  if (BD_WORDS.test(value)) return { system: 'bd09' };
  if (GCJ_WORDS.test(value)) return { system: 'gcj02' };
  if (WGS_WORDS.test(value)) return { system: 'wgs84' };
  return { problem: text('coordinateSystemUnknown', { value: cell }) };
}

/**
 * Reads a CSV (UTF-8 or GBK, `,` `;` or tab) or XLSX (first sheet) file into a table of text cells.
 *
 * @param bytes - File contents.
 * @param fileName - For messages.
 * @param columns - The columns the caller needs, as a catalogue text, named in every error.
 * @returns The table, and whether numbers may use a decimal comma (a `;`-delimited file).
 * @throws TextError whose English starts with the file name when the file is empty or an unreadable workbook.
 * @example
 * const { table, decimalComma } = await readTextTable(bytes, '锅炉.csv', text('boilersTableColumns'));
 */
export async function readTextTable(bytes: Uint8Array, fileName: string, columns: Text): Promise<{ table: TextTable; decimalComma: boolean }> {
  if (bytes.length === 0) throw new TextError(text('tableFileEmpty', { file: fileName, columns }));
  let table: TextTable;
  let decimalComma = false;
  if (isZip(bytes)) {
    try {
      table = await readXlsxTable(bytes, fileName);
    } catch (error) {
      const inner = error instanceof TextError ? error.text : text('xlsxUnreadable', { file: fileName, detail: (error as Error).message });
      throw new TextError(text('tableWorkbookUnreadable', { inner, columns }));
    }
  } else {
    const delimited = parseDelimited(decodeText(bytes).text);
    decimalComma = delimited.delimiter === ';';
    table = delimited;
  }
  if (table.header.length === 0 || table.header.every((name) => name === '')) throw new TextError(text('tableFileEmpty', { file: fileName, columns }));
  return { table, decimalComma };
}
