import { text, TextError } from '../../core/text/text.ts';
import { FireFileError, fireTableOfText, isZip, readFireTableSteps, type FireFile, type FireReadOptions, type FireTableSource, type TextTable } from './read-fire-file.ts';
import { readXlsxTable } from './read-xlsx-table.ts';

/** Options of {@link loadFireFile}: those of the synchronous reader, and a checkpoint awaited between slices of rows. */
export interface FireLoadOptions extends FireReadOptions {
  /** Awaited every 20,000 rows: a worker yields to its event loop there and throws to stop a cancelled import. */
  checkpoint?: () => Promise<void>;
}

/**
 * Reads any supported fire-point file: XLSX workbooks (first sheet) as well as everything `readFireFile` reads (FIRMS
 * CSV, official sheets as CSV, GeoJSON), awaiting `checkpoint` between slices of rows.
 *
 * @example
 * const file = await loadFireFile(bytes, '2024年4月火点.xlsx');
 */
export async function loadFireFile(bytes: Uint8Array, fileName: string, options: FireLoadOptions = {}): Promise<FireFile> {
  let table: TextTable;
  let source: FireTableSource;
  if (isZip(bytes)) {
    try {
      table = await readXlsxTable(bytes, fileName);
    } catch (error) {
      throw new FireFileError(error instanceof TextError ? error.text : text('xlsxUnreadable', { file: fileName, detail: (error as Error).message }));
    }
    source = { fileName, encoding: 'xlsx', geojson: false, decimalComma: false };
  } else {
    ({ table, source } = fireTableOfText(bytes, fileName));
  }
  await options.checkpoint?.();
  const steps = readFireTableSteps(table, source, options.columns);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value.done, step.value.total);
    await options.checkpoint?.();
  }
}

