import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { eiaCommand } from '../../src/cli/eia-command.ts';
import { loadBorderFile } from '../../src/io/node/load-border-file.ts';
import { EIA_OUTPUT_COLUMNS } from '../../src/io/formats/eia-output.ts';
import { parseDelimited } from '../../src/io/formats/parse-delimited.ts';
import { readXlsxTable } from '../../src/io/formats/read-xlsx-table.ts';
import { toXlsx } from '../../src/io/formats/write-xlsx.ts';
import { borderVertexNear, geodesicMetres, moveFrom, referenceDistance } from '../helpers/border-reference.ts';
import { runCliCommand } from '../helpers/run-cli-command.ts';

const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
const eia = (...args: string[]) => runCliCommand(eiaCommand, args);

interface VerdictJson {
  within_consultation_zone: boolean;
  distance_to_border_m: number;
  nearest_border_point: [number, number];
  neighbor_provinces: string[];
  province: string | null;
  city: string | null;
  county: string | null;
  consult_provinces: string[];
  threshold_m: number;
  nearest_border_piece: { neighbor: string; city: string; neighborCity: string };
  site: { kind: 'point'; wgs84: [number, number] } | { kind: 'polygon'; area_m2: number };
  coordinate_system: string;
  epsg: number | null;
  accuracy_m: number | null;
  downwind?: { reaches: string[]; wind_from_deg: number; sector_km: number; half_angle_deg: number; stack_height_m: number | null };
}

