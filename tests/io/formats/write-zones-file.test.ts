import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/core/text/text.ts';
import type { NoBurnZone } from '../../../src/core/zones/no-burn-zone.ts';
import { parseAngle } from '../../../src/io/formats/parse-coordinate.ts';
import { readVectorFile } from '../../../src/io/formats/read-vector-file.ts';
import { readZonesFile } from '../../../src/io/formats/read-zones-file.ts';
import { writeZonesFile, type ZoneExportFormat, type ZoneExportMeta, type ZoneExportRow } from '../../../src/io/formats/write-zones-file.ts';
import { importOptions, LONG_NOTE, maxCoordinateDifference, polygonsOf, sampleZoneRows, shapefileOriented, signedArea2 } from '../../helpers/zone-fixtures.ts';

const META: ZoneExportMeta = { exportedAt: '2025-06-01T10:20:30.000Z', application: 'hlj-air-map 0.1.0', note: '南岗区 2025 年禁燃区调整稿' };

const withoutGeometry = ({ geometry: _, ...rest }: NoBurnZone) => rest;

/** The zone as a shapefile can hold it: text cut to 254 UTF-8 bytes on a character boundary. */
function cutTo254(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let end = Math.min(254, bytes.length);
  while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

async function roundTrip(rows: ZoneExportRow[], format: ZoneExportFormat) {
  const file = await writeZonesFile(rows, format, META);
  const options = importOptions();
  const read = await readZonesFile(file.bytes, `export.${file.extension}`, options);
  return { file, read, newIds: options.calls() };
}

/** Per format: how the zones are expected back, and how close the coordinates must be. */
const FORMATS: { format: ZoneExportFormat; extension: string; mimeType: string; tolerance: number; expected: (zone: NoBurnZone) => NoBurnZone }[] = [
  { format: 'geojson', extension: 'geojson', mimeType: 'application/geo+json', tolerance: 0, expected: (zone) => zone },
  { format: 'kml', extension: 'kml', mimeType: 'application/vnd.google-earth.kml+xml', tolerance: 0, expected: (zone) => zone },
  {
    format: 'shapefile-zip',
    extension: 'zip',
    mimeType: 'application/zip',
    tolerance: 1e-9,
    expected: (zone) => ({ ...zone, notes: cutTo254(zone.notes), geometry: shapefileOriented(zone.geometry) }),
  },
  { format: 'csv-decimal', extension: 'csv', mimeType: 'text/csv;charset=utf-8', tolerance: 0, expected: (zone) => zone },
  { format: 'csv-dms', extension: 'csv', mimeType: 'text/csv;charset=utf-8', tolerance: 1e-7, expected: (zone) => zone },
];

describe('writeZonesFile → readZonesFile', () => {
  it.each(FORMATS)('$format keeps ids, attributes, provenance and coordinates of 3 zones (hole, 2-part MultiPolygon, quotes, <&>, long note, empty date)', async ({ format, extension, mimeType, tolerance, expected }) => {
    const rows = sampleZoneRows();
    const { file, read, newIds } = await roundTrip(rows, format);
    expect(file.extension).toBe(extension);
    expect(file.mimeType).toBe(mimeType);
    expect(read.rejected).toEqual([]);
    expect(read.warnings).toEqual([]);
    expect(newIds).toBe(0);
    expect(read.zones).toHaveLength(3);
    read.zones.forEach((zone, i) => {
      const want = expected(rows[i]!.zone);
      expect(withoutGeometry(zone)).toEqual(withoutGeometry(want));
      expect(zone.geometry.type).toBe(want.geometry.type);
      if (tolerance === 0) expect(zone.geometry).toEqual(want.geometry);
      else expect(maxCoordinateDifference(zone.geometry, want.geometry)).toBeLessThanOrEqual(tolerance);
    });
  });

  it('cuts the long note only in the shapefile, and there to 253 bytes: byte 254 would split a character', async () => {
    const { read } = await roundTrip(sampleZoneRows(), 'shapefile-zip');
    const notes = read.zones[1]!.notes;
    expect(new TextEncoder().encode(LONG_NOTE).length).toBeGreaterThan(254);
    expect(new TextEncoder().encode(notes).length).toBe(253);
    expect(LONG_NOTE.startsWith(notes)).toBe(true);
    expect(notes).not.toContain('\ufffd');
  });

  it('tells the caller which zone and field a shapefile cut, and that the other formats cut nothing', async () => {
    const rows = sampleZoneRows();
    const shapefile = await writeZonesFile(rows, 'shapefile-zip', META);
    expect(shapefile.truncated).toEqual([{ zoneId: rows[1]!.zone.id, field: 'NOTES', bytes: new TextEncoder().encode(LONG_NOTE).length, keptBytes: 253 }]);
    for (const format of ['geojson', 'kml', 'csv-decimal', 'csv-dms'] as const) expect((await writeZonesFile(rows, format, META)).truncated).toEqual([]);
  });

  it('keeps CR LF in notes through KML (a raw CR would be normalised away by the XML parser)', async () => {
    const rows = sampleZoneRows().slice(0, 1);
    rows[0]!.zone = { ...rows[0]!.zone, notes: '第一行\r\n第二行\t制表' };
    const { read } = await roundTrip(rows, 'kml');
    expect(read.zones[0]!.notes).toBe('第一行\r\n第二行\t制表');
  });

  it('throws on an exportedAt that is not a time, naming the value', async () => {
    await expect(writeZonesFile(sampleZoneRows(), 'geojson', { ...META, exportedAt: 'yesterday' })).rejects.toThrow(/"yesterday" is not an ISO 8601 time/);
  });
});

describe('writeZonesFile geojson', () => {
  it('writes a FeatureCollection with the provenance member, the shared field names and the geometry untouched', async () => {
    const rows = sampleZoneRows();
    const file = await writeZonesFile(rows, 'geojson', META);
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(json.type).toBe('FeatureCollection');
    expect(json.hlj_air_map).toEqual({ kind: 'no-burn-zones', exported_at: META.exportedAt, application: META.application, crs: 'WGS84 longitude/latitude (EPSG:4326)', note: META.note });
    expect(Object.keys(json.features[0].properties)).toEqual(['id', 'name', 'category', 'document_number', 'effective_date', 'notes', 'city', 'county', 'area_km2', 'origin', 'source', 'created_at', 'updated_at']);
    expect(json.features[1].properties).toMatchObject({ id: 'zone-b', county: null, area_km2: 12.5, origin: 'imported', source: '道里区,禁燃区.kml', effective_date: '' });
    // Outer ring of zone-a is counter-clockwise, zone-b's first part clockwise: neither is rewound.
    expect(json.features.map((feature: { geometry: unknown }) => feature.geometry)).toEqual(rows.map((row) => row.zone.geometry));
  });
});

describe('writeZonesFile kml', () => {
  it('escapes text, holds one Data per attribute, and records the provenance in the Document', async () => {
    const file = await writeZonesFile(sampleZoneRows(), 'kml', META);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('<name>南岗区&quot;核心&quot;,禁燃区 &lt;一期&amp;二期&gt;</name>');
    expect(text).toContain('<Data name="document_number"><value>哈政规〔2024〕3号</value></Data>');
    expect(text).toMatch(/<innerBoundaryIs><LinearRing><coordinates>/);
    expect(text).toMatch(/<MultiGeometry><Polygon>.*<\/Polygon><Polygon>.*<\/Polygon><\/MultiGeometry>/);
    expect(text).toMatch(/<description>[^<]*exported at: 2025-06-01T10:20:30.000Z[^<]*application: hlj-air-map 0.1.0/);
    expect(text).toContain('<Data name="exported_at"><value>2025-06-01T10:20:30.000Z</value></Data>');

    const vector = await readVectorFile(file.bytes, 'zones.kml');
    expect(vector.features).toHaveLength(3);
    expect(vector.features[0]!.layer).toBe('高污染燃料禁燃区');
    expect(vector.features[0]!.properties).toMatchObject({ name: '南岗区"核心",禁燃区 <一期&二期>', category: 'Ⅲ', area_km2: '31.234567891234', county: '南岗区' });
  });
});

/** The rings of each .shp record, read straight from the bytes. */
function shpRecords(shp: Uint8Array): { type: number; rings: number[][][] }[] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const records: { type: number; rings: number[][][] }[] = [];
  let offset = 100;
  while (offset < shp.byteLength) {
    const length = view.getInt32(offset + 4, false) * 2;
    const at = offset + 8;
    const type = view.getInt32(at, true);
    const partCount = view.getInt32(at + 36, true);
    const pointCount = view.getInt32(at + 40, true);
    const starts = Array.from({ length: partCount }, (_, i) => view.getInt32(at + 44 + 4 * i, true));
    const points = Array.from({ length: pointCount }, (_, i) => [view.getFloat64(at + 44 + 4 * partCount + 16 * i, true), view.getFloat64(at + 44 + 4 * partCount + 16 * i + 8, true)]);
    records.push({ type, rings: starts.map((start, i) => points.slice(start, starts[i + 1] ?? pointCount)) });
    offset = at + length;
  }
  return records;
}

