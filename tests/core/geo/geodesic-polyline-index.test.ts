import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGeodesicPolylineIndex, type GeodesicPolylineIndex } from '../../../src/core/geo/geodesic-polyline-index.ts';
import type { BorderProperties } from '../../../src/core/eia/provincial-border.ts';
import { seededRandom } from '../../../src/core/seeded-random.ts';
import {
  bruteForceNearest,
  bruteForceSegmentDistance,
  bruteForceSegmentsInBox,
  bruteForceSegmentsWithin,
  geodesicAzimuths,
  geodesicDestination,
  geodesicDistance,
} from '../../helpers/brute-force-geodesic.ts';

/** The exact geodesic reference and the index must agree to this many metres (both are good to micrometres). */
const AGREEMENT_M = 0.01;

let lines: Position[][];
let neighbourOfLine: string[];
let index: GeodesicPolylineIndex;

beforeAll(() => {
  const border = JSON.parse(readFileSync('public/data/provincial-border.geojson', 'utf8')) as FeatureCollection<LineString, BorderProperties>;
  lines = border.features.map((f) => f.geometry.coordinates);
  neighbourOfLine = border.features.map((f) => f.properties.neighbor);
  index = createGeodesicPolylineIndex(lines);
});

/** Seeded query points: `count` of them, each `metres(random)` from a random border vertex in a random direction. */
function seededPoints(seed: number, count: number, metres: (random: () => number) => number): [number, number][] {
  const random = seededRandom(seed);
  const vertices = lines.flat();
  return Array.from({ length: count }, () => geodesicDestination(vertices[Math.floor(random() * vertices.length)]!, random() * 360, metres(random)));
}

/** Segment k's end points, as the index numbers segments (all lines in order). */
function segmentEnds(k: number): [Position, Position] {
  return [
    [index.starts[2 * k]!, index.starts[2 * k + 1]!],
    [index.ends[2 * k]!, index.ends[2 * k + 1]!],
  ];
}

/** Checks one nearest() answer against the brute-force reference: distance, segment, point. */
function expectAgreesWithReference(point: [number, number]): void {
  const reference = bruteForceNearest(point, lines)!;
  const found = index.nearest(point[0], point[1])!;
  const where = `query ${point[0]}, ${point[1]}`;
  expect(Math.abs(found.distance - reference.distance), where).toBeLessThanOrEqual(AGREEMENT_M);
  // The returned point lies on the returned segment, and that segment is a nearest one (ties at a shared vertex allowed).
  const [a, b] = segmentEnds(found.segment);
  expect(bruteForceSegmentDistance([found.lon, found.lat], a, b).distance, where).toBeLessThan(1e-3);
  expect(Math.abs(bruteForceSegmentDistance(point, a, b).distance - reference.distance), where).toBeLessThanOrEqual(AGREEMENT_M);
  expect(found.line, where).toBe(index.lineOfSegment[found.segment]);
  // `distance` is the geodesic distance from the query to the returned point.
  expect(Math.abs(geodesicDistance(point, [found.lon, found.lat]) - found.distance), where).toBeLessThan(1e-6);
}

