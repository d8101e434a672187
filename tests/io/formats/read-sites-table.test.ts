import { describe, expect, it } from 'vitest';
import { toGaussKruger3 } from '../../../src/core/geo/coordinates.ts';
import { seededRandom } from '../../../src/core/seeded-random.ts';
import { TextError } from '../../../src/core/text/text.ts';
import { parseSiteLocation, type SiteLocationInput } from '../../../src/io/formats/parse-site-location.ts';
import { readSitesTable, type SitesTable } from '../../../src/io/formats/read-sites-table.ts';
import { parseSystem } from '../../../src/io/formats/table-columns.ts';
import { toXlsx } from '../../../src/io/formats/write-xlsx.ts';
import { chinese, english, inEnglish } from '../../helpers/in-english.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const LON = 126 + 38 / 60 + 12.5 / 3600;
const LAT = 45 + 45 / 60 + 30 / 3600;
const TOLERANCE = 1e-7;

/** The WGS84 location parseSiteLocation gives for an input: what each table row must equal. */
function expected(input: SiteLocationInput): [number, number] {
  const result = parseSiteLocation(input);
  if (!result.ok) throw new Error(english(result.message));
  return [result.lon, result.lat];
}

function site(table: SitesTable, name: string) {
  const found = table.sites.find((row) => row.name === name);
  if (!found) throw new Error(`no site ${name}; rejected: ${JSON.stringify(table.rejected)}`);
  return found;
}

