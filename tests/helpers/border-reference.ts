import type { Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import type { ProvincialBorder } from '../../src/core/provincial-border.ts';

const WGS84 = geographiclib.Geodesic.WGS84;
/** Sampling step along each border segment, metres: a foot between samples is missed by at most step²/(8·distance), under 1 mm at 10 km. */
const STEP_M = 10;

/** Rough metres between two nearby points, only to pick which segments to sample. */
function roughMetres(a: Position, lon: number, lat: number): number {
  return Math.hypot((a[0]! - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (a[1]! - lat) * 110_950);
}

/**
 * The geodesic distance from a point to the border by brute force, independent of the code under test:
 * every segment with an end within `radiusM` is sampled every 10 m along its geodesic (GeographicLib),
 * and the least GeographicLib Inverse distance wins. Segments are short (a few hundred metres), so the
 * radius only needs to exceed the answer by a few kilometres.
 */
export function referenceDistance(border: ProvincialBorder, lon: number, lat: number, radiusM = 45_000): { distance: number; point: [number, number] } {
  let distance = Infinity;
  let point: [number, number] = [Number.NaN, Number.NaN];
  for (const feature of border.features) {
    const line = feature.geometry.coordinates;
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      if (roughMetres(a, lon, lat) > radiusM && roughMetres(b, lon, lat) > radiusM) continue;
      const segment = WGS84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
      const steps = Math.max(1, Math.ceil(segment.s13! / STEP_M));
      for (let k = 0; k <= steps; k++) {
        const p = segment.Position((segment.s13! * k) / steps);
        const d = WGS84.Inverse(lat, lon, p.lat2!, p.lon2!).s12!;
        if (d < distance) {
          distance = d;
          point = [p.lon2!, p.lat2!];
        }
      }
    }
  }
  return { distance, point };
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
  const p = WGS84.Direct(vertex.lat, vertex.lon, azimuth, metres);
  return [p.lon2!, p.lat2!];
}

/** Geodesic distance between two lon/lat points, metres. */
export function geodesicMetres(a: readonly number[], b: readonly number[]): number {
  return WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
}
