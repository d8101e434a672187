import writeXlsxFile from 'write-excel-file/universal';
import { guardFormula } from './write-csv.ts';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number cell only when it round-trips to the same text: `007`, long ids and codes stay text. */
const isPlainNumber = (cell: string) => NUMBER.test(cell) && String(Number(cell)) === cell;

/**
 * Writes a one-sheet XLSX workbook. Cells that are numbers written plainly (negative ones included) become
 * number cells; every other cell (leading zeros, 18-digit ids, `12.50`) is a text cell, passed through `guardFormula` like the CSV export, so nothing a user
 * opens runs as a formula.
 *
 * @example
 * const blob = await toXlsx(['区县', '火点数'], [['宾县', '12']]);
 */
export async function toXlsx(header: readonly string[], rows: Iterable<readonly string[]>): Promise<Blob> {
  const sheet: ({ value: string | number; type: typeof String | typeof Number; fontWeight?: 'bold' })[][] = [
    header.map((value) => ({ value: guardFormula(value), type: String, fontWeight: 'bold' as const })),
  ];
  for (const row of rows) {
    sheet.push(row.map((cell) => (isPlainNumber(cell) ? { value: Number(cell), type: Number } : { value: guardFormula(cell), type: String })));
  }
  return writeXlsxFile(sheet as never).toBlob();
}
