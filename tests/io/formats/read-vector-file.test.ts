import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { zipSync } from 'fflate';
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/core/text/text.ts';
import { readVectorFile, VectorFileError, type VectorFile } from '../../../src/io/formats/read-vector-file.ts';
import { encodeGbk, shapefileFiles, zipFiles, zipFilesWithGbkNames, type TestLayer } from '../../helpers/shapefile-zip.ts';
import { chinese, english, inEnglish } from '../../helpers/in-english.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function readError(bytes: Uint8Array, fileName: string): Promise<VectorFileError> {
  const error = await readVectorFile(bytes, fileName).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VectorFileError);
  return error as VectorFileError;
}

function ringOf(file: VectorFile, index: number): Position[] {
  return (file.features[index]!.geometry as Polygon).coordinates[0]!;
}

describe('GeoJSON', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[126.5, 45.7], [126.7, 45.7], [126.7, 45.8], [126.5, 45.8], [126.5, 45.7]]] }, properties: { 名称: '哈尔滨禁燃区', 类别: 3, 面积: 12.5, 备注: null, 有效: true, 来源: { 文号: '黑政发〔2023〕19号' } } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [126.65, 45.75] }, properties: { name: '<b>site</b>' } },
    ],
  };

  it('reads a polygon and a point with every property as a string', async () => {
    const file = await readVectorFile(utf8(JSON.stringify(collection)), 'zones.geojson');
    expect(file.format).toBe('geojson');
    expect(render(file.crs, 'en')).toBe('WGS84 (GeoJSON)');
    expect(file.rejected).toEqual([]);
    expect(file.features.map((f) => [f.number, f.layer, f.geometry.type])).toEqual([[1, '', 'Polygon'], [2, '', 'Point']]);
    expect(ringOf(file, 0)).toEqual([[126.5, 45.7], [126.7, 45.7], [126.7, 45.8], [126.5, 45.8], [126.5, 45.7]]);
    expect(file.features[0]!.properties).toEqual({ 名称: '哈尔滨禁燃区', 类别: '3', 面积: '12.5', 备注: '', 有效: 'true', 来源: '{"文号":"黑政发〔2023〕19号"}' });
    expect(file.features[1]!.properties).toEqual({ name: '<b>site</b>' });
  });

  it('reads a single Feature and a bare geometry, with a BOM and leading whitespace', async () => {
    const feature = await readVectorFile(utf8(`\uFEFF \n${JSON.stringify(collection.features[1])}`), 'site.json');
    expect(feature.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [126.65, 45.75] });
    const bare = await readVectorFile(utf8('{"type":"LineString","coordinates":[[126,45],[127,46]]}'), 'line.json');
    expect(bare.features).toEqual([{ geometry: { type: 'LineString', coordinates: [[126, 45], [127, 46]] }, properties: {}, number: 1, layer: '' }]);
  });

  it('reads GBK text', async () => {
    const bytes = encodeGbk('{"type":"Feature","geometry":{"type":"Point","coordinates":[126,45]},"properties":{"县":"宾县"}}');
    const file = await readVectorFile(bytes, 'gbk.geojson');
    expect(file.features[0]!.properties).toEqual({ 县: '宾县' });
  });

  it('rejects bad geometries by feature number and keeps the rest as they are', async () => {
    const features = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [126, 45] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [200.5, 45.1] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[126, 45], [127, 45], [127, 46], [126, 46]]] }, properties: {} },
      { type: 'Feature', geometry: null, properties: {} },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[126, 45], [127, 45], [126, 45]]] }, properties: {} },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[126, 45], [126, Number.NaN]] }, properties: {} },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[126, 45], [127, 45], [127, 46], [126, 45]]], [[[126, 45], [126, 95], [127, 46], [126, 45]]]] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[126, 45], [127, 45], [127, 46], [126, 45]]] }, properties: { ok: 1 } },
    ];
    const file = await readVectorFile(utf8(JSON.stringify({ type: 'FeatureCollection', features })), 'mixed.geojson');
    expect(file.features.map((f) => f.number)).toEqual([1, 8]);
    expect(file.rejected.map((r) => [r.row, r.field])).toEqual([[2, 'geometry'], [3, 'geometry'], [4, 'geometry'], [5, 'geometry'], [6, 'geometry'], [7, 'geometry']]);
    const [outOfRange, unclosed, missing, short, notFinite, inMulti] = file.rejected;
    expect(english(outOfRange!.reason)).toMatch(/^longitude 200.5 is outside -180…180/);
    expect(outOfRange!.value).toBe('200.5, 45.1');
    expect(english(unclosed!.reason)).toMatch(/^ring 1: is not closed/);
    expect(unclosed!.value).toBe('126, 45 … 126, 46');
    expect(english(missing!.reason)).toMatch(/no geometry/);
    expect(english(short!.reason)).toMatch(/has 3 position\(s\); a closed ring needs at least 4/);
    expect(english(notFinite!.reason)).toMatch(/latitude is not a finite number/); // JSON.stringify writes NaN as null
    expect(english(inMulti!.reason)).toMatch(/^polygon 2: ring 1: latitude 95 is outside -90…90/);
  });

  it('reprojects a legacy "crs" naming a CGCS2000 Gauss-Krüger EPSG code', async () => {
    const [x, y] = proj4('+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', [129.6, 44.55]);
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4531' } }, features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: {} }] });
    const file = await readVectorFile(utf8(text), 'gk.geojson');
    expect(render(file.crs, 'en')).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 43 (EPSG:4531) → WGS84');
    const [lon, lat] = file.features[0]!.geometry.type === 'Point' ? file.features[0]!.geometry.coordinates : [];
    expect(Math.abs(lon! - 129.6)).toBeLessThan(1e-6);
    expect(Math.abs(lat! - 44.55)).toBeLessThan(1e-6);
  });

  it('names the file and the place of a JSON syntax error', async () => {
    const error = await readError(utf8('{"type": "FeatureCollection",\n  "features": [,]}'), 'broken.geojson');
    expect(error.message).toMatch(/^broken\.geojson: not valid JSON at line 2, column 16 /);
    const cut = await readError(utf8('{"type": "FeatureCollection", "features": ['), 'cut.geojson');
    expect(cut.message).toMatch(/^cut\.geojson: not valid JSON at the end of the file/);
  });

  it('refuses empty files and collections without features', async () => {
    expect((await readError(new Uint8Array(0), 'empty.geojson')).message).toMatch(/^empty\.geojson: the file is empty/);
    expect((await readError(utf8(' \r\n '), 'blank.geojson')).message).toMatch(/^blank\.geojson: the file is empty/);
    expect((await readError(utf8('{"type":"FeatureCollection","features":[]}'), 'none.geojson')).message).toMatch(/^none\.geojson: the FeatureCollection has no features/);
    expect((await readError(utf8('{"name":"x"}'), 'other.json')).message).toMatch(/^other\.json: JSON but not GeoJSON/);
    expect((await readError(utf8('lon,lat\n126,45'), 'points.csv')).message).toMatch(/^points\.csv: not GeoJSON, KML, KMZ or a zipped shapefile/);
  });
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>禁燃区</name>
    <Folder>
      <name>哈尔滨市</name>
      <Placemark>
        <name>道里区 I类</name>
        <description><![CDATA[<p onclick="alert(1)">高污染燃料禁燃区</p>]]></description>
        <ExtendedData>
          <Data name="燃料类别"><value>II</value></Data>
          <Data name="面积"><value>12.5</value></Data>
        </ExtendedData>
        <Polygon><outerBoundaryIs><LinearRing>
          <coordinates>126.5,45.7,0 126.7,45.7,0 126.7,45.8,0 126.5,45.8,0 126.5,45.7,0</coordinates>
        </LinearRing></outerBoundaryIs></Polygon>
      </Placemark>
    </Folder>
    <Placemark>
      <name>监测点 &amp; 站</name>
      <Point><coordinates>126.65,45.75</coordinates></Point>
    </Placemark>
  </Document>
