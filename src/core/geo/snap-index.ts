import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Boundaries } from './boundaries.ts';

/** Where the pointer snaps: a corner of an outline, or the nearest point on one of its edges. */
export interface SnapTarget {
  lon: number;
  lat: number;
  kind: 'vertex' | 'edge';
}

/** Snapping over a fixed set of segments, asked on every pointer move. */
export interface SnapIndex {
  /**
   * The snap target for a pointer position, or null when no segment is within the radius.
   *
   * @param lon - Pointer longitude.
   * @param lat - Pointer latitude.
   * @param radiusDeg - Search radius in degrees of latitude (pixels × the map's degrees of longitude per pixel × cos(latitude)).
   * @returns The nearest vertex within the radius; else the nearest point on an edge within it; else null.
   */
  nearest(lon: number, lat: number, radiusDeg: number): SnapTarget | null;
  /** Number of segments indexed (zero-length ones are dropped). */
  readonly segmentCount: number;
}

/** Segments of the county and city outlines, for the snap index of the current view. */
export interface BoundaryEdgeIndex {
  /**
   * The outline segments that intersect a box.
   *
   * @param west - Box west longitude.
   * @param south - Box south latitude.
   * @param east - Box east longitude.
   * @param north - Box north latitude.
   * @param limit - Most segments to return; over it, those closest to the box centre are kept.
   * @returns Segments as [lon1, lat1, lon2, lat2, …].
   */
  edgesIn(west: number, south: number, east: number, north: number, limit: number): Float64Array;
  /** Number of distinct outline segments indexed (a border shared by two counties, or a county and its city, counts once). */
  readonly segmentCount: number;
}

const NO_SEGMENTS = new Float64Array(0);

/** A flatbush of the boxes of flat segments [lon1, lat1, lon2, lat2, …] (at least one). */
function segmentTree(segments: Float64Array): Flatbush {
  const tree = new Flatbush(segments.length / 4);
  for (let i = 0; i < segments.length; i += 4) {
    const x1 = segments[i]!, y1 = segments[i + 1]!, x2 = segments[i + 2]!, y2 = segments[i + 3]!;
    tree.add(x1 < x2 ? x1 : x2, y1 < y2 ? y1 : y2, x1 > x2 ? x1 : x2, y1 > y2 ? y1 : y2);
  }
  tree.finish();
  return tree;
}

/**
 * Builds a snap index over segments (zone edges, county-boundary edges) for the zone editor. Distances are
 * measured in a local plane with longitude scaled by cos(latitude of the pointer), which is how Web Mercator
 * draws a neighbourhood, so the radius is a circle on screen. A vertex within the radius wins over a closer
 * edge point, because planners snap to corners.
 *
 * @param segments - Flat [lon1, lat1, lon2, lat2, …], four numbers per segment (see {@link ringSegments}).
 * @returns A {@link SnapIndex}; a query costs a few microseconds for a county-level view.
 * @throws Error when the array length is not a multiple of 4.
 * @example
 * const index = createSnapIndex(ringSegments(zones.map((z) => z.geometry)));
 * index.nearest(126.6301, 45.7402, 0.001); // { lon: 126.63, lat: 45.74, kind: 'vertex' }
 */
export function createSnapIndex(segments: Float64Array): SnapIndex {
  if (segments.length % 4 !== 0) throw new Error(`createSnapIndex: ${segments.length} numbers is not a whole number of segments (4 per segment: lon1, lat1, lon2, lat2)`);
  const kept = withoutDegenerate(segments);
  const count = kept.length / 4;
  if (count === 0) return { segmentCount: 0, nearest: () => null };
  const tree = segmentTree(kept);

  // Query state, read and written by the filter so that a search allocates nothing but flatbush's result array.
  let qx = 0, qy = 0, k = 1, r2 = 0;
  let vertexD2 = Infinity, vertexX = 0, vertexY = 0;
  let edgeD2 = Infinity, edgeX = 0, edgeY = 0;
  const visit = (index: number): boolean => {
    const o = 4 * index;
    const x1 = kept[o]!, y1 = kept[o + 1]!, x2 = kept[o + 2]!, y2 = kept[o + 3]!;
    const ax = (x1 - qx) * k, ay = y1 - qy;
    const bx = (x2 - qx) * k, by = y2 - qy;
    const a2 = ax * ax + ay * ay;
    const b2 = bx * bx + by * by;
    if (a2 <= r2 && a2 < vertexD2) { vertexD2 = a2; vertexX = x1; vertexY = y1; }
    if (b2 <= r2 && b2 < vertexD2) { vertexD2 = b2; vertexX = x2; vertexY = y2; }
    if (vertexD2 === Infinity) {
      // Nearest point of the segment to the origin (the pointer), by its parameter t along the segment.
      const dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
      const ex = ax + t * dx, ey = ay + t * dy;
      const e2 = ex * ex + ey * ey;
      if (e2 <= r2 && e2 < edgeD2) { edgeD2 = e2; edgeX = x1 + t * (x2 - x1); edgeY = y1 + t * (y2 - y1); }
    }
    return false;
  };

  return {
    segmentCount: count,
    nearest(lon, lat, radiusDeg) {
      if (!(Number.isFinite(lon) && Number.isFinite(lat) && radiusDeg >= 0 && Number.isFinite(radiusDeg))) return null;
      qx = lon; qy = lat;
      k = Math.cos((lat * Math.PI) / 180);
      r2 = radiusDeg * radiusDeg;
      vertexD2 = Infinity;
      edgeD2 = Infinity;
      const rx = k > 1e-9 ? radiusDeg / k : 360;
      tree.search(lon - rx, lat - radiusDeg, lon + rx, lat + radiusDeg, visit);
      if (vertexD2 !== Infinity) return { lon: vertexX, lat: vertexY, kind: 'vertex' };
      if (edgeD2 !== Infinity) return { lon: edgeX, lat: edgeY, kind: 'edge' };
      return null;
    },
  };
}

