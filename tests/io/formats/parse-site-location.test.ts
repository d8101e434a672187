import gcoord from 'gcoord';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { toGaussKruger3 } from '../../../src/core/geo/coordinates.ts';
import { parseAngle, parseCoordinate } from '../../../src/io/formats/parse-coordinate.ts';
import { gaussKrugerEpsgCodes, parseSiteLocation, type SiteLocation, type SiteLocationInput } from '../../../src/io/formats/parse-site-location.ts';
import { chinese, english } from '../../helpers/in-english.ts';

/** 126°38'12.5"E 45°45'30"N: central Harbin. */
const LON = 126 + 38 / 60 + 12.5 / 3600;
const LAT = 45 + 45 / 60 + 30 / 3600;
const DEGREE_TOLERANCE = 1e-7;

function located(input: SiteLocationInput): Extract<SiteLocation, { ok: true }> {
  const result = parseSiteLocation(input);
  if (!result.ok) throw new Error(`expected a location for ${JSON.stringify(input)}, got ${result.code}: ${english(result.message)}`);
  return result;
}

function refused(input: SiteLocationInput): Extract<SiteLocation, { ok: false }> {
  const result = parseSiteLocation(input);
  if (result.ok) throw new Error(`expected a refusal for ${JSON.stringify(input)}, got ${result.lon}, ${result.lat}`);
  return result;
}

/** Metres between two nearby points (equirectangular). */
function metresBetween(a: readonly number[], b: readonly number[]): number {
  const radians = Math.PI / 180;
  const dy = (a[1]! - b[1]!) * radians * 6371008.8;
  const dx = (a[0]! - b[0]!) * radians * 6371008.8 * Math.cos(a[1]! * radians);
  return Math.hypot(dx, dy);
}

/** CGCS2000 3° Gauss-Krüger with the zone prefix, built here from the EPSG parameters. */
const zoneProjection = (zone: number) =>
  proj4('EPSG:4326', `+proj=tmerc +lat_0=0 +lon_0=${3 * zone} +k=1 +x_0=${zone * 1e6 + 500000} +y_0=0 +ellps=GRS80 +units=m +no_defs`);

describe('parseAngle and parseCoordinate', () => {
  it('reads a hemisphere before the number and says which axis it names', () => {
    expect(parseAngle('E126°38′12.5″')).toMatchObject({ ok: true, axis: 'lon', dms: true });
    expect(parseAngle('N45.75')).toEqual({ ok: true, value: 45.75, axis: 'lat', dms: false });
    expect(parseAngle('东经126°38\'12.5"')).toMatchObject({ ok: true, axis: 'lon' });
    expect(parseAngle('南纬 45.5')).toEqual({ ok: true, value: -45.5, axis: 'lat', dms: false });
    for (const text of ['E126°38′12.5″', '东经126°38\'12.5"', '126°38\'12.5"E', '126°38\'12.5', '126:38:12.5', '126°38.208333333333\'']) {
      const result = parseAngle(text);
      expect(result.ok && result.value, text).toBeCloseTo(LON, 9);
    }
    expect(parseCoordinate('N45.75')).toEqual({ ok: true, value: 45.75 });
  });

  it('tells malformed degrees-minutes-seconds from text that is no number', () => {
    expect(parseAngle('126°61\'')).toEqual({ ok: false, reason: 'malformed-dms' });
    expect(parseAngle('126°38\'60"')).toEqual({ ok: false, reason: 'malformed-dms' });
    expect(parseAngle('126°3x\'')).toEqual({ ok: false, reason: 'malformed-dms' });
    expect(parseAngle('126.5°30\'')).toEqual({ ok: false, reason: 'malformed-dms' });
    expect(parseAngle('E126.5N')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseAngle('abc')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseAngle('  ')).toEqual({ ok: false, reason: 'empty' });
    // The fire reader's contract is unchanged: both are "not a number" there.
    expect(parseCoordinate('126°75\'')).toEqual({ ok: false, reason: 'not a number' });
  });
});

