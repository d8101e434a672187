import type { Position } from 'geojson';

/** Where two non-adjacent edges of a ring cross: the point and the two edge indices (edge i runs from vertex i to i+1). */
export interface RingCrossing {
  lon: number;
  lat: number;
  edges: [number, number];
}

/**
 * Intersection point of segments p1p2 and p3p4 in the plane, or null when they do not meet (parallel ones never do).
 *
 * @param p1 - Start of the first segment; p2 its end; p3, p4 the second segment.
 * @returns [x, y] of the crossing, or null.
 * @example
 * segmentIntersection([0, 0], [2, 2], [0, 2], [2, 0]); // [1, 1]
 */
export function segmentIntersection(p1: Position, p2: Position, p3: Position, p4: Position): [number, number] | null {
  const d1x = p2[0]! - p1[0]!;
  const d1y = p2[1]! - p1[1]!;
  const d2x = p4[0]! - p3[0]!;
  const d2y = p4[1]! - p3[1]!;
  const denominator = d1x * d2y - d1y * d2x;
  if (denominator === 0) return null; // parallel or collinear: a touching collinear overlap is not a crossing here
  const ox = p3[0]! - p1[0]!;
  const oy = p3[1]! - p1[1]!;
  const t = (ox * d2y - oy * d2x) / denominator;
  const u = (ox * d1y - oy * d1x) / denominator;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [p1[0]! + t * d1x, p1[1]! + t * d1y];
}

/**
 * Finds where a closed ring crosses or touches itself (a bow-tie, a loop), in lon/lat treated as a plane,
 * which is what GeoJSON renderers and area formulas assume. Adjacent edges sharing their vertex do not count,
 * nor do repeated consecutive positions; edge numbers count edges after dropping those repeats.
 *
 * @param ring - A closed ring (first position = last) of [lon, lat].
 * @param limit - Stop after this many crossings.
 * @returns The crossings found, at most `limit`.
 * @example
 * findRingSelfIntersections([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]); // [{ lon: 0.5, lat: 0.5, edges: [0, 2] }]
 */
export function findRingSelfIntersections(input: ReadonlyArray<Position>, limit = 10): RingCrossing[] {
  // Repeated consecutive positions are valid GeoJSON: a zero-length edge must not make its neighbours non-adjacent.
  const ring = input.filter((p, i) => i === 0 || p[0] !== input[i - 1]![0] || p[1] !== input[i - 1]![1]);
  const crossings: RingCrossing[] = [];
  const edges = ring.length - 1;
  // Edge boxes first: small site outlines are checked pairwise, which is fine up to a few thousand vertices.
  for (let i = 0; i < edges && crossings.length < limit; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const minX = Math.min(a[0]!, b[0]!);
    const maxX = Math.max(a[0]!, b[0]!);
    const minY = Math.min(a[1]!, b[1]!);
    const maxY = Math.max(a[1]!, b[1]!);
    for (let j = i + 2; j < edges && crossings.length < limit; j++) {
      if (i === 0 && j === edges - 1) continue; // first and last edges share the closing vertex
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[0]!, d[0]!) < minX || Math.min(c[0]!, d[0]!) > maxX || Math.max(c[1]!, d[1]!) < minY || Math.min(c[1]!, d[1]!) > maxY) continue;
      const point = segmentIntersection(a, b, c, d);
      if (point) crossings.push({ lon: point[0], lat: point[1], edges: [i, j] });
    }
  }
  return crossings;
}
