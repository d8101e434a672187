import type { Position } from 'geojson';

/**
 * Even-odd test of a point against one ring in lon/lat treated as a plane (how GeoJSON is drawn). For
 * small outlines (sites, buffer rings); large collections use createPolygonGridIndex.
 *
 * @param lon - Longitude of the point.
 * @param lat - Latitude of the point.
 * @param ring - A closed ring of [lon, lat].
 * @returns True when the point is inside.
 * @example
 * pointInRing(0.5, 0.5, [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]); // true
 */
export function pointInRing(lon: number, lat: number, ring: ReadonlyArray<Position>): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
