/** A parsed delimited-text table: the header, the records, and where each record started in the file. */
export interface DelimitedTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  records: string[][];
  /** 1-based line number in the file where each record starts (the header is line 1 when it is first). */
  lines: number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Picks the delimiter that splits the first line (outside quotes) into the most fields. */
function detectDelimiter(text: string): DelimitedTable['delimiter'] {
  let end = text.indexOf('\n');
  if (end === -1) end = text.length;
  const firstLine = text.slice(0, end);
  let best: DelimitedTable['delimiter'] = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const char of firstLine) {
      if (char === '"') quoted = !quoted;
      else if (char === delimiter && !quoted) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV-style text (RFC 4180 quoting, `""` escapes, quoted newlines, CRLF or LF) with `,`, `;` or tab
 * delimiters, detected from the header line. Blank lines are skipped. Cells are returned as text, never evaluated.
 *
 * @param text - Decoded file text (see `decodeText`).
 * @returns Header, records and their line numbers.
 * @example
 * parseDelimited('a;b\r\n1,5;"x\ny"\n').records; // [['1,5', 'x\ny']]
 */
export function parseDelimited(text: string): DelimitedTable {
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '' && !fieldStarted)) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== '' || row.length > 0 || fieldStarted) endRow();
  const [header = [], ...records] = rows;
  const [, ...recordLines] = lines;
  return { delimiter, header: header.map((h) => h.trim()), records, lines: recordLines };
}
