import { booleanPointInPolygon } from '@turf/turf';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection, LineString, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { borderCommand } from '../../src/cli/border-command.ts';
import { loadBorderFile } from '../../src/io/node/load-border-file.ts';
import type { BorderProperties } from '../../src/core/eia/provincial-border.ts';
import { borderVertexNear, geodesicMetres, moveFrom, referenceDistance } from '../helpers/border-reference.ts';
import { runCliCommand } from '../helpers/run-cli-command.ts';

const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });

function lengthKm(coordinates: number[][]): number {
  let metres = 0;
  for (let i = 1; i < coordinates.length; i++) metres += geodesicMetres(coordinates[i - 1]!, coordinates[i]!);
  return metres / 1000;
}

describe('npm run cli -- border', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'border-'));

  it('prints the Jilin and Inner Mongolia border lines as GeoJSON, 1,648 km and 2,394 km long', async () => {
    const run = await runCliCommand(borderCommand, []);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = JSON.parse(run.stdout) as FeatureCollection<LineString, BorderProperties>;
    expect(lines.type).toBe('FeatureCollection');
    expect(new Set(lines.features.map((f) => f.geometry.type))).toEqual(new Set(['LineString']));
    expect(new Set(lines.features.map((f) => f.properties.neighbor))).toEqual(new Set(['吉林省', '内蒙古自治区']));
    const km = (neighbor: string) => lines.features.filter((f) => f.properties.neighbor === neighbor).reduce((sum, f) => sum + lengthKm(f.geometry.coordinates), 0);
    expect(km('吉林省')).toBeGreaterThan(1648 * 0.99);
    expect(km('吉林省')).toBeLessThan(1648 * 1.01);
    expect(km('内蒙古自治区')).toBeGreaterThan(2394 * 0.99);
    expect(km('内蒙古自治区')).toBeLessThan(2394 * 1.01);
  });

  it('writes the 20 km buffer as one MultiPolygon feature holding a point 10 km from the border but not one 30 km away', () => {
    const out = path.join(dir, 'buffer-20.geojson');
    const run = cli('border', '--buffer', '20', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^20 km border buffer: \d+ polygons, [\d,]+ vertices, [\d,.]+ km², [\d.]+ s → .*buffer-20\.geojson\n$/);
    const buffer = JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection<MultiPolygon>;
    expect(buffer.features).toHaveLength(1);
    const [feature] = buffer.features;
    expect(feature!.geometry.type).toBe('MultiPolygon');
    expect(feature!.properties).toMatchObject({ distance_km: 20, method: expect.stringContaining('geodesic') });

    // A straight stretch of the 牡丹江–延边 border: perpendicular points off a vertex, checked by brute force.
    const border = loadBorderFile();
    const vertex = borderVertexNear(border, 129.578, 43.872, '吉林省');
    for (const side of [90, -90]) {
      const near = moveFrom(vertex, vertex.azimuth + side, 10_000);
      const far = moveFrom(vertex, vertex.azimuth + side, 30_000);
      expect(referenceDistance(border, ...near).distance).toBeLessThanOrEqual(10_000.001);
      expect(referenceDistance(border, ...far).distance).toBeGreaterThan(25_000);
      expect(booleanPointInPolygon(near, feature!.geometry)).toBe(true);
      expect(booleanPointInPolygon(far, feature!.geometry)).toBe(false);
    }
  });

  it('exits 2 on a buffer outside 1–100 km or an unknown option', async () => {
    const run = cli('border', '--buffer', '150');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--buffer 150: expected a distance in km from 1 to 100');
    expect(run.stdout).toBe('');
    for (const args of [['--buffer', '0.5'], ['--buffer', 'abc'], ['--buffer', ''], ['--colour', 'red'], ['extra']]) {
      expect((await runCliCommand(borderCommand, args)).status, args.join(' ')).toBe(2);
    }
  });
});