describe('readSitesTable: CSV', () => {
  it('reads names, decimal and DMS longitude/latitude columns with their line numbers', async () => {
    const csv = ['项目名称,经度,纬度', `哈尔滨热电,${LON},${LAT}`, `齐齐哈尔项目,"123°57'30""E","47°21'N"`, `,126.5,45.5`].join('\r\n');
    const table = await readSitesTable(utf8(csv), '建设项目.csv');
    expect(table.columns).toMatchObject({ name: 0, lon: 1, lat: 2, pair: -1, x: -1, y: -1, system: -1, epsg: -1 });
    expect(table.rejected).toEqual([]);
    expect(table.sites.map((row) => [row.record, row.row, row.name])).toEqual([
      [0, 2, '哈尔滨热电'],
      [1, 3, '齐齐哈尔项目'],
      [2, 4, 'row 4'],
    ]);
    const harbin = site(table, '哈尔滨热电');
    expect(Math.abs(harbin.location.lon - LON)).toBeLessThan(TOLERANCE);
    expect(Math.abs(harbin.location.lat - LAT)).toBeLessThan(TOLERANCE);
    expect(harbin.input).toEqual({ system: 'wgs84', lon: String(LON), lat: String(LAT) });
    const qiqihar = site(table, '齐齐哈尔项目').location;
    expect(Math.abs(qiqihar.lon - (123 + 57 / 60 + 30 / 3600))).toBeLessThan(TOLERANCE);
    expect(Math.abs(qiqihar.lat - (47 + 21 / 60))).toBeLessThan(TOLERANCE);
    expect(table.record(1)).toEqual(['齐齐哈尔项目', `123°57'30"E`, `47°21'N`]);
  });

  it('lists every bad row with its line, column header, reason and text', async () => {
    const csv = [
      '名称,经度,纬度',
      'good,126.5,45.5',
      `bad dms,126°61',45.5`,
      'no lat,126.5,',
      'swapped,45.75,126.63',
      'shanghai,121.47,31.23',
      ',,',
      '名称,经度,纬度',
      'words,east,45.5',
    ].join('\n');
    const table = await readSitesTable(utf8(csv), 'sites.csv');
    expect(table.sites.map((row) => row.name)).toEqual(['good']);
    expect(table.rejected.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 3, field: '经度', value: `126°61'` },
      { row: 4, field: '纬度', value: '' },
      { row: 5, field: '经度/纬度', value: '45.75, 126.63' },
      { row: 6, field: '纬度', value: '31.23' },
      { row: 7, field: '(row)', value: '' },
      { row: 8, field: '(row)', value: '名称,经度,纬度'.replaceAll(',', ', ') },
      { row: 9, field: '经度', value: 'east' },
    ]);
    expect(english(table.rejected[0]!.reason)).toMatch(/not valid degrees-minutes-seconds/);
    expect(english(table.rejected[1]!.reason)).toMatch(/^Latitude is empty/);
    expect(english(table.rejected[2]!.reason)).toMatch(/wrong way round/);
    expect(english(table.rejected[3]!.reason)).toMatch(/outside the area/);
    expect(table.recordCount).toBe(table.sites.length + table.rejected.length);
  });

  it('reads a 坐标 column holding the pair, longitude first or marked', async () => {
    const csv = ['站点,坐标', `a,"126°38'12.5""E 45°45'30""N"`, `b,"北纬45°45'30"" 东经126°38'12.5"""`, `c,${LON} ${LAT}`, 'd,"45.75, 126.63"'].join('\n');
    const table = await readSitesTable(utf8(csv), 'pairs.csv');
    expect(table.columns.pair).toBe(1);
    for (const name of ['a', 'b', 'c']) {
      expect(Math.abs(site(table, name).location.lon - LON), name).toBeLessThan(TOLERANCE);
      expect(Math.abs(site(table, name).location.lat - LAT), name).toBeLessThan(TOLERANCE);
    }
    expect(inEnglish(table.rejected)).toEqual([{ row: 5, field: '坐标', reason: expect.stringMatching(/wrong way round/), value: '45.75, 126.63' }]);
  });

  it('applies each row’s 坐标系 before options.system, which applies before WGS84', async () => {
    const forward = toGaussKruger3(129.2, 46.3); // zone 43
    const csv = [
      'name,lng,lat,X,Y,坐标系',
      '1,126.6368,45.7583,,,WGS-84',
      '2,126.6368,45.7583,,,2000国家大地坐标系',
      '3,126.6368,45.7583,,,GCJ-02',
      '4,126.6368,45.7583,,,高德',
      '5,126.6368,45.7583,,,火星坐标',
      '6,126.6368,45.7583,,,BD09',
      '7,126.6368,45.7583,,,百度',
      `8,,,${forward.x},${forward.y},EPSG:4531`,
      `9,,,${forward.x},${forward.y - 43e6},4552`,
      '10,126.6368,45.7583,,,',
      '11,126.6368,45.7583,,,Mercator?',
      `12,,,${forward.x},${forward.y},北京54 3度带`,
      `13,,,${forward.x},${forward.y},EPSG:4530`,
    ].join('\n');
    const table = await readSitesTable(utf8(csv), 'mixed.csv', { system: 'gcj02' });
    const wgs = expected({ system: 'wgs84', lon: '126.6368', lat: '45.7583' });
    const gcj = expected({ system: 'gcj02', lon: '126.6368', lat: '45.7583' });
    const bd = expected({ system: 'bd09', lon: '126.6368', lat: '45.7583' });
    const expectations: Record<string, [number, number]> = { 1: wgs, 2: wgs, 3: gcj, 4: gcj, 5: gcj, 6: bd, 7: bd, 8: [129.2, 46.3], 9: [129.2, 46.3], 10: gcj };
    for (const [name, [lon, lat]] of Object.entries(expectations)) {
      expect(Math.abs(site(table, name).location.lon - lon), name).toBeLessThan(TOLERANCE);
      expect(Math.abs(site(table, name).location.lat - lat), name).toBeLessThan(TOLERANCE);
    }
    expect(site(table, '8').location).toMatchObject({ system: 'gauss-kruger', epsg: 4531 });
    expect(site(table, '9').location).toMatchObject({ system: 'gauss-kruger', epsg: 4552 });
    expect(site(table, '10').location.system).toBe('gcj02');
    expect(inEnglish(table.rejected)).toEqual([
      { row: 12, field: '坐标系', reason: expect.stringMatching(/unknown coordinate system "Mercator\?"/), value: 'Mercator?' },
      { row: 13, field: '坐标系', reason: expect.stringMatching(/Beijing 1954 or Xi'an 1980.*convert the coordinates to CGCS2000/), value: '北京54 3度带' },
      { row: 14, field: '坐标系', reason: expect.stringMatching(/^EPSG 4530 .* contradicts Y/), value: 'EPSG:4530' },
    ]);
  });

  it('reads a table of X/Y as Gauss-Krüger: zone from the prefix, an EPSG column, or options.epsg for eastings without prefix', async () => {
    const a = toGaussKruger3(129.4, 47.1); // zone 43
    const b = toGaussKruger3(131.8, 46.6); // zone 44
    const csv = [
      '单位名称,X坐标(m),Y坐标（m）,EPSG',
      `prefixed,${a.x},${a.y},`,
      `column,${b.x},${b.y - 44e6},4553`,
      `option,${a.x},${a.y - 43e6},`,
      `swapped,${a.y},${a.x},`,
      `conflict,${a.x},${a.y},4530`,
      `bad code,${a.x},${a.y},EPSG 45xx`,
    ].join('\n');
    const table = await readSitesTable(utf8(csv), 'gk.csv', { epsg: 4552 });
    expect(table.columns).toMatchObject({ name: 0, x: 1, y: 2, epsg: 3, lon: -1, lat: -1 });
    for (const [name, lon, lat] of [['prefixed', 129.4, 47.1], ['column', 131.8, 46.6], ['option', 129.4, 47.1]] as const) {
      expect(Math.abs(site(table, name).location.lon - lon), name).toBeLessThan(TOLERANCE);
      expect(Math.abs(site(table, name).location.lat - lat), name).toBeLessThan(TOLERANCE);
    }
    expect(site(table, 'column').location.epsg).toBe(4553);
    expect(site(table, 'option').location.epsg).toBe(4552);
    expect(table.rejected.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 5, field: 'X坐标(m)/Y坐标（m）' },
      { row: 6, field: 'EPSG' },
      { row: 7, field: 'EPSG' },
    ]);
    expect(english(table.rejected[0]!.reason)).toMatch(/X is the northing/);
    expect(english(table.rejected[1]!.reason)).toMatch(/contradicts/);
  });

  it('refuses a Y without prefix when no zone is known, blaming the Y column', async () => {
    const a = toGaussKruger3(129.4, 47.1);
    const table = await readSitesTable(utf8(`名称,北坐标,东坐标\nsite,${a.x},${a.y - 43e6}\n`), 'gk.csv');
    expect(table.sites).toEqual([]);
    expect(inEnglish(table.rejected)).toEqual([{ row: 2, field: '东坐标', reason: expect.stringMatching(/has no zone prefix/), value: String(a.y - 43e6) }]);
  });

  it('reads semicolon files with decimal commas', async () => {
    const table = await readSitesTable(utf8('Name;Longitude;Latitude\nA;126,6368;45,7583\n'), 'eu.csv');
    expect(table.sites[0]!.location).toMatchObject({ lon: 126.6368, lat: 45.7583 });
  });

  it('reads X/Y in degrees as longitude/latitude when the rows are geographic', async () => {
    const table = await readSitesTable(utf8('name,x,y\nA,126.6368,45.7583\n'), 'gis.csv', { system: 'wgs84' });
    expect(table.sites[0]!.location).toMatchObject({ lon: 126.6368, lat: 45.7583, system: 'wgs84' });
  });
});

