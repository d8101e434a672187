import type { Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import type { ProvincialBorder } from '../../src/core/eia/provincial-border.ts';
import { bruteForceNearest, geodesicDestination, geodesicDistance } from './brute-force-geodesic.ts';

const WGS84 = geographiclib.Geodesic.WGS84;

/** Rough metres between two nearby points, only to pick a vertex. */
function roughMetres(a: Position, lon: number, lat: number): number {
  return Math.hypot((a[0]! - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (a[1]! - lat) * 110_950);
}

/** The geodesic distance from a point to the border by brute force (see brute-force-geodesic.ts), independent of the code under test. */
export function referenceDistance(border: ProvincialBorder, lon: number, lat: number): { distance: number; point: [number, number] } {
  const nearest = bruteForceNearest([lon, lat], border.features.map((f) => f.geometry.coordinates))!;
  return { distance: nearest.distance, point: [nearest.lon, nearest.lat] };
}

/** The border vertex nearest a rough location, with the azimuth of its local segment (previous → next vertex). */
export function borderVertexNear(border: ProvincialBorder, lon: number, lat: number, neighbor: string): { lon: number; lat: number; azimuth: number } {
  let best = { lon: Number.NaN, lat: Number.NaN, azimuth: Number.NaN };
  let bestMetres = Infinity;
  for (const feature of border.features) {
    if (feature.properties.neighbor !== neighbor) continue;
    const line = feature.geometry.coordinates;
    for (let i = 1; i + 1 < line.length; i++) {
      const metres = roughMetres(line[i]!, lon, lat);
      if (metres < bestMetres) {
        bestMetres = metres;
        const [prev, next] = [line[i - 1]!, line[i + 1]!];
        best = { lon: line[i]![0]!, lat: line[i]![1]!, azimuth: WGS84.Inverse(prev[1]!, prev[0]!, next[1]!, next[0]!).azi1! };
      }
    }
  }
  return best;
}

/** The point `metres` from a border vertex along the geodesic at `azimuth` (GeographicLib Direct). */
export function moveFrom(vertex: { lon: number; lat: number }, azimuth: number, metres: number): [number, number] {
  return geodesicDestination([vertex.lon, vertex.lat], azimuth, metres);
}

/** Geodesic distance between two lon/lat points, metres. */
export const geodesicMetres = (a: readonly number[], b: readonly number[]): number => geodesicDistance(a as Position, b as Position);
