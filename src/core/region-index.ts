import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

/** One polygon part: the shell and its holes, each a flat [lon0, lat0, lon1, lat1, …] ring without the closing vertex. */
interface PreparedPolygon {
  rings: Float64Array[];
}

/** A point-in-polygon index over a fixed list of regions, built once and queried many times. */
export interface RegionIndex {
  /** Number of regions indexed. */
  readonly size: number;
  /**
   * Index of the region containing the point, or -1. Regions are assumed not to overlap; where they
   * do, the lowest index wins. Points exactly on an edge may go either way.
   */
  locate(lon: number, lat: number): number;
  /**
   * Index of the region whose boundary is nearest to the point within `maxDegrees` (planar, in degrees,
   * longitude scaled by cos(latitude)), or -1. For points that fall in gaps between regions.
   */
  nearest(lon: number, lat: number, maxDegrees: number): number;
}

function prepareRing(ring: number[][]): Float64Array {
  let n = ring.length;
  const first = ring[0];
  const last = ring[n - 1];
  if (n > 1 && first && last && first[0] === last[0] && first[1] === last[1]) n -= 1;
  const flat = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = ring[i]![0]!;
    flat[2 * i + 1] = ring[i]![1]!;
  }
  return flat;
}

/** Even-odd crossing test of one ring (half-open edges, so a shared edge belongs to exactly one side). */
function insideRing(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const yi = ring[i + 1]!;
    const yj = ring[j + 1]!;
    if (yi > y !== yj > y) {
      const xi = ring[i]!;
      const xj = ring[j]!;
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function insidePolygon(polygon: PreparedPolygon, x: number, y: number): boolean {
  const { rings } = polygon;
  if (!insideRing(rings[0]!, x, y)) return false;
  for (let h = 1; h < rings.length; h++) if (insideRing(rings[h]!, x, y)) return false;
  return true;
}

function squaredDistanceToRing(ring: Float64Array, x: number, y: number, k: number): number {
  let best = Infinity;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const ax = ring[j]! * k;
    const ay = ring[j + 1]!;
    const dx = ring[i]! * k - ax;
    const dy = ring[i + 1]! - ay;
    const px = x * k - ax;
    const py = y - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / length2)) : 0;
    const ex = px - t * dx;
    const ey = py - t * dy;
    best = Math.min(best, ex * ex + ey * ey);
  }
  return best;
}

/**
 * Builds a point-in-polygon index over regions (a flatbush tree of bounding boxes, then an even-odd
 * test on prepared flat rings). Answers match `@turf/boolean-point-in-polygon` for every point not on an edge.
 *
 * @param geometries - Region geometries in WGS84 degrees; the answer of `locate` is an index into this array.
 * @returns A {@link RegionIndex}.
 * @example
 * const index = createRegionIndex(counties.features.map((f) => f.geometry));
 * const i = index.locate(126.65, 45.75); // index of 南岗区, or -1
 */
export function createRegionIndex(geometries: ReadonlyArray<Polygon | MultiPolygon>): RegionIndex {
  const regions: PreparedPolygon[][] = geometries.map((geometry) => {
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return parts.filter((part) => part.length > 0).map((part) => ({ rings: part.map(prepareRing) }));
  });
  const tree = new Flatbush(Math.max(1, regions.length));
  for (const region of regions) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const polygon of region) {
      const shell = polygon.rings[0]!;
      for (let i = 0; i < shell.length; i += 2) {
        minX = Math.min(minX, shell[i]!);
        maxX = Math.max(maxX, shell[i]!);
        minY = Math.min(minY, shell[i + 1]!);
        maxY = Math.max(maxY, shell[i + 1]!);
      }
    }
    tree.add(minX, minY, maxX, maxY);
  }
  if (regions.length === 0) tree.add(0, 0, 0, 0);
  tree.finish();

  return {
    size: regions.length,
    locate(lon, lat) {
      let found = -1;
      for (const i of tree.search(lon, lat, lon, lat)) {
        if (i >= regions.length || (found !== -1 && i > found)) continue;
        if (regions[i]!.some((polygon) => insidePolygon(polygon, lon, lat))) found = i;
      }
      return found;
    },
    nearest(lon, lat, maxDegrees) {
      const k = Math.cos((lat * Math.PI) / 180);
      let best = -1;
      let bestDistance = maxDegrees * maxDegrees;
      const pad = maxDegrees / Math.max(k, 0.01);
      for (const i of tree.search(lon - pad, lat - maxDegrees, lon + pad, lat + maxDegrees)) {
        if (i >= regions.length) continue;
        for (const polygon of regions[i]!) {
          for (const ring of polygon.rings) {
            const d = squaredDistanceToRing(ring, lon, lat, k);
            if (d <= bestDistance) {
              bestDistance = d;
              best = i;
            }
          }
        }
      }
      return best;
    },
  };
}