</kml>`;

describe('KML and KMZ', () => {
  it('togeojson converts a document parsed by xmldom, with no DOM globals present', () => {
    expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
    const document = new DOMParser().parseFromString(KML, 'text/xml');
    const collection = kmlToGeoJson(document);
    expect(collection.features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'Point']);
    expect(collection.features[0]!.properties!['燃料类别']).toBe('II');
  });

  it('reads Placemark polygons and points with ExtendedData, folder and document names as layers', async () => {
    const file = await readVectorFile(utf8(KML), 'zones.kml');
    expect(file.format).toBe('kml');
    expect((await readVectorFile(utf8(`\r\n  ${KML}`), 'spaced.kml')).features.length).toBe(2);
    expect(render(file.crs, 'en')).toBe('WGS84 (KML)');
    expect(file.rejected).toEqual([]);
    expect(file.features.map((f) => [f.number, f.layer, f.geometry.type])).toEqual([[1, '哈尔滨市', 'Polygon'], [2, '禁燃区', 'Point']]);
    expect(ringOf(file, 0)).toEqual([[126.5, 45.7, 0], [126.7, 45.7, 0], [126.7, 45.8, 0], [126.5, 45.8, 0], [126.5, 45.7, 0]]);
    expect(file.features[0]!.properties).toMatchObject({ name: '道里区 I类', 燃料类别: 'II', 面积: '12.5', description: '<p onclick="alert(1)">高污染燃料禁燃区</p>' });
    expect(file.features[1]!.properties['name']).toBe('监测点 & 站');
    expect(file.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [126.65, 45.75] });
  });

  it('rejects an unclosed ring and an unreadable coordinate instead of repairing them', async () => {
    const placemark = (coordinates: string) => `<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const text = `<kml><Document>${placemark('126,45 127,45 127,46 126,46')}${placemark('126,45 127,45 127,46 126,45')}${placemark('126,45 127, 45 127,46 126,45')}<Placemark><name>empty</name></Placemark></Document></kml>`;
    const file = await readVectorFile(utf8(text), 'rings.kml');
    expect(file.features.map((f) => f.number)).toEqual([2]);
    expect(file.rejected.map((r) => [r.row, r.field, r.value])).toEqual([[1, 'geometry', '126, 45 … 126, 46'], [3, 'geometry', '127,'], [4, 'geometry', '']]);
    expect(english(file.rejected[0]!.reason)).toMatch(/^LinearRing is not closed/);
    expect(english(file.rejected[2]!.reason)).toMatch(/no geometry/);
  });

  it('names the file, line and column of malformed XML', async () => {
    const error = await readError(utf8('\n<?xml version="1.0"?>\n<kml>\n  <Document>\n    <Placemark></Document>\n</kml>'), 'bad.kml');
    expect(error.message).toMatch(/^bad\.kml: not well-formed XML at line 5, column \d+ \(.*mismatch/);
    expect((await readError(utf8('<gpx><trk/></gpx>'), 'track.gpx')).message).toMatch(/^track\.gpx: XML but not KML \(its root element is <gpx>\)/);
    expect((await readError(utf8('<kml><Document/></kml>'), 'nothing.kml')).message).toMatch(/^nothing\.kml: a KML file without any Placemark/);
  });

  it('reads the doc.kml inside a KMZ', async () => {
    const kmz = zipSync({ 'files/icon.png': new Uint8Array([137, 80, 78, 71]), 'doc.kml': utf8(KML) });
    const file = await readVectorFile(kmz, 'zones.kmz');
    expect(file.format).toBe('kmz');
    expect(file.features.map((f) => [f.layer, f.properties['name']])).toEqual([['哈尔滨市', '道里区 I类'], ['禁燃区', '监测点 & 站']]);
    expect(ringOf(file, 0)[2]).toEqual([126.7, 45.8, 0]);
  });
});

