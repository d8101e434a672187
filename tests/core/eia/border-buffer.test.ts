import { readFileSync } from 'node:fs';
import type { MultiPolygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferBorder } from '../../../src/core/eia/border-buffer.ts';
import { createGeodesicPolylineIndex, type GeodesicPolylineIndex } from '../../../src/core/geo/geodesic-polyline-index.ts';
import { geodesicArea } from '../../../src/core/geo/geodesic-area.ts';
import { pointInRing } from '../../../src/core/geo/point-in-ring.ts';
import type { ProvincialBorder } from '../../../src/core/eia/provincial-border.ts';
import { seededRandom } from '../../../src/core/seeded-random.ts';
import { geodesicDestination } from '../../helpers/brute-force-geodesic.ts';

let border: GeodesicPolylineIndex;

beforeAll(() => {
  const file = JSON.parse(readFileSync(new URL('../../../public/data/provincial-border.geojson', import.meta.url), 'utf8')) as ProvincialBorder;
  border = createGeodesicPolylineIndex(file.features.map((f) => f.geometry.coordinates));
});

/** Points along the polygon's edges: every edge's midpoint (where a chord strays most), and seeded random points on seeded edges. */
function edgeSamples(polygon: MultiPolygon, count: number, seed: number): Position[] {
  const random = seededRandom(seed);
  const edges = polygon.coordinates.flat().flatMap((ring) => ring.slice(1).map((b, i) => [ring[i]!, b] as const));
  const samples: Position[] = edges.map(([a, b]) => [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]);
  for (let n = 0; n < count; n++) {
    const [a, b] = edges[Math.floor(random() * edges.length)]!;
    const t = random();
    samples.push([a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)]);
  }
  return samples;
}

const polygonContains = (polygon: MultiPolygon, [lon, lat]: Position) =>
  polygon.coordinates.some((rings) => pointInRing(lon!, lat!, rings[0]!) && !rings.slice(1).some((hole) => pointInRing(lon!, lat!, hole)));

describe('bufferBorder', () => {
  it('draws the 20 km two-sided buffer of the provincial border with its edge within 20 m of the exact geodesic distance', () => {
    const buffer = bufferBorder(border, { distanceKm: 20 });
    const errors = edgeSamples(buffer.polygon, 3000, 27).map(([lon, lat]) => border.nearest(lon!, lat!)!.distance - 20_000);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(20);
    // Both sides: a point 10 km off the border on either side is inside, 30 km off is outside.
    const vertex: Position = [border.starts[2 * 4000]!, border.starts[2 * 4000 + 1]!];
    const azimuth = 90 + Math.atan2(border.ends[2 * 4000]! - vertex[0]!, border.ends[2 * 4000 + 1]! - vertex[1]!) * (180 / Math.PI);
    for (const side of [0, 180]) {
      const near = geodesicDestination(vertex, azimuth + side, 10_000);
      const far = geodesicDestination(vertex, azimuth + side, 30_000);
      expect(polygonContains(buffer.polygon, near)).toBe(border.nearest(near[0], near[1])!.distance < 20_000);
      expect(polygonContains(buffer.polygon, far)).toBe(border.nearest(far[0], far[1])!.distance < 20_000);
    }
  });

  it('keeps the edge within 20 m at 1 km, where the outline turns sharp corners between zigzags of the border', () => {
    const buffer = bufferBorder(border, { distanceKm: 1 });
    const errors = edgeSamples(buffer.polygon, 3000, 11).map(([lon, lat]) => border.nearest(lon!, lat!)!.distance - 1_000);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(20);
  });

  it('keeps the edge within 20 m at 100 km as well, using the exact GeographicLib step', () => {
    const buffer = bufferBorder(border, { distanceKm: 100 });
    expect(buffer.exact).toBe(true);
    const errors = edgeSamples(buffer.polygon, 1500, 5).map(([lon, lat]) => border.nearest(lon!, lat!)!.distance - 100_000);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(20);
  });

  it('buffers one straight segment into a capsule of the right geodesic area', () => {
    const line = [[126, 46], [126.5, 46]];
    const index = createGeodesicPolylineIndex([line]);
    const length = 38_731.586; // geodesic length of the segment (GeographicLib Inverse), metres
    const buffer = bufferBorder(index, { distanceKm: 5 });
    expect(buffer.polygon.coordinates).toHaveLength(1);
    expect(buffer.polygon.coordinates[0]).toHaveLength(1); // no hole
    const expected = 2 * 5_000 * length + Math.PI * 5_000 ** 2;
    expect(Math.abs(geodesicArea(buffer.polygon) - expected) / expected).toBeLessThan(0.002);
  });

  it('keeps two lines’ buffers apart across a gap narrower than its sampling grid (no bridge across the channel)', () => {
    // Two parallel lines 10.3 km apart, buffered by 5 km: a 300 m channel between them, under the 833 m grid cell.
    const south = [[126, 46], [126.4, 46]];
    const north = [geodesicDestination([126, 46], 0, 10_300), geodesicDestination([126.4, 46], 0, 10_300)];
    const index = createGeodesicPolylineIndex([south, north]);
    const buffer = bufferBorder(index, { distanceKm: 5 });
    expect(buffer.polygon.coordinates).toHaveLength(2);
    const errors = edgeSamples(buffer.polygon, 2000, 3).map(([lon, lat]) => index.nearest(lon!, lat!)!.distance - 5_000);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(20);
    // The middle of the channel is outside both buffers.
    const middle = geodesicDestination([126.2, 46], 0, 5_150);
    expect(polygonContains(buffer.polygon, middle)).toBe(false);
  });

  it('refuses a distance that is not a positive number of km', () => {
    expect(() => bufferBorder(border, { distanceKm: 0 })).toThrow(/positive number of km/);
    expect(() => bufferBorder(border, { distanceKm: Number.NaN })).toThrow(/positive number of km/);
  });
});
