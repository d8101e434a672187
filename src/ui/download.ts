import { toCsv } from '../io/formats/write-csv.ts';

function save(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves bytes (a zip, a GeoJSON) as a file through the browser's download. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  save(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

/** Saves text as a file through the browser's download (nothing leaves the machine). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  save(fileName, new Blob([text], { type }));
}

/**
 * Saves a table as CSV or XLSX (both formula-guarded; the XLSX writer loads on first use).
 *
 * @param baseName - File name without extension.
 */
export async function downloadTable(baseName: string, header: readonly string[], rows: readonly (readonly string[])[], format: 'csv' | 'xlsx'): Promise<void> {
  if (format === 'csv') {
    downloadText(`${baseName}.csv`, toCsv(header, rows));
    return;
  }
  const { toXlsx } = await import('../io/formats/write-xlsx.ts');
  save(`${baseName}.xlsx`, await toXlsx(header, rows));
}