describe('parseSiteLocation: one field holding a pair', () => {
  it('reads the pair in every common notation, longitude first or marked by hemisphere', () => {
    const texts = [
      `126°38'12.5"E 45°45'30"N`,
      `45°45'30"N 126°38'12.5"E`,
      `东经126°38'12.5" 北纬45°45'30"`,
      `北纬45°45'30"，东经126°38'12.5"`,
      `E126°38′12.5″ N45°45′30″`,
      `126° 38' 12.5" E, 45° 45' 30" N`,
      `126°38'12.5"E45°45'30"N`,
      `126度38分12.5秒；45度45分30秒`,
      `${LON}, ${LAT}`,
      `${LON}，${LAT}`,
      `${LON} ${LAT}`,
      `${LON};${LAT}`,
      `经度：${LON} 纬度：${LAT}`,
      `lat ${LAT}, lon ${LON}`,
    ];
    for (const text of texts) {
      const result = located({ system: 'wgs84', text });
      expect(Math.abs(result.lon - LON), text).toBeLessThan(DEGREE_TOLERANCE);
      expect(Math.abs(result.lat - LAT), text).toBeLessThan(DEGREE_TOLERANCE);
      expect(result.accuracyM).toBe(0);
      expect(english(result.note)).toMatch(/CGCS2000/);
    }
  });

  it('reads decimal commas when a semicolon separates the values', () => {
    const result = located({ system: 'wgs84', text: '126,6368; 45,7583' });
    expect([result.lon, result.lat]).toEqual([126.6368, 45.7583]);
  });

  it('asks to swap a latitude-first pair without hemisphere letters', () => {
    const result = refused({ system: 'wgs84', text: '45.75, 126.63' });
    expect(result).toMatchObject({ field: 'text', code: 'swapped' });
    expect(english(result.message)).toMatch(/45\.75, 126\.63/);
    expect(english(result.message)).toMatch(/longitude first/);
  });

  it('names the bad part of a malformed DMS pair', () => {
    const result = refused({ system: 'wgs84', text: `126°61', 45°45'30"N` });
    expect(result).toMatchObject({ field: 'text', code: 'malformed-dms' });
    expect(english(result.message)).toContain(`"126°61'"`);
    expect(refused({ system: 'wgs84', text: `126°38'12.5"E 45°75'N` })).toMatchObject({ code: 'malformed-dms' });
  });

  it('refuses one value, nothing, three values and two longitudes', () => {
    expect(refused({ system: 'wgs84', text: '126.63' })).toMatchObject({ field: 'text', code: 'empty' });
    expect(refused({ system: 'wgs84', text: ' ' })).toMatchObject({ field: 'text', code: 'empty' });
    expect(refused({ system: 'wgs84', text: '126.63, 45.75, 120' })).toMatchObject({ code: 'not-a-number' });
    expect(refused({ system: 'wgs84', text: '126.5E 45E' })).toMatchObject({ code: 'malformed-dms' });
    expect(refused({ system: 'wgs84', text: '126.6x 45.75' })).toMatchObject({ code: 'not-a-number' });
  });

  it('refuses values out of range and places outside Heilongjiang and its neighbours', () => {
    expect(refused({ system: 'wgs84', text: '200, 45' })).toMatchObject({ code: 'out-of-range' });
    expect(refused({ system: 'wgs84', text: '126.5, 95' })).toMatchObject({ code: 'out-of-range' });
    const shanghai = refused({ system: 'wgs84', text: '121.47, 31.23' });
    expect(shanghai).toMatchObject({ field: 'text', code: 'outside-region' });
    expect(english(shanghai.message)).toMatch(/longitude 115–140°E, latitude 38–58°N/);
    expect(refused({ system: 'wgs84', text: '126.63W 45.75N' })).toMatchObject({ code: 'outside-region' });
  });
});