const CGCS2000_GEOGRAPHIC = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const gkPrj = (name: string, falseEasting: number, centralMeridian: number) =>
  `PROJCS["${name}",${CGCS2000_GEOGRAPHIC},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian}.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const BEIJING_1954_GK = 'PROJCS["Beijing_1954_3_Degree_GK_Zone_43",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",43500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",129.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Two zones near 牡丹江 in longitude/latitude; outer rings clockwise as shapefiles store them. */
const ZONES_LON_LAT: Position[][][] = [
  [[[129.5, 44.5], [129.5, 44.6], [129.7, 44.6], [129.7, 44.5], [129.5, 44.5]]],
  [[[130.2, 45.2], [130.2, 45.4], [130.4, 45.4], [130.4, 45.2], [130.2, 45.2]], [[130.25, 45.25], [130.35, 45.25], [130.35, 45.35], [130.25, 45.35], [130.25, 45.25]]],
];

function zonesLayer(overrides: Partial<TestLayer> = {}): TestLayer {
  return {
    name: 'no_burn_zones',
    shapes: ZONES_LON_LAT.map((polygon) => ({ polygon })),
    fields: [{ name: '名称', type: 'C', length: 40 }, { name: '类别', type: 'N', length: 4 }, { name: 'ADCODE', type: 'N', length: 19 }, { name: 'AREA', type: 'N', length: 19 }, { name: '划定日期', type: 'D', length: 8 }],
    records: [['牡丹江市东安区禁燃区', '3', '231002000000000001', '1.25000000000e+001', '20240305'], ['穆棱市', '2', '231085', '', '']],
    encoding: 'gbk',
    prj: CGCS2000_GEOGRAPHIC,
    cpg: 'GBK',
    ...overrides,
  };
}

describe('zipped shapefiles', () => {
  it('reads polygons with holes and a GBK .dbf named by its .cpg, in geographic CGCS2000', async () => {
    const file = await readVectorFile(zipFiles(shapefileFiles(zonesLayer())), 'zones.zip');
    expect(file.format).toBe('shapefile-zip');
    expect(render(file.crs, 'en')).toBe('CGCS2000 longitude/latitude (.prj), used as WGS84');
    expect(file.rejected).toEqual([]);
    expect(file.features.map((f) => [f.number, f.layer])).toEqual([[1, 'no_burn_zones'], [2, 'no_burn_zones']]);
    expect(file.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: ZONES_LON_LAT[0] });
    expect(file.features[1]!.geometry).toEqual({ type: 'Polygon', coordinates: ZONES_LON_LAT[1] });
    // Integers stay digit for digit, ArcGIS's exponent form becomes a plain number, blanks become ''.
    expect(file.features[0]!.properties).toEqual({ 名称: '牡丹江市东安区禁燃区', 类别: '3', ADCODE: '231002000000000001', AREA: '12.5', 划定日期: '2024-03-05' });
    expect(file.features[1]!.properties).toEqual({ 名称: '穆棱市', 类别: '2', ADCODE: '231085', AREA: '', 划定日期: '' });
  });

  it('falls back to GBK without a .cpg when the .dbf is not valid UTF-8, and keeps UTF-8 when it is', async () => {
    const gbk = await readVectorFile(zipFiles(shapefileFiles(zonesLayer({ cpg: undefined }))), 'gbk.zip');
    expect(gbk.features.map((f) => f.properties['名称'])).toEqual(['牡丹江市东安区禁燃区', '穆棱市']);
    const utf8Layer = await readVectorFile(zipFiles(shapefileFiles(zonesLayer({ cpg: undefined, encoding: 'utf-8' }))), 'utf8.zip');
    expect(utf8Layer.features.map((f) => f.properties['名称'])).toEqual(['牡丹江市东安区禁燃区', '穆棱市']);
    // '划定日期' is 12 bytes in UTF-8: the writer cut it at 10, inside '期'.
    expect(utf8Layer.features[0]!.properties['划定日']).toBe('2024-03-05');
    const ansi = await readVectorFile(zipFiles(shapefileFiles(zonesLayer({ cpg: 'ANSI 936' }))), 'ansi.zip');
    expect(ansi.features[1]!.properties['名称']).toBe('穆棱市');
  });

  describe('reprojects CGCS2000 Gauss-Krüger to within 1e-6° of the points it was made from', () => {
    const cases = [
      { prj: gkPrj('CGCS2000_3_Degree_GK_Zone_43', 43500000, 129), proj: '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', crs: 'CGCS2000 / 3-degree Gauss-Kruger zone 43 (EPSG:4531) → WGS84' },
      { prj: gkPrj('CGCS2000_3_Degree_GK_CM_129E', 500000, 129), proj: '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', crs: 'CGCS2000 / 3-degree Gauss-Kruger CM 129E (EPSG:4552) → WGS84' },
      { prj: gkPrj('CGCS2000_GK_Zone_22', 22500000, 129), proj: '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=22500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', crs: 'CGCS2000 / Gauss-Kruger zone 22 (EPSG:4500) → WGS84' },
      { prj: 'CGCS2000_3_Degree_GK_Zone_43', proj: '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', crs: 'CGCS2000 / 3-degree Gauss-Kruger zone 43 (EPSG:4531) → WGS84' },
      {
        prj: `PROJCS["unnamed",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",130.5],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]`,
        proj: '+proj=tmerc +lat_0=0 +lon_0=130.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
        crs: 'CGCS2000 Transverse Mercator (central meridian 130.5°, false easting 500000 m, scale 1) → WGS84',
      },
    ];
    for (const { prj, proj, crs } of cases) {
      it(crs, async () => {
        const forward = (position: Position) => proj4(proj, position.slice(0, 2));
        const shapes = ZONES_LON_LAT.map((polygon) => ({ polygon: polygon.map((ring) => ring.map(forward)) }));
        const file = await readVectorFile(zipFiles(shapefileFiles(zonesLayer({ shapes, prj }))), 'gk.zip');
        expect(render(file.crs, 'en')).toBe(crs);
        expect(file.rejected).toEqual([]);
        file.features.forEach((feature, f) => {
          const rings = (feature.geometry as Polygon).coordinates;
          expect(rings.length).toBe(ZONES_LON_LAT[f]!.length);
          rings.forEach((ring, r) => ring.forEach(([lon, lat], p) => {
            const [expectedLon, expectedLat] = ZONES_LON_LAT[f]![r]![p]!;
            expect(Math.abs(lon! - expectedLon!)).toBeLessThan(1e-6);
            expect(Math.abs(lat! - expectedLat!)).toBeLessThan(1e-6);
          }));
        });
      });
    }

    it('puts the central meridian of zone 43 at easting 43 500 000 m', async () => {
      const file = await readVectorFile(zipFiles(shapefileFiles(zonesLayer({ shapes: [{ point: [43500000, 0] }, { point: [43500000, 4984944.378] }], prj: gkPrj('CGCS2000_3_Degree_GK_Zone_43', 43500000, 129) }))), 'cm.zip');
      expect(file.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [129, 0] });
      const [lon, lat] = file.features[1]!.geometry.type === 'Point' ? file.features[1]!.geometry.coordinates : [];
      expect(lon).toBeCloseTo(129, 9);
      expect(lat).toBeCloseTo(45, 6); // meridian arc to 45° on GRS80: 4 984 944.378 m
    });
  });

  it('refuses an unknown projection, naming the file, the .prj and what to do', async () => {
    const beijing = await readError(zipFiles(shapefileFiles(zonesLayer({ prj: BEIJING_1954_GK }))), 'old.zip');
    expect(beijing.message).toMatch(/^old\.zip: no_burn_zones\.prj describes "Beijing_1954_3_Degree_GK_Zone_43", which this reader cannot convert \(Beijing 1954 and Xian 1980 need local transformation parameters\)/);
    expect(beijing.message).toMatch(/Re-project the layer to CGCS2000 \(EPSG:4490\) or WGS84 \(EPSG:4326\)/);
    const lambert = 'PROJCS["Asia_Lambert_Conformal_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",105.0],UNIT["Meter",1.0]]';
    const conic = await readError(zipFiles(shapefileFiles(zonesLayer({ prj: lambert }))), 'conic.zip');
    expect(conic.message).toMatch(/^conic\.zip: no_burn_zones\.prj describes "Asia_Lambert_Conformal_Conic" \(Lambert_Conformal_Conic\), which this reader cannot convert/);
  });

  it('accepts a layer without .prj when every coordinate is longitude/latitude, and asks for the .prj otherwise', async () => {
    const lonLat = await readVectorFile(zipFiles(shapefileFiles(zonesLayer({ prj: undefined }))), 'noprj.zip');
    expect(render(lonLat.crs, 'en')).toMatch(/^no \.prj: coordinates read as WGS84 longitude\/latitude/);
    expect(render(lonLat.crs, 'zh')).toBe('没有 .prj：坐标按 WGS84 经纬度读取（全部在 ±180°/±90° 以内）');
    expect(lonLat.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: ZONES_LON_LAT[0] });
    const projected = await readError(zipFiles(shapefileFiles(zonesLayer({ prj: undefined, shapes: [{ point: [43512345.5, 4934567.25] }, { point: [43512346, 4934568] }] }))), 'projected.zip');
    expect(projected.message).toBe("projected.zip: no_burn_zones.shp has no .prj and its coordinates are not longitude/latitude (e.g. 43512345.5, 4934567.25) (an easting of 43512345.5 looks like Gauss-Krüger zone 43); add the layer's .prj file to the ZIP and import it again");
  });

  it('rejects null shapes, deleted records, out-of-range points and unclosed rings by feature number', async () => {
    const layer = zonesLayer({
      shapes: [{ point: [126, 45] }, null, { point: [181, 45] }, { point: [127, 46] }],
      records: [['a', '1', '1', '1', ''], ['b', '2', '2', '2', ''], ['c', '3', '3', '3', ''], ['d', '4', '4', '4', '']],
      deleted: [3],
    });
    const file = await readVectorFile(zipFiles(shapefileFiles(layer)), 'points.zip');
    expect(file.features.map((f) => [f.number, f.properties['名称']])).toEqual([[1, 'a']]);
    expect(file.rejected.map((r) => [r.row, r.field, r.value])).toEqual([[2, 'geometry', ''], [3, 'geometry', '181, 45'], [4, 'record', '']]);
    expect(english(file.rejected[1]!.reason)).toMatch(/^longitude 181 is outside -180…180/);
    const open = zonesLayer({ shapes: [{ polygon: [[[126, 45], [126, 46], [127, 46], [127, 45]]] }, { polygon: ZONES_LON_LAT[0]! }] });
    const rings = await readVectorFile(zipFiles(shapefileFiles(open)), 'open.zip');
    expect(rings.features.map((f) => f.number)).toEqual([2]);
    expect(inEnglish(rings.rejected)).toEqual([{ row: 1, field: 'geometry', reason: expect.stringMatching(/^ring 1: is not closed/), value: '126, 45 … 127, 45' }]);
  });

  it('reports a hole outside every outer ring rather than losing it', async () => {
    const stray = zonesLayer({ shapes: [{ polygon: [ZONES_LON_LAT[0]![0]!, [...ZONES_LON_LAT[1]![1]!]] }, { polygon: ZONES_LON_LAT[1]! }] });
    const file = await readVectorFile(zipFiles(shapefileFiles(stray)), 'stray.zip');
    expect(file.features.map((f) => f.number)).toEqual([2]);
    expect(file.rejected[0]).toMatchObject({ row: 1, field: 'geometry', value: '2 rings' });
    expect(english(file.rejected[0]!.reason)).toMatch(/has 2 rings but only 1 could be placed/);
  });

  it('reads every layer of a ZIP, numbering features through the file, with GBK entry names', async () => {
    const zones = shapefileFiles(zonesLayer({ name: '禁燃区' }));
    const sites = shapefileFiles(zonesLayer({ name: 'sites', shapes: [{ point: [126.6, 45.7] }], records: [['站', '1', '1', '1', '']], prj: CGCS2000_GEOGRAPHIC.replace('China_Geodetic_Coordinate_System_2000', 'WGS_1984').replace('D_China_2000', 'D_WGS_1984') }));
    const file = await readVectorFile(zipFilesWithGbkNames({ ...zones, ...sites }), 'layers.zip');
    expect(file.features.map((f) => [f.number, f.layer])).toEqual([[1, '禁燃区'], [2, '禁燃区'], [3, 'sites']]);
    expect(render(file.crs, 'en')).toBe('禁燃区: CGCS2000 longitude/latitude (.prj), used as WGS84; sites: WGS84 longitude/latitude (.prj)');
    expect(render(file.crs, 'zh')).toBe('禁燃区：CGCS2000 经纬度（.prj），按 WGS84 使用；sites：WGS84 经纬度（.prj）');
  });

  it('refuses mismatched .shp and .dbf, bare .shp files and ZIPs without a layer', async () => {
    const mismatched = zonesLayer({ records: [['only one', '1', '1', '1', '']] });
    expect((await readError(zipFiles(shapefileFiles(mismatched)), 'pair.zip')).message).toMatch(/^pair\.zip: no_burn_zones\.shp has 2 shapes but its \.dbf has 1 records/);
    const { 'no_burn_zones.shp': shp } = shapefileFiles(zonesLayer());
    expect((await readError(shp!, 'zones.shp')).message).toMatch(/^zones\.shp: a bare \.shp file; put it in a ZIP together with its \.dbf, \.shx, \.prj/);
    expect((await readError(zipSync({ 'readme.txt': utf8('hi') }), 'other.zip')).message).toMatch(/^other\.zip: a ZIP without a \.shp or \.kml file \(it holds readme\.txt\)/);
    const unknownCpg = zipFiles(shapefileFiles(zonesLayer({ cpg: 'KOI9-Z' })));
    expect((await readError(unknownCpg, 'cpg.zip')).message).toMatch(/^cpg\.zip: no_burn_zones\.cpg names the encoding "KOI9-Z"/);
  });
});

