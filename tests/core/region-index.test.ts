import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createRegionIndex } from '../../src/core/region-index.ts';
import { loadBoundariesFile } from '../../src/cli/load-boundaries-file.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('createRegionIndex', () => {
  const donut: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(3, 3, 6, 6)] };
  const islands: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(20, 0, 22, 2)], [square(30, 0, 32, 2)]] };
  const index = createRegionIndex([donut, islands]);

  it('finds a point in a polygon shell and not in its hole', () => {
    expect(index.locate(1, 1)).toBe(0);
    expect(index.locate(4, 4)).toBe(-1);
  });

  it('finds a point in either part of a multipolygon', () => {
    expect(index.locate(21, 1)).toBe(1);
    expect(index.locate(31, 1)).toBe(1);
    expect(index.locate(25, 1)).toBe(-1);
  });

  it('names the nearest region within a tolerance and nothing beyond it', () => {
    expect(index.nearest(10.001, 5, 0.01)).toBe(0);
    expect(index.nearest(15, 5, 0.01)).toBe(-1);
  });

  it('accepts rings without the closing vertex', () => {
    const open = createRegionIndex([{ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4]]] }]);
    expect(open.locate(2, 2)).toBe(0);
  });

  it('agrees with @turf/boolean-point-in-polygon on 20,000 seeded points over the 129 counties', () => {
    const counties = loadBoundariesFile().counties.features;
    const counties2 = createRegionIndex(counties.map((f) => f.geometry));
    const boxes = counties.map((f) => bbox(f));
    // Turf is the reference; the bbox check only skips counties Turf would answer false for anyway.
    const turfLocate = (lon: number, lat: number) =>
      counties.findIndex((f, i) => {
        const [x0, y0, x1, y1] = boxes[i]!;
        return lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1 && booleanPointInPolygon([lon, lat], f);
      });
    const random = seededRandom(20231230);
    let compared = 0;
    let inside = 0;
    for (let n = 0; n < 20000; n++) {
      const lon = 121 + random() * 14;
      const lat = 43.4 + random() * 10;
      if (counties2.nearest(lon, lat, 1e-9) !== -1) continue; // on an edge: either answer is right
      const expected = turfLocate(lon, lat);
      expect(counties2.locate(lon, lat), `point ${lon},${lat}`).toBe(expected);
      compared++;
      if (expected !== -1) inside++;
    }
    expect(compared).toBeGreaterThan(19990);
    expect(inside).toBeGreaterThan(5000);
  });
});