/**
 * Indexes the county and city outlines once, so that each view can take the segments it shows for
 * {@link createSnapIndex}. A border shared by two counties, or by a county and its city, is kept once.
 *
 * @param boundaries - The shipped boundaries.
 * @returns A {@link BoundaryEdgeIndex}.
 * @example
 * const edges = createBoundaryEdgeIndex(boundaries);
 * const snap = createSnapIndex(edges.edgesIn(126.4, 45.6, 126.9, 45.9, 50_000));
 */
export function createBoundaryEdgeIndex(boundaries: Boundaries): BoundaryEdgeIndex {
  const all = ringSegments([...boundaries.counties.features.map((f) => f.geometry), ...boundaries.cities.features.map((f) => f.geometry)]);
  const segments = distinctSegments(all);
  const count = segments.length / 4;
  if (count === 0) return { segmentCount: 0, edgesIn: () => NO_SEGMENTS };
  const tree = segmentTree(segments);

  return {
    segmentCount: count,
    edgesIn(west, south, east, north, limit) {
      const most = Math.floor(limit);
      if (!(west <= east && south <= north) || !(most > 0)) return NO_SEGMENTS;
      // A box test on the segment itself: a diagonal segment's bounding box may meet the view while the segment does not.
      const found = tree.search(west, south, east, north, (i) =>
        segmentMeetsBox(segments[4 * i]!, segments[4 * i + 1]!, segments[4 * i + 2]!, segments[4 * i + 3]!, west, south, east, north),
      );
      let chosen: ArrayLike<number> = found;
      if (found.length > most) chosen = closestToCentre(segments, found, (west + east) / 2, (south + north) / 2, most);
      const out = new Float64Array(chosen.length * 4);
      for (let j = 0; j < chosen.length; j++) {
        const o = 4 * chosen[j]!;
        out[4 * j] = segments[o]!; out[4 * j + 1] = segments[o + 1]!; out[4 * j + 2] = segments[o + 2]!; out[4 * j + 3] = segments[o + 3]!;
      }
      return out;
    },
  };
}

/**
 * Every edge of every ring (shells and holes) as a flat segment array; an unclosed ring gets its closing edge, and
 * zero-length edges (repeated vertices) are dropped.
 *
 * @param geometries - Polygons and MultiPolygons in WGS84 degrees.
 * @returns [lon1, lat1, lon2, lat2, …], four numbers per edge.
 * @example
 * ringSegments([{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }]); // Float64Array [0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0]
 */
export function ringSegments(geometries: ReadonlyArray<Polygon | MultiPolygon>): Float64Array {
  let total = 0;
  for (const geometry of geometries) for (const part of partsOf(geometry)) for (const ring of part) total += ring.length;
  const out = new Float64Array(total * 4);
  let n = 0;
  for (const geometry of geometries) {
    for (const part of partsOf(geometry)) {
      for (const ring of part) {
        const m = ring.length;
        if (m < 2) continue;
        for (let i = 0; i < m; i++) {
          const a = ring[i]!;
          const b = ring[i + 1 === m ? 0 : i + 1]!;
          const x1 = a[0]!, y1 = a[1]!, x2 = b[0]!, y2 = b[1]!;
          if (x1 === x2 && y1 === y2) continue; // also the implied edge of a closed ring, from its last vertex to its first
          out[n++] = x1; out[n++] = y1; out[n++] = x2; out[n++] = y2;
        }
      }
    }
  }
  return out.slice(0, n);
}

const partsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** The segments with a length and finite coordinates (a copy only when some are dropped). */
function withoutDegenerate(segments: Float64Array): Float64Array {
  let bad = 0;
  for (let i = 0; i < segments.length; i += 4) if (!isSegment(segments, i)) bad++;
  if (bad === 0) return segments;
  const out = new Float64Array(segments.length - 4 * bad);
  let n = 0;
  for (let i = 0; i < segments.length; i += 4) if (isSegment(segments, i)) { out.set(segments.subarray(i, i + 4), n); n += 4; }
  return out;
}

function isSegment(s: Float64Array, i: number): boolean {
  const x1 = s[i]!, y1 = s[i + 1]!, x2 = s[i + 2]!, y2 = s[i + 3]!;
  return Number.isFinite(x1) && Number.isFinite(y1) && Number.isFinite(x2) && Number.isFinite(y2) && (x1 !== x2 || y1 !== y2);
}

/** Drops repeated segments, either way round, with an open-addressing hash on the coordinates' bits. */
function distinctSegments(segments: Float64Array): Float64Array {
  const count = segments.length / 4;
  let size = 1;
  while (size < count * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const canonical = new Float64Array(segments.length);
  const bits = new Uint32Array(canonical.buffer);
  const out = new Float64Array(segments.length);
  let n = 0;
  for (let s = 0; s < count; s++) {
    const o = 4 * s;
    const x1 = segments[o]!, y1 = segments[o + 1]!, x2 = segments[o + 2]!, y2 = segments[o + 3]!;
    const swap = x1 > x2 || (x1 === x2 && y1 > y2);
    canonical[o] = swap ? x2 : x1;
    canonical[o + 1] = swap ? y2 : y1;
    canonical[o + 2] = swap ? x1 : x2;
    canonical[o + 3] = swap ? y1 : y2;
    let h = 0x811c9dc5;
    for (let w = 2 * o; w < 2 * o + 8; w++) h = Math.imul(h ^ bits[w]!, 0x01000193);
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const other = slots[slot]!;
      if (other === -1) {
        slots[slot] = s;
        out[n++] = x1; out[n++] = y1; out[n++] = x2; out[n++] = y2;
        break;
      }
      const p = 4 * other;
      if (canonical[p] === canonical[o] && canonical[p + 1] === canonical[o + 1] && canonical[p + 2] === canonical[o + 2] && canonical[p + 3] === canonical[o + 3]) break;
      slot = (slot + 1) & mask;
    }
  }
  return out.slice(0, n);
}

/** Whether a segment meets a box (edges included): Liang–Barsky clipping of the segment's parameter range to the box. */
function segmentMeetsBox(x1: number, y1: number, x2: number, y2: number, west: number, south: number, east: number, north: number): boolean {
  const inX = x1 >= west && x1 <= east, inY = y1 >= south && y1 <= north;
  if ((inX && inY) || (x2 >= west && x2 <= east && y2 >= south && y2 <= north)) return true;
  let t0 = 0, t1 = 1;
  const dx = x2 - x1, dy = y2 - y1;
  if (dx === 0) {
    if (!inX) return false;
  } else {
    const a = (west - x1) / dx, b = (east - x1) / dx;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  }
  if (dy === 0) {
    if (!inY) return false;
  } else {
    const a = (south - y1) / dy, b = (north - y1) / dy;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  }
  return t0 <= t1;
}

/** The `limit` segments of `found` closest to a point (equal-scale plane), in index order. */
function closestToCentre(segments: Float64Array, found: number[], cx: number, cy: number, limit: number): Uint32Array {
  const k = Math.cos((cy * Math.PI) / 180);
  const distances = new Float64Array(found.length);
  for (let j = 0; j < found.length; j++) {
    const o = 4 * found[j]!;
    const ax = (segments[o]! - cx) * k, ay = segments[o + 1]! - cy;
    const dx = (segments[o + 2]! - cx) * k - ax, dy = segments[o + 3]! - cy - ay;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    const ex = ax + t * dx, ey = ay + t * dy;
    distances[j] = ex * ex + ey * ey;
  }
  // A numeric sort of a copy (native, no comparator) gives the cut; one pass then takes what is under it.
  const cut = distances.slice().sort()[limit - 1]!;
  let under = 0;
  for (let j = 0; j < distances.length; j++) if (distances[j]! < cut) under++;
  let atCut = limit - under;
  const chosen = new Uint32Array(limit);
  let n = 0;
  for (let j = 0; j < found.length; j++) {
    const d = distances[j]!;
    if (d < cut || (d === cut && atCut-- > 0)) chosen[n++] = found[j]!;
  }
  return chosen.sort();
}
