import { FireFileError, isZip, readFireFile, readFireTable, type FireFile, type FireReadOptions } from './read-fire-file.ts';
import { readXlsxTable } from './read-xlsx-table.ts';

/**
 * Reads any supported fire-point file: XLSX workbooks (first sheet) as well as everything
 * `readFireFile` reads (FIRMS CSV, official sheets as CSV, GeoJSON).
 *
 * @example
 * const file = await loadFireFile(bytes, '2024年4月火点.xlsx');
 */
export async function loadFireFile(bytes: Uint8Array, fileName: string, options: FireReadOptions = {}): Promise<FireFile> {
  if (!isZip(bytes)) return readFireFile(bytes, fileName, options);
  let table;
  try {
    table = await readXlsxTable(bytes, fileName);
  } catch (error) {
    throw new FireFileError((error as Error).message);
  }
  return readFireTable(table, { fileName, encoding: 'xlsx', geojson: false, decimalComma: false }, options);
}