describe('vector-file texts in Chinese and English', () => {
  const han = /[\u4e00-\u9fff]/;

  it('says in Chinese why a feature was left out, nesting polygon and ring, and in English as before', async () => {
    const multi = { type: 'MultiPolygon', coordinates: [[[[126, 45], [127, 45], [127, 46], [126, 45]]], [[[126, 95], [127, 95], [127, 96], [126, 95]]]] };
    const file = await readVectorFile(utf8(JSON.stringify({ type: 'Feature', geometry: multi, properties: {} })), 'multi.geojson');
    const { reason, value } = file.rejected[0]!;
    expect(english(reason)).toBe('polygon 2: ring 1: latitude 95 is outside -90…90; are the coordinates projected? Export the layer as WGS84 or CGCS2000 longitude/latitude');
    expect(chinese(reason)).toBe('第 2 个多边形：第 1 个环：纬度 95 超出 -90…90；坐标是否为投影坐标？请将图层导出为 WGS84 或 CGCS2000 经纬度');
    expect(value).toBe('126, 95');
  });

  it('names the file in the Chinese error of broken JSON, with the place of the error', async () => {
    const error = await readError(utf8('{"type": "FeatureCollection",\n  "features": [}'), '坏的.geojson');
    expect(error.message).toMatch(/^坏的\.geojson: not valid JSON at line 2, column 16 \(.*\); fix the file in a text editor or export it again$/);
    expect(english(error.text)).toBe(error.message);
    expect(chinese(error.text)).toMatch(/^坏的\.geojson：不是有效的 JSON，位置：第 2 行第 16 列（.*）；请用文本编辑器修正文件，或重新导出$/);
  });

  it('names the file and the KML coordinates it cannot read, in both languages', async () => {
    const kml = '<kml><Placemark><Point><coordinates>126.5 45.7</coordinates></Point></Placemark></kml>';
    const file = await readVectorFile(utf8(kml), 'site.kml');
    const { reason } = file.rejected[0]!;
    expect(english(reason)).toBe('coordinates "126.5" are not "longitude,latitude[,altitude]" (no spaces inside a tuple); fix them in the KML');
    expect(chinese(reason)).toMatch(han);
    expect(chinese(reason)).toContain('“126.5”');
  });

  it('says in Chinese which layer of which ZIP has an unknown projection, keeping the projection name', async () => {
    const error = await readError(zipFiles(shapefileFiles(zonesLayer({ prj: BEIJING_1954_GK }))), '旧图层.zip');
    expect(english(error.text)).toBe(error.message);
    expect(error.message).toMatch(/^旧图层\.zip: no_burn_zones\.prj describes "Beijing_1954_3_Degree_GK_Zone_43"/);
    const zh = chinese(error.text);
    expect(zh).toMatch(/^旧图层\.zip：no_burn_zones\.prj 描述的坐标系为“Beijing_1954_3_Degree_GK_Zone_43”，本工具无法转换（北京 1954 和西安 1980 坐标系需要本地转换参数）/);
  });

  it('says in Chinese that a shapefile record was deleted, naming the layer when the ZIP holds several', async () => {
    const deleted = zonesLayer({ deleted: [1] });
    const other = { ...zonesLayer(), name: 'other' };
    const file = await readVectorFile(zipFiles({ ...shapefileFiles(deleted), ...shapefileFiles(other) }), 'two.zip');
    const { reason } = file.rejected[0]!;
    expect(english(reason)).toBe('no_burn_zones.shp record 2: marked deleted in the .dbf; pack the shapefile in your GIS to remove it for good');
    expect(chinese(reason)).toBe('no_burn_zones.shp 第 2 条记录：在 .dbf 中被标记为已删除；请在 GIS 软件中压缩（pack）该 shapefile 以彻底删除');
  });
});
