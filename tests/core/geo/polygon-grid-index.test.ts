import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import { createPolygonGridIndex } from '../../../src/core/geo/polygon-grid-index.ts';
import { createNearestRegionFinder } from '../../../src/core/geo/nearest-region.ts';
import { seededRandom } from '../../../src/core/seeded-random.ts';

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

  it('finds a point inside one of two overlapping regions when the cell centre lies in both (regression: 608 of 100,000 boilers missed)', () => {
    // Cell [0, 1)²: its centre (0.5, 0.5) is in both P and Q; only Q's right edge (x = 0.7) crosses the cell.
    const p: Polygon = { type: 'Polygon', coordinates: [square(-5, -5, 5, 5)] };
    const q: Polygon = { type: 'Polygon', coordinates: [square(-5, -5, 0.7, 5)] };
    for (const order of [[p, q], [q, p]]) {
      const index = createPolygonGridIndex(order, { cellDegrees: 1 });
      expect(index.locate(0.9, 0.5)).toBe(order.indexOf(p)); // in P, right of Q's edge
      expect([0, 1]).toContain(index.locate(0.3, 0.5)); // in both
      expect(index.locate(5.5, 0.5)).toBe(-1);
    }
  });

  it('agrees with Turf on "inside any" for 2,000 seeded overlapping polygons', () => {
    const random = seededRandom(7);
    const polygons: Polygon[] = Array.from({ length: 2000 }, () => {
      const [x, y, r] = [random() * 4, random() * 4, 0.05 + random() * 0.3];
      const ring = Array.from({ length: 12 }, (_, k) => {
        const angle = (k / 12) * 2 * Math.PI;
        const radius = r * (0.5 + random() * 0.5);
        return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
      });
      return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
    });
    const index = createPolygonGridIndex(polygons, { cellDegrees: 0.05 });
    let disagreements = 0;
    for (let i = 0; i < 5000; i++) {
      const [x, y] = [random() * 4, random() * 4];
      const turf = polygons.some((polygon) => booleanPointInPolygon([x, y], polygon));
      const found = index.locate(x, y);
      if (turf !== (found >= 0) || (found >= 0 && !booleanPointInPolygon([x, y], polygons[found]!))) disagreements++;
    }
    expect(disagreements).toBe(0);
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
