const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises a cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`, tab, CR) by prefixing
 * `'`; numbers, negative ones included, are left as they are.
 *
 * @example
 * guardFormula("=cmd|' /C calc'!A0"); // "'=cmd|' /C calc'!A0"
 * guardFormula('-12.5'); // '-12.5'
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes rows as CSV (RFC 4180 quoting, CRLF, a UTF-8 BOM so Excel on Chinese Windows reads it right),
 * with every cell passed through {@link guardFormula}.
 *
 * @example
 * toCsv(['名称', 'x'], [['=1+1', '-3']]); // '\uFEFF名称,x\r\n\'=1+1,-3\r\n'
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const quote = (value: string) => {
    const cell = guardFormula(value);
    return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