/** The .dbf's field names, types and widths. */
function dbfFields(dbf: Uint8Array): { name: string; type: string; width: number }[] {
  const fields = [];
  for (let at = 32; dbf[at] !== 0x0d; at += 32) {
    const raw = dbf.subarray(at, at + 11);
    const end = raw.indexOf(0);
    fields.push({ name: new TextDecoder().decode(raw.subarray(0, end < 0 ? 11 : end)), type: String.fromCharCode(dbf[at + 11]!), width: dbf[at + 16]! });
  }
  return fields;
}

describe('writeZonesFile shapefile-zip', () => {
  it('stores outer rings clockwise and holes counter-clockwise, all parts in one record', async () => {
    const rows = sampleZoneRows();
    const files = unzipSync((await writeZonesFile(rows, 'shapefile-zip', META)).bytes);
    const records = shpRecords(files['no_burn_zones.shp']!);
    expect(records.map((record) => record.type)).toEqual([5, 5, 5]);
    // zone-a: outline + hole; zone-b: two outlines; zone-c: one outline.
    expect(records.map((record) => record.rings.map((ring) => (signedArea2(ring) < 0 ? 'cw' : 'ccw')))).toEqual([['cw', 'ccw'], ['cw', 'cw'], ['cw']]);
    // Same positions as the zone (reversed where the orientation demanded), every bit kept.
    const a = polygonsOf(rows[0]!.zone.geometry)[0]![0]!;
    expect(records[0]!.rings[0]).toEqual([...a].reverse());
    const bFirst = polygonsOf(rows[1]!.zone.geometry)[0]![0]!;
    expect(records[1]!.rings[0]).toEqual(bFirst);
    const shx = new DataView(files['no_burn_zones.shx']!.buffer, files['no_burn_zones.shx']!.byteOffset);
    expect(files['no_burn_zones.shx']!.length).toBe(100 + 8 * 3);
    expect(shx.getInt32(100, false)).toBe(50); // the first record starts at byte 100
  });

  it('writes .prj (WGS84), .cpg (UTF-8), a README with the provenance and what was cut, and .dbf fields sized in bytes', async () => {
    const files = unzipSync((await writeZonesFile(sampleZoneRows(), 'shapefile-zip', META)).bytes);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'no_burn_zones.cpg', 'no_burn_zones.dbf', 'no_burn_zones.prj', 'no_burn_zones.shp', 'no_burn_zones.shx']);
    expect(new TextDecoder().decode(files['no_burn_zones.cpg'])).toBe('UTF-8');
    expect(new TextDecoder().decode(files['no_burn_zones.prj'])).toMatch(/^GEOGCS\["GCS_WGS_1984",DATUM\["D_WGS_1984"/);
    const readme = new TextDecoder().decode(files['README.txt']);
    expect(readme).toContain('exported at: 2025-06-01T10:20:30.000Z');
    expect(readme).toContain('application: hlj-air-map 0.1.0');
    expect(readme).toContain('WGS84');
    expect(readme).toMatch(/zone zone-b \(record 2\), NOTES: 304 bytes, 253 kept/);
    const fields = dbfFields(files['no_burn_zones.dbf']!);
    expect(fields.map((field) => field.name)).toEqual(['ID', 'NAME', 'CATEGORY', 'DOC_NO', 'EFFECTIVE', 'NOTES', 'CITY', 'COUNTY', 'AREA_KM2', 'ORIGIN', 'SOURCE', 'CREATED', 'UPDATED']);
    const width = (name: string) => fields.find((field) => field.name === name)!.width;
    expect(width('NAME')).toBe(new TextEncoder().encode('南岗区"核心",禁燃区 <一期&二期>').length);
    expect(width('NOTES')).toBe(253); // the longest note as kept: 254 bytes would split a character
    expect(width('CATEGORY')).toBe(3); // Ⅲ is 3 bytes
    expect(fields.find((field) => field.name === 'AREA_KM2')!.type).toBe('N');
  });

  it('is read by readVectorFile as a WGS84 shapefile ZIP, as users’ other GIS files are', async () => {
    const file = await writeZonesFile(sampleZoneRows(), 'shapefile-zip', META);
    const vector = await readVectorFile(file.bytes, 'zones.zip');
    expect(vector.format).toBe('shapefile-zip');
    expect(render(vector.crs, 'en')).toBe('WGS84 longitude/latitude (.prj)');
    expect(vector.rejected).toEqual([]);
    expect(vector.features.map((feature) => feature.geometry.type)).toEqual(['Polygon', 'MultiPolygon', 'Polygon']);
    expect(vector.features[0]!.properties).toMatchObject({ ID: 'zone-a', NAME: '南岗区"核心",禁燃区 <一期&二期>', AREA_KM2: '31.234568', CITY: '哈尔滨市' });
    expect(vector.features[2]!.properties).toMatchObject({ AREA_KM2: '0.000123', CITY: '', NOTES: '-30℃以下严寒期执行' });
  });

  it('gives the same bytes for the same zones (the ZIP times come from exportedAt)', async () => {
    const first = await writeZonesFile(sampleZoneRows(), 'shapefile-zip', META);
    const second = await writeZonesFile(sampleZoneRows(), 'shapefile-zip', META);
    expect(second.bytes).toEqual(first.bytes);
  });
});

