import type { MultiPolygon, Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import type { GeodesicPolylineIndex } from '../geo/geodesic-polyline-index.ts';
import { pointInRing } from '../geo/point-in-ring.ts';

const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;
const RADIANS = Math.PI / 180;
/** Upper bound of metres per degree (latitude, or longitude before cos φ) on WGS84: cells never measure more. */
const MAX_METRES_PER_DEGREE = 111_700;
/** Longest polygon edge, metres: bounds the miss at the outline's shallow corners (measured: ≤ 20 m at 20 km). */
const MAX_EDGE_METRES = 1000;

/** Options of {@link bufferBorder}. */
export interface BorderBufferOptions {
  /** Buffer distance on each side, km (1–100). */
  distanceKm: number;
  /** Largest gap allowed between a straight polygon edge and the true distance curve, metres (default 8). */
  toleranceM?: number;
  /** Snap every vertex with exact geodesics (GeographicLib) as well; default above 40 km, where the fast distance drifts by metres. */
  exact?: boolean;
  onProgress?: (stage: 'field' | 'contour' | 'snap', done: number, total: number) => void;
}

/** A buffer polygon and what it took to make. */
export interface BorderBuffer {
  polygon: MultiPolygon;
  distanceKm: number;
  vertices: number;
  /** Edge of the sampling grid's cells, metres. */
  cellMetres: number;
  /** Distance evaluations spent on the sampling grid. */
  fieldEvaluations: number;
  exact: boolean;
}

interface Vertex {
  lon: number;
  lat: number;
  /** Segments that can be nearest to this vertex and its surroundings. */
  candidates: Int32Array;
  /** Its nearest point on the lines, once known. */
  foot?: [number, number];
}

/**
 * The two-sided buffer of a set of lines at a geodesic distance: the outline of every point within
 * `distanceKm` of the lines, as a MultiPolygon in WGS84 degrees (outer rings counter-clockwise, holes clockwise).
 *
 * How: the distance to the lines is sampled on a lon/lat grid, but only where the outline can pass (a
 * quadtree prunes blocks whose centre is farther than half their diagonal from the buffer distance, and
 * hands each block the few segments that can be nearest inside it). Marching squares traces the outline
 * through those cells; each vertex is then moved along its nearest-point direction onto the exact
 * distance, and edges are split until their midpoint lies within the tolerance. Distances come from the
 * index's fast ellipsoidal distance (within a metre up to 30 km, ~10 m at 100 km) and, from 40 km or
 * when `exact` is set, a final GeographicLib step per vertex.
 *
 * @param index - The lines (the provincial border), from createGeodesicPolylineIndex.
 * @param options - Distance, tolerance, progress.
 * @returns The buffer polygon and counts.
 * @example
 * const buffer = bufferBorder(borderIndex.index, { distanceKm: 20 });
 * buffer.polygon.coordinates.length; // outer rings with their holes
 */
export function bufferBorder(index: GeodesicPolylineIndex, options: BorderBufferOptions): BorderBuffer {
  const { distanceKm } = options;
  if (!(distanceKm > 0) || !Number.isFinite(distanceKm)) throw new Error(`buffer distance must be a positive number of km, got ${distanceKm}`);
  const r = distanceKm * 1000;
  const tolerance = options.toleranceM ?? 8;
  const exact = options.exact ?? distanceKm > 40;
  const cell = Math.min(2500, Math.max(150, r / 6));

  // The grid: lon/lat lattice over the lines' box, padded by the distance and a few cells.
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const coords of [index.starts, index.ends]) {
    for (let i = 0; i < coords.length; i += 2) {
      west = Math.min(west, coords[i]!);
      east = Math.max(east, coords[i]!);
      south = Math.min(south, coords[i + 1]!);
      north = Math.max(north, coords[i + 1]!);
    }
  }
  if (!Number.isFinite(west)) return { polygon: { type: 'MultiPolygon', coordinates: [] }, distanceKm, vertices: 0, cellMetres: cell, fieldEvaluations: 0, exact };
  const pad = r + 4 * cell;
  const padLat = pad / 110_574;
  const padLon = pad / (111_319 * Math.cos(Math.min(89, Math.max(Math.abs(north), Math.abs(south)) + padLat) * RADIANS) * 0.993);
  west -= padLon;
  east += padLon;
  south -= padLat;
  north += padLat;
  const dLat = cell / 110_900;
  const dLon = cell / (111_320 * Math.cos(((south + north) / 2) * RADIANS));
  const rawNx = Math.ceil((east - west) / dLon);
  const rawNy = Math.ceil((north - south) / dLat);
  const block = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(rawNx, rawNy) / 24)));
  const blocksX = Math.ceil(rawNx / block);
  const blocksY = Math.ceil(rawNy / block);
  const nx = blocksX * block;
  const ny = blocksY * block;
  const stride = nx + 1;
  const lonAt = (i: number) => west + i * dLon;
  const latAt = (j: number) => south + j * dLat;
  const halfDiagonal = (j0: number, size: number) => {
    const width = size * dLon * MAX_METRES_PER_DEGREE * Math.cos(Math.min(Math.abs(latAt(j0)), Math.abs(latAt(j0 + size))) * RADIANS);
    return 0.5 * Math.hypot(width, size * dLat * MAX_METRES_PER_DEGREE);
  };

  // Quadtree over the grid: keep only cells the outline can pass through, each with its candidate segments.
  let fieldEvaluations = 0;
  const activeCells: number[] = []; // j * stride + i
  const cellCandidates = new Map<number, Int32Array>();
  const visit = (i0: number, j0: number, size: number, candidates: Int32Array | null) => {
    if (i0 >= nx || j0 >= ny) return;
    const lon = lonAt(i0 + size / 2);
    const lat = latAt(j0 + size / 2);
    fieldEvaluations++;
    const d = candidates ? (candidates.length ? index.approximateNearestAmong(lon, lat, candidates).distance : Infinity) : index.approximateDistance(lon, lat);
    const h = halfDiagonal(j0, size) * 1.01 + 1;
    if (Math.abs(d - r) > h) return; // the whole block is inside or outside
    // Any point of the block has its nearest segment within d + 2h of the centre; the margin covers vertices snapped just outside it.
    const reach = d + 2 * h + cell;
    const own = candidates ? index.segmentsWithin(lon, lat, reach, candidates) : index.segmentsWithin(lon, lat, reach);
    if (size === 1) {
      activeCells.push(j0 * stride + i0);
      cellCandidates.set(j0 * stride + i0, own);
      return;
    }
    const half = size / 2;
    visit(i0, j0, half, own);
    visit(i0 + half, j0, half, own);
    visit(i0, j0 + half, half, own);
    visit(i0 + half, j0 + half, half, own);
  };
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) visit(bx * block, by * block, block, null);
    options.onProgress?.('field', by + 1, blocksY);
  }

  // Field values at grid nodes (distance − r; negative inside), from the cell's candidates.
  const nodeValues = new Map<number, number>();
  const nodeValue = (i: number, j: number, candidates: Int32Array) => {
    const key = j * stride + i;
    let value = nodeValues.get(key);
    if (value === undefined) {
      fieldEvaluations++;
      value = (candidates.length ? index.approximateNearestAmong(lonAt(i), latAt(j), candidates).distance : Infinity) - r;
      nodeValues.set(key, value);
    }
    return value;
  };
  const candidatesOf = (i: number, j: number): Int32Array => {
    const key = j * stride + i;
    let list = cellCandidates.get(key);
    if (!list) {
      // A cell the quadtree ruled out but the outline enters after all: give it a full search.
      const lon = lonAt(i + 0.5);
      const lat = latAt(j + 0.5);
      const d = index.approximateDistance(lon, lat);
      list = index.segmentsWithin(lon, lat, d + 2 * halfDiagonal(j, 1) + cell);
      cellCandidates.set(key, list);
    }
    return list;
  };

  // Marching squares. Edge ids: horizontal edge from node (i, j) = 2·key, vertical = 2·key + 1; crossing ids:
  // 8·edge + its rank along the edge (an edge may be crossed twice by a channel narrower than a cell).
  const crossings = new Map<number, Vertex>();
  const edgeCrossings = new Map<number, number[]>();
  const next = new Map<number, number>();
  /** Crossing ids on an edge, in order from its first node (i, j) to its second, computed once. */
  const crossingsOn = (edge: number, candidates: Int32Array): number[] => {
    let ids = edgeCrossings.get(edge);
    if (ids) return ids;
    ids = [];
    const key = edge >> 1;
    const i = key % stride;
    const j = (key - i) / stride;
    const vertical = (edge & 1) === 1;
    const [i2, j2] = vertical ? [i, j + 1] : [i + 1, j];
    const a = nodeValue(i, j, candidates);
    const b = nodeValue(i2, j2, candidates);
    const at = (t: number) => [lonAt(i + t * (i2 - i)), latAt(j + t * (j2 - j))] as const;
    const f = (t: number) => {
      const [lon, lat] = at(t);
      return index.approximateNearestAmong(lon, lat, candidates).distance - r;
    };
    const ts: number[] = [];
    /** Bisection between t = lo (sign of `start`) and hi: the crossing on the edge, to about 1/4096 of it. */
    /** The crossing between t = lo (value fl) and hi (value fh): regula falsi (Illinois), the distance being nearly linear along an edge. */
    const refine = (lo: number, hi: number, fl: number, fh: number) => {
      let side = 0;
      for (let step = 0; step < 30; step++) {
        const t = (lo * fh - hi * fl) / (fh - fl);
        const value = f(t);
        if (Math.abs(value) < 0.05) return t;
        if (value < 0 === fl < 0) {
          lo = t;
          fl = value;
          if (side === -1) fh /= 2;
          side = -1;
        } else {
          hi = t;
          fh = value;
          if (side === 1) fl /= 2;
          side = 1;
        }
      }
      return (lo * fh - hi * fl) / (fh - fl);
    };
    const length = vertical ? dLat * 110_900 : dLon * 111_320 * Math.cos(latAt(j) * RADIANS);
    /**
     * Same sign at t0 and t1: the distance changes by at most the distance between them, so it can dip across
     * zero only where |f0| + |f1| is under that; such spans are halved (to 1/8 of the edge) and checked.
     */
    const hidden = (t0: number, f0: number, t1: number, f1: number, depth: number) => {
      if (Math.abs(f0) + Math.abs(f1) >= (t1 - t0) * length * 1.02 || depth > 3) return;
      const tm = (t0 + t1) / 2;
      const fm = f(tm);
      if (fm < 0 !== f0 < 0) {
        ts.push(refine(t0, tm, f0, fm), refine(tm, t1, fm, f1));
        return;
      }
      hidden(t0, f0, tm, fm, depth + 1);
      hidden(tm, fm, t1, f1, depth + 1);
    };
    // On the edge itself, not by a radial snap afterwards: a radial snap can jump to the far side of a narrow neck.
    if (a < 0 !== b < 0) ts.push(refine(0, 1, a, b));
    else hidden(0, a, 1, b, 0);
    ts.sort((x, y) => x - y);
    ts.forEach((t, rank) => {
      const [lon, lat] = at(t);
      crossings.set(8 * edge + rank, { lon, lat, candidates });
      ids!.push(8 * edge + rank);
    });
    edgeCrossings.set(edge, ids);
    return ids;
  };
  const LATTICE = 17;
  /**
   * Whether the inside stretches of a cell's perimeter are joined through the cell: the cell is sampled on
   * a fine lattice and the inside samples are flood-filled from the first inside stretch of the perimeter.
   * A thin channel that passes the centre by still separates them (the centre alone decides wrongly).
   */
  const insideArcsJoined = (i: number, j: number, candidates: Int32Array): boolean => {
    const n = LATTICE;
    const inside = new Uint8Array(n * n);
    for (let v = 0; v < n; v++) {
      for (let u = 0; u < n; u++) inside[v * n + u] = index.approximateNearestAmong(lonAt(i + u / (n - 1)), latAt(j + v / (n - 1)), candidates).distance < r ? 1 : 0;
    }
    // Perimeter samples counter-clockwise from the bottom-left corner, and which inside stretch each belongs to.
    const ring: number[] = [];
    for (let u = 0; u < n - 1; u++) ring.push(u);
    for (let v = 0; v < n - 1; v++) ring.push(v * n + n - 1);
    for (let u = n - 1; u > 0; u--) ring.push((n - 1) * n + u);
    for (let v = n - 1; v > 0; v--) ring.push(v * n);
    const stretch = new Int32Array(n * n).fill(-1);
    let count = 0;
    // Start the numbering just after an outside sample so a stretch that wraps past the corner is one stretch.
    const first = ring.findIndex((k) => !inside[k]);
    if (first === -1) return true;
    for (let m = 1; m <= ring.length; m++) {
      const k = ring[(first + m) % ring.length]!;
      const previous = ring[(first + m - 1) % ring.length]!;
      if (inside[k]) stretch[k] = inside[previous] ? stretch[previous]! : count++;
    }
    if (count < 2) return true;
    const start = ring.find((k) => stretch[k] === 0)!;
    const seen = new Uint8Array(n * n);
    const queue = [start];
    seen[start] = 1;
    while (queue.length) {
      const at = queue.pop()!;
      if (stretch[at]! > 0) return true;
      const u = at % n;
      const v = (at - u) / n;
      for (const [du, dv] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const nu = u + du;
        const nv = v + dv;
        const neighbour = nv * n + nu;
        if (nu < 0 || nv < 0 || nu >= n || nv >= n || seen[neighbour] || !inside[neighbour]) continue;
        seen[neighbour] = 1;
        queue.push(neighbour);
      }
    }
    return false;
  };
  const pending: number[] = [];
  const traced = new Set<number>();
  /**
   * One cell: walk its perimeter counter-clockwise listing crossings and whether each leaves the inside;
   * every piece of outline in the cell runs from a crossing that leaves to one that enters, so that inside
   * lies to its left. With more than two crossings, a fine sample of the cell decides whether the inside
   * parts are joined (each piece then cuts off an outside arc) or not (each cuts off an inside arc).
   */
  const trace = (i: number, j: number) => {
    const key = j * stride + i;
    if (traced.has(key) || i < 0 || j < 0 || i >= nx || j >= ny) return;
    traced.add(key);
    const candidates = candidatesOf(i, j);
    const insideAt0 = nodeValue(i, j, candidates) < 0;
    // Perimeter counter-clockwise: bottom (0→1), right (1→2), top (2→3, against its direction), left (3→0, against).
    const perimeter = [
      ...crossingsOn(2 * key, candidates),
      ...crossingsOn(2 * (key + 1) + 1, candidates),
      ...[...crossingsOn(2 * (key + stride), candidates)].reverse(),
      ...[...crossingsOn(2 * key + 1, candidates)].reverse(),
    ];
    if (perimeter.length === 0) return;
    const leaves: boolean[] = [];
    let inside = insideAt0;
    for (let k = 0; k < perimeter.length; k++) {
      leaves.push(inside);
      inside = !inside;
    }
    const n = perimeter.length;
    const joinInside = n > 2 && insideArcsJoined(i, j, candidates);
    for (let k = 0; k < n; k++) {
      if (!leaves[k]) continue;
      // Joined inside: the piece from this exit cuts off the outside arc that follows it; otherwise it closes the inside arc before it.
      const partner = joinInside || n === 2 ? (k + 1) % n : (k - 1 + n) % n;
      next.set(perimeter[k]!, perimeter[partner]!);
      pending.push(perimeter[k]!, perimeter[partner]!);
    }
  };
  activeCells.forEach((key) => trace(key % stride, Math.floor(key / stride)));
  while (pending.length) {
    const edge = pending.pop()! >> 3;
    const key = edge >> 1;
    const i = key % stride;
    const j = (key - i) / stride;
    // The two cells sharing this edge: below/above a horizontal edge, left/right of a vertical one.
    if (edge & 1) {
      trace(i - 1, j);
      trace(i, j);
    } else {
      trace(i, j - 1);
      trace(i, j);
    }
  }
  options.onProgress?.('contour', 1, 1);

  // Chain the pieces into rings.
  const rings: Vertex[][] = [];
  const used = new Set<number>();
  for (const start of next.keys()) {
    if (used.has(start)) continue;
    const ring: Vertex[] = [];
    for (let edge: number | undefined = start; edge !== undefined && !used.has(edge); edge = next.get(edge)) {
      used.add(edge);
      ring.push(crossings.get(edge)!);
    }
    if (ring.length >= 3) rings.push(ring);
  }

  // Move each vertex onto the distance, then split edges whose midpoint strays beyond the tolerance.
  const { starts, ends } = index;
  /** From 40 km (or when asked), the last step uses GeographicLib: out from the exact nearest point along the geodesic through the vertex. */
  const exactly = (vertex: Vertex): Vertex => {
    if (!exact) return vertex;
    const exactFoot = index.nearest(vertex.lon, vertex.lat, { maxDistance: r + 4 * cell });
    if (!exactFoot || exactFoot.distance === 0) return vertex;
    const { azi1 } = WGS84.Inverse(exactFoot.lat, exactFoot.lon, vertex.lat, vertex.lon, Geodesic.AZIMUTH);
    const moved = WGS84.Direct(exactFoot.lat, exactFoot.lon, azi1!, r);
    return { lon: moved.lon2!, lat: moved.lat2!, candidates: vertex.candidates, foot: [exactFoot.lon, exactFoot.lat] };
  };
  const snap = (vertex: Vertex): Vertex => {
    let { lon, lat } = vertex;
    let foot: [number, number] | undefined;
    for (let step = 0; step < 3; step++) {
      const near = index.approximateNearestAmong(lon, lat, vertex.candidates);
      if (near.segment < 0 || near.distance === 0) break;
      const k = near.segment;
      const footLon = starts[2 * k]! + near.fraction * (ends[2 * k]! - starts[2 * k]!);
      const footLat = starts[2 * k + 1]! + near.fraction * (ends[2 * k + 1]! - starts[2 * k + 1]!);
      foot = [footLon, footLat];
      const scale = r / near.distance;
      lon = footLon + (lon - footLon) * scale;
      lat = footLat + (lat - footLat) * scale;
      if (Math.abs(near.distance - r) < 0.01) break;
    }
    return exactly({ lon, lat, candidates: vertex.candidates, foot });
  };
  const footAt = (near: { segment: number; fraction: number }): [number, number] => {
    const k = near.segment;
    return [starts[2 * k]! + near.fraction * (ends[2 * k]! - starts[2 * k]!), starts[2 * k + 1]! + near.fraction * (ends[2 * k + 1]! - starts[2 * k + 1]!)];
  };
  /** A vertex's nearest point, kept on the vertex once computed. */
  const footOf = (vertex: Vertex): [number, number] => (vertex.foot ??= footAt(index.approximateNearestAmong(vertex.lon, vertex.lat, vertex.candidates)));
  const degreeMetres = (lat: number) => [111_320 * Math.cos(lat * RADIANS), 110_900] as const;
  /**
   * Where the outline turns a corner between p and q (arcs around two different parts of the lines
   * meet): the point at the distance from both parts, found by Newton's method on the two distances.
   * Null when p and q are on one smooth arc, or when the iteration does not settle.
   */
  const corner = (p: Vertex, q: Vertex): Vertex | null => {
    const [mx, my] = degreeMetres(p.lat);
    const fp = footOf(p);
    const fq = footOf(q);
    const chord = Math.hypot((q.lon - p.lon) * mx, (q.lat - p.lat) * my);
    const apart = Math.hypot((fq[0] - fp[0]) * mx, (fq[1] - fp[1]) * my);
    if (apart <= 1.5 * chord) return null;
    // Each part: the candidate segments near its foot.
    const sideP = index.segmentsWithin(fp[0], fp[1], apart / 2, p.candidates);
    const sideQ = index.segmentsWithin(fq[0], fq[1], apart / 2, p.candidates);
    if (!sideP.length || !sideQ.length) return null;
    let lon = (p.lon + q.lon) / 2;
    let lat = (p.lat + q.lat) / 2;
    for (let step = 0; step < 12; step++) {
      const a = index.approximateNearestAmong(lon, lat, sideP);
      const b = index.approximateNearestAmong(lon, lat, sideQ);
      const [fa, fb] = [footAt(a), footAt(b)];
      // Unit gradients of the two distances, in metres east and north.
      const ax = ((lon - fa[0]) * mx) / a.distance;
      const ay = ((lat - fa[1]) * my) / a.distance;
      const bx = ((lon - fb[0]) * mx) / b.distance;
      const by = ((lat - fb[1]) * my) / b.distance;
      const determinant = ax * by - ay * bx;
      if (Math.abs(determinant) < 1e-6) return null;
      const ra = r - a.distance;
      const rb = r - b.distance;
      const east = (ra * by - rb * ay) / determinant;
      const north = (ax * rb - bx * ra) / determinant;
      lon += east / mx;
      lat += north / my;
      if (Math.hypot(east, north) < 0.01) break;
    }
    const found = index.approximateNearestAmong(lon, lat, p.candidates).distance;
    // A corner only if it lies on the outline and between p and q, not on some other branch.
    const fromP = Math.hypot((lon - p.lon) * mx, (lat - p.lat) * my);
    const fromQ = Math.hypot((lon - q.lon) * mx, (lat - q.lat) * my);
    if (Math.abs(found - r) > 1 || fromP > 2 * chord || fromP < 1 || fromQ < 1) return null;
    return { lon, lat, candidates: p.candidates };
  };
  /**
   * The outline point on the perpendicular bisector of p→q: a root of (distance − r) along the normal,
   * bracketed and bisected. Unlike a radial snap it cannot slide along an arc, so splitting an edge
   * always halves it, and a corner of the outline between p and q is closed in on geometrically.
   * Inside lies to the left of p→q (marching squares orient every ring so). Null when no root is near.
   * Fast distance only: used below the exact-snap distance, where that distance is within a metre.
   */
  const bisectorPoint = (p: Vertex, q: Vertex): Vertex | null => {
    const [mx, my] = degreeMetres(p.lat);
    const ex = (q.lon - p.lon) * mx;
    const ny = (q.lat - p.lat) * my;
    const chord = Math.hypot(ex, ny);
    if (chord === 0) return null;
    // Unit normal to the left of p→q, in metres east and north.
    const nx = -ny / chord;
    const nyUnit = ex / chord;
    const mLon = (p.lon + q.lon) / 2;
    const mLat = (p.lat + q.lat) / 2;
    const f = (s: number) => index.approximateNearestAmong(mLon + (s * nx) / mx, mLat + (s * nyUnit) / my, p.candidates).distance - r;
    const f0 = f(0);
    if (Math.abs(f0) <= 0.05) return { lon: mLon, lat: mLat, candidates: p.candidates };
    // Outside (f > 0): the outline is to the left; inside: to the right. The distance is 1-Lipschitz, so the root is at least |f0| away.
    const direction = f0 > 0 ? 1 : -1;
    let near = 0;
    let nearValue = f0;
    let far = direction * Math.abs(f0);
    let farValue = f(far);
    while (Math.sign(farValue) === Math.sign(f0)) {
      near = far;
      nearValue = farValue;
      far *= 2;
      if (Math.abs(far) > 2 * chord + 4 * Math.abs(f0)) return null;
      farValue = f(far);
    }
    for (let step = 0; step < 40 && Math.abs(far - near) > 0.05; step++) {
      const middle = (near + far) / 2;
      const value = f(middle);
      if (Math.sign(value) === Math.sign(nearValue)) {
        near = middle;
        nearValue = value;
      } else far = middle;
    }
    const s = (near + far) / 2;
    return { lon: mLon + (s * nx) / mx, lat: mLat + (s * nyUnit) / my, candidates: p.candidates };
  };
  const deviates = (a: Vertex, b: Vertex, t: number) =>
    Math.abs(index.approximateNearestAmong(a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat), a.candidates).distance - r) > tolerance;
  /** Whether edge a→b strays from the distance: its midpoint, and where a corner may hide (feet far apart), six more points. */
  const strays = (a: Vertex, b: Vertex) => {
    const [mx, my] = degreeMetres(a.lat);
    const chord = Math.hypot((b.lon - a.lon) * mx, (b.lat - a.lat) * my);
    // Where the lines zigzag, the outline has shallow corners a midpoint test misses: edges stay under MAX_EDGE.
    if (chord > MAX_EDGE_METRES || deviates(a, b, 0.5)) return true;
    const fa = footOf(a);
    const fb = footOf(b);
    const ex = (fb[0] - fa[0]) * mx;
    const ey = (fb[1] - fa[1]) * my;
    // Below the exact-snap distance shallow corners are checked at every eighth too (the fast distance is exact enough there).
    if (Math.sqrt(ex * ex + ey * ey) <= 1.5 * chord) return !exact && [0.25, 0.75].some((t) => deviates(a, b, t));
    // The feet jump: a corner may hide between the samples, so such edges are also kept short.
    return chord > 40 * tolerance || [0.125, 0.25, 0.375, 0.625, 0.75, 0.875].some((t) => deviates(a, b, t));
  };
  const polygonsOut: { ring: Position[]; area: number }[] = [];
  let vertices = 0;
  rings.forEach((raw, ringIndex) => {
    // Crossings already lie on the outline (bisected on their edge); only the exact step may remain.
    const snapped = raw.map(exactly);
    const out: Position[] = [];
    for (let n = 0; n < snapped.length; n++) {
      const a = snapped[n]!;
      const b = snapped[(n + 1) % snapped.length]!;
      out.push([a.lon, a.lat]);
      // Depth-first splitting of edge a→b.
      const stack: [Vertex, Vertex, number][] = [[a, b, 0]];
      const inserted: Vertex[] = [];
      while (stack.length) {
        const [p, q, depth] = stack.pop()!;
        if (depth >= 12 || !strays(p, q)) {
          if (p !== a) inserted.push(p);
          continue;
        }
        // With exact snapping (large distances) the outline is smooth enough for the radial snap and corner search.
        const mid = (exact ? null : bisectorPoint(p, q)) ?? corner(p, q) ?? snap({ lon: (p.lon + q.lon) / 2, lat: (p.lat + q.lat) / 2, candidates: p.candidates });
        stack.push([mid, q, depth + 1], [p, mid, depth + 1]);
      }
      for (const vertex of inserted) out.push([vertex.lon, vertex.lat]);
    }
    out.push([out[0]![0]!, out[0]![1]!]);
    vertices += out.length;
    let area = 0;
    for (let n = 1; n < out.length; n++) area += out[n - 1]![0]! * out[n]![1]! - out[n]![0]! * out[n - 1]![1]!;
    polygonsOut.push({ ring: out, area: area / 2 });
    options.onProgress?.('snap', ringIndex + 1, rings.length);
  });

  // Counter-clockwise rings are shells; each clockwise ring is a hole of the smallest shell around it.
  const shells = polygonsOut.filter((p) => p.area > 0).sort((a, b) => a.area - b.area);
  const coordinates: Position[][][] = shells.map((shell) => [shell.ring]);
  for (const hole of polygonsOut.filter((p) => p.area < 0)) {
    const [lon, lat] = hole.ring[0] as [number, number];
    const owner = shells.findIndex((shell) => pointInRing(lon, lat, shell.ring));
    if (owner !== -1) coordinates[owner]!.push(hole.ring);
  }
  return { polygon: { type: 'MultiPolygon', coordinates }, distanceKm, vertices, cellMetres: cell, fieldEvaluations, exact };
}
