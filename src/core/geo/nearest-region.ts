import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

/** One polygon part: the shell and its holes, each a flat [lon0, lat0, lon1, lat1, …] ring without the closing vertex. */
interface PreparedPolygon {
  rings: Float64Array[];
}

/** Finds the region whose boundary is nearest to a point: for points that fall in gaps between regions. */
export interface NearestRegionFinder {
  /**
   * Index of the region whose boundary is nearest to the point within `maxDegrees` (planar, in degrees,
   * longitude scaled by cos(latitude)), or -1.
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
 * Builds a nearest-boundary finder over regions: a flatbush tree of bounding boxes, then the distance to
 * each candidate's rings. Point-in-polygon questions go to `createPolygonGridIndex` instead.
 *
 * @param geometries - Region geometries in WGS84 degrees; the answer is an index into this array.
 * @returns A {@link NearestRegionFinder}.
 * @example
 * const finder = createNearestRegionFinder(counties.features.map((f) => f.geometry));
 * finder.nearest(126.65, 45.75, 0.002); // index of the county whose border is within ~200 m, or -1
 */
export function createNearestRegionFinder(geometries: ReadonlyArray<Polygon | MultiPolygon>): NearestRegionFinder {
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