describe('parseSiteLocation: longitude and latitude fields', () => {
  it('reads decimal or DMS in each field', () => {
    const result = located({ system: 'wgs84', lon: `126°38'12.5"`, lat: `${LAT}` });
    expect(Math.abs(result.lon - LON)).toBeLessThan(DEGREE_TOLERANCE);
    expect(Math.abs(result.lat - LAT)).toBeLessThan(DEGREE_TOLERANCE);
  });

  it('names the field and the text of each problem', () => {
    const empty = refused({ system: 'wgs84', lon: '126.63', lat: '' });
    expect(empty).toMatchObject({ field: 'lat', code: 'empty' });
    expect(english(empty.message)).toMatch(/^Latitude is empty/);
    const malformed = refused({ system: 'wgs84', lon: `126°61'`, lat: '45.75' });
    expect(malformed).toMatchObject({ field: 'lon', code: 'malformed-dms' });
    expect(english(malformed.message)).toContain(`Longitude "126°61'"`);
    expect(refused({ system: 'wgs84', lon: '126.63', lat: 'north' })).toMatchObject({ field: 'lat', code: 'not-a-number' });
  });

  it('asks to swap fields that hold each other’s values or letters', () => {
    expect(refused({ system: 'wgs84', lon: '45.75', lat: '126.63' })).toMatchObject({ field: 'lon', code: 'swapped' });
    expect(refused({ system: 'wgs84', lon: '45.75N', lat: '126.63E' })).toMatchObject({ field: 'lon', code: 'swapped' });
    expect(refused({ system: 'wgs84', lon: '126.63', lat: '126.63E' })).toMatchObject({ field: 'lat', code: 'swapped' });
  });
});

describe('parseSiteLocation: GCJ-02 and BD-09', () => {
  it('converts Amap (GCJ-02) coordinates to WGS84 that encode back to the input within 0.15 m', () => {
    const gcj = [126.6368, 45.7583];
    const result = located({ system: 'gcj02', lon: String(gcj[0]), lat: String(gcj[1]) });
    const shift = metresBetween(gcj, [result.lon, result.lat]);
    expect(shift).toBeGreaterThan(500); // DATA.md: 500–650 m across Heilongjiang
    expect(shift).toBeLessThan(650);
    const back = gcoord.transform([result.lon, result.lat], gcoord.WGS84, gcoord.GCJ02) as number[];
    expect(metresBetween(gcj, back)).toBeLessThan(0.15);
    expect(result.accuracyM).toBe(2);
    expect(english(result.note)).toMatch(/GCJ-02.*only to metres/);
  });

  it('converts Baidu (BD-09) coordinates to WGS84 that encode back to the input within 0.3 m', () => {
    const bd = [126.6368, 45.7583];
    const result = located({ system: 'bd09', text: `${bd[0]}, ${bd[1]}` });
    const shift = metresBetween(bd, [result.lon, result.lat]);
    expect(shift).toBeGreaterThan(1250); // DATA.md: 1.25–1.42 km
    expect(shift).toBeLessThan(1420);
    const back = gcoord.transform([result.lon, result.lat], gcoord.WGS84, gcoord.BD09) as number[];
    expect(metresBetween(bd, back)).toBeLessThan(0.3);
    expect(result.accuracyM).toBe(2);
  });

  it('keeps the measured inverse accuracy across Heilongjiang: GCJ-02 under 0.15 m, BD-09 under 0.3 m', () => {
    let worstGcj = 0;
    let worstBd = 0;
    for (let lon = 121; lon <= 135.1; lon += 0.47) {
      for (let lat = 43.4; lat <= 53.6; lat += 0.37) {
        const text = `${lon}, ${lat}`;
        const fromGcj = located({ system: 'gcj02', text });
        worstGcj = Math.max(worstGcj, metresBetween([lon, lat], gcoord.transform([fromGcj.lon, fromGcj.lat], gcoord.WGS84, gcoord.GCJ02) as number[]));
        const fromBd = located({ system: 'bd09', text });
        worstBd = Math.max(worstBd, metresBetween([lon, lat], gcoord.transform([fromBd.lon, fromBd.lat], gcoord.WGS84, gcoord.BD09) as number[]));
      }
    }
    expect(worstGcj).toBeLessThan(0.15);
    expect(worstBd).toBeLessThan(0.3);
  });

  it('applies no GCJ-02 shift north of 55.83°N, as gcoord and the map services do, and says so', () => {
    const result = located({ system: 'gcj02', lon: '126.5', lat: '56.5' });
    expect([result.lon, result.lat]).toEqual([126.5, 56.5]);
    expect(english(result.note)).toMatch(/no shift was applied/);
  });

  it('checks the entered values, not the converted ones, for swaps and the region', () => {
    expect(refused({ system: 'gcj02', text: '45.75, 126.63' })).toMatchObject({ code: 'swapped' });
    expect(refused({ system: 'bd09', text: '121.47, 31.23' })).toMatchObject({ code: 'outside-region' });
  });
});

