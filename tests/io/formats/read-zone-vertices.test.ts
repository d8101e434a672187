import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { TextError } from '../../../src/core/text/text.ts';
import { readZoneVertices } from '../../../src/io/formats/read-zone-vertices.ts';
import { chinese, english, inEnglish } from '../../helpers/in-english.ts';

const csv = (text: string) => new TextEncoder().encode(text);

describe('readZoneVertices', () => {
  it('groups rows by zone, orders by 序号, closes each ring and keeps the other columns as attributes', async () => {
    const file = await readZoneVertices(
      csv(
        [
          '名称,序号,经度,纬度,类别,文号',
          '南岗禁燃区,3,126.66,45.76,Ⅲ,哈政发〔2024〕1号',
          '南岗禁燃区,1,126.64,45.74,,',
          '道里禁燃区,1,126.60,45.76,Ⅱ,',
          '南岗禁燃区,2,126.66,45.74,,',
          '道里禁燃区,2,126.62,45.76,,',
          '道里禁燃区,3,126.62,45.78,,',
          '道里禁燃区,4,126.60,45.76,,',
        ].join('\n'),
      ),
      '拐点.csv',
    );
    expect(file.rejected).toEqual([]);
    expect(file.zones.map((z) => z.name)).toEqual(['南岗禁燃区', '道里禁燃区']);
    expect(file.zones[0]).toMatchObject({ row: 2, properties: { 类别: 'Ⅲ', 文号: '哈政发〔2024〕1号' } });
    expect(file.zones[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[126.64, 45.74], [126.66, 45.74], [126.66, 45.76], [126.64, 45.74]]] });
    // Already closed: not closed twice.
    expect((file.zones[1]!.geometry.coordinates as number[][][])[0]).toHaveLength(4);
  });

  it('reads DMS, holes and parts', async () => {
    const rows = [
      '名称,部分,环,经度,纬度',
      ...[[126.6, 45.7], [126.7, 45.7], [126.7, 45.8], [126.6, 45.8]].map(([x, y]) => `甲,1,外环,${x},${y}`),
      ...[[126.62, 45.72], [126.64, 45.72], [126.64, 45.74]].map(([x, y]) => `甲,1,1,${x},${y}`),
      `甲,2,0,"126°54'00""E","45°42'00""N"`,
      '甲,2,0,126.95,45.7',
      '甲,2,0,126.95,45.75',
    ];
    const file = await readZoneVertices(csv(rows.join('\n')), 'parts.csv');
    expect(file.rejected).toEqual([]);
    const geometry = file.zones[0]!.geometry;
    expect(geometry.type).toBe('MultiPolygon');
    const parts = geometry.coordinates as number[][][][];
    expect(parts[0]!.map((ring) => ring.length)).toEqual([5, 4]);
    expect(parts[1]![0]![0]![0]).toBeCloseTo(126.9, 9);
  });

  it('leaves a zone out whole, naming the row and field, when one vertex cannot be read; other zones stay', async () => {
    const file = await readZoneVertices(
      csv(['名称,经度,纬度', '好,126.6,45.7', '好,126.7,45.7', '好,126.7,45.8', '坏,126.6,45.7', '坏,abc,45.7', '坏,126.7,45.8', '短,126.6,45.7', '短,126.7,45.7'].join('\n')),
      'mixed.csv',
    );
    expect(file.zones.map((z) => z.name)).toEqual(['好']);
    expect(inEnglish(file.rejected)).toEqual([
      expect.objectContaining({ row: 6, field: '经度', value: 'abc', reason: expect.stringMatching(/^zone "坏" left out: /) }),
      expect.objectContaining({ row: 8, field: '名称', reason: 'zone "短" left out: the outline of part 1 has 2 distinct vertices; a ring needs at least 3' }),
    ]);
  });

  it('reads an XLSX sheet and refuses a file without the needed columns', async () => {
    const sheet = [
      [{ value: 'name' }, { value: 'lon' }, { value: 'lat' }],
      ...[[126.6, 45.7], [126.7, 45.7], [126.7, 45.8]].map(([x, y]) => [{ value: 'Z' }, { value: x }, { value: y }]),
    ];
    const blob = await writeXlsxFile(sheet as never).toBlob();
    const file = await readZoneVertices(new Uint8Array(await blob.arrayBuffer()), 'z.xlsx');
    expect(file.zones[0]!.geometry.coordinates).toEqual([[[126.6, 45.7], [126.7, 45.7], [126.7, 45.8], [126.6, 45.7]]]);
    await expect(readZoneVertices(csv('名称,x\nA,1\n'), 'bad.csv')).rejects.toThrow(/^bad\.csv: no 经度, 纬度 column/);
  });
});

describe('vertex-list texts in Chinese and English', () => {
  it('says in Chinese which zone was left out and why, naming the cell, and in English as before', async () => {
    const file = await readZoneVertices(csv(['名称,部分,经度,纬度', '南岗禁燃区,一,126.64,45.74'].join('\n')), '拐点.csv');
    const { reason, value } = file.rejected[0]!;
    expect(english(reason)).toBe('zone "南岗禁燃区" left out: part "一" is not a whole number');
    expect(chinese(reason)).toBe('区域“南岗禁燃区”未导入：部分“一”不是整数');
    expect(value).toBe('一');
  });

  it('names the file and the missing columns in the Chinese error', async () => {
    const error = await readZoneVertices(csv('名称,X,Y\nA,1,2\n'), '拐点.csv').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TextError);
    const { message, text: reason } = error as TextError;
    expect(message).toMatch(/^拐点\.csv: no 经度, 纬度 column among: 名称, X, Y; expected one row per vertex with columns 名称 \(zone name\)/);
    expect(english(reason)).toBe(message);
    expect(chinese(reason)).toMatch(/^拐点\.csv：在以下列中找不到 经度, 纬度 列：名称, X, Y；应为：每个拐点一行/);
  });
});
