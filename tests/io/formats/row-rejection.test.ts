import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/text/text.ts';
import { REJECTED_VALUE_LENGTH, rejectedValue, rejectionCells, rowRejection } from '../../../src/io/formats/row-rejection.ts';

describe('rowRejection', () => {
  it('keeps a short offending cell as written', () => {
    expect(rowRejection(12, 'latitude', text('fireCellEmpty'), '126.2, 46.5')).toEqual({ row: 12, field: 'latitude', reason: { key: 'fireCellEmpty' }, value: '126.2, 46.5' });
  });

  it('cuts a long offending value to 80 characters, ending in …', () => {
    const header = Array.from({ length: 30 }, (_, i) => `列${i + 1}`).join(', ');
    const value = rejectedValue(header);
    expect(value).toHaveLength(REJECTED_VALUE_LENGTH);
    expect(value.endsWith('…')).toBe(true);
    expect(header.startsWith(value.slice(0, -1))).toBe(true);
  });
});

describe('rejectionCells', () => {
  it('writes the reason in English, as the rejected-rows CSV always had it', () => {
    expect(rejectionCells(rowRejection(4, 'longitude/latitude', text('fireRowSwappedLatLon'), '46.5, 126.2'))).toEqual(['4', 'longitude/latitude', 'swapped lat/lon', '46.5, 126.2']);
  });
});
