import type { Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';

const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;
const POSITION = Geodesic.LATITUDE | Geodesic.LONGITUDE;
/** Fewest metres per degree of latitude (the meridian at the equator): a rigorous lower bound on north–south distance. */
const MIN_METRES_PER_DEGREE_LAT = 110_574;
/** Fewest metres per degree of longitude at the equator before cos φ (N ≥ a). */
const EQUATOR_METRES_PER_DEGREE = (6_378_137 * Math.PI) / 180;
/** How far (degrees) a short geodesic may bulge past its end points' latitudes: far more than any border segment does. */
const LATITUDE_BULGE = 0.001;
/** Densest spacing (metres) of the samples along each segment, as the brief for the reference asks. */
const SAMPLE_SPACING = 2;
/** Segments longer than this (metres) get a coarse scan at {@link COARSE_SPACING} before the 2 m one. */
const DENSE_LENGTH = 10_000;
const COARSE_SPACING = 50;

/** Exact geodesic distance (metres, WGS84) between two [lon, lat] points. */
export function geodesicDistance(a: Position, b: Position): number {
  return WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, Geodesic.DISTANCE).s12!;
}

/** The point `metres` from [lon, lat] along `azimuth` (degrees clockwise from north), by geodesic Direct. */
export function geodesicDestination(from: Position, azimuth: number, metres: number): [number, number] {
  const end = WGS84.Direct(from[1]!, from[0]!, azimuth, metres, POSITION);
  return [end.lon2!, end.lat2!];
}

/** Forward azimuth (degrees) of the geodesic from a to b, at a and at b. */
export function geodesicAzimuths(a: Position, b: Position): { atStart: number; atEnd: number } {
  const result = WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, Geodesic.AZIMUTH);
  return { atStart: result.azi1!, atEnd: result.azi2! };
}

/** Geodesic length (metres) of a polyline of [lon, lat]. */
export function geodesicLength(line: ReadonlyArray<Position>): number {
  let metres = 0;
  for (let i = 1; i < line.length; i++) metres += geodesicDistance(line[i - 1]!, line[i]!);
  return metres;
}

/** The reference nearest point of one segment: distance, where, and how far along. */
export interface ReferenceFoot {
  distance: number;
  lon: number;
  lat: number;
}

/**
 * Reference distance from a point to the geodesic segment a–b, by brute force: samples every ≤ 2 m along
 * the geodesic (InverseLine + Position, end points included; edges over 10 km only within 50 m of their best
 * 50 m sample), then a golden-section search between the
 * neighbours of the best sample so the answer is good to micrometres, not to the sample spacing.
 */
export function bruteForceSegmentDistance(point: Position, a: Position, b: Position): ReferenceFoot {
  const line = WGS84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!, POSITION | Geodesic.DISTANCE_IN);
  const length = line.s13;
  const at = (s: number): ReferenceFoot => {
    const p = line.Position(s, POSITION);
    return { distance: WGS84.Inverse(p.lat2!, p.lon2!, point[1]!, point[0]!, Geodesic.DISTANCE).s12!, lon: p.lon2!, lat: p.lat2! };
  };
  // Long edges (site outlines, never border segments) are scanned coarsely first, then densely around the best
  // coarse sample: along a geodesic shorter than a quarter meridian the distance to a point has one minimum.
  let from = 0;
  let to = length;
  if (length > DENSE_LENGTH) {
    const coarse = Math.ceil(length / COARSE_SPACING);
    let bestCoarse = 0;
    let bestCoarseDistance = Infinity;
    for (let i = 0; i <= coarse; i++) {
      const d = at((length * i) / coarse).distance;
      if (d < bestCoarseDistance) {
        bestCoarseDistance = d;
        bestCoarse = i;
      }
    }
    from = (length * Math.max(0, bestCoarse - 1)) / coarse;
    to = (length * Math.min(coarse, bestCoarse + 1)) / coarse;
  }
  const intervals = Math.max(1, Math.ceil((to - from) / SAMPLE_SPACING));
  const step = (to - from) / intervals;
  let bestIndex = 0;
  let best = at(from);
  for (let i = 1; i <= intervals; i++) {
    const candidate = at(from + step * i);
    if (candidate.distance < best.distance) {
      best = candidate;
      bestIndex = i;
    }
  }
  for (const end of [at(0), at(length)]) if (end.distance < best.distance) best = end;
  // The distance along a short geodesic is unimodal around its foot: narrow the bracket around the best sample.
  let low = from + step * Math.max(0, bestIndex - 1);
  let high = from + step * Math.min(intervals, bestIndex + 1);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = high - ratio * (high - low);
  let x2 = low + ratio * (high - low);
  let f1 = at(x1);
  let f2 = at(x2);
  while (high - low > 1e-7) {
    if (f1.distance <= f2.distance) {
      high = x2;
      x2 = x1;
      f2 = f1;
      x1 = high - ratio * (high - low);
      f1 = at(x1);
    } else {
      low = x1;
      x1 = x2;
      f1 = f2;
      x2 = low + ratio * (high - low);
      f2 = at(x2);
    }
  }
  for (const candidate of [f1, f2]) if (candidate.distance < best.distance) best = candidate;
  return best;
}

