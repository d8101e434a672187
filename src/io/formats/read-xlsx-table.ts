import { text, TextError } from '../../core/text/text.ts';
import { readSheet } from 'read-excel-file/universal';
import type { TextTable } from './read-fire-file.ts';

/** A cell as text: numbers as JavaScript prints them, dates as the wall-clock time written in the sheet. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // read-excel-file builds dates in UTC from the serial, so the UTC fields are the sheet's own clock.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 19).replace('T', ' ').replace(/ 00:00:00$/, '');
  }
  return String(value);
}

/**
 * The first sheet of an XLSX workbook as a table of text cells; the first row is the header. Row numbers
 * are the sheet's own (header = row 1). Reading never evaluates a formula: cells hold their stored values.
 *
 * @param bytes - The workbook.
 * @param fileName - For messages.
 * @returns A {@link TextTable}.
 * @throws TextError (`xlsxUnreadable`) when the bytes are no readable workbook.
 * @example
 * const table = await readXlsxTable(bytes, '火点.xlsx');
 */
export async function readXlsxTable(bytes: Uint8Array, fileName: string): Promise<TextTable> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)) as unknown[][];
  } catch (error) {
    throw new TextError(text('xlsxUnreadable', { file: fileName, detail: (error as Error).message }));
  }
  const [header = [], ...records] = rows;
  return {
    header: header.map((cell) => cellText(cell).trim()),
    recordCount: records.length,
    record: (i) => records[i]!.map(cellText),
    lines: records.map((_, i) => i + 2),
  };
}
