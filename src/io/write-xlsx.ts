import writeXlsxFile from 'write-excel-file/universal';
import { guardFormula } from './write-csv.ts';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Writes a one-sheet XLSX workbook. Cells that are numbers (negative ones included) become number cells;
 * every other cell is a text cell, passed through `guardFormula` like the CSV export, so nothing a user
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
    sheet.push(row.map((cell) => (NUMBER.test(cell) ? { value: Number(cell), type: Number } : { value: guardFormula(cell), type: String })));
  }
  return writeXlsxFile(sheet as never).toBlob();
}
