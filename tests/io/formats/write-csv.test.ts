import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv } from '../../../src/io/formats/write-csv.ts';

describe('guardFormula', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ["=cmd|' /C calc'!A0", '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(guardFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves numbers, negative ones included, and ordinary text untouched', () => {
    for (const cell of ['-12.5', '+3', '-1e-3', '126.65', '哈尔滨市', '', 'a=b']) expect(guardFormula(cell)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('quotes delimiters, quotes and newlines, starts with a BOM and ends lines with CRLF', () => {
    expect(toCsv(['名称', 'note'], [['a,b', 'say "hi"\nbye'], ['=1+1', '-3']])).toBe('\uFEFF名称,note\r\n"a,b","say ""hi""\nbye"\r\n\'=1+1,-3\r\n');
  });
});
