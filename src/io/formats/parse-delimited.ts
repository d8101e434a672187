/**
 * A delimited-text table whose records are split into fields only when asked for: a million-row file
 * then costs a few typed arrays, not fifteen million strings.
 */
export interface DelimitedTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  recordCount: number;
  /** 1-based line number in the file where each record starts (the header is line 1 when it is first). */
  lines: Int32Array;
  /** The fields of record i (0-based, header excluded), unquoted. */
  record(i: number): string[];
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
 * @returns Header, record accessor and line numbers.
 * @example
 * parseDelimited('a;b\r\n1,5;"x\ny"\n').record(0); // ['1,5', 'x\ny']
 */
export function parseDelimited(text: string): DelimitedTable {
  const delimiter = detectDelimiter(text);
  const delimiterCode = delimiter.charCodeAt(0);
  const length = text.length;
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let lineNumbers = new Int32Array(1024);
  let count = 0;
  let line = 1;
  let i = 0;
  // One pass over character codes finds where each record starts and ends, honouring quotes.
  while (i < length) {
    const start = i;
    const startLine = line;
    let quoted = false;
    let fieldStart = true;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (quoted) {
        if (code === 34) {
          if (text.charCodeAt(i + 1) === 34) i++;
          else quoted = false;
        } else if (code === 10) line++;
        continue;
      }
      if (code === 34 && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (code === 10 || code === 13) break;
      else fieldStart = code === delimiterCode;
    }
    const end = i;
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) === 10) i++;
    line++;
    if (end === start) continue; // blank line
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      lineNumbers = grow(lineNumbers);
    }
    starts[count] = start;
    ends[count] = end;
    lineNumbers[count] = startLine;
    count++;
  }
  const split = (from: number, to: number): string[] => {
    const fields: string[] = [];
    let k = from;
    for (;;) {
      if (k < to && text.charCodeAt(k) === 34) {
        let value = '';
        let chunk = k + 1;
        for (;;) {
          const quote = text.indexOf('"', chunk);
          if (quote === -1 || quote >= to) {
            value += text.slice(chunk, to); // an unterminated quote runs to the end of the record
            k = to;
            break;
          }
          value += text.slice(chunk, quote);
          if (text.charCodeAt(quote + 1) === 34 && quote + 1 < to) {
            value += '"';
            chunk = quote + 2;
          } else {
            k = quote + 1;
            break;
          }
        }
        // Anything between the closing quote and the next delimiter is kept, as spreadsheets do.
        let end = k;
        while (end < to && text.charCodeAt(end) !== delimiterCode) end++;
        fields.push(value + text.slice(k, end));
        k = end;
      } else {
        let end = text.indexOf(delimiter, k);
        if (end === -1 || end > to) end = to;
        fields.push(text.slice(k, end));
        k = end;
      }
      if (k >= to) break;
      k++; // past the delimiter: another field follows, empty if the record ends here
    }
    return fields;
  };
  const header = count > 0 ? split(starts[0]!, ends[0]!).map((h) => h.trim()) : [];
  const recordCount = Math.max(0, count - 1);
  return {
    delimiter,
    header,
    recordCount,
    lines: lineNumbers.slice(1, count),
    record: (r) => {
      if (r < 0 || r >= recordCount) throw new RangeError(`record ${r} is out of range 0…${recordCount - 1}`);
      return split(starts[r + 1]!, ends[r + 1]!);
    },
  };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
