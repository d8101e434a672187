import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zonesCommand, type ZoneJson } from '../../src/cli/zones-command.ts';
import { runCliCommand } from '../helpers/run-cli-command.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'zones-cli-'));
const write = (name: string, text: string) => {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
};
const square = (west: number, south: number, size: number) => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];
const feature = (name: string, geometry: object) => ({ type: 'Feature', properties: { name }, geometry });

const ZONES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    feature('甲', { type: 'Polygon', coordinates: [square(126.6, 45.72, 0.04)] }),
    feature('乙', { type: 'Polygon', coordinates: [square(126.62, 45.74, 0.04)] }),
    feature('蝴蝶结', { type: 'Polygon', coordinates: [[[126.7, 45.7], [126.72, 45.72], [126.72, 45.7], [126.7, 45.72], [126.7, 45.7]]] }),
    feature('未闭合', { type: 'Polygon', coordinates: [[[126.8, 45.7], [126.82, 45.7], [126.82, 45.72], [126.8, 45.72]]] }),
    feature('点', { type: 'Point', coordinates: [126.6, 45.7] }),
  ],
});

describe('zones validate', () => {
  it('prints every zone with area, city, county and problems, the file order kept', async () => {
    const run = await runCliCommand(zonesCommand, ['validate', write('zones.geojson', ZONES)]);
    expect(run.status).toBe(0);
    const zones = JSON.parse(run.stdout) as ZoneJson[];
    expect(zones.map((z) => z.name)).toEqual(['甲', '乙', '蝴蝶结', `${path.join(folder, 'zones.geojson')} #4`]);
    expect(zones[0]).toMatchObject({ city: '哈尔滨市', county: expect.any(String) });
    expect(zones[0]!.area_km2).toBeGreaterThan(13);
    expect(zones[0]!.problems).toEqual([expect.objectContaining({ kind: 'overlap', other: '乙', where: expect.any(Array) })]);
    expect(zones[1]!.problems[0]).toMatchObject({ kind: 'overlap', other: '甲' });
    expect(zones[2]!.problems).toEqual([expect.objectContaining({ kind: 'self_intersection', where: [126.71, 45.71] })]);
    expect(zones[3]).toMatchObject({ area_km2: null, problems: [expect.objectContaining({ kind: 'invalid_ring', where: null })] });
    expect(run.stderr).toContain('feature 5 ("点") is a Point, not an area');
    expect(run.stderr).toContain('4 zones, 4 with problems');
  });

  it('reads a CSV vertex list: a zone with an unreadable vertex is listed with its row and reason', async () => {
    const list = ['名称,序号,经度,纬度', '甲,1,126.60,45.72', '甲,2,126.64,45.72', '甲,3,126.64,45.76', '乙,1,126.62,45.74', '乙,2,abc,45.74', '乙,3,126.66,45.78'].join('\n');
    const run = await runCliCommand(zonesCommand, ['validate', write('拐点.csv', list)]);
    expect(run.status).toBe(0);
    const zones = JSON.parse(run.stdout) as ZoneJson[];
    expect(zones[0]).toMatchObject({ name: '甲', city: '哈尔滨市', problems: [] });
    expect(zones[1]).toMatchObject({ area_km2: null, problems: [{ kind: 'invalid_ring', where: null }] });
    expect(zones[1]!.problems[0]!.message).toMatch(/^经度: zone "乙" left out: /);
  });

  it('validates a KML MultiGeometry of two polygons as one zone (as Google Earth writes a zone in two parts)', async () => {
    const ring = (coordinates: number[][]) => `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>两块</name><MultiGeometry>${ring(square(126.6, 45.72, 0.01))}${ring(square(126.65, 45.72, 0.01))}</MultiGeometry></Placemark></Document></kml>`;
    const run = await runCliCommand(zonesCommand, ['validate', write('两块.kml', kml)]);
    expect(run.status).toBe(0);
    const zones = JSON.parse(run.stdout) as ZoneJson[];
    expect(zones).toHaveLength(1);
    expect(zones[0]).toMatchObject({ name: '两块', city: '哈尔滨市', problems: [] });
    expect(zones[0]!.area_km2).toBeGreaterThan(1.5);
  });

  it('exits 2 on an unreadable file and on a wrong form', async () => {
    expect((await runCliCommand(zonesCommand, ['validate', path.join(folder, 'none.geojson')])).status).toBe(2);
    const broken = await runCliCommand(zonesCommand, ['validate', write('broken.geojson', '{"type":')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.geojson/);
    expect((await runCliCommand(zonesCommand, ['check', 'x'])).status).toBe(2);
    expect((await runCliCommand(zonesCommand, ['validate', write('nocolumns.csv', '名称,x\nA,1\n')])).status).toBe(2);
  });

  it('runs through the command-line entry point', () => {
    const result = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'zones', 'validate', 'public/data/sample-no-burn-zones.geojson'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as ZoneJson[]).every((z) => z.problems.length === 0)).toBe(true);
  });
});
