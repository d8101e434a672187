import type { MultiPolygon, Polygon } from 'geojson';

/** A point-in-polygon index for bulk queries against a fixed set of regions (counties, coverage areas). */
export interface PolygonGridIndex {
  /** Number of regions indexed. */
  readonly size: number;
  /** Index of the region containing the point, or -1. Points exactly on an edge may go either way. */
  locate(lon: number, lat: number): number;
  /**
   * Locates many points in one call.
   *
   * @param lons - Longitudes.
   * @param lats - Latitudes, same length.
   * @param out - Optional output array to fill (same length).
   * @returns Region index per point, -1 where none.
   */
  locateMany(lons: ArrayLike<number>, lats: ArrayLike<number>, out?: Int32Array): Int32Array;
}

export interface PolygonGridIndexOptions {
  /**
   * Grid cell size in degrees. By default 0.01° (about 1 km), coarser for few edges over a wide area (at most
   * about 64 cells per edge: 13 built-up areas across the province need no million-cell grid); the grid is capped
   * at about 4 million cells.
   */
  cellDegrees?: number;
}

const MAX_CELLS = 4_000_000;

/**
 * Builds a grid index over regions for bulk point-in-polygon queries (fire points, boilers, sites).
 *
 * Each cell of a regular grid is either *pure* (no region edge passes through it, so every point in it
 * belongs to the region at its centre, found by a scanline at build time) or *mixed* (it stores the
 * regions whose edges touch it). A point in a pure cell costs one array read; a point in a mixed cell
 * runs the even-odd ray test, but only against the candidate regions' edges in the cell's grid row.
 * Answers equal `@turf/boolean-point-in-polygon` for every point not on an edge.
 *
 * @param geometries - Regions in WGS84 degrees; the answer is an index into this array. Where regions
 *   overlap, a point inside several gets one of them (and -1 only when it is inside none).
 * @param options - Grid cell size.
 * @returns A {@link PolygonGridIndex}.
 * @example
 * const index = createPolygonGridIndex(counties.features.map((f) => f.geometry));
 * const countyOfEachPoint = index.locateMany(lons, lats); // Int32Array, -1 outside
 */