async function verdictOf(...args: string[]): Promise<VerdictJson> {
  const run = await eia(...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as VerdictJson;
}

const border = loadBorderFile();
// A vertex on the 牡丹江 (Heilongjiang) – 延边 (Jilin) border; azimuth − 90° points into Heilongjiang, + 90° into Jilin.
const vertex = borderVertexNear(border, 129.578, 43.872, '吉林省');
const HEILONGJIANG_SIDE = -90;
const JILIN_SIDE = 90;
const offset = (side: number, metres: number) => moveFrom(vertex, vertex.azimuth + side, metres);
const text = (value: number) => value.toFixed(9);

describe('npm run cli -- eia (one site)', () => {
  it.each([
    { name: '15 km into Heilongjiang', side: HEILONGJIANG_SIDE, metres: 15_000, within: true, province: '黑龙江省', consult: ['吉林省'] },
    { name: '25 km into Heilongjiang', side: HEILONGJIANG_SIDE, metres: 25_000, within: false, province: '黑龙江省', consult: [] },
    { name: '15 km into Jilin', side: JILIN_SIDE, metres: 15_000, within: true, province: '吉林省', consult: ['黑龙江省'] },
    { name: '25 km into Jilin', side: JILIN_SIDE, metres: 25_000, within: false, province: '吉林省', consult: [] },
  ])('a point $name gets the brute-force geodesic distance to within 1 m and within = $within', async ({ side, metres, within, province, consult }) => {
    const [lon, lat] = offset(side, metres);
    const reference = referenceDistance(border, lon, lat);
    // The border bends a little here: the reference lies within a kilometre of the construction, on the same side of 20 km.
    expect(reference.distance).toBeLessThanOrEqual(metres + 0.001);
    expect(reference.distance).toBeGreaterThan(metres - 1000);

    const verdict = await verdictOf('--lon', text(lon), '--lat', text(lat));
    expect(verdict.within_consultation_zone).toBe(within);
    expect(Math.abs(verdict.distance_to_border_m - reference.distance)).toBeLessThan(1);
    expect(geodesicMetres(verdict.nearest_border_point, reference.point)).toBeLessThan(5);
    // The printed nearest point (7 decimals, ~1 cm) is at the printed distance.
    expect(Math.abs(geodesicMetres([lon, lat], verdict.nearest_border_point) - verdict.distance_to_border_m)).toBeLessThan(0.05);
    expect(verdict.neighbor_provinces).toEqual(within ? ['吉林省'] : []);
    expect(verdict.consult_provinces).toEqual(consult);
    expect(verdict.province).toBe(province);
    expect(verdict.threshold_m).toBe(20_000);
    expect(verdict.nearest_border_piece).toEqual({ neighbor: '吉林省', city: '牡丹江市', neighborCity: '延边朝鲜族自治州' });
    if (province === '黑龙江省') expect(verdict.city).toBe('牡丹江市');
  });

  it('reads Gauss-Krüger X/Y with the zone prefix and, without it, with --epsg', async () => {
    const [lon, lat] = offset(HEILONGJIANG_SIDE, 15_000);
    const plain = await verdictOf('--lon', text(lon), '--lat', text(lat));
    // 3° zone 43 (CM 129°E): EPSG 4531 with the prefix in Y, EPSG 4552 without.
    const [easting, northing] = proj4('EPSG:4326', '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', [lon, lat]) as [number, number];
    const prefixed = await verdictOf('--gk', northing.toFixed(3), easting.toFixed(3));
    const withEpsg = await verdictOf('--gk', northing.toFixed(3), (easting - 43e6).toFixed(3), '--epsg', '4552');
    for (const verdict of [prefixed, withEpsg]) {
      expect(verdict.coordinate_system).toBe('gauss-kruger');
      expect(geodesicMetres((verdict.site as { wgs84: [number, number] }).wgs84, [lon, lat])).toBeLessThan(0.02);
      expect(Math.abs(verdict.distance_to_border_m - plain.distance_to_border_m)).toBeLessThan(0.02);
      expect(verdict.within_consultation_zone).toBe(true);
    }
    expect(prefixed.epsg).toBe(4531);
    expect(withEpsg.epsg).toBe(4552);
  });

  it('reads a degrees-minutes-seconds pair and GCJ-02 / BD-09 coordinates', async () => {
    const dms = await verdictOf('--dms', `129°34'41.5"E 43°52'18.25"N`);
    expect(dms.site).toEqual({ kind: 'point', wgs84: [Number((129 + 34 / 60 + 41.5 / 3600).toFixed(7)), Number((43 + 52 / 60 + 18.25 / 3600).toFixed(7))] });

    const wgs = await verdictOf('--lon', '129.58', '--lat', '44.0');
    const gcj = await verdictOf('--lon', '129.58', '--lat', '44.0', '--gcj');
    const bd = await verdictOf('--dms', '129.58E 44.0N', '--bd');
    expect(gcj.coordinate_system).toBe('gcj02');
    expect(gcj.accuracy_m).toBe(2);
    const shift = geodesicMetres([129.58, 44.0], (gcj.site as { wgs84: [number, number] }).wgs84);
    expect(shift).toBeGreaterThan(500);
    expect(shift).toBeLessThan(650);
    expect(gcj.distance_to_border_m).not.toBe(wgs.distance_to_border_m);
    expect(bd.coordinate_system).toBe('bd09');
    expect(geodesicMetres([129.58, 44.0], (bd.site as { wgs84: [number, number] }).wgs84)).toBeGreaterThan(shift);
  });

  it('adds the downwind sector: toward the border it reaches Jilin, away from it nothing', async () => {
    const [lon, lat] = offset(HEILONGJIANG_SIDE, 15_000);
    const towardJilin = (vertex.azimuth + JILIN_SIDE + 360) % 360;
    const from = (towardJilin + 180) % 360;
    const toward = await verdictOf('--lon', text(lon), '--lat', text(lat), '--wind-from', String(from), '--sector-km', '30', '--stack-height', '60');
    expect(toward.downwind).toMatchObject({ reaches: ['吉林省'], wind_from_deg: from, sector_km: 30, half_angle_deg: 22.5, stack_height_m: 60 });
    const away = await verdictOf('--lon', text(lon), '--lat', text(lat), '--wind-from', String(towardJilin), '--sector-km', '30');
    expect(away.downwind?.reaches).toEqual([]);
    expect((await verdictOf('--lon', text(lon), '--lat', text(lat))).downwind).toBeUndefined();
  });

  it('judges the first polygon of a site file and notes the features it ignored', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eia-site-'));
    // A 1 km square whose corner nearest the border is the 15 km point on the Heilongjiang side.
    const corner = offset(HEILONGJIANG_SIDE, 15_000);
    const inward = vertex.azimuth + HEILONGJIANG_SIDE;
    const along = moveFrom({ lon: corner[0], lat: corner[1] }, vertex.azimuth, 1000);
    const deep = moveFrom({ lon: corner[0], lat: corner[1] }, inward, 1000);
    const diagonal = moveFrom({ lon: along[0], lat: along[1] }, inward, 1000);
    const square = [corner, along, diagonal, deep, corner];
    const file = path.join(dir, 'site.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'gate' }, geometry: { type: 'Point', coordinates: [126.65, 45.75] } },
          { type: 'Feature', properties: { name: '厂区' }, geometry: { type: 'Polygon', coordinates: [square] } },
          { type: 'Feature', properties: { name: 'other' }, geometry: { type: 'Polygon', coordinates: [[[126, 45], [126.1, 45], [126.1, 45.1], [126, 45]]] } },
        ],
      }),
    );
    const run = await eia('--site', file);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('judged feature 2 (Polygon); 2 other features ignored');
    const verdict = JSON.parse(run.stdout) as VerdictJson;
    const cornerDistance = referenceDistance(border, ...corner).distance;
    expect(verdict.within_consultation_zone).toBe(true);
    expect(verdict.distance_to_border_m).toBeLessThanOrEqual(cornerDistance + 0.01);
    expect(verdict.distance_to_border_m).toBeGreaterThan(cornerDistance - 1000);
    expect(verdict.site.kind).toBe('polygon');
    expect((verdict.site as { area_m2: number }).area_m2).toBeGreaterThan(0.99e6);
    expect((verdict.site as { area_m2: number }).area_m2).toBeLessThan(1.01e6);
    expect(verdict.consult_provinces).toEqual(['吉林省']);

    const bowTie = path.join(dir, 'bow-tie.geojson');
    writeFileSync(bowTie, JSON.stringify({ type: 'Polygon', coordinates: [[[129, 44], [129.1, 44.1], [129.1, 44], [129, 44.1], [129, 44]]] }));
    const crossed = await eia('--site', bowTie);
    expect(crossed.status).toBe(2);
    expect(crossed.stderr).toMatch(/--site .*bow-tie\.geojson: site polygon outer ring crosses itself at 129\.050000, 44\.05/);

    const empty = path.join(dir, 'empty.geojson');
    writeFileSync(empty, '');
    const emptyRun = await eia('--site', empty);
    expect(emptyRun.status).toBe(2);
    expect(emptyRun.stderr).toContain('empty.geojson: the file is empty');
  });

  it('exits 2 naming the field: swapped coordinates, Gauss-Krüger easting without zone, malformed DMS, clashing options', async () => {
    const swapped = await eia('--lon', '44.0', '--lat', '129.58');
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toContain('--lon/--lat: ');
    expect(swapped.stderr).toContain('try: eia --lon 129.58 --lat 44.0');

    const dms = await eia('--dms', `129°34'61"E 43°52'18"N`);
    expect(dms.status).toBe(2);
    expect(dms.stderr).toContain('--dms: ');
    expect(dms.stderr).toContain('not valid degrees-minutes-seconds');

    for (const [args, message] of [
      [['--lon', '129.58'], '--lon needs --lat'],
      [['--lon', '129.58', '--lat', '44', '--gcj', '--bd'], '--gcj and --bd exclude each other'],
      [['--gk', '4860000', '43550000', '--gcj'], '--gcj applies to --lon/--lat and --dms'],
      [['--lon', '129.58', '--lat', '44', '--dms', '129.58E 44N'], 'give one site at a time'],
      [['--lon', '129.58', '--lat', '44', '--epsg', '4552'], '--epsg applies to --gk'],
      [['--lon', '129.58', '--lat', '44', '--wind-from', '90'], '--wind-from and --sector-km go together'],
      [['--lon', '129.58', '--lat', '44', '--threshold-km', '-3'], '--threshold-km -3: expected'],
      [['--gk', '4860000'], '--gk needs two values'],
      [[], 'give a site'],
    ] as const) {
      const run = await eia(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });

  it('exits 2 through main.ts with the parse-site-location message when the easting has no zone and no --epsg', () => {
    const run = cli('eia', '--gk', '4861234.5', '550000');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: --gk Y (easting): Y (easting) 550000 has no zone prefix: choose the EPSG code');
  });

  it('uses --threshold-km instead of the rule book distance', async () => {
    const [lon, lat] = offset(HEILONGJIANG_SIDE, 25_000);
    const verdict = await verdictOf('--lon', text(lon), '--lat', text(lat), '--threshold-km', '30');
    expect(verdict.threshold_m).toBe(30_000);
    expect(verdict.within_consultation_zone).toBe(true);
  });
});