describe('writeZonesFile csv', () => {
  it('writes one row per vertex under the Chinese headers, with a BOM, WGS84 and formula-guarded text', async () => {
    const rows = sampleZoneRows();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await writeZonesFile(rows, 'csv-decimal', META)).bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('名称,部分,环,序号,经度,纬度,坐标系,类别,文号,生效日期,备注,城市,区县,面积(km²),id,来源方式,来源,创建时间,修改时间');
    const vertexCount = rows.reduce((sum, row) => sum + polygonsOf(row.zone.geometry).flat().reduce((n, ring) => n + ring.length, 0), 0);
    // Header, one record per vertex, and the empty text after the last CR LF (zone-a's quoted note breaks with LF only).
    expect(lines.length).toBe(1 + vertexCount + 1);
    const firstC = lines.find((line) => line.startsWith('阿城区建议禁燃区,1,0,1,'))!;
    const [lon, lat] = polygonsOf(rows[2]!.zone.geometry)[0]![0]![0]!;
    expect(firstC).toBe(`阿城区建议禁燃区,1,0,1,${lon},${lat},WGS84,Ⅰ,阿政发〔2025〕7号,2025-10-15,'-30℃以下严寒期执行,,,0.000123,zone-c,proposed,供热覆盖 2024,2025-01-01T00:00:00.000Z,2025-01-01T00:00:00.000Z`);
    expect(text).toContain('"南岗区""核心"",禁燃区 <一期&二期>",1,1,1,');
  });

  it('writes DMS that parseAngle reads back within 1e-7°, with E and N', async () => {
    const rows = sampleZoneRows();
    const text = new TextDecoder().decode((await writeZonesFile(rows, 'csv-dms', META)).bytes);
    const line = text.split('\r\n').find((candidate) => candidate.startsWith('阿城区建议禁燃区,1,0,1,'))!;
    const [, lonCell, latCell] = /^[^,]+,1,0,1,"([^"]*(?:""[^"]*)*)","([^"]*(?:""[^"]*)*)",/.exec(line)!;
    const lonText = lonCell!.replace(/""/g, '"');
    const latText = latCell!.replace(/""/g, '"');
    expect(lonText).toMatch(/^127°\d{2}'\d{2}\.\d{6}"E$/);
    expect(latText).toMatch(/^45°\d{2}'\d{2}\.\d{6}"N$/);
    const [lon, lat] = polygonsOf(rows[2]!.zone.geometry)[0]![0]![0]!;
    const lonAngle = parseAngle(lonText);
    const latAngle = parseAngle(latText);
    expect(lonAngle).toMatchObject({ ok: true, axis: 'lon', dms: true });
    expect(latAngle).toMatchObject({ ok: true, axis: 'lat', dms: true });
    expect(Math.abs((lonAngle as { value: number }).value - lon!)).toBeLessThan(1e-7);
    expect(Math.abs((latAngle as { value: number }).value - lat!)).toBeLessThan(1e-7);
  });

  it('carries seconds that round up to 60 into the minute', async () => {
    const rows = sampleZoneRows().slice(2);
    // 127°05'59.9999999" rounds to 127°06'00.000000".
    const lon = 127 + 5 / 60 + 59.9999999 / 3600;
    rows[0]!.zone = { ...rows[0]!.zone, geometry: { type: 'Polygon', coordinates: [[[lon, 45.5], [127.2, 45.5], [127.2, 45.6], [lon, 45.5]]] } };
    const text = new TextDecoder().decode((await writeZonesFile(rows, 'csv-dms', META)).bytes);
    expect(text).toContain(`"127°06'00.000000""E"`);
  });

  it('writes empty and repeated names so the vertex list keeps the zones apart, and reads them back as they were', async () => {
    const [a, b, c] = sampleZoneRows();
    a!.zone = { ...a!.zone, name: '同名禁燃区' };
    b!.zone = { ...b!.zone, name: '同名禁燃区' };
    c!.zone = { ...c!.zone, name: '' };
    for (const format of ['csv-decimal', 'csv-dms'] as const) {
      const { file, read } = await roundTrip([a!, b!, c!], format);
      const text = new TextDecoder().decode(file.bytes);
      expect(text).toContain('\r\n同名禁燃区 #zone-a,1,0,1,');
      expect(text).toContain('\r\n#zone-c,1,0,1,');
      expect(read.warnings).toEqual([]);
      expect(read.zones.map((zone) => [zone.id, zone.name])).toEqual([['zone-a', '同名禁燃区'], ['zone-b', '同名禁燃区'], ['zone-c', '']]);
    }
  });
});