describe('readSitesTable: XLSX', () => {
  it('reads the first sheet with sheet row numbers, numbers and DMS text alike', async () => {
    const blob = await toXlsx(['建设项目名称', '经度', '纬度', '坐标系'], [
      ['项目甲', '126.6368', '45.7583', 'CGCS2000'],
      ['', '', '', ''],
      ['项目乙', `126°38'12.5"E`, `45°45'30"N`, '百度'],
      ['项目丙', '126.6368', '95', ''],
    ]);
    const table = await readSitesTable(new Uint8Array(await blob.arrayBuffer()), '项目.xlsx');
    expect(table.header).toEqual(['建设项目名称', '经度', '纬度', '坐标系']);
    expect(table.sites.map((row) => [row.name, row.row, row.location.system])).toEqual([
      ['项目甲', 2, 'wgs84'],
      ['项目乙', 4, 'bd09'],
    ]);
    expect(site(table, '项目甲').location).toMatchObject({ lon: 126.6368, lat: 45.7583 });
    const [lon, lat] = expected({ system: 'bd09', lon: String(LON), lat: String(LAT) });
    expect(Math.abs(site(table, '项目乙').location.lon - lon)).toBeLessThan(TOLERANCE);
    expect(Math.abs(site(table, '项目乙').location.lat - lat)).toBeLessThan(TOLERANCE);
    expect(table.rejected.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 3, field: '(row)', value: '' },
      { row: 5, field: '纬度', value: '95' },
    ]);
  });

  it('says which workbook cannot be read and what columns it needs', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readSitesTable(broken, 'broken.xlsx')).rejects.toThrow(/^broken\.xlsx: not a readable XLSX workbook.*经度 and 纬度/);
  });
});