export function createPolygonGridIndex(geometries: ReadonlyArray<Polygon | MultiPolygon>, options: PolygonGridIndexOptions = {}): PolygonGridIndex {
  // 1. Every edge of every ring, with its region.
  let edgeCount = 0;
  for (const geometry of geometries) forEachRing(geometry, (_ring, count) => (edgeCount += count));
  const ex1 = new Float64Array(edgeCount);
  const ey1 = new Float64Array(edgeCount);
  const ex2 = new Float64Array(edgeCount);
  const ey2 = new Float64Array(edgeCount);
  const eRegion = new Int32Array(edgeCount);
  let n = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  geometries.forEach((geometry, region) =>
    forEachRing(geometry, (ring, count) => {
      for (let i = 0; i < count; i++) {
        const a = ring[i]!;
        const b = ring[i + 1 === count ? 0 : i + 1]!;
        const x1 = a[0]!, y1 = a[1]!, x2 = b[0]!, y2 = b[1]!;
        if (x1 === x2 && y1 === y2) continue;
        ex1[n] = x1; ey1[n] = y1; ex2[n] = x2; ey2[n] = y2; eRegion[n] = region;
        n++;
        if (x1 < minX) minX = x1;
        if (x1 > maxX) maxX = x1;
        if (y1 < minY) minY = y1;
        if (y1 > maxY) maxY = y1;
      }
    }),
  );
  edgeCount = n;
  if (edgeCount === 0) {
    const none = (_lon: number, _lat: number) => -1;
    return { size: geometries.length, locate: none, locateMany: (lons, _lats, out) => (out ?? new Int32Array(lons.length)).fill(-1) };
  }

  // 2. The grid.
  const width = maxX - minX;
  const height = maxY - minY;
  let cell = options.cellDegrees ?? Math.max(0.01, Math.sqrt((width * height) / (64 * edgeCount)));
  while (Math.ceil(width / cell + 1) * Math.ceil(height / cell + 1) > MAX_CELLS) cell *= 1.5;
  const nx = Math.max(1, Math.ceil(width / cell) + 1);
  const ny = Math.max(1, Math.ceil(height / cell) + 1);
  const col = (x: number) => Math.floor((x - minX) / cell);
  const row = (y: number) => Math.floor((y - minY) / cell);

  // 3. Row bands: the edges whose latitude range overlaps each grid row, grouped by region (CSR).
  const rowCount = new Int32Array(ny + 1);
  for (let e = 0; e < edgeCount; e++) {
    const r0 = row(Math.min(ey1[e]!, ey2[e]!));
    const r1 = row(Math.max(ey1[e]!, ey2[e]!));
    for (let r = r0; r <= r1; r++) rowCount[r + 1]!++;
  }
  const rowStart = new Int32Array(ny + 1);
  for (let r = 0; r < ny; r++) rowStart[r + 1] = rowStart[r]! + rowCount[r + 1]!;
  const rowFill = rowStart.slice(0, ny);
  const rowEdges = new Int32Array(rowStart[ny]!);
  for (let e = 0; e < edgeCount; e++) {
    const r0 = row(Math.min(ey1[e]!, ey2[e]!));
    const r1 = row(Math.max(ey1[e]!, ey2[e]!));
    for (let r = r0; r <= r1; r++) rowEdges[rowFill[r]!++] = e;
  }
  // Edges were numbered region by region, so each row's list is already grouped by region.
  // Flattened copies in row order, so the query loop reads memory sequentially.
  const total = rowEdges.length;
  const band = new Float64Array(total * 4); // x1, y1, x2, y2 of each row-band entry, interleaved
  for (let i = 0; i < total; i++) {
    const e = rowEdges[i]!;
    band[4 * i] = ex1[e]!;
    band[4 * i + 1] = ey1[e]!;
    band[4 * i + 2] = ex2[e]!;
    band[4 * i + 3] = ey2[e]!;
  }

  // 4. Mixed cells: every cell an edge may pass through, with the regions of those edges.
  // Every cell the edge's bounding box (grown by a hair against rounding) overlaps: a superset of the
  // cells the edge passes through. Extra cells only cost speed, never correctness, because the region
  // at each cell's centre is always a candidate too. Two passes bucket (cell, region) pairs by cell.
  const hair = 1e-9;
  const cellTouches = new Int32Array(nx * ny + 1);
  const forEachTouchedCell = (visit: (cellIndex: number, region: number) => void) => {
    for (let e = 0; e < edgeCount; e++) {
      const x1 = ex1[e]!, y1 = ey1[e]!, x2 = ex2[e]!, y2 = ey2[e]!;
      const c0 = Math.max(0, col((x1 < x2 ? x1 : x2) - hair));
      const c1 = Math.min(nx - 1, col((x1 > x2 ? x1 : x2) + hair));
      const r0 = Math.max(0, row((y1 < y2 ? y1 : y2) - hair));
      const r1 = Math.min(ny - 1, row((y1 > y2 ? y1 : y2) + hair));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * nx + c, eRegion[e]!);
    }
  };
  forEachTouchedCell((cellIndex) => cellTouches[cellIndex + 1]!++);

  // 5. Label every cell by the region at its centre (scanline per row).
  const cells = new Int32Array(nx * ny).fill(-1);
  const parity = new Uint8Array(geometries.length);
  // Where regions overlap, a mixed cell's centre may lie in several: all of them must stay candidates, or a
  // point in one region but outside the one labelled at the centre (whose edge crosses the cell) is missed.
  const active = new Set<number>();
  const centreRegions = new Map<number, number[]>();
  const crossX: number[] = [];
  const crossRegion: number[] = [];
  const order: number[] = [];
  for (let r = 0; r < ny; r++) {
    const yc = minY + (r + 0.5) * cell;
    crossX.length = 0;
    crossRegion.length = 0;
    for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) {
      const x1 = band[4 * i]!, y1 = band[4 * i + 1]!, x2 = band[4 * i + 2]!, y2 = band[4 * i + 3]!;
      if (y1 > yc !== y2 > yc) {
        crossX.push(((x2 - x1) * (yc - y1)) / (y2 - y1) + x1);
        crossRegion.push(eRegion[rowEdges[i]!]!);
      }
    }
    if (crossX.length === 0) continue;
    order.length = crossX.length;
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => crossX[a]! - crossX[b]!);
    parity.fill(0);
    active.clear();
    let inside = 0;
    let current = -1;
    let k = 0;
    for (let c = 0; c < nx; c++) {
      const xc = minX + (c + 0.5) * cell;
      // A crossing strictly left of the centre toggles the region, as the even-odd test would.
      while (k < order.length && crossX[order[k]!]! < xc) {
        const g = crossRegion[order[k]!]!;
        parity[g] = parity[g]! ^ 1;
        inside += parity[g] ? 1 : -1;
        if (parity[g]) active.add(g);
        else active.delete(g);
        if (parity[g]) current = g;
        else if (current === g) current = inside > 0 ? parity.indexOf(1) : -1;
        k++;
      }
      if (inside > 0) cells[r * nx + c] = current;
      if (inside > 1 && cellTouches[r * nx + c + 1]! > 0) centreRegions.set(r * nx + c, [...active]);
    }
  }

  // 6. The mixed cells' candidate regions, bucketed by cell (counted before the scanline).
  for (let i = 0; i < nx * ny; i++) cellTouches[i + 1]! += cellTouches[i]!;
  const touchFill = cellTouches.slice(0, nx * ny);
  const touchRegion = new Int32Array(cellTouches[nx * ny]!);
  forEachTouchedCell((cellIndex, region) => (touchRegion[touchFill[cellIndex]!++] = region));

  // At most every touching region, plus the centre's regions, per mixed cell: typed arrays sized once.
  let mixedCells = 0;
  let centreExtras = 0;
  for (let i = 0; i < nx * ny; i++) if (cellTouches[i + 1] !== cellTouches[i]) mixedCells++;
  for (const extra of centreRegions.values()) centreExtras += extra.length;
  const capacity = touchRegion.length + mixedCells + centreExtras;
  const candStart = new Int32Array(mixedCells + 1);
  const candidates = new Int32Array(capacity);
  const candFrom = new Int32Array(capacity);
  const candTo = new Int32Array(capacity);
  const range = new Int32Array(2);
  let candidateCount = 0;
  let mixedCount = 0;
  const addCandidate = (cellFrom: number, g: number, r: number) => {
    for (let k = cellFrom; k < candidateCount; k++) if (candidates[k] === g) return;
    regionRange(rowEdges, eRegion, rowStart[r]!, rowStart[r + 1]!, g, range);
    candidates[candidateCount] = g;
    candFrom[candidateCount] = range[0]!;
    candTo[candidateCount] = range[1]!;
    candidateCount++;
  };
  for (let cellIndex = 0; cellIndex < nx * ny; cellIndex++) {
    const from = cellTouches[cellIndex]!;
    const to = cellTouches[cellIndex + 1]!;
    if (from === to) continue;
    const r = Math.floor(cellIndex / nx);
    const cellFrom = candidateCount;
    candStart[mixedCount] = cellFrom;
    for (let i = from; i < to; i++) addCandidate(cellFrom, touchRegion[i]!, r);
    const centre = cells[cellIndex]!;
    if (centre >= 0) addCandidate(cellFrom, centre, r); // the region at the centre is always a candidate
    for (const g of centreRegions.get(cellIndex) ?? []) addCandidate(cellFrom, g, r);
    cells[cellIndex] = -2 - mixedCount;
    mixedCount++;
  }
  candStart[mixedCount] = candidateCount;

  /** The even-odd test against the candidates of mixed cell `state` (≤ -2). */
  const locateInMixedCell = (state: number, lon: number, lat: number): number => {
    const m = -2 - state;
    for (let k = candStart[m]!, end = candStart[m + 1]!; k < end; k++) {
      let inside = false;
      for (let j = 4 * candFrom[k]!, to = 4 * candTo[k]!; j < to; j += 4) {
        const y1 = band[j + 1]!, y2 = band[j + 3]!;
        if (y1 > lat !== y2 > lat) {
          const x1 = band[j]!;
          if (lon < ((band[j + 2]! - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
        }
      }
      if (inside) return candidates[k]!;
    }
    return -1;
  };

  const locate = (lon: number, lat: number): number => {
    const c = Math.floor((lon - minX) / cell);
    const r = Math.floor((lat - minY) / cell);
    if (!(c >= 0 && c < nx && r >= 0 && r < ny)) return -1; // also rejects NaN
    const state = cells[r * nx + c]!;
    return state >= -1 ? state : locateInMixedCell(state, lon, lat);
  };

  return {
    size: geometries.length,
    locate,
    locateMany(lons, lats, out) {
      if (lons.length !== lats.length) throw new Error(`locateMany: ${lons.length} longitudes but ${lats.length} latitudes`);
      const result = out ?? new Int32Array(lons.length);
      // The pure-cell path of `locate`, inlined: it answers most points with one array read.
      for (let i = 0; i < lons.length; i++) {
        const lon = lons[i]!;
        const lat = lats[i]!;
        const c = Math.floor((lon - minX) / cell);
        const r = Math.floor((lat - minY) / cell);
        if (c >= 0 && c < nx && r >= 0 && r < ny) {
          const state = cells[r * nx + c]!;
          result[i] = state >= -1 ? state : locateInMixedCell(state, lon, lat);
        } else {
          result[i] = -1;
        }
      }
      return result;
    },
  };
}

/** Visits each ring with its vertex count, not counting a closing vertex (the edge back to the first is implied). */
function forEachRing(geometry: Polygon | MultiPolygon, visit: (ring: number[][], count: number) => void): void {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const part of parts) {
    for (const ring of part) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      const closed = ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1];
      visit(ring, closed ? ring.length - 1 : ring.length);
    }
  }
}

/** The range of a row's region-sorted edge list that belongs to one region, written to `out` as [start, end). */
function regionRange(rowEdges: Int32Array, eRegion: Int32Array, from: number, to: number, region: number, out: Int32Array): void {
  let lo = from, hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (eRegion[rowEdges[mid]!]! < region) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < to && eRegion[rowEdges[end]!]! === region) end++;
  out[0] = lo;
  out[1] = end;
}