describe('npm run cli -- eia <sites table>', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'eia-table-'));
  const points = {
    heilongjiang15: offset(HEILONGJIANG_SIDE, 15_000),
    heilongjiang25: offset(HEILONGJIANG_SIDE, 25_000),
    jilin15: offset(JILIN_SIDE, 15_000),
    jilin25: offset(JILIN_SIDE, 25_000),
  };

  it('keeps every row in input order: verdicts for good rows, the reason in error for bad ones', async () => {
    const input = path.join(dir, 'sites.csv');
    writeFileSync(
      input,
      [
        '名称,经度,纬度,备注',
        `东宁热电,${text(points.heilongjiang15[0])},${text(points.heilongjiang15[1])},a`,
        `穆棱水泥,${text(points.heilongjiang25[0])},${text(points.heilongjiang25[1])},b`,
        `珲春化工,${text(points.jilin15[0])},${text(points.jilin15[1])},c`,
        '哈尔滨站,126.65,45.75,d',
        '空纬度,129.5,,e',
        '坏经度,129.5E5,44.0,f',
        `汪清木业,${text(points.jilin25[0])},${text(points.jilin25[1])},g`,
      ].join('\n'),
    );
    const out = path.join(dir, 'verdicts.csv');
    const run = await eia(input, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/sites\.csv: 7 rows, 5 sites judged, 2 within the 20 km consultation zone, 2 rejected, [\d.]+ s → .*verdicts\.csv/);
    expect(run.stderr).toContain('consult: 吉林省 1, 黑龙江省 1');
    expect(run.stderr).toContain('row 6, 纬度: Latitude is empty');
    expect(run.stderr).toContain('row 7, 经度: Longitude "129.5E5" is not a number of degrees');

    const table = parseDelimited(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    expect(table.header).toEqual(['名称', '经度', '纬度', '备注', ...EIA_OUTPUT_COLUMNS]);
    const rows = Array.from({ length: table.recordCount }, (_, i) => Object.fromEntries(table.record(i).map((cell, c) => [table.header[c]!, cell])));
    expect(rows.map((r) => r['名称'])).toEqual(['东宁热电', '穆棱水泥', '珲春化工', '哈尔滨站', '空纬度', '坏经度', '汪清木业']);
    expect(rows.map((r) => r['备注'])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(rows.map((r) => r['within_consultation_zone'])).toEqual(['true', 'false', 'true', 'false', '', '', 'false']);
    expect(rows.map((r) => r['neighbor_provinces'])).toEqual(['吉林省', '', '吉林省', '', '', '', '']);
    expect(rows.map((r) => r['consult_provinces'])).toEqual(['吉林省', '', '黑龙江省', '', '', '', '']);
    expect(rows.map((r) => r['province'])).toEqual(['黑龙江省', '黑龙江省', '吉林省', '黑龙江省', '', '', '吉林省']);
    expect(rows[3]).toMatchObject({ city: '哈尔滨市', county: '南岗区' });
    expect(rows.map((r) => r['error'] === '')).toEqual([true, true, true, true, false, false, true]);
    expect(rows[4]!['error']).toMatch(/^纬度: Latitude is empty/);
    expect(rows[5]!['error']).toMatch(/^经度: Longitude "129\.5E5" is not a number of degrees/);
    for (const bad of [rows[4]!, rows[5]!]) {
      for (const column of EIA_OUTPUT_COLUMNS.slice(0, -1)) expect(bad[column], column).toBe('');
    }
    // Distances as printed (0.01 m) agree with the brute-force reference within 1 m.
    for (const [row, point] of [
      [rows[0]!, points.heilongjiang15],
      [rows[6]!, points.jilin25],
    ] as const) {
      expect(row['distance_to_border_m']).toMatch(/^\d+\.\d\d$/);
      expect(Math.abs(Number(row['distance_to_border_m']) - referenceDistance(border, ...point).distance)).toBeLessThan(1);
    }
  });

  it('reads an XLSX of Gauss-Krüger X/Y and writes an XLSX', async () => {
    const toGk = (point: [number, number]) =>
      proj4('EPSG:4326', '+proj=tmerc +lat_0=0 +lon_0=129 +k=1 +x_0=43500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', point) as [number, number];
    const [e1, n1] = toGk(points.heilongjiang15);
    const [e2, n2] = toGk(points.jilin25);
    const input = path.join(dir, '建设项目.xlsx');
    writeFileSync(input, new Uint8Array(await (await toXlsx(['项目名称', 'X', 'Y'], [['甲', n1.toFixed(3), e1.toFixed(3)], ['乙', n2.toFixed(3), e2.toFixed(3)], ['丙', '4861234.5', '550000']])).arrayBuffer()));
    const out = path.join(dir, 'verdicts.xlsx');
    const run = await eia(input, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/3 rows, 2 sites judged, 1 within the 20 km consultation zone, 1 rejected/);
    expect(run.stderr).toContain('row 4, Y: Y (easting) 550000 has no zone prefix');

    const table = await readXlsxTable(new Uint8Array(readFileSync(out)), out);
    expect(table.header).toEqual(['项目名称', 'X', 'Y', ...EIA_OUTPUT_COLUMNS]);
    const column = (name: string) => Array.from({ length: table.recordCount }, (_, i) => table.record(i)[table.header.indexOf(name)]);
    expect(column('项目名称')).toEqual(['甲', '乙', '丙']);
    expect(column('within_consultation_zone')).toEqual(['true', 'false', '']);
    expect(column('province')).toEqual(['黑龙江省', '吉林省', '']);
    expect(column('error')[2]).toContain('has no zone prefix');

    // The same table with the zone given by --epsg for unprefixed eastings: the third row is judged too.
    const withEpsg = await eia(input, '--epsg', '4552');
    expect(withEpsg.status).toBe(0);
    expect(withEpsg.stderr).toMatch(/3 rows, 3 sites judged/);
  });

  it('exits 2 on an unreadable table or an option that does not apply', async () => {
    const missing = await eia(path.join(dir, 'missing.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing.csv: cannot read the file (ENOENT)');
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await eia(empty)).stderr).toContain('empty.csv: the file is empty');
    const noCoordinates = path.join(dir, 'no-coordinates.csv');
    writeFileSync(noCoordinates, '名称,地址\n甲,哈尔滨\n');
    const run = await eia(noCoordinates);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-coordinates.csv: no coordinate columns');
    expect((await eia(noCoordinates, '--gcj')).stderr).toContain('for a table use --system gcj02');
    expect((await eia(noCoordinates, '--system', 'mercator')).stderr).toContain('--system mercator: expected one of wgs84, gcj02, bd09, gauss-kruger');
    expect((await eia(noCoordinates, '--wind-from', '90', '--sector-km', '10')).status).toBe(2);
  });
});
