import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../src/cli/load-boundaries-file.ts';
import { createPolygonGridIndex } from '../../src/core/polygon-grid-index.ts';
import { createNearestRegionFinder } from '../../src/core/nearest-region.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const donut: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(3, 3, 6, 6)] };
const islands: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(20, 0, 22, 2)], [square(30, 0, 32, 2)]] };
const inTheHole: Polygon = { type: 'Polygon', coordinates: [square(3, 3, 6, 6)] };
const triangle: Polygon = { type: 'Polygon', coordinates: [[[12, 0], [19, 9], [12, 9], [12, 0]]] };

describe('createPolygonGridIndex', () => {
  for (const cellDegrees of [0.25, 1, 4]) {
    const index = createPolygonGridIndex([donut, islands, inTheHole, triangle], { cellDegrees });

    it(`handles holes, an enclave in a hole and multipolygons (cells of ${cellDegrees}°)`, () => {
      expect(index.locate(1, 1)).toBe(0);
      expect(index.locate(4.5, 4.5)).toBe(2);
      expect(index.locate(21, 1)).toBe(1);
      expect(index.locate(31.9, 1.9)).toBe(1);
      expect(index.locate(25, 1)).toBe(-1);
      expect(index.locate(13, 8)).toBe(3);
      expect(index.locate(17, 2)).toBe(-1); // right of the triangle's hypotenuse
    });

    it(`answers -1 outside the grid and for NaN (cells of ${cellDegrees}°)`, () => {
      expect(index.locate(-50, 5)).toBe(-1);
      expect(index.locate(5, 500)).toBe(-1);
      expect(index.locate(Number.NaN, 5)).toBe(-1);
    });
  }

  it('locates many points in one call into a caller-supplied array', () => {
    const index = createPolygonGridIndex([donut, islands]);
    const out = new Int32Array(3);
    expect(Array.from(index.locateMany([1, 21, 50], [1, 1, 1], out))).toEqual([0, 1, -1]);
    expect(() => index.locateMany([1, 2], [1])).toThrow('2 longitudes but 1 latitudes');
  });

  it('accepts an empty region list', () => {
    expect(createPolygonGridIndex([]).locateMany([1], [1])[0]).toBe(-1);
  });

  it('agrees with @turf/boolean-point-in-polygon on 50,000 seeded points over the 129 counties', () => {
    const counties = loadBoundariesFile().counties.features;
    const grid = createPolygonGridIndex(counties.map((f) => f.geometry));
    const nearEdge = createNearestRegionFinder(counties.map((f) => f.geometry));
    const boxes = counties.map((f) => bbox(f));
    const turfLocate = (lon: number, lat: number) =>
      counties.findIndex((f, i) => {
        const [x0, y0, x1, y1] = boxes[i]!;
        return lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1 && booleanPointInPolygon([lon, lat], f);
      });
    const random = seededRandom(19);
    const lons = new Float64Array(50_000);
    const lats = new Float64Array(50_000);
    for (let i = 0; i < lons.length; i++) {
      lons[i] = 121 + random() * 14;
      lats[i] = 43.3 + random() * 10.4;
    }
    const answers = grid.locateMany(lons, lats);
    let compared = 0;
    for (let i = 0; i < lons.length; i++) {
      if (nearEdge.nearest(lons[i]!, lats[i]!, 1e-9) !== -1) continue; // on an edge: either answer is right
      expect(answers[i], `point ${lons[i]},${lats[i]}`).toBe(turfLocate(lons[i]!, lats[i]!));
      compared++;
    }
    expect(compared).toBeGreaterThan(49_990);
  });

  it('agrees with Turf on points scattered within 50 m of county vertices, where cells are mixed', () => {
    const counties = loadBoundariesFile().counties.features;
    const grid = createPolygonGridIndex(counties.map((f) => f.geometry));
    const nearEdge = createNearestRegionFinder(counties.map((f) => f.geometry));
    const random = seededRandom(7);
    let compared = 0;
    for (const county of counties.slice(0, 30)) {
      const ring = (county.geometry.type === 'Polygon' ? county.geometry.coordinates[0] : county.geometry.coordinates[0]![0])!;
      for (let k = 0; k < 60; k++) {
        const [x, y] = ring[Math.floor(random() * ring.length)]!;
        const lon = x! + (random() - 0.5) * 0.001;
        const lat = y! + (random() - 0.5) * 0.001;
        if (nearEdge.nearest(lon, lat, 1e-9) !== -1) continue;
        const expected = counties.findIndex((f) => booleanPointInPolygon([lon, lat], f));
        expect(grid.locate(lon, lat), `point ${lon},${lat}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1700);
  });
});
