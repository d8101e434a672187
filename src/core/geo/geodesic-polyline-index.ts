import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';

const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;
const A = 6_378_137;
const E2 = WGS84.f * (2 - WGS84.f);
const RADIANS = Math.PI / 180;
/** Mean radius, only for the spherical step size inside the foot-point iteration (the distances are exact). */
const STEP_RADIUS = 6_371_008.8;
/** Fewest metres per degree of latitude anywhere (at the equator): turns metres into a safe latitude span. */
const MIN_METRES_PER_DEGREE_LAT = 110_574;
/** Relative and absolute slack covering the error of the fast distance against the exact one. */
const APPROXIMATE_RELATIVE = 0.002;
const APPROXIMATE_ABSOLUTE = 20;
/** Index x is longitude scaled by cos 48° so flatbush's nearest-box order is roughly metric here. */
const X_SCALE = Math.cos(48 * RADIANS);
/** Consecutive segments per index box. */
const CHUNK = 8;

/** The nearest point on a set of polylines, found with exact geodesic distances. */
export interface NearestOnPolyline {
  /** Geodesic distance in metres on the WGS84 ellipsoid (GeographicLib), to about a millimetre. */
  distance: number;
  /** The nearest point, WGS84 degrees. */
  lon: number;
  lat: number;
  /** Index of the line (in the input order) and of the segment within the whole index. */
  line: number;
  segment: number;
}

/** Options of {@link GeodesicPolylineIndex.nearest}. */
export interface NearestOptions {
  /** Only lines for which this returns true count. */
  lines?: (line: number) => boolean;
  /** Give up (return null) when nothing lies within this many metres: cheaper than a full search. */
  maxDistance?: number;
}

/** Polylines prepared for nearest-point queries with exact geodesic distances. */
export interface GeodesicPolylineIndex {
  readonly lineCount: number;
  readonly segmentCount: number;
  /** The line each segment belongs to. */
  readonly lineOfSegment: Uint32Array;
  /** Segment end points: lon/lat of the start at [2i, 2i+1] of `starts`, of the end in `ends`. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /**
   * The nearest point on the lines to a WGS84 point, by exact geodesic distance (segments are geodesics
   * between their vertices). Null when there is no line, or none within `maxDistance`.
   */
  nearest(lon: number, lat: number, options?: NearestOptions): NearestOnPolyline | null;
  /**
   * A fast distance in metres to the nearest line (a local ellipsoidal plane around the point: within
   * about 0.5% of the exact distance, better close by). For screening, never for verdicts.
   */
  approximateDistance(lon: number, lat: number, options?: NearestOptions): number;
  /** Segments whose bounding box meets a lon/lat box. */
  segmentsIn(west: number, south: number, east: number, north: number): number[];
  /**
   * Segments whose fast distance from the point is at most `metres` (plus the fast distance's slack),
   * searched in the whole index or only `among` the given segments.
   */
  segmentsWithin(lon: number, lat: number, metres: number, among?: ArrayLike<number>): Int32Array;
  /**
   * The fast distance from a point to the nearest of the given segments, which segment, and the fraction
   * along it of the foot. For callers that narrowed the candidates themselves (the buffer's quadtree).
   */
  approximateNearestAmong(lon: number, lat: number, segments: ArrayLike<number>): ApproximateNearest;
}

/** Result of {@link GeodesicPolylineIndex.approximateNearestAmong}. */
export interface ApproximateNearest {
  distance: number;
  segment: number;
  /** Fraction along the segment (0 at its start) of the nearest point. */
  fraction: number;
}

/** Metres per radian along the meridian (M) and along the parallel before cos φ (N), at latitude φ in radians. */
function radii(phi: number): [number, number] {
  const s = Math.sin(phi);
  const w = 1 - E2 * s * s;
  const n = A / Math.sqrt(w);
  return [(n * (1 - E2)) / w, n];
}

/**
 * Prepares polylines (the provincial border, a site's outline) for nearest-point queries: a flatbush
 * index of segment boxes narrows the candidates, a fast local-plane distance ranks them, and only the
 * few that can still be nearest get the exact geodesic foot-point iteration (GeographicLib).
 *
 * @param lines - Lines as arrays of [lon, lat] in WGS84 degrees; closed rings are lines too.
 * @returns A {@link GeodesicPolylineIndex}.
 * @example
 * const index = createGeodesicPolylineIndex([[[126, 45], [127, 45]]]);
 * index.nearest(126.5, 45.2)!.distance; // 22,105.11 m: the geodesic bows ~135 m north of the parallel
 */
