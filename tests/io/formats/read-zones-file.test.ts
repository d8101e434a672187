import { zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/core/text/text.ts';
import { readZonesFile } from '../../../src/io/formats/read-zones-file.ts';
import { writeZonesFile } from '../../../src/io/formats/write-zones-file.ts';
import { importOptions, sampleZoneRows } from '../../helpers/zone-fixtures.ts';
import { chinese, english, inEnglish, messagesInEnglish } from '../../helpers/in-english.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const NOW = '2025-06-01T12:00:00.000Z';

const square = (lon: number, lat: number) => [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]];

/** A GeoJSON FeatureCollection of polygons (or other geometries) with the given properties. */
function geoJson(features: { properties: Record<string, unknown>; geometry?: unknown }[]): Uint8Array {
  return utf8(
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((feature, i) => ({ type: 'Feature', properties: feature.properties, geometry: feature.geometry ?? { type: 'Polygon', coordinates: square(126.6 + i * 0.02, 45.7) } })),
    }),
  );
}

describe('readZonesFile: foreign files', () => {
  it('reads 名称, 类别 第Ⅱ类, 文号, 生效日期 2024年3月1日 and 备注 from a GeoJSON, with imported provenance and a new id', async () => {
    const options = importOptions(NOW);
    const read = await readZonesFile(
      geoJson([{ properties: { 名称: '南岗区禁燃区', 类别: '第Ⅱ类', 文号: '哈政规〔2024〕3号', 生效日期: '2024年3月1日', 备注: '主城区', id: 'their-7', 面积: 99 } }]),
      '南岗.geojson',
      options,
    );
    expect(read.warnings).toEqual([]);
    expect(read.rejected).toEqual([]);
    expect(render(read.crs, 'en')).toBe('WGS84 (GeoJSON)');
    expect(read.zones).toEqual([
      {
        id: 'new-1',
        name: '南岗区禁燃区',
        category: 'Ⅱ',
        documentNumber: '哈政规〔2024〕3号',
        effectiveDate: '2024-03-01',
        notes: '主城区',
        geometry: { type: 'Polygon', coordinates: square(126.6, 45.7) },
        provenance: { origin: 'imported', source: '南岗.geojson', createdAt: NOW, updatedAt: NOW },
      },
    ]);
  });

  it('finds English attribute names in any case and ignores city, county and area columns', async () => {
    const read = await readZonesFile(
      geoJson([{ properties: { NAME: 'Daoli', Category: 'III', Doc_No: 'No. 5', EFFECTIVE_DATE: '2024/3/1', Remark: 'r', CITY: '某市', county: '某县', AREA_KM2: '1' } }]),
      'daoli.json',
      importOptions(NOW),
    );
    expect(read.warnings).toEqual([]);
    expect(read.zones[0]).toMatchObject({ name: 'Daoli', category: 'Ⅲ', documentNumber: 'No. 5', effectiveDate: '2024-03-01', notes: 'r' });
  });

  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['45352', '2024-03-01'],
    ['2024-03-01 00:00:00', '2024-03-01'],
  ])('normalises the date %s to %s', async (written, expected) => {
    const read = await readZonesFile(geoJson([{ properties: { 名称: '甲', 类别: 'Ⅰ', 生效日期: written } }]), 'd.geojson', importOptions(NOW));
    expect(read.warnings).toEqual([]);
    expect(read.zones[0]!.effectiveDate).toBe(expected);
  });

  it('imports a zone with an unreadable date without it, warning with the feature and field', async () => {
    const read = await readZonesFile(geoJson([{ properties: { 名称: '甲', 类别: 'Ⅰ' } }, { properties: { 名称: '乙', 类别: 'Ⅰ', 生效日期: '2024-02-30' } }]), 'd.geojson', importOptions(NOW));
    expect(read.zones.map((zone) => zone.effectiveDate)).toEqual(['', '']);
    expect(messagesInEnglish(read.warnings)).toEqual([{ row: 2, field: '生效日期', message: 'feature 2 ("乙"): 生效日期 "2024-02-30" is not a date (write it like 2024-03-01); imported without an effective date' }]);
  });

  it('imports a zone without a category as Ⅲ with a warning that the planner must check it', async () => {
    const read = await readZonesFile(geoJson([{ properties: { 名称: '甲', 类别: 'Ⅰ' } }, { properties: { 名称: '无类别区' } }]), 'c.geojson', importOptions(NOW));
    expect(read.zones.map((zone) => zone.category)).toEqual(['Ⅰ', 'Ⅲ']);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatchObject({ row: 2, field: '类别/category' });
    expect(english(read.warnings[0]!.message)).toMatch(/^feature 2 \("无类别区"\): no fuel category .*imported as Ⅲ.*must check/);
  });

  it('imports an unreadable category as Ⅲ, naming the field as the file writes it and the value', async () => {
    const read = await readZonesFile(geoJson([{ properties: { name: 'x', 燃料类别: '甲类' } }]), 'c.geojson', importOptions(NOW));
    expect(read.zones[0]!.category).toBe('Ⅲ');
    expect(messagesInEnglish(read.warnings)).toEqual([{ row: 1, field: '燃料类别', message: expect.stringMatching(/^feature 1 \("x"\): 燃料类别 "甲类" is not a no-burn zone category .*imported as Ⅲ/) }]);
  });

  it('names a zone without a name 导入区域 <feature number>, with a warning', async () => {
    const read = await readZonesFile(geoJson([{ properties: { 类别: 'Ⅰ' } }, { properties: { 名称: '  ', 类别: 'Ⅱ' } }]), 'n.geojson', importOptions(NOW));
    expect(read.zones.map((zone) => zone.name)).toEqual(['导入区域 1', '导入区域 2']);
    expect(read.warnings.map((warning) => [warning.row, warning.field])).toEqual([[1, '名称/name'], [2, '名称']]);
  });

  it('rejects points and lines naming the feature number, and keeps the polygons', async () => {
    const read = await readZonesFile(
      geoJson([
        { properties: { 名称: '区', 类别: 'Ⅲ' } },
        { properties: { 名称: '泵站' }, geometry: { type: 'Point', coordinates: [126.6, 45.7] } },
        { properties: {}, geometry: { type: 'LineString', coordinates: [[126.6, 45.7], [126.7, 45.8]] } },
      ]),
      'mixed.geojson',
      importOptions(NOW),
    );
    expect(read.zones.map((zone) => zone.name)).toEqual(['区']);
    expect(inEnglish(read.rejected)).toEqual([
      { row: 2, field: 'geometry type', reason: 'feature 2 ("泵站") is a Point, not an area: a no-burn zone must be a polygon; left out', value: 'Point' },
      { row: 3, field: 'geometry type', reason: 'feature 3 is a LineString, not an area: a no-burn zone must be a polygon; left out', value: 'LineString' },
    ]);
  });

  it('passes on what readVectorFile rejected (an unclosed ring) with its feature number', async () => {
    const open = { type: 'Polygon', coordinates: [[[126.6, 45.7], [126.7, 45.7], [126.7, 45.8], [126.6, 45.8]]] };
    const read = await readZonesFile(geoJson([{ properties: { 名称: '好', 类别: 'Ⅲ' } }, { properties: { 名称: '坏' }, geometry: open }]), 'open.geojson', importOptions(NOW));
    expect(read.zones).toHaveLength(1);
    expect(inEnglish(read.rejected)).toEqual([expect.objectContaining({ row: 2, field: 'geometry', reason: expect.stringContaining('is not closed') })]);
  });

  it('turns a KML MultiGeometry of polygons into one MultiPolygon zone', async () => {
    const ring = (lon: number) => square(lon, 45.7)[0]!.map(([x, y]) => `${x},${y}`).join(' ');
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>双块区</name>
      <ExtendedData><Data name="类别"><value>2</value></Data></ExtendedData>
      <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(126.6)}</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(126.8)}</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark></Document></kml>`;
    const read = await readZonesFile(utf8(kml), '双块.kml', importOptions(NOW));
    expect(read.rejected).toEqual([]);
    expect(read.zones[0]).toMatchObject({ name: '双块区', category: 'Ⅱ', geometry: { type: 'MultiPolygon', coordinates: [square(126.6, 45.7), square(126.8, 45.7)] } });
  });

  it('reads a foreign vertex-list CSV (recognised by content, without extension) with its attribute columns', async () => {
    const csv = ['名称,经度,纬度,类别,文号,生效日期', '香坊区,126.70,45.70,三类,香政发〔2023〕2号,2023/10/1', '香坊区,126.72,45.70,,,', '香坊区,126.72,45.72,,,'].join('\n');
    const read = await readZonesFile(utf8(csv), '拐点表', importOptions(NOW));
    expect(read.rejected).toEqual([]);
    expect(read.warnings).toEqual([]);
    expect(read.zones).toEqual([
      {
        id: 'new-1',
        name: '香坊区',
        category: 'Ⅲ',
        documentNumber: '香政发〔2023〕2号',
        effectiveDate: '2023-10-01',
        notes: '',
        geometry: { type: 'Polygon', coordinates: [[[126.7, 45.7], [126.72, 45.7], [126.72, 45.72], [126.7, 45.7]]] },
        provenance: { origin: 'imported', source: '拐点表', createdAt: NOW, updatedAt: NOW },
      },
    ]);
  });

  it('reads an XLSX vertex list, and an unreadable category there is a warning naming the row', async () => {
    const rows = [['名称', '经度', '纬度', '管控类别'], ['平房区', 126.6, 45.6, '甲'], ['平房区', 126.62, 45.6, ''], ['平房区', 126.62, 45.62, '']];
    const blob = await writeXlsxFile(rows.map((row) => row.map((value) => ({ value }))) as never).toBlob();
    const read = await readZonesFile(new Uint8Array(await blob.arrayBuffer()), '平房.xlsx', importOptions(NOW));
    expect(read.zones.map((zone) => [zone.name, zone.category])).toEqual([['平房区', 'Ⅲ']]);
    expect(messagesInEnglish(read.warnings)).toEqual([{ row: 2, field: '管控类别', message: expect.stringMatching(/^row 2 \("平房区"\): 管控类别 "甲" is not a no-burn zone category/) }]);
  });

  it('rethrows the reader’s error, starting with the file name, for a file it cannot read', async () => {
    await expect(readZonesFile(utf8('{"type": "FeatureCollection", "features": [}'), '坏.geojson', importOptions(NOW))).rejects.toThrow(/^坏\.geojson: /);
    await expect(readZonesFile(utf8('经度,纬度\n126,45'), '坏.csv', importOptions(NOW))).rejects.toThrow(/^坏\.csv: no 名称 column/);
  });
});

describe('readZonesFile: files this tool wrote', () => {
  it('keeps ids and provenance of its own zones, and gives a repeated id a new one with a warning', async () => {
    const rows = sampleZoneRows();
    rows[2]!.zone = { ...rows[2]!.zone, id: 'zone-a' };
    const file = await writeZonesFile(rows, 'geojson', { exportedAt: NOW, application: 'hlj-air-map 0.1.0' });
    const options = importOptions(NOW);
    const read = await readZonesFile(file.bytes, 'zones.geojson', options);
    expect(read.zones.map((zone) => zone.id)).toEqual(['zone-a', 'zone-b', 'new-1']);
    expect(read.zones[2]!.provenance).toEqual(rows[2]!.zone.provenance);
    expect(messagesInEnglish(read.warnings)).toEqual([{ row: 3, field: 'id', message: 'feature 3 ("阿城区建议禁燃区"): id "zone-a" is already used by feature 1 of zones.geojson; this zone gets the new id "new-1"' }]);
  });

  it('treats a zone with an id but without provenance as foreign: new id, imported from this file', async () => {
    const read = await readZonesFile(geoJson([{ properties: { id: 'zone-a', name: '甲', category: 'Ⅰ', origin: 'drawn' } }]), 'half.geojson', importOptions(NOW));
    expect(read.zones[0]!.id).toBe('new-1');
    expect(read.zones[0]!.provenance).toEqual({ origin: 'imported', source: 'half.geojson', createdAt: NOW, updatedAt: NOW });
  });

  it('reads its own CSV back with the formula guard removed', async () => {
    const rows = sampleZoneRows();
    rows[0]!.zone = { ...rows[0]!.zone, documentNumber: '=HYPERLINK("x")', notes: '+5 号' };
    const file = await writeZonesFile(rows, 'csv-decimal', { exportedAt: NOW, application: 'hlj-air-map 0.1.0' });
    expect(new TextDecoder().decode(file.bytes)).toContain(`'=HYPERLINK(""x"")`);
    const read = await readZonesFile(file.bytes, 'zones.csv', importOptions(NOW));
    expect(read.zones[0]).toMatchObject({ documentNumber: '=HYPERLINK("x")', notes: '+5 号' });
    expect(read.zones[2]!.notes).toBe('-30℃以下严寒期执行');
  });

  it('reads a KMZ holding its own KML', async () => {
    const kml = await writeZonesFile(sampleZoneRows(), 'kml', { exportedAt: NOW, application: 'hlj-air-map 0.1.0' });
    const read = await readZonesFile(zipSync({ 'doc.kml': kml.bytes }), 'zones.kmz', importOptions(NOW));
    expect(read.zones.map((zone) => zone.id)).toEqual(['zone-a', 'zone-b', 'zone-c']);
    expect(read.zones[1]!.geometry).toEqual(sampleZoneRows()[1]!.zone.geometry);
  });
});

