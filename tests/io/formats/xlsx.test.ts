import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { loadFireFile } from '../../../src/io/formats/load-fire-file.ts';
import { FireFileError } from '../../../src/io/formats/read-fire-file.ts';
import { readXlsxTable } from '../../../src/io/formats/read-xlsx-table.ts';
import { toXlsx } from '../../../src/io/formats/write-xlsx.ts';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('XLSX', () => {
  it('reads an official sheet with a date-formatted 时间 cell, DMS text and an Excel serial', async () => {
    // As the provincial sheets come: a real date cell (Beijing time), coordinates as numbers or DMS text.
    const sheet = [
      ['时间', '中心经度', '中心纬度', '省', '市', '县'].map((value) => ({ value, type: String })),
      [{ value: new Date(Date.UTC(2024, 3, 5, 13, 20)), type: Date, format: 'yyyy-mm-dd hh:mm' }, { value: 126.65, type: Number }, { value: 45.75, type: Number }, { value: '黑龙江省', type: String }, { value: '哈尔滨市', type: String }, { value: '南岗区', type: String }],
      [{ value: 45387.5, type: Number }, { value: '126°14\'37.289"E', type: String }, { value: '45°45\'30"N', type: String }, null, null, null],
    ];
    const file = await loadFireFile(await bytesOf(await writeXlsxFile(sheet as never).toBlob()), '火点.xlsx');
    expect(file.encoding).toBe('xlsx');
    expect(file.format).toBe('official');
    expect(file.points.count).toBe(2);
    expect(file.points.time[0]).toBe(Date.UTC(2024, 3, 5, 5, 20)); // 13:20 in Beijing
    expect(file.points.time[1]).toBe(Date.UTC(2024, 3, 5, 4, 0)); // serial 45387.5 = 2024-04-05 12:00 Beijing
    expect(file.points.lon[1]).toBeCloseTo(126.243691, 6);
    expect(file.record(0)[5]).toBe('南岗区');
  });

  it('writes numbers as number cells and guards text that would run as a formula', async () => {
    const table = await readXlsxTable(await bytesOf(await toXlsx(['名称', '值'], [['=cmd|\' /C calc\'!A0', '-3.5'], ['宾县', '12']])), 'out.xlsx');
    expect(table.header).toEqual(['名称', '值']);
    expect(table.record(0)).toEqual(["'=cmd|' /C calc'!A0", '-3.5']);
    expect(table.record(1)).toEqual(['宾县', '12']);
  });

  it('keeps codes that only look like numbers as text: leading zeros and 18-digit ids survive', async () => {
    const rows = [['007', '230103199001011234', '12.50', '45.75']];
    const table = await readXlsxTable(await bytesOf(await toXlsx(['编号', '身份证号', '金额', '纬度'], rows)), 'codes.xlsx');
    expect(table.record(0)).toEqual(['007', '230103199001011234', '12.50', '45.75']);
  });

  it('says which file is not a readable workbook', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(loadFireFile(broken, 'broken.xlsx')).rejects.toThrow(FireFileError);
    await expect(loadFireFile(broken, 'broken.xlsx')).rejects.toThrow(/^broken\.xlsx: not a readable XLSX workbook/);
  });
});