export function createGeodesicPolylineIndex(lines: ReadonlyArray<ReadonlyArray<Position>>): GeodesicPolylineIndex {
  let segmentCount = 0;
  for (const line of lines) segmentCount += Math.max(0, line.length - 1);
  const starts = new Float64Array(segmentCount * 2);
  const ends = new Float64Array(segmentCount * 2);
  const lineOfSegment = new Uint32Array(segmentCount);
  // Runs of up to CHUNK consecutive segments of one line share an index box: fewer boxes, fewer heap operations.
  const chunkStarts: number[] = [];
  const chunkBoxes: number[] = [];
  let k = 0;
  lines.forEach((line, lineIndex) => {
    for (let i = 1; i < line.length; i++, k++) {
      if ((i - 1) % CHUNK === 0) {
        chunkStarts.push(k);
        chunkBoxes.push(Infinity, Infinity, -Infinity, -Infinity);
      }
      const [x1, y1] = line[i - 1] as [number, number];
      const [x2, y2] = line[i] as [number, number];
      starts[2 * k] = x1;
      starts[2 * k + 1] = y1;
      ends[2 * k] = x2;
      ends[2 * k + 1] = y2;
      lineOfSegment[k] = lineIndex;
      const b = chunkBoxes.length - 4;
      chunkBoxes[b] = Math.min(chunkBoxes[b]!, x1 * X_SCALE, x2 * X_SCALE);
      chunkBoxes[b + 1] = Math.min(chunkBoxes[b + 1]!, y1, y2);
      chunkBoxes[b + 2] = Math.max(chunkBoxes[b + 2]!, x1 * X_SCALE, x2 * X_SCALE);
      chunkBoxes[b + 3] = Math.max(chunkBoxes[b + 3]!, y1, y2);
    }
  });
  chunkStarts.push(segmentCount);
  const chunkCount = chunkStarts.length - 1;
  const tree = new Flatbush(Math.max(1, chunkCount));
  for (let c = 0; c < chunkCount; c++) tree.add(chunkBoxes[4 * c]!, chunkBoxes[4 * c + 1]!, chunkBoxes[4 * c + 2]!, chunkBoxes[4 * c + 3]!);
  if (chunkCount === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  /** Cosine of the latitude of each chunk box's edge farther from the equator: the box's narrowest degree of longitude. */
  const chunkMinCos = new Float64Array(chunkCount);
  for (let c = 0; c < chunkCount; c++) chunkMinCos[c] = Math.cos(Math.max(Math.abs(chunkBoxes[4 * c + 1]!), Math.abs(chunkBoxes[4 * c + 3]!)) * RADIANS);

  // Each segment's geodesic (and its length), built on first use: Position on a kept line is cheaper than Direct.
  const lengths = new Float64Array(segmentCount).fill(Number.NaN);
  const geodesicLines: ReturnType<typeof WGS84.InverseLine>[] = [];

  // Cosine of each end's latitude, for the fast distance.
  const startCos = new Float64Array(segmentCount);
  const endCos = new Float64Array(segmentCount);
  for (let i = 0; i < segmentCount; i++) {
    startCos[i] = Math.cos(starts[2 * i + 1]! * RADIANS);
    endCos[i] = Math.cos(ends[2 * i + 1]! * RADIANS);
  }

  const scratchSegment = new Int32Array(segmentCount);
  const scratchDistance = new Float64Array(segmentCount);
  const scratchFraction = new Float64Array(segmentCount);
  /** Query state of the fast distance: the point, its latitude's cosine and the two radii there. */
  let qLon = 0;
  let qLat = 0;
  let qCos = 1;
  let qMeridian = 0;
  let qParallel = 0;
  const setQuery = (lon: number, lat: number) => {
    qLon = lon;
    qLat = lat;
    qCos = Math.cos(lat * RADIANS);
    const [m, n] = radii(lat * RADIANS);
    qMeridian = m * RADIANS;
    qParallel = n * RADIANS;
  };
  /** Fraction along the segment of the last fast distance's planar foot. */
  let footFraction = 0;
  /**
   * Fast distance from the query point to segment k in a local plane: longitude scaled by the mean of
   * the two latitudes' cosines (the mean-latitude flat-earth formula, within ~0.1% at a few hundred km).
   */
  const approximateToSegment = (k: number): number => {
    const ax = (starts[2 * k]! - qLon) * qParallel * 0.5 * (startCos[k]! + qCos);
    const ay = (starts[2 * k + 1]! - qLat) * qMeridian;
    const bx = (ends[2 * k]! - qLon) * qParallel * 0.5 * (endCos[k]! + qCos);
    const by = (ends[2 * k + 1]! - qLat) * qMeridian;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2));
    footFraction = t;
    const ex = ax + t * dx;
    const ey = ay + t * dy;
    return Math.sqrt(ex * ex + ey * ey); // Math.hypot is several times slower in V8, and this is the hot loop

  };

  /** Exact geodesic foot of (lon, lat) on segment k, starting from a fraction along it. */
  const exactToSegment = (k: number, lon: number, lat: number, fraction: number): NearestOnPolyline => {
    const lon1 = starts[2 * k]!;
    const lat1 = starts[2 * k + 1]!;
    if (Number.isNaN(lengths[k]!)) {
      geodesicLines[k] = WGS84.InverseLine(lat1, lon1, ends[2 * k + 1]!, ends[2 * k]!, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.DISTANCE_IN);
      lengths[k] = geodesicLines[k]!.s13;
    }
    const length = lengths[k]!;
    const segmentLine = geodesicLines[k]!;
    let s = fraction * length;
    let best: NearestOnPolyline = { distance: Infinity, lon: lon1, lat: lat1, line: lineOfSegment[k]!, segment: k };
    for (let iteration = 0; iteration < 12; iteration++) {
      const foot = segmentLine.Position(s, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH);
      const toPoint = WGS84.Inverse(foot.lat2!, foot.lon2!, lat, lon, Geodesic.DISTANCE | Geodesic.AZIMUTH);
      const distance = toPoint.s12!;
      if (distance < best.distance) best = { distance, lon: foot.lon2!, lat: foot.lat2!, line: lineOfSegment[k]!, segment: k };
      if (distance === 0 || length === 0) break;
      // Along-track leg of the right spherical triangle: a Newton-like step to where the geodesic to the point is perpendicular.
      const theta = (toPoint.azi1! - foot.azi2!) * RADIANS;
      const step = STEP_RADIUS * Math.atan(Math.tan(Math.min(distance / STEP_RADIUS, 1.5)) * Math.cos(theta));
      const next = Math.min(length, Math.max(0, s + step));
      if (Math.abs(next - s) < 1e-4) break;
      s = next;
    }
    return best;
  };

  /** Fewest metres per index unit in any direction within `metres` of a latitude: turns metres into a safe index radius. */
  const metresPerUnit = (lat: number, metres: number): number => {
    const topLat = Math.min(89.9, Math.abs(lat) + metres / MIN_METRES_PER_DEGREE_LAT);
    return Math.min(MIN_METRES_PER_DEGREE_LAT, (111_319 * (1 - E2) * Math.cos(topLat * RADIANS)) / X_SCALE);
  };

  /** Candidates ranked by the fast distance: the best value, and every segment that could still be nearest. */
  const candidates = (lon: number, lat: number, options: NearestOptions | undefined): { best: number; found: { k: number; d: number; t: number }[] } | null => {
    if (segmentCount === 0) return null;
    const keep = options?.lines;
    const chunkFilter = keep ? (c: number) => keep(lineOfSegment[chunkStarts[c]!]!) : undefined;
    setQuery(lon, lat);
    const x = lon * X_SCALE;
    let best = Infinity;
    // Every scanned segment's fast distance and foot, kept for the final cut instead of being computed twice.
    let scanned = 0;
    const scan = (c: number) => {
      for (let k = chunkStarts[c]!; k < chunkStarts[c + 1]!; k++) {
        const d = approximateToSegment(k);
        scratchSegment[scanned] = k;
        scratchDistance[scanned] = d;
        scratchFraction[scanned++] = footFraction;
        if (d < best) best = d;
      }
    };
    let bound = options?.maxDistance;
    let firstChunk = -1;
    if (bound === undefined) {
      const [first] = tree.neighbors(x, lat, 1, Infinity, chunkFilter);
      if (first === undefined) return null;
      scan(first);
      firstChunk = first;
      bound = best;
    }
    const slack = (d: number) => d * (1 + APPROXIMATE_RELATIVE) + APPROXIMATE_ABSOLUTE;
    // Every chunk whose box can lie within reach (a box search: no heap), each first checked against a metric lower bound.
    const reach = slack(bound);
    const dLat = reach / MIN_METRES_PER_DEGREE_LAT;
    const dX = (reach / metresPerUnit(lat, reach)) * 1.0001;
    const chunks = tree.search(x - dX, lat - dLat, x + dX, lat + dLat, chunkFilter);
    // A chunk whose box lies farther (in metres, a lower bound) than the best so far is skipped.
    for (const c of chunks) {
      if (c === firstChunk) continue;
      const dx = Math.max(chunkBoxes[4 * c]! - x, 0, x - chunkBoxes[4 * c + 2]!) / X_SCALE;
      const dy = Math.max(chunkBoxes[4 * c + 1]! - lat, 0, lat - chunkBoxes[4 * c + 3]!);
      const ex = dx * qParallel * Math.min(qCos, chunkMinCos[c]!);
      const ey = dy * qMeridian;
      if (Math.sqrt(ex * ex + ey * ey) > slack(best)) continue;
      scan(c);
    }
    if (best > slack(bound)) return null;
    const cut = slack(best);
    const found: { k: number; d: number; t: number }[] = [];
    for (let i = 0; i < scanned; i++) if (scratchDistance[i]! <= cut) found.push({ k: scratchSegment[i]!, d: scratchDistance[i]!, t: scratchFraction[i]! });
    found.sort((a, b) => a.d - b.d);
    return { best, found };
  };

  return {
    lineCount: lines.length,
    segmentCount,
    lineOfSegment,
    starts,
    ends,
    nearest(lon, lat, options) {
      const found = candidates(lon, lat, options);
      if (!found) return null;
      let best: NearestOnPolyline | null = null;
      for (const { k, d, t } of found.found) {
        // Nearest fast distance first: a segment whose fast distance cannot beat the exact best is skipped.
        if (best && (d - APPROXIMATE_ABSOLUTE) / (1 + APPROXIMATE_RELATIVE) > best.distance) break;
        const candidate = exactToSegment(k, lon, lat, t);
        if (!best || candidate.distance < best.distance) best = candidate;
      }
      if (best && options?.maxDistance !== undefined && best.distance > options.maxDistance) return null;
      return best;
    },
    approximateDistance(lon, lat, options) {
      return candidates(lon, lat, options)?.best ?? Infinity;
    },
    segmentsWithin(lon, lat, metres, among) {
      if (segmentCount === 0) return new Int32Array(0);
      setQuery(lon, lat);
      const reach = metres * (1 + APPROXIMATE_RELATIVE) + APPROXIMATE_ABSOLUTE;
      if (among) {
        const kept: number[] = [];
        for (let i = 0; i < among.length; i++) if (approximateToSegment(among[i]!) <= reach) kept.push(among[i]!);
        return Int32Array.from(kept);
      }
      const x = lon * X_SCALE;
      const found: number[] = [];
      const dLat = reach / MIN_METRES_PER_DEGREE_LAT;
      const dX = (reach / metresPerUnit(lat, reach)) * 1.0001;
      for (const c of tree.search(x - dX, lat - dLat, x + dX, lat + dLat)) {
        for (let k = chunkStarts[c]!; k < chunkStarts[c + 1]!; k++) if (approximateToSegment(k) <= reach) found.push(k);
      }
      return Int32Array.from(found);
    },
    approximateNearestAmong(lon, lat, segments) {
      setQuery(lon, lat);
      // The same local-plane distance as approximateToSegment, inlined on squared distances: the buffer's hot loop.
      const east = 0.5 * qParallel;
      const meridian = qMeridian;
      const cos0 = qCos;
      const from = starts;
      const to = ends;
      const fromCos = startCos;
      const toCos = endCos;
      let best2 = Infinity;
      let bestSegment = -1;
      let bestFraction = 0;
      for (let i = 0; i < segments.length; i++) {
        const k = segments[i]!;
        const ax = (from[2 * k]! - lon) * east * (fromCos[k]! + cos0);
        const ay = (from[2 * k + 1]! - lat) * meridian;
        const dx = (to[2 * k]! - lon) * east * (toCos[k]! + cos0) - ax;
        const dy = (to[2 * k + 1]! - lat) * meridian - ay;
        const length2 = dx * dx + dy * dy;
        let t = length2 === 0 ? 0 : -(ax * dx + ay * dy) / length2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = ax + t * dx;
        const ey = ay + t * dy;
        const d2 = ex * ex + ey * ey;
        if (d2 < best2) {
          best2 = d2;
          bestSegment = k;
          bestFraction = t;
        }
      }
      return { distance: Math.sqrt(best2), segment: bestSegment, fraction: bestFraction };
    },
    segmentsIn(west, south, east, north) {
      const found: number[] = [];
      if (segmentCount === 0) return found;
      for (const c of tree.search(west * X_SCALE, south, east * X_SCALE, north)) {
        for (let k = chunkStarts[c]!; k < chunkStarts[c + 1]!; k++) {
          const [x1, y1, x2, y2] = [starts[2 * k]!, starts[2 * k + 1]!, ends[2 * k]!, ends[2 * k + 1]!];
          if (Math.max(x1, x2) >= west && Math.min(x1, x2) <= east && Math.max(y1, y2) >= south && Math.min(y1, y2) <= north) found.push(k);
        }
      }
      return found;
    },
  };
}