/** The reference nearest point on a set of polylines: distance, where, which segment, and every segment that ties. */
export interface ReferenceNearest extends ReferenceFoot {
  /** Segment index counted over all lines in order, as `createGeodesicPolylineIndex` counts them. */
  segment: number;
  line: number;
  /** Each examined segment's exact distance, by segment index (only segments that could be nearest are examined). */
  segmentDistances: Map<number, number>;
}

/** Flat segment list of polylines, in the order the index numbers them. */
export function segmentsOf(lines: ReadonlyArray<ReadonlyArray<Position>>): { a: Position; b: Position; line: number }[] {
  const segments: { a: Position; b: Position; line: number }[] = [];
  lines.forEach((line, index) => {
    for (let i = 1; i < line.length; i++) segments.push({ a: line[i - 1]!, b: line[i]!, line: index });
  });
  return segments;
}

/** A lower bound (metres) on the distance from a point to any point of a segment whose path stays below `maxAbsLat`. */
function boxLowerBound(point: Position, a: Position, b: Position, maxAbsLat: number): number {
  const south = Math.min(a[1]!, b[1]!) - LATITUDE_BULGE;
  const north = Math.max(a[1]!, b[1]!) + LATITUDE_BULGE;
  const west = Math.min(a[0]!, b[0]!);
  const east = Math.max(a[0]!, b[0]!);
  const dLat = Math.max(0, south - point[1]!, point[1]! - north);
  const dLon = Math.max(0, west - point[0]!, point[0]! - east);
  // Along a path: ds ≥ M dφ ≥ 110,574 m/° dφ, and ds ≥ N cos φ dλ ≥ a cos(max |φ|) dλ.
  return Math.max(dLat * MIN_METRES_PER_DEGREE_LAT, dLon * EQUATOR_METRES_PER_DEGREE * Math.cos((Math.min(89.9, maxAbsLat) * Math.PI) / 180));
}

/**
 * Reference nearest point on polylines by brute force: every segment that a rigorous bound cannot rule
 * out (latitude and longitude box bounds, then the triangle inequality from its end points) gets the dense
 * sampling of {@link bruteForceSegmentDistance}. Independent of the code under test.
 */
export function bruteForceNearest(point: Position, lines: ReadonlyArray<ReadonlyArray<Position>>, keepLine: (line: number) => boolean = () => true): ReferenceNearest | null {
  const segments = preparedSegments(lines).filter((s) => keepLine(s.line));
  if (segments.length === 0) return null;
  const vertexDistance = new Map<Position, number>();
  const distanceTo = (p: Position) => {
    let d = vertexDistance.get(p);
    if (d === undefined) {
      d = geodesicDistance(point, p);
      vertexDistance.set(p, d);
    }
    return d;
  };
  // An upper bound first: the nearest of a few vertices picked by a rough planar ranking.
  const cos = Math.cos((point[1]! * Math.PI) / 180);
  const rough = segments.map((s) => Math.hypot((s.a[0]! - point[0]!) * cos, s.a[1]! - point[1]!));
  const cutoff = [...rough].sort((x, y) => x - y)[Math.min(rough.length - 1, 15)]!;
  let upper = Infinity;
  segments.forEach((s, i) => {
    if (rough[i]! <= cutoff) upper = Math.min(upper, distanceTo(s.a), distanceTo(s.b));
  });
  const maxAbsLat = Math.abs(point[1]!) + upper / MIN_METRES_PER_DEGREE_LAT + LATITUDE_BULGE;
  const possible = segments.filter((s) => boxLowerBound(point, s.a, s.b, maxAbsLat) <= upper);
  for (const s of possible) upper = Math.min(upper, distanceTo(s.a), distanceTo(s.b));
  const ranked = possible
    .map((s) => ({ ...s, bound: Math.max(0, distanceTo(s.a) - s.length, distanceTo(s.b) - s.length) }))
    .filter((s) => s.bound <= upper)
    .sort((s, t) => s.bound - t.bound);
  let best: ReferenceNearest | null = null;
  const segmentDistances = new Map<number, number>();
  for (const s of ranked) {
    if (best && s.bound > best.distance) break;
    const foot = bruteForceSegmentDistance(point, s.a, s.b);
    segmentDistances.set(s.index, foot.distance);
    if (!best || foot.distance < best.distance) best = { ...foot, segment: s.index, line: s.line, segmentDistances };
  }
  return best;
}