describe('parseSiteLocation: CGCS2000 Gauss-Krüger', () => {
  it('inverts the worked example of DATA.md: X 4984944.378, Y 43500000 is 129°E, 45°N (zone 43, EPSG 4531)', () => {
    const forward = toGaussKruger3(129, 45);
    expect(forward.y).toBe(43500000);
    expect(forward.x).toBeCloseTo(4984944.378, 3); // the GRS80 meridian arc from the equator to 45°N
    const result = located({ system: 'gauss-kruger', x: String(forward.x), y: String(forward.y) });
    expect(result).toMatchObject({ system: 'gauss-kruger', epsg: 4531, zone: 43, zoneWidth: 3, accuracyM: 0.001 });
    expect(Math.abs(result.lon - 129)).toBeLessThan(1e-9);
    expect(Math.abs(result.lat - 45)).toBeLessThan(1e-9);
    expect(english(result.note)).toMatch(/EPSG:4531.*CM 129°E/);
  });

  it('round-trips prefixed 3° eastings across Heilongjiang to under 1 mm', () => {
    for (let lon = 121.2; lon <= 135; lon += 0.9) {
      for (let lat = 43.5; lat <= 53.5; lat += 1.1) {
        const forward = toGaussKruger3(lon, lat);
        const result = located({ system: 'gauss-kruger', x: String(forward.x), y: String(forward.y) });
        expect(result.epsg).toBe(forward.epsg);
        expect(Math.abs(result.lon - lon)).toBeLessThan(DEGREE_TOLERANCE);
        expect(Math.abs(result.lat - lat)).toBeLessThan(DEGREE_TOLERANCE);
        // Forward again in the same zone (toGaussKruger3 may pick the neighbour on a zone edge such as 127.5°E).
        const [y, x] = zoneProjection(forward.zone).forward([result.lon, result.lat]) as [number, number];
        expect(Math.hypot(x - forward.x, y - forward.y)).toBeLessThan(0.001);
      }
    }
  });

  it('reads 3° zones 40–45 as EPSG 4528–4533 and 6° zones 21–23 as 4499–4501 from the prefix', () => {
    for (let zone = 40; zone <= 45; zone++) {
      const result = located({ system: 'gauss-kruger', x: '5000000', y: `${zone}500000` });
      expect(result).toMatchObject({ epsg: 4513 + zone - 25, zone, zoneWidth: 3 });
      expect(result.lon).toBeCloseTo(3 * zone, 9);
    }
    for (let zone = 21; zone <= 23; zone++) {
      const result = located({ system: 'gauss-kruger', x: '5000000', y: `${zone}500000` });
      expect(result).toMatchObject({ epsg: 4491 + zone - 13, zone, zoneWidth: 6 });
      expect(result.lon).toBeCloseTo(6 * zone - 3, 9);
    }
  });

  it('reads an easting without prefix in the EPSG zone the user chose, 3° and 6°', () => {
    const lon = 130.3;
    const lat = 46.8;
    const threeDegree = proj4('EPSG:4326', '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs').forward([lon, lat]) as [number, number];
    const result3 = located({ system: 'gauss-kruger', x: String(threeDegree[1]), y: String(threeDegree[0]), epsg: 4552 });
    expect(result3).toMatchObject({ epsg: 4552, zone: 43, zoneWidth: 3 });
    expect(Math.abs(result3.lon - lon)).toBeLessThan(DEGREE_TOLERANCE);
    expect(Math.abs(result3.lat - lat)).toBeLessThan(DEGREE_TOLERANCE);
    const sixDegree = proj4('EPSG:4326', '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=22500000 +y_0=0 +ellps=GRS80 +units=m +no_defs').forward([lon, lat]) as [number, number];
    const result6 = located({ system: 'gauss-kruger', x: String(sixDegree[1]), y: String(sixDegree[0] - 22e6), epsg: 4511 });
    expect(result6).toMatchObject({ epsg: 4511, zone: 22, zoneWidth: 6 });
    expect(Math.abs(result6.lon - lon)).toBeLessThan(DEGREE_TOLERANCE);
    expect(Math.abs(result6.lat - lat)).toBeLessThan(DEGREE_TOLERANCE);
    // The same point with its 6° prefix, and the matching code given too, agrees.
    const prefixed = located({ system: 'gauss-kruger', x: String(sixDegree[1]), y: String(sixDegree[0]), epsg: 4500 });
    expect(Math.abs(prefixed.lon - lon)).toBeLessThan(DEGREE_TOLERANCE);
  });

  it('asks for the zone when the easting has no prefix and no EPSG code was chosen', () => {
    const result = refused({ system: 'gauss-kruger', x: '5069876.12', y: '2845123' });
    expect(result).toMatchObject({ field: 'y', code: 'gk-zone-missing' });
    expect(english(result.message)).toMatch(/^Y \(easting\) 2845123 has no zone prefix: choose the EPSG code .* 43xxxxxx/);
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '554321.98' })).toMatchObject({ code: 'gk-zone-missing' });
  });

  it('refuses an EPSG code that contradicts the easting', () => {
    const wrongZone = refused({ system: 'gauss-kruger', x: '5069876.12', y: '43554321.98', epsg: 4530 });
    expect(wrongZone).toMatchObject({ field: 'epsg', code: 'gk-zone-conflict' });
    expect(english(wrongZone.message)).toMatch(/choose EPSG 4531/);
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '43554321.98', epsg: 4552 })).toMatchObject({ code: 'gk-zone-conflict' });
    const prefixExpected = refused({ system: 'gauss-kruger', x: '5069876.12', y: '554321.98', epsg: 4531 });
    expect(prefixExpected).toMatchObject({ field: 'epsg', code: 'gk-zone-conflict' });
    expect(english(prefixExpected.message)).toMatch(/43554322/);
  });

  it('refuses unknown codes and prefixes', () => {
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '43554321.98', epsg: 3857 })).toMatchObject({ field: 'epsg', code: 'gk-unknown-zone' });
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '24554321.98' })).toMatchObject({ field: 'y', code: 'gk-unknown-zone' });
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '12554321.98' })).toMatchObject({ field: 'y', code: 'gk-unknown-zone' });
  });

  it('tells the user that X is the northing when X and Y are swapped', () => {
    const result = refused({ system: 'gauss-kruger', x: '43554321.98', y: '5069876.12' });
    expect(result).toMatchObject({ field: 'x', code: 'swapped' });
    expect(english(result.message)).toMatch(/X is the northing/);
    expect(refused({ system: 'gauss-kruger', x: '554321.98', y: '5069876.12', epsg: 4552 })).toMatchObject({ code: 'swapped' });
  });

  it('refuses empty, non-numeric, impossible and out-of-region values', () => {
    expect(refused({ system: 'gauss-kruger', x: '', y: '43554321.98' })).toMatchObject({ field: 'x', code: 'empty' });
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '43 554 321' })).toMatchObject({ field: 'y', code: 'not-a-number' });
    expect(refused({ system: 'gauss-kruger', x: '-5069876', y: '43554321.98' })).toMatchObject({ field: 'x', code: 'out-of-range' });
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '435543219.8' })).toMatchObject({ field: 'y', code: 'out-of-range' });
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '2845123', epsg: 4552 })).toMatchObject({ field: 'y', code: 'out-of-range' });
    expect(refused({ system: 'gauss-kruger', x: '3500000', y: '43554321.98' })).toMatchObject({ field: 'x', code: 'outside-region' });
    expect(refused({ system: 'gauss-kruger', x: '5069876.12', y: '30554321.98' })).toMatchObject({ field: 'y', code: 'outside-region' });
  });
});

