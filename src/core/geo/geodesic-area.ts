import type { MultiPolygon, Polygon, Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';

// A CommonJS package: its default export works the same under Node and Vite.
const WGS84 = geographiclib.Geodesic.WGS84;

function ringArea(ring: Position[]): number {
  const polygon = WGS84.Polygon(false);
  const first = ring[0];
  const last = ring[ring.length - 1];
  const n = first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) {
    const [lon, lat] = ring[i] as [number, number];
    polygon.AddPoint(lat, lon);
  }
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/**
 * Geodesic area on the WGS84 ellipsoid (GeographicLib), shells minus holes, in square metres.
 *
 * @param geometry - A Polygon or MultiPolygon in WGS84 degrees.
 * @returns Area in m².
 * @example
 * geodesicArea({ type: 'Polygon', coordinates: [[[126, 45], [127, 45], [127, 46], [126, 46], [126, 45]]] }) / 1e6; // ≈ 8,730 km²
 */
export function geodesicArea(geometry: Polygon | MultiPolygon): number {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const part of parts) {
    part.forEach((ring, i) => {
      total += i === 0 ? ringArea(ring) : -ringArea(ring);
    });
  }
  return total;
}