describe('createGeodesicPolylineIndex on the provincial border', () => {
  it('numbers every segment of every line, in order, with its line', () => {
    const segmentTotal = lines.reduce((sum, line) => sum + line.length - 1, 0);
    expect(index.lineCount).toBe(lines.length);
    expect(index.segmentCount).toBe(segmentTotal);
    expect(segmentEnds(0)).toEqual([lines[0]![0], lines[0]![1]]);
    const last = lines.at(-1)!;
    expect(segmentEnds(segmentTotal - 1)).toEqual([last.at(-2), last.at(-1)]);
    expect(index.lineOfSegment[segmentTotal - 1]).toBe(lines.length - 1);
  });

  it('finds the exact geodesic nearest point for seeded points up to 30 km from the border', () => {
    for (const point of seededPoints(101, 8, (random) => random() * 30_000)) expectAgreesWithReference(point);
  });

  it('finds the exact nearest point for seeded points within 100 m of a vertex', () => {
    for (const point of seededPoints(202, 8, (random) => random() * 100)) expectAgreesWithReference(point);
  });

  it('answers distance 0, at the vertex itself, for a point exactly on a vertex', () => {
    const random = seededRandom(303);
    const vertices = lines.flat();
    for (let i = 0; i < 6; i++) {
      const [lon, lat] = vertices[Math.floor(random() * vertices.length)] as [number, number];
      const found = index.nearest(lon, lat)!;
      expect(found.distance).toBeLessThan(1e-6);
      expect(found.lon).toBeCloseTo(lon, 9);
      expect(found.lat).toBeCloseTo(lat, 9);
    }
  });

  it('answers distance 0 for the middle of the longest segment, a point on its geodesic', () => {
    let longest = 0;
    let longestLength = 0;
    for (let k = 0; k < index.segmentCount; k++) {
      const length = geodesicDistance(...segmentEnds(k));
      if (length > longestLength) [longest, longestLength] = [k, length];
    }
    const [a, b] = segmentEnds(longest);
    const middle = geodesicDestination(a, geodesicAzimuths(a, b).atStart, longestLength / 2);
    const found = index.nearest(middle[0], middle[1])!;
    expect(longestLength).toBeGreaterThan(5_000);
    expect(found.distance).toBeLessThan(1e-3);
    expect(found.segment).toBe(longest);
  });

  it('finds the exact nearest point for seeded points 300 km out, beyond the border on either side', () => {
    for (const point of seededPoints(404, 4, () => 300_000)) expectAgreesWithReference(point);
  });

  it('keeps to the lines the filter accepts: the Inner Mongolia lines only, from a point on the Jilin border', () => {
    const [lon, lat] = lines[neighbourOfLine.indexOf('吉林省')]![100] as [number, number];
    const innerMongolia = (line: number) => neighbourOfLine[line] === '内蒙古自治区';
    const found = index.nearest(lon, lat, { lines: innerMongolia })!;
    const reference = bruteForceNearest([lon, lat], lines, innerMongolia)!;
    expect(neighbourOfLine[found.line]).toBe('内蒙古自治区');
    expect(Math.abs(found.distance - reference.distance)).toBeLessThanOrEqual(AGREEMENT_M);
    expect(index.nearest(lon, lat)!.distance).toBeLessThan(1e-6);
    expect(found.distance).toBeGreaterThan(1_000);
    expect(index.nearest(lon, lat, { lines: () => false })).toBeNull();
  });

  it('returns null when nothing lies within maxDistance, and the same answer as without it otherwise', () => {
    for (const [lon, lat] of seededPoints(505, 5, (random) => 1_000 + random() * 40_000)) {
      const full = index.nearest(lon, lat)!;
      expect(index.nearest(lon, lat, { maxDistance: full.distance - 0.001 })).toBeNull();
      expect(index.nearest(lon, lat, { maxDistance: full.distance / 2 })).toBeNull();
      expect(index.nearest(lon, lat, { maxDistance: full.distance + 0.001 })).toEqual(full);
      expect(index.nearest(lon, lat, { maxDistance: full.distance * 3 })).toEqual(full);
    }
  });

  it('gives a fast distance within 0.5% + 20 m of the exact one, from 0 to 400 km', () => {
    const points = [...seededPoints(606, 40, (random) => random() * random() * 400_000), ...seededPoints(607, 10, () => 300_000)];
    for (const [lon, lat] of points) {
      const exact = index.nearest(lon, lat)!.distance;
      expect(Math.abs(index.approximateDistance(lon, lat) - exact), `${lon}, ${lat}`).toBeLessThanOrEqual(0.005 * exact + 20);
    }
  });

  it('lists every segment truly within the distance in segmentsWithin, from the whole index or among given segments', () => {
    const random = seededRandom(707);
    for (const [lon, lat] of seededPoints(708, 6, (r) => r() * 3_000)) {
      const metres = 500 + random() * 3_000;
      const truth = bruteForceSegmentsWithin([lon, lat], lines, metres);
      const within = new Set(index.segmentsWithin(lon, lat, metres));
      expect([...truth].filter((k) => !within.has(k)), `${lon}, ${lat}, ${metres} m`).toEqual([]);
      // Only the slack of the fast distance beyond the true set: every listed segment is near.
      for (const k of within) {
        const [a, b] = segmentEnds(k);
        expect(bruteForceSegmentDistance([lon, lat], a, b).distance).toBeLessThanOrEqual(metres * 1.005 + 20);
      }
      const among = [...within].filter((_, i) => i % 2 === 0).concat([0, index.segmentCount - 1]);
      const amongWithin = [...index.segmentsWithin(lon, lat, metres, among)];
      expect(amongWithin.every((k) => among.includes(k))).toBe(true);
      expect(among.filter((k) => truth.has(k) && !amongWithin.includes(k))).toEqual([]);
    }
  });

  it('lists every segment that passes through a lon/lat box in segmentsIn', () => {
    const random = seededRandom(809);
    for (const [lon, lat] of seededPoints(810, 8, (r) => r() * 3_000)) {
      const [west, east, south, north] = [lon - random() * 0.05, lon + random() * 0.05, lat - random() * 0.05, lat + random() * 0.05];
      const truth = bruteForceSegmentsInBox(lines, west, south, east, north);
      const found = new Set(index.segmentsIn(west, south, east, north));
      expect([...truth].filter((k) => !found.has(k))).toEqual([]);
    }
  });
});