describe('readSitesTable: files it cannot use', () => {
  it('throws with the file name and the expected columns', async () => {
    await expect(readSitesTable(new Uint8Array(), 'empty.csv')).rejects.toThrow(/^empty\.csv: the file is empty; expected columns 经度 and 纬度/);
    await expect(readSitesTable(utf8('名称,地址\n甲,哈尔滨\n'), 'names.csv')).rejects.toThrow(/^names\.csv: no coordinate columns among: 名称, 地址; expected columns 经度 and 纬度/);
    await expect(readSitesTable(utf8('名称,经度\n甲,126.5\n'), 'half.csv')).rejects.toThrow(/^half\.csv: no coordinate columns \(only "经度" without its partner\)/);
    await expect(readSitesTable(utf8('名称,经度,纬度\n'), 'header.csv')).rejects.toThrow(/^header\.csv: the header has no rows below it/);
  });
});

describe('readSitesTable: 10,000 rows', () => {
  it('reads every row once, accepting the good and listing each bad one', async () => {
    const random = seededRandom(20240405);
    const lines = ['名称,经度,纬度,坐标系'];
    let bad = 0;
    const systems = ['WGS84', 'GCJ02', 'BD09', ''];
    for (let i = 0; i < 10_000; i++) {
      const lon = 121.5 + random() * 13;
      const lat = 43.5 + random() * 9.5;
      if (i % 97 === 0) {
        bad++;
        lines.push(`site ${i},${lon.toFixed(6)},${i % 2 === 0 ? '' : `${Math.floor(lat)}°75'`},WGS84`);
      } else if (i % 3 === 0) {
        const degrees = Math.floor(lat);
        const minutes = Math.floor((lat - degrees) * 60);
        lines.push(`site ${i},${lon.toFixed(6)},"${degrees}°${minutes}'${(((lat - degrees) * 60 - minutes) * 60).toFixed(2)}""N",${systems[i % 4]}`);
      } else {
        lines.push(`site ${i},${lon.toFixed(6)},${lat.toFixed(6)},${systems[i % 4]}`);
      }
    }
    const table = await readSitesTable(utf8(lines.join('\n')), 'big.csv');
    expect(table.recordCount).toBe(10_000);
    expect(table.rejected).toHaveLength(bad);
    expect(table.sites).toHaveLength(10_000 - bad);
    expect(new Set(table.rejected.map((rejection) => rejection.field))).toEqual(new Set(['纬度']));
    expect(table.rejected[0]).toMatchObject({ row: 2, value: '' });
    expect(table.sites.every((row) => row.row === row.record + 2)).toBe(true);
    expect(new Set(table.sites.map((row) => row.location.system))).toEqual(new Set(['wgs84', 'gcj02', 'bd09']));
  });
});

describe('sites-table texts in Chinese and English', () => {
  it('refuses a row in Chinese naming the cell, and in English as before', async () => {
    const table = await readSitesTable(utf8('名称,经度,纬度,EPSG\nA,126.6,45.7,EPSG-甲\nB,,,\n'), '项目.csv');
    const [epsg, empty] = table.rejected;
    expect(english(epsg!.reason)).toBe('EPSG code "EPSG-甲" is not a number: write the code, e.g. 4531');
    expect(chinese(epsg!.reason)).toBe('EPSG 代码“EPSG-甲”不是数字：请填写代码，例如 4531');
    expect(english(empty!.reason)).toBe('no coordinates in this row: fill in 经度/纬度');
    expect(chinese(empty!.reason)).toBe('该行没有坐标：请填写 经度/纬度');
  });

  it('names the file in the Chinese error of an empty table', async () => {
    const error = await readSitesTable(new Uint8Array(0), '空表.csv').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TextError);
    const { message, text: reason } = error as TextError;
    expect(message).toMatch(/^空表\.csv: the file is empty; expected columns 经度 and 纬度/);
    expect(english(reason)).toBe(message);
    expect(chinese(reason)).toMatch(/^空表\.csv：文件为空；应为：经度和纬度两列/);
  });

  it('says in Chinese that a 坐标系 cell names a legacy datum, keeping the cell', () => {
    const parsed = parseSystem('北京54');
    expect('problem' in parsed).toBe(true);
    if (!('problem' in parsed)) return;
    expect(english(parsed.problem)).toBe(`"北京54" is Beijing 1954 or Xi'an 1980, which differ from CGCS2000 by up to about 100 m: convert the coordinates to CGCS2000 with your surveying software first`);
    expect(chinese(parsed.problem)).toBe('“北京54”是北京 1954 或西安 1980 坐标系，与 CGCS2000 相差可达约 100 米：请先用测量软件将坐标转换为 CGCS2000');
  });
});