interface PreparedSegment {
  a: Position;
  b: Position;
  line: number;
  index: number;
  length: number;
}

const prepared = new WeakMap<ReadonlyArray<ReadonlyArray<Position>>, PreparedSegment[]>();

/** The segments of `lines` with their geodesic lengths, computed once per lines array (it is never mutated). */
function preparedSegments(lines: ReadonlyArray<ReadonlyArray<Position>>): PreparedSegment[] {
  let segments = prepared.get(lines);
  if (!segments) {
    segments = segmentsOf(lines).map((s, index) => ({ ...s, index, length: geodesicDistance(s.a, s.b) }));
    prepared.set(lines, segments);
  }
  return segments;
}

/**
 * A lower bound (metres) on the distance from a point to the geodesic segment a–b, rigorous whenever that
 * distance is at most `within` (the bound only decides "can it be within?").
 */
export function segmentLowerBound(point: Position, a: Position, b: Position, within: number): number {
  return boxLowerBound(point, a, b, Math.abs(point[1]!) + within / MIN_METRES_PER_DEGREE_LAT + LATITUDE_BULGE);
}

/** Segment indices (numbered as the index numbers them) whose exact geodesic distance from the point is at most `metres`. */
export function bruteForceSegmentsWithin(point: Position, lines: ReadonlyArray<ReadonlyArray<Position>>, metres: number): Set<number> {
  const maxAbsLat = Math.abs(point[1]!) + metres / MIN_METRES_PER_DEGREE_LAT + LATITUDE_BULGE;
  const found = new Set<number>();
  for (const s of preparedSegments(lines)) {
    if (boxLowerBound(point, s.a, s.b, maxAbsLat) > metres) continue;
    if (bruteForceSegmentDistance(point, s.a, s.b).distance <= metres) found.add(s.index);
  }
  return found;
}

/** Segment indices whose geodesic has a point (sampled every ≤ 2 m, ends included) inside the lon/lat box. */
export function bruteForceSegmentsInBox(lines: ReadonlyArray<ReadonlyArray<Position>>, west: number, south: number, east: number, north: number): Set<number> {
  const found = new Set<number>();
  const inside = (lon: number, lat: number) => lon >= west && lon <= east && lat >= south && lat <= north;
  for (const s of preparedSegments(lines)) {
    if (Math.max(s.a[0]!, s.b[0]!) < west || Math.min(s.a[0]!, s.b[0]!) > east) continue;
    if (Math.max(s.a[1]!, s.b[1]!) + LATITUDE_BULGE < south || Math.min(s.a[1]!, s.b[1]!) - LATITUDE_BULGE > north) continue;
    const line = WGS84.InverseLine(s.a[1]!, s.a[0]!, s.b[1]!, s.b[0]!, POSITION | Geodesic.DISTANCE_IN);
    const intervals = Math.max(1, Math.ceil(line.s13 / SAMPLE_SPACING));
    for (let i = 0; i <= intervals; i++) {
      const p = i === 0 ? { lon2: s.a[0]!, lat2: s.a[1]! } : i === intervals ? { lon2: s.b[0]!, lat2: s.b[1]! } : line.Position((line.s13 * i) / intervals, POSITION);
      if (inside(p.lon2!, p.lat2!)) {
        found.add(s.index);
        break;
      }
    }
  }
  return found;
}

/**
 * Reference distance between a site outline (rings of a polygon) and polylines that neither cross nor enter
 * it: the least of (site vertices → lines) and (line vertices → site outline), since between two sets of
 * non-crossing segments the least distance has an end point on one side. Line vertices that a rigorous
 * bound puts farther than the best so far are skipped.
 */
export function bruteForceOutlineDistance(rings: ReadonlyArray<ReadonlyArray<Position>>, lines: ReadonlyArray<ReadonlyArray<Position>>): number {
  let best = Infinity;
  for (const ring of rings) for (const vertex of ring) best = Math.min(best, bruteForceNearest(vertex, lines)!.distance);
  const siteSegments = segmentsOf(rings);
  for (const line of lines) {
    for (const vertex of line) {
      if (siteSegments.every((s) => segmentLowerBound(vertex, s.a, s.b, best) > best)) continue;
      best = Math.min(best, bruteForceNearest(vertex, rings)!.distance);
    }
  }
  return best;
}