describe('createGeodesicPolylineIndex on small hand-made lines', () => {
  it('answers nothing from an empty index', () => {
    const empty = createGeodesicPolylineIndex([]);
    expect(empty.segmentCount).toBe(0);
    expect(empty.nearest(126, 46)).toBeNull();
    expect(empty.approximateDistance(126, 46)).toBe(Infinity);
    expect(empty.segmentsIn(-180, -90, 180, 90)).toEqual([]);
    expect([...empty.segmentsWithin(126, 46, 1e7)]).toEqual([]);
  });

  it('has no segments, and answers nothing, for a line of one position', () => {
    const single = createGeodesicPolylineIndex([[[126, 46]]]);
    expect(single.segmentCount).toBe(0);
    expect(single.nearest(126, 46)).toBeNull();
  });

  it('treats a segment whose two ends coincide as that point', () => {
    const point = createGeodesicPolylineIndex([
      [
        [126.5, 46.5],
        [126.5, 46.5],
      ],
    ]);
    const found = point.nearest(126.6, 46.55)!;
    expect(found).toMatchObject({ line: 0, segment: 0 });
    expect(found.lon).toBeCloseTo(126.5, 12);
    expect(found.lat).toBeCloseTo(46.5, 12);
    expect(Math.abs(found.distance - geodesicDistance([126.6, 46.55], [126.5, 46.5]))).toBeLessThan(1e-6);
    expect(point.nearest(126.5, 46.5)!.distance).toBe(0);
  });

  it('measures 22,105 m from 126.5°E 45.2°N to the geodesic from 126°E to 127°E along 45°N: it bulges 135 m north of the parallel', () => {
    const line: Position[] = [
      [126, 45],
      [127, 45],
    ];
    const found = createGeodesicPolylineIndex([line]).nearest(126.5, 45.2)!;
    const reference = bruteForceNearest([126.5, 45.2], [line])!;
    expect(Math.abs(found.distance - reference.distance)).toBeLessThanOrEqual(AGREEMENT_M);
    // 0.2° of meridian is 22,239 m; the geodesic between the two 45°N points runs north of the parallel.
    expect(found.distance).toBeCloseTo(22_105.11, 1);
    expect(found.lat).toBeGreaterThan(45.001);
  });
});
