/** Mean Earth radius (m), for the short-distance approximation below. */
const EARTH_RADIUS_M = 6371008.8;
const DEGREE_M = (Math.PI / 180) * EARTH_RADIUS_M;

export interface ClusterOptions {
  /** Two points closer than this (metres) can be in the same cluster. */
  distanceM: number;
  /** …and no further apart in time than this (ms). Points without a time link only to other undated points. */
  windowMs: number;
  /**
   * DBSCAN's minimum number of points (itself included) within reach for a point to start or extend a
   * cluster. 1 (the default) links every pair in reach: single linkage, as same-fire merging needs.
   */
  minPoints?: number;
}

/**
 * Groups points that are close in space and time (DBSCAN with a time window). Same-fire merging uses
 * 1 km and 2 h; patrol clusters use a few km and a day or more.
 *
 * Distances use the equirectangular approximation with the cosine of the earlier point's latitude: for
 * the few kilometres involved its error is under 0.1 % (a metre at 1 km) in Heilongjiang's latitudes.
 *
 * @param lon - Longitudes (degrees).
 * @param lat - Latitudes (degrees).
 * @param time - Instants (ms); NaN where unknown.
 * @param options - Distance, time window and minimum points.
 * @returns Cluster number per point, 0…k−1 in order of each cluster's first point; -1 for noise (only when minPoints > 1).
 * @example
 * const fireId = clusterPoints(points.lon, points.lat, points.time, { distanceM: 1000, windowMs: 2 * 3600e3 });
 */
export function clusterPoints(lon: ArrayLike<number>, lat: ArrayLike<number>, time: ArrayLike<number>, options: ClusterOptions): Int32Array {
  const n = lon.length;
  const { distanceM, windowMs } = options;
  const minPoints = Math.max(1, options.minPoints ?? 1);
  if (!(distanceM > 0) || !(windowMs >= 0)) throw new Error(`clusterPoints: distance ${distanceM} m and window ${windowMs} ms must be positive`);
  if (n === 0) return new Int32Array(0);
  const grid = buildGrid(lon, lat, time, distanceM);
  return minPoints === 1 ? singleLinkage(grid, lon, lat, time, distanceM, windowMs) : dbscan(grid, lon, lat, time, distanceM, windowMs, minPoints);
}

/** Points bucketed into cells one distance wide, each cell's points sorted by time (undated last). */
interface Grid {
  /** Cell of each point. */
  cellOfPoint: Int32Array;
  /** Points in cell order, by time within a cell. */
  order: Int32Array;
  /** Times in `order` order (undated as +Infinity), for binary search. */
  sortedTime: Float64Array;
  cellStart: Int32Array;
  /** For each cell, its 9 neighbouring cells (itself included); -1 where empty. */
  neighbours: Int32Array;
}

function buildGrid(lon: ArrayLike<number>, lat: ArrayLike<number>, time: ArrayLike<number>, distanceM: number): Grid {
  const n = lon.length;
  let maxAbsLat = 0;
  for (let i = 0; i < n; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]!));
  // Cells one distance wide in latitude and, at the northernmost point, in longitude.
  const cellLat = distanceM / DEGREE_M;
  const cellLon = cellLat / Math.max(0.05, Math.cos((Math.min(maxAbsLat, 85) * Math.PI) / 180));
  if (cellLat < 1e-5) throw new Error(`clusterPoints: distance ${distanceM} m is below the 1 m this grid resolves`);
  // Numeric keys: cell column and row offset into two 21-bit halves (exact in a double).
  const key = (cx: number, cy: number) => (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  const cellIds = new Map<number, number>();
  const cellX: number[] = [];
  const cellY: number[] = [];
  const cellOfPoint = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(lon[i]! / cellLon);
    const cy = Math.floor(lat[i]! / cellLat);
    const k = key(cx, cy);
    let id = cellIds.get(k);
    if (id === undefined) {
      id = cellX.length;
      cellIds.set(k, id);
      cellX.push(cx);
      cellY.push(cy);
    }
    cellOfPoint[i] = id;
  }
  const cells = cellX.length;
  const cellStart = new Int32Array(cells + 1);
  for (let i = 0; i < n; i++) cellStart[cellOfPoint[i]! + 1]!++;
  for (let c = 0; c < cells; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cells);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cellOfPoint[i]!]!++] = i;
  const timeOf = (i: number) => (Number.isNaN(time[i]!) ? Infinity : time[i]!);
  for (let c = 0; c < cells; c++) {
    const slice = order.subarray(cellStart[c]!, cellStart[c + 1]!);
    if (slice.length > 1) slice.sort((a, b) => timeOf(a) - timeOf(b) || a - b);
  }
  const sortedTime = new Float64Array(n);
  for (let k = 0; k < n; k++) sortedTime[k] = timeOf(order[k]!);
  const neighbours = new Int32Array(cells * 9);
  for (let c = 0; c < cells; c++) {
    let k = 0;
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) neighbours[c * 9 + k++] = cellIds.get(key(cellX[c]! + dx, cellY[c]! + dy)) ?? -1;
  }
  return { cellOfPoint, order, sortedTime, cellStart, neighbours };
}