describe('zone-import texts in Chinese and English', () => {
  it('warns in Chinese about an unreadable category, naming the feature, the field and the value', async () => {
    const read = await readZonesFile(geoJson([{ properties: { 名称: '南岗区', 类别: '甲' } }]), '禁燃区.geojson', importOptions());
    const { message } = read.warnings[0]!;
    expect(english(message)).toBe(
      'feature 1 ("南岗区"): 类别 "甲" is not a no-burn zone category (Ⅰ, Ⅱ or Ⅲ); imported as Ⅲ (the strictest category): the planner must check it and set the category of the designating document',
    );
    expect(chinese(message)).toBe('第 1 个要素（“南岗区”）：类别“甲”不是禁燃区类别（Ⅰ、Ⅱ 或 Ⅲ）；已按 Ⅲ 类（最严格）导入：请规划人员核实，并按划定文件设置类别');
  });

  it('says in Chinese that a point is no zone, naming the feature', async () => {
    const read = await readZonesFile(geoJson([{ properties: { 名称: '锅炉房' }, geometry: { type: 'Point', coordinates: [126.6, 45.7] } }]), '点.geojson', importOptions());
    const { reason } = read.rejected[0]!;
    expect(english(reason)).toBe('feature 1 ("锅炉房") is a Point, not an area: a no-burn zone must be a polygon; left out');
    expect(chinese(reason)).toBe('第 1 个要素（“锅炉房”）是 Point，不是面：禁燃区必须是多边形；未导入');
  });
});
