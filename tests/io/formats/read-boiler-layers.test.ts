import type { Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaLayerOf, parseNoBurnCategory, zoneLayerOf } from '../../../src/io/formats/read-boiler-layers.ts';
import { readVectorFile } from '../../../src/io/formats/read-vector-file.ts';
import { shapefileFiles, zipFiles } from '../../helpers/shapefile-zip.ts';
import { ringAround, squareAround } from '../../helpers/square-around.ts';
import { chinese, english, inEnglish } from '../../helpers/in-english.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** 南岗区, 哈尔滨市 and 萨尔图区, 大庆市. */
const HARBIN: [number, number] = [126.65, 45.75];
const DAQING: [number, number] = [125.03, 46.6];

/** A ring whose edges 1 and 3 cross at 126.65, 45.75: a bow-tie. */
const BOW_TIE: Position[] = [[126.64, 45.74], [126.66, 45.76], [126.66, 45.74], [126.64, 45.76], [126.64, 45.74]];

type Properties = Record<string, unknown>;
const feature = (geometry: Geometry | null, properties: Properties = {}) => ({ type: 'Feature', geometry, properties });

function readGeoJson(features: ReturnType<typeof feature>[], fileName: string) {
  return readVectorFile(utf8(JSON.stringify({ type: 'FeatureCollection', features })), fileName);
}