/** First position in [from, to) of `sortedTime` whose time is ≥ t. */
function lowerBound(sortedTime: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedTime[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in [from, to) of `sortedTime` whose time is > t. */
function upperBound(sortedTime: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedTime[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `visit(j)` for every point j within reach of point i in space, whose time lies in [t − before, t + after]
 * (undated points reach only undated points).
 */
function forEachInReach(grid: Grid, lon: ArrayLike<number>, lat: ArrayLike<number>, time: ArrayLike<number>, distanceM: number, i: number, before: number, after: number, visit: (j: number) => void): void {
  const t = time[i]!;
  const undated = Number.isNaN(t);
  const limit = distanceM * distanceM;
  const cosLat = Math.cos((lat[i]! * Math.PI) / 180);
  const base = grid.cellOfPoint[i]! * 9;
  for (let k = 0; k < 9; k++) {
    const cell = grid.neighbours[base + k]!;
    if (cell === -1) continue;
    const from = grid.cellStart[cell]!;
    const to = grid.cellStart[cell + 1]!;
    let p = undated ? lowerBound(grid.sortedTime, from, to, Infinity) : lowerBound(grid.sortedTime, from, to, t - before);
    const end = undated ? to : upperBound(grid.sortedTime, p, to, t + after);
    for (; p < end; p++) {
      const j = grid.order[p]!;
      const ex = (lon[j]! - lon[i]!) * cosLat * DEGREE_M;
      const ey = (lat[j]! - lat[i]!) * DEGREE_M;
      if (ex * ex + ey * ey <= limit) visit(j);
    }
  }
}

function singleLinkage(grid: Grid, lon: ArrayLike<number>, lat: ArrayLike<number>, time: ArrayLike<number>, distanceM: number, windowMs: number): Int32Array {
  const n = lon.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    // Only later-or-equal times: each linked pair is seen from its earlier point.
    forEachInReach(grid, lon, lat, time, distanceM, i, 0, windowMs, (j) => {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    });
  }
  const labels = new Int32Array(n);
  const number = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (number[root] === -1) number[root] = next++;
    labels[i] = number[root]!;
  }
  return labels;
}

function dbscan(grid: Grid, lon: ArrayLike<number>, lat: ArrayLike<number>, time: ArrayLike<number>, distanceM: number, windowMs: number, minPoints: number): Int32Array {
  const n = lon.length;
  const labels = new Int32Array(n).fill(-2); // -2: not visited yet
  const reach: number[] = [];
  const collect = (i: number) => {
    reach.length = 0;
    forEachInReach(grid, lon, lat, time, distanceM, i, windowMs, windowMs, (j) => reach.push(j));
    return reach;
  };
  let next = 0;
  const queue: number[] = [];
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -2) continue;
    if (collect(start).length < minPoints) {
      labels[start] = -1; // noise for now; a later cluster may still claim it as a border point
      continue;
    }
    const cluster = next++;
    labels[start] = cluster;
    queue.length = 0;
    for (const j of reach) queue.push(j);
    while (queue.length > 0) {
      const j = queue.pop()!;
      if (labels[j] === -1) labels[j] = cluster; // border point
      if (labels[j] !== -2) continue;
      labels[j] = cluster;
      if (collect(j).length >= minPoints) for (const k of reach) queue.push(k);
    }
  }
  return labels;
}
