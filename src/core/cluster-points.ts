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
 * Distances use the equirectangular approximation at the pair's mean latitude: for the few kilometres
 * involved its error is under 0.1 % (a metre at 1 km) in Heilongjiang's latitudes.
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
  const labels = new Int32Array(n).fill(-2); // -2: not visited yet
  if (n === 0) return labels;

  // Spatial hash: cells one distance wide in latitude and, at the northernmost point, in longitude.
  let maxAbsLat = 0;
  for (let i = 0; i < n; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]!));
  const cellLat = distanceM / DEGREE_M;
  const cellLon = cellLat / Math.max(0.05, Math.cos((Math.min(maxAbsLat, 85) * Math.PI) / 180));
  if (cellLat < 1e-5) throw new Error(`clusterPoints: distance ${distanceM} m is below the 1 m this grid resolves`);
  // Numeric keys: cell column and row offset into two 21-bit halves (exact in a double).
  const key = (cx: number, cy: number) => (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  const cellOf = (i: number) => key(Math.floor(lon[i]! / cellLon), Math.floor(lat[i]! / cellLat));
  const cells = new Map<number, number[]>();
  // Points in each cell sorted by time, so a neighbour search scans only the time window.
  const byTime = Array.from({ length: n }, (_, i) => i).sort((a, b) => timeKey(time[a]!) - timeKey(time[b]!));
  for (const i of byTime) {
    const key = cellOf(i);
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  const distance2Limit = distanceM * distanceM;
  const neighbours = (i: number, out: number[]) => {
    out.length = 0;
    const cx = Math.floor(lon[i]! / cellLon);
    const cy = Math.floor(lat[i]! / cellLat);
    const t = time[i]!;
    const undated = Number.isNaN(t);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = cells.get(key(cx + dx, cy + dy));
        if (!list) continue;
        let k = undated ? firstUndated(list, time) : lowerBound(list, time, t - windowMs);
        for (; k < list.length; k++) {
          const j = list[k]!;
          const tj = time[j]!;
          if (undated ? !Number.isNaN(tj) : Number.isNaN(tj) || tj > t + windowMs) break;
          const meanLat = ((lat[i]! + lat[j]!) / 2) * (Math.PI / 180);
          const ex = (lon[j]! - lon[i]!) * Math.cos(meanLat) * DEGREE_M;
          const ey = (lat[j]! - lat[i]!) * DEGREE_M;
          if (ex * ex + ey * ey <= distance2Limit) out.push(j);
        }
      }
    }
    return out;
  };

  let next = 0;
  const reach: number[] = [];
  const queue: number[] = [];
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -2) continue;
    if (neighbours(start, reach).length < minPoints) {
      labels[start] = -1; // noise for now; a later cluster may still claim it as a border point
      continue;
    }
    const cluster = next++;
    labels[start] = cluster;
    queue.length = 0;
    queue.push(...reach);
    while (queue.length > 0) {
      const j = queue.pop()!;
      if (labels[j] === -1) labels[j] = cluster; // border point
      if (labels[j] !== -2) continue;
      labels[j] = cluster;
      if (neighbours(j, reach).length >= minPoints) queue.push(...reach);
    }
  }
  return labels;
}

/** Sorts undated points after all dated ones. */
function timeKey(t: number): number {
  return Number.isNaN(t) ? Infinity : t;
}

function lowerBound(list: number[], time: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeKey(time[list[mid]!]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstUndated(list: number[], time: ArrayLike<number>): number {
  return lowerBound(list, time, Infinity);
}