describe('parseNoBurnCategory', () => {
  it('reads Roman numerals, Latin letters, digits and Chinese numerals', () => {
    expect(['Ⅰ', 'Ⅱ', 'Ⅲ'].map(parseNoBurnCategory)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ']);
    expect(['I', 'II', 'III'].map(parseNoBurnCategory)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ']);
    expect(['i', 'ii', 'iii'].map(parseNoBurnCategory)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ']);
    expect(['1', '2', '3'].map(parseNoBurnCategory)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ']);
    expect(['一类', '二类', '三类'].map(parseNoBurnCategory)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ']);
    expect(['一', '二', '三'].map(parseNoBurnCategory)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ']);
  });

  it('reads the category out of the words documents wrap it in', () => {
    expect(parseNoBurnCategory('第Ⅲ类')).toBe('Ⅲ');
    expect(parseNoBurnCategory('第三类')).toBe('Ⅲ');
    expect(parseNoBurnCategory('第3类')).toBe('Ⅲ');
    expect(parseNoBurnCategory('Ⅲ类（严格）')).toBe('Ⅲ');
    expect(parseNoBurnCategory('II类')).toBe('Ⅱ');
    expect(parseNoBurnCategory('2级')).toBe('Ⅱ');
    expect(parseNoBurnCategory('category 3')).toBe('Ⅲ');
    expect(parseNoBurnCategory('Category III')).toBe('Ⅲ');
    expect(parseNoBurnCategory('class 1')).toBe('Ⅰ');
    expect(parseNoBurnCategory('  Ⅱ  ')).toBe('Ⅱ');
  });

  it('names no category for text that names none, and never defaults', () => {
    for (const text of ['', '   ', 'IV', 'Ⅳ', '4', '0', '四类', 'x', '禁燃区', '类', 'category', 'Ⅲ Ⅱ', 'null']) {
      expect(parseNoBurnCategory(text), JSON.stringify(text)).toBeNull();
    }
  });

  // BUG (src/io/read-boiler-layers.ts, CATEGORY_WORDS is a plain object literal looked up with `CATEGORY_WORDS[core]`):
  // text equal to an Object.prototype member reads as a "category".
  it('names no category for words that are members of every JavaScript object (constructor, __proto__)', () => {
    expect(parseNoBurnCategory('constructor')).toBeNull();
    expect(parseNoBurnCategory('__proto__')).toBeNull();
  });
});

describe('areaLayerOf', () => {
  it('turns polygons into areas named from 名称, name or NAME, else after the file and feature number', async () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [[ringAround(...HARBIN, 0.01)], [ringAround(...DAQING, 0.01)]] };
    const file = await readGeoJson(
      [
        feature(squareAround(...HARBIN, 0.01), { 名称: '南岗供热区', name: 'Nangang' }),
        feature(squareAround(...DAQING, 0.01), { name: 'Daqing coverage' }),
        feature(squareAround(...HARBIN, 0.02), { NAME: 'HARBIN WIDE' }),
        feature(multi, { 备注: '无名' }),
        feature(squareAround(...DAQING, 0.02), { 名称: '  ', name: '' }),
      ],
      '供热覆盖.geojson',
    );
    const layer = areaLayerOf(file);
    expect(layer.rejected).toEqual([]);
    expect(layer.pipelines).toEqual([]);
    expect(layer.areas).toEqual([
      { name: '南岗供热区', geometry: squareAround(...HARBIN, 0.01) },
      { name: 'Daqing coverage', geometry: squareAround(...DAQING, 0.01) },
      { name: 'HARBIN WIDE', geometry: squareAround(...HARBIN, 0.02) },
      { name: '供热覆盖.geojson #4', geometry: multi },
      { name: '供热覆盖.geojson #5', geometry: squareAround(...DAQING, 0.02) },
    ]);
  });

  it('turns LineStrings and MultiLineStrings into named pipelines', async () => {
    const line: Position[] = [[126.64, 45.75], [126.66, 45.75]];
    const lines: Position[][] = [[[125.02, 46.6], [125.04, 46.6]], [[125.03, 46.59], [125.03, 46.61]]];
    const file = await readGeoJson(
      [
        feature({ type: 'LineString', coordinates: line }, { 管网名称: '一号主管网' }),
        feature({ type: 'MultiLineString', coordinates: lines }, { name: '大庆管网' }),
        feature({ type: 'LineString', coordinates: line }),
      ],
      'pipes.geojson',
    );
    const layer = areaLayerOf(file);
    expect(layer.rejected).toEqual([]);
    expect(layer.areas).toEqual([]);
    expect(layer.pipelines).toEqual([
      { name: '一号主管网', lines: [line] },
      { name: '大庆管网', lines },
      { name: 'pipes.geojson #3', lines: [line] },
    ]);
  });

  it('rejects a point with its feature number and a reason, keeping the other features', async () => {
    const file = await readGeoJson(
      [
        feature(squareAround(...HARBIN, 0.01), { name: 'kept' }),
        feature({ type: 'Point', coordinates: HARBIN }, { name: '锅炉房' }),
        feature({ type: 'MultiPoint', coordinates: [HARBIN, DAQING] }),
      ],
      'mixed.geojson',
    );
    const layer = areaLayerOf(file);
    expect(layer.areas.map((area) => area.name)).toEqual(['kept']);
    expect(inEnglish(layer.rejected)).toEqual([
      { row: 2, field: 'geometry', reason: expect.stringMatching(/^a Point has no area: draw the area as a polygon/), value: 'Point' },
      { row: 3, field: 'geometry', reason: expect.stringMatching(/^a MultiPoint has no area/), value: 'MultiPoint' },
    ]);
  });

  it('rejects a self-intersecting polygon, saying where it crosses, and repairs nothing', async () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [BOW_TIE] };
    const file = await readGeoJson([feature(bowTie, { 名称: '蝴蝶结' }), feature(squareAround(...DAQING, 0.01), { 名称: '大庆' })], 'bow.geojson');
    expect(file.rejected).toEqual([]); // the file reader checks closure and ranges, not crossings
    const layer = areaLayerOf(file);
    expect(layer.areas.map((area) => area.name)).toEqual(['大庆']);
    expect(layer.pipelines).toEqual([]);
    expect(layer.rejected).toHaveLength(1);
    expect(layer.rejected[0]).toMatchObject({ row: 1, field: 'geometry', value: 'Polygon' });
    expect(english(layer.rejected[0]!.reason)).toContain('crosses itself near 126.650000, 45.750000');
    expect(english(layer.rejected[0]!.reason)).toMatch(/fix the polygon in your GIS/);
    expect(file.features[0]!.geometry).toEqual(bowTie); // the feature itself is left as it was
  });

  it('rejects a MultiPolygon when any ring of any part crosses itself, holes included', async () => {
    const crossingHole: Position[] = [[126.645, 45.745], [126.655, 45.755], [126.655, 45.745], [126.645, 45.755], [126.645, 45.745]];
    const file = await readGeoJson(
      [
        feature({ type: 'MultiPolygon', coordinates: [[ringAround(...DAQING, 0.01)], [BOW_TIE]] }),
        feature({ type: 'Polygon', coordinates: [ringAround(...HARBIN, 0.02), crossingHole] }),
      ],
      'multi.geojson',
    );
    const layer = areaLayerOf(file);
    expect(layer.areas).toEqual([]);
    expect(layer.rejected.map((r) => [r.row, r.value])).toEqual([[1, 'MultiPolygon'], [2, 'Polygon']]);
    expect(english(layer.rejected[0]!.reason)).toContain('126.650000, 45.750000');
    expect(english(layer.rejected[1]!.reason)).toContain('126.650000, 45.750000');
  });

  it("carries the file's own rejections along and lists every rejection by feature number", async () => {
    const file = await readGeoJson(
      [
        feature({ type: 'Point', coordinates: HARBIN }),
        feature({ type: 'Polygon', coordinates: [[[12665000, 5070000], [12666000, 5070000], [12666000, 5071000], [12665000, 5070000]]] }),
        feature(squareAround(...HARBIN, 0.01), { name: 'good' }),
        feature({ type: 'Polygon', coordinates: [BOW_TIE] }),
        feature(null),
        feature({ type: 'LineString', coordinates: [[126.6, 45.7], [126.7, 45.7]] }, { name: 'pipe' }),
      ],
      'layer.geojson',
    );
    expect(file.rejected.map((r) => r.row)).toEqual([2, 5]);
    const layer = areaLayerOf(file);
    expect(layer.areas.map((area) => area.name)).toEqual(['good']);
    expect(layer.pipelines.map((pipeline) => pipeline.name)).toEqual(['pipe']);
    expect(layer.rejected.map((r) => r.row)).toEqual([1, 2, 4, 5]);
    expect(layer.rejected[1]).toEqual(file.rejected[0]);
    expect(english(layer.rejected[1]!.reason)).toMatch(/longitude 12665000 is outside -180…180/);
    expect(layer.rejected[3]).toEqual(file.rejected[1]);
    expect(file.rejected.map((r) => r.row)).toEqual([2, 5]); // the file's list is not reordered or extended
  });

  it('reads a KML layer: placemark names become area and pipeline names', async () => {
    const ring = ringAround(...HARBIN, 0.01).map((p) => p.join(',')).join(' ');
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>供热</name>
  <Placemark><name>南岗供热区</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
  <Placemark><name>一号主管网</name><LineString><coordinates>126.64,45.75 126.66,45.75</coordinates></LineString></Placemark>
  <Placemark><name>换热站</name><Point><coordinates>126.65,45.75</coordinates></Point></Placemark>
</Document></kml>`;
    const layer = areaLayerOf(await readVectorFile(utf8(kml), '供热.kml'));
    expect(layer.areas).toEqual([{ name: '南岗供热区', geometry: squareAround(...HARBIN, 0.01) }]);
    expect(layer.pipelines).toEqual([{ name: '一号主管网', lines: [[[126.64, 45.75], [126.66, 45.75]]] }]);
    expect(layer.rejected.map((r) => [r.row, r.value])).toEqual([[3, 'Point']]);
  });
});

describe('zoneLayerOf', () => {
  it('reads a KML MultiGeometry of two polygons (a zone in two parts, as Google Earth writes it) as one MultiPolygon zone', async () => {
    const polygon = (lon: number) => `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ringAround(lon, HARBIN[1], 0.01).map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>两块</name><ExtendedData><Data name="类别"><value>Ⅲ</value></Data></ExtendedData><MultiGeometry>${polygon(126.6)}${polygon(126.7)}</MultiGeometry></Placemark>
</Document></kml>`;
    const layer = zoneLayerOf(await readVectorFile(utf8(kml), '禁燃区.kml'));
    expect(layer.rejected).toEqual([]);
    expect(layer.zones).toEqual([
      { name: '两块', category: 'Ⅲ', geometry: { type: 'MultiPolygon', coordinates: [[ringAround(126.6, HARBIN[1], 0.01)], [ringAround(126.7, HARBIN[1], 0.01)]] } },
    ]);
  });

  it('reads the category from category, 类别, 燃料类别 and the other category fields', async () => {
    const file = await readGeoJson(
      [
        feature(squareAround(...HARBIN, 0.01), { name: 'A', category: 'III' }),
        feature(squareAround(...HARBIN, 0.02), { 名称: 'B', 类别: 3 }),
        feature(squareAround(...HARBIN, 0.03), { 名称: 'C', 燃料类别: '二类' }),
        feature(squareAround(...DAQING, 0.01), { 名称: 'D', 禁燃区类别: '第Ⅰ类' }),
        feature(squareAround(...DAQING, 0.02), { 名称: 'E', 管控类别: 'Ⅱ' }),
        feature(squareAround(...DAQING, 0.03), { MC: 'F', LB: '1' }),
        feature(squareAround(...DAQING, 0.04), { 名称: 'G', Category: 'category 3', 类别: 'Ⅰ' }),
        feature(squareAround(...DAQING, 0.05), { 名称: 'H', category: ' ', 类别: 'Ⅲ类（严格）' }),
      ],
      'zones.geojson',
    );
    const layer = zoneLayerOf(file);
    expect(layer.rejected).toEqual([]);
    expect(layer.zones.map((zone) => [zone.name, zone.category])).toEqual([
      ['A', 'Ⅲ'],
      ['B', 'Ⅲ'],
      ['C', 'Ⅱ'],
      ['D', 'Ⅰ'],
      ['E', 'Ⅱ'],
      ['F', 'Ⅰ'],
      ['G', 'Ⅲ'],
      ['H', 'Ⅲ'],
    ]);
    expect(layer.zones[0]!.geometry).toEqual(squareAround(...HARBIN, 0.01));
  });

  it('rejects a zone without a category and one with an unreadable category, naming the feature and field, with no default', async () => {
    const file = await readGeoJson(
      [
        feature(squareAround(...HARBIN, 0.01), { 名称: '无类别' }),
        feature(squareAround(...HARBIN, 0.02), { 名称: '写错', 类别: '高污染' }),
        feature(squareAround(...HARBIN, 0.03), { 名称: '好', 类别: 'Ⅱ' }),
        feature(squareAround(...HARBIN, 0.04), { 名称: '空', category: '' }),
        feature(squareAround(...HARBIN, 0.05), { 名称: '四类', 燃料类别: 'IV' }),
      ],
      'zones.geojson',
    );
    const layer = zoneLayerOf(file);
    expect(layer.zones.map((zone) => zone.name)).toEqual(['好']);
    expect(inEnglish(layer.rejected)).toEqual([
      { row: 1, field: 'category', reason: 'no fuel category: add a property "category" (类别) with Ⅰ, Ⅱ or Ⅲ', value: '' },
      { row: 2, field: '类别', reason: '"高污染" is not a no-burn zone category: write Ⅰ, Ⅱ or Ⅲ', value: '高污染' },
      { row: 4, field: 'category', reason: 'no fuel category: add a property "category" (类别) with Ⅰ, Ⅱ or Ⅲ', value: '' },
      { row: 5, field: '燃料类别', reason: '"IV" is not a no-burn zone category: write Ⅰ, Ⅱ or Ⅲ', value: 'IV' },
    ]);
  });

  it('rejects lines, points and self-intersecting polygons, and carries the file rejections, by feature number', async () => {
    const file = await readGeoJson(
      [
        feature({ type: 'MultiLineString', coordinates: [[[126.6, 45.7], [126.7, 45.7]]] }, { 类别: 'Ⅲ' }),
        feature({ type: 'Polygon', coordinates: [BOW_TIE] }, { 类别: 'Ⅲ' }),
        feature(squareAround(...HARBIN, 0.01), { 名称: 'ok', 类别: 'Ⅲ' }),
        feature({ type: 'Point', coordinates: [126.65, 95] }, { 类别: 'Ⅲ' }),
        feature({ type: 'LineString', coordinates: [[126.6, 45.7], [126.7, 45.7]] }, { 类别: 'Ⅲ' }),
        feature({ type: 'Point', coordinates: HARBIN }, { 类别: 'Ⅲ' }),
      ],
      'zones.geojson',
    );
    const layer = zoneLayerOf(file);
    expect(layer.zones.map((zone) => [zone.name, zone.category])).toEqual([['ok', 'Ⅲ']]);
    expect(layer.rejected.map((r) => [r.row, r.field, r.value])).toEqual([
      [1, 'geometry', 'MultiLineString'],
      [2, 'geometry', 'Polygon'],
      [4, 'geometry', '126.65, 95'],
      [5, 'geometry', 'LineString'],
      [6, 'geometry', 'Point'],
    ]);
    expect(english(layer.rejected[0]!.reason)).toBe('a line has no area: a no-burn zone must be a polygon');
    expect(english(layer.rejected[1]!.reason)).toContain('crosses itself near 126.650000, 45.750000');
    expect(english(layer.rejected[2]!.reason)).toMatch(/latitude 95 is outside -90…90/);
    expect(english(layer.rejected[3]!.reason)).toBe('a line has no area: a no-burn zone must be a polygon');
    expect(english(layer.rejected[4]!.reason)).toMatch(/^a Point has no area/);
  });

  it('reads zones from KML extended data and from a zipped shapefile with a GBK .dbf', async () => {
    const ring = ringAround(...HARBIN, 0.01).map((p) => p.join(',')).join(' ');
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>南岗禁燃区</name><ExtendedData><Data name="燃料类别"><value>III</value></Data></ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
  <Placemark><name>没写类别</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;
    const fromKml = zoneLayerOf(await readVectorFile(utf8(kml), '禁燃区.kml'));
    expect(fromKml.zones).toEqual([{ name: '南岗禁燃区', category: 'Ⅲ', geometry: squareAround(...HARBIN, 0.01) }]);
    expect(inEnglish(fromKml.rejected)).toEqual([{ row: 2, field: 'category', reason: expect.stringMatching(/^no fuel category/), value: '' }]);

    // Shapefile outer rings run clockwise.
    const clockwise = (lon: number, lat: number, half: number) => ringAround(lon, lat, half).reverse();
    const zip = zipFiles(
      shapefileFiles({
        name: 'no_burn_zones',
        shapes: [{ polygon: [clockwise(...DAQING, 0.01)] }, { polygon: [clockwise(...HARBIN, 0.01)] }],
        fields: [{ name: '名称', type: 'C', length: 40 }, { name: '类别', type: 'C', length: 10 }],
        records: [['萨尔图区禁燃区', '二类'], ['南岗区禁燃区', '']],
        encoding: 'gbk',
        cpg: 'GBK',
      }),
    );
    const fromShapefile = zoneLayerOf(await readVectorFile(zip, 'zones.zip'));
    expect(fromShapefile.zones.map((zone) => [zone.name, zone.category])).toEqual([['萨尔图区禁燃区', 'Ⅱ']]);
    expect(inEnglish(fromShapefile.rejected)).toEqual([{ row: 2, field: 'category', reason: expect.stringMatching(/^no fuel category/), value: '' }]);
  });
});

describe('audit-layer texts in Chinese and English', () => {
  it('says in Chinese where a polygon crosses itself and why a zone has no category, in English as before', async () => {
    const file = await readGeoJson(
      [feature({ type: 'Polygon', coordinates: [BOW_TIE] }, { 类别: 'Ⅲ' }), feature(squareAround(...DAQING, 0.01), { 类别: '高污染' })],
      '禁燃区.geojson',
    );
    const [crossing, category] = zoneLayerOf(file).rejected;
    expect(english(crossing!.reason)).toBe('the outline crosses itself near 126.650000, 45.750000: fix the polygon in your GIS and import it again');
    expect(chinese(crossing!.reason)).toBe('边界在 126.650000, 45.750000 附近自相交：请在 GIS 软件中修正该多边形后重新导入');
    expect(english(category!.reason)).toBe('"高污染" is not a no-burn zone category: write Ⅰ, Ⅱ or Ⅲ');
    expect(chinese(category!.reason)).toBe('“高污染”不是禁燃区类别：请填写 Ⅰ、Ⅱ 或 Ⅲ');
  });
});
