import { render, type Text } from '../../core/text/text.ts';

/**
 * One row or feature a reader left out, or one cell it could not use: every reader of src/io/formats reports these, so
 * the app lists them and the command line prints them the same way. Nothing is dropped without one.
 */
export interface RowRejection {
  /** File line (CSV), sheet row (XLSX) or 1-based feature number (vector files). */
  row: number;
  /** The file's own column name (`纬度`, `latitude/longitude` for a pair), or a field name (`geometry`, `(row)`). */
  field: string;
  /** Why, as a catalogue text: the app shows it in the user's language, the command line in English. */
  reason: Text;
  /** The offending cell as text, cut to {@link REJECTED_VALUE_LENGTH} characters; '' when there is none. */
  value: string;
}

/** The most characters of an offending cell a rejection quotes: enough to recognise it, never a whole row of a wide table. */
export const REJECTED_VALUE_LENGTH = 80;

/**
 * The offending value as a rejection quotes it: as written, cut to {@link REJECTED_VALUE_LENGTH} characters with `…`.
 *
 * @param text - The cell, or cells joined.
 * @returns The text to keep in {@link RowRejection.value}.
 * @example
 * rejectedValue('126.2, 46.5'); // '126.2, 46.5'
 */
export function rejectedValue(text: string): string {
  return text.length <= REJECTED_VALUE_LENGTH ? text : `${text.slice(0, REJECTED_VALUE_LENGTH - 1)}…`;
}

/**
 * A rejection with its value cut to {@link REJECTED_VALUE_LENGTH} characters.
 *
 * @param row - File line, sheet row or feature number.
 * @param field - The column or field at fault.
 * @param reason - Why, as a catalogue text.
 * @param value - The offending cell ('' when none).
 * @returns The {@link RowRejection}.
 * @example
 * rowRejection(12, 'latitude', text('fireCellEmpty')); // { row: 12, field: 'latitude', reason: { key: 'fireCellEmpty' }, value: '' }
 */
export function rowRejection(row: number, field: string, reason: Text, value = ''): RowRejection {
  return { row, field, reason, value: rejectedValue(value) };
}

/** The columns of a rejected-rows table (the `fires` command's `--rejected` file, the app's download). */
export const REJECTION_COLUMNS = ['row', 'field', 'reason', 'value'] as const;

/**
 * The cells of one rejection under {@link REJECTION_COLUMNS}, the reason in English as the command line writes it.
 *
 * @param rejection - A rejection.
 * @returns Row, field, English reason and value.
 * @example
 * rejectionCells(rowRejection(12, 'latitude', text('fireCellEmpty'))); // ['12', 'latitude', 'empty', '']
 */
export function rejectionCells(rejection: RowRejection): string[] {
  return [String(rejection.row), rejection.field, render(rejection.reason, 'en'), rejection.value];
}