describe('gaussKrugerEpsgCodes', () => {
  it('lists the 18 CGCS2000 codes for Heilongjiang with their central meridians', () => {
    const codes = gaussKrugerEpsgCodes();
    expect(codes.map((code) => code.epsg)).toEqual([4528, 4529, 4530, 4531, 4532, 4533, 4549, 4550, 4551, 4552, 4553, 4554, 4499, 4500, 4501, 4510, 4511, 4512]);
    expect(codes.find((code) => code.epsg === 4531)).toEqual({
      epsg: 4531,
      label: 'EPSG:4531 CGCS2000 / 3-degree Gauss-Kruger zone 43 (CM 129°E, Y = 43xxxxxx.xx)',
      zoneWidth: 3,
      prefixed: true,
      centralMeridian: 129,
    });
    expect(codes.filter((code) => code.zoneWidth === 3 && !code.prefixed).map((code) => code.centralMeridian)).toEqual([120, 123, 126, 129, 132, 135]);
    expect(codes.filter((code) => code.zoneWidth === 6 && !code.prefixed).map((code) => code.centralMeridian)).toEqual([123, 129, 135]);
  });

  it('lists only codes that parseSiteLocation reads back onto their central meridian', () => {
    for (const code of gaussKrugerEpsgCodes()) {
      const zone = code.zoneWidth === 3 ? code.centralMeridian / 3 : (code.centralMeridian + 3) / 6;
      const y = code.prefixed ? `${zone}500000` : '500000';
      const result = located({ system: 'gauss-kruger', x: '5000000', y, epsg: code.epsg });
      expect(result.lon, code.label).toBeCloseTo(code.centralMeridian, 9);
      expect(result.zoneWidth).toBe(code.zoneWidth);
    }
  });
});

describe('site-location texts in Chinese and English', () => {
  it('says in Chinese that an EPSG code contradicts the easting prefix, with every number, and in English as before', () => {
    const result = refused({ system: 'gauss-kruger', x: '5069876.12', y: '43554321.98', epsg: 4530 });
    expect(english(result.message)).toBe(
      'EPSG 4530 (3° zone, CM 126°E) contradicts Y (easting) 43554321.98, whose prefix 43 means EPSG 4531 (3° zone 43, CM 129°E): choose EPSG 4531 or correct Y',
    );
    expect(chinese(result.message)).toBe(
      'EPSG 4530（3° 带，中央经线东经 126°）与 Y（东坐标）43554321.98 不符，其带号 43 对应 EPSG 4531（3° 带第 43 带，中央经线东经 129°）：请选择 EPSG 4531 或更正 Y',
    );
  });

  it('names the typed pair in the Chinese message of a pair with one value', () => {
    const result = refused({ system: 'wgs84', text: '126.6' });
    expect(english(result.message)).toBe(`Coordinates "126.6" hold one value: enter longitude and latitude separated by a comma or space, e.g. 126°38'12.5"E 45°45'30"N or 126.6368, 45.7583`);
    expect(chinese(result.message)).toBe(`坐标“126.6”只有一个值：请填写经度和纬度，以逗号或空格分隔，例如 126°38'12.5"E 45°45'30"N 或 126.6368, 45.7583`);
  });

  it('notes in Chinese how Gauss-Krüger coordinates were converted', () => {
    const result = located({ system: 'gauss-kruger', x: '4984944.378', y: '43500000' });
    expect(english(result.note)).toBe('CGCS2000 3° Gauss-Krüger zone 43 (EPSG:4531, CM 129°E) converted to WGS84 with proj4 to the millimetre (CGCS2000 and WGS84 agree within decimetres)');
    expect(chinese(result.note)).toBe('CGCS2000 3° 高斯-克吕格第 43 带（EPSG:4531，中央经线东经 129°）已用 proj4 转换为 WGS84，精确到毫米（CGCS2000 与 WGS84 相差在分米以内）');
  });
});
