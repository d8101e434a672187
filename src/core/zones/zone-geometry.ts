import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import type { Boundaries } from '../geo/boundaries.ts';
import { geodesicArea } from '../geo/geodesic-area.ts';
import { pointInRing } from '../geo/point-in-ring.ts';
import { segmentIntersection } from '../geo/ring-self-intersections.ts';

/** Thresholds of the zone checks: those validateZones judges by and suggestZoneRepair repairs to. */
export interface ZoneValidationOptions {
  /** A part whose mean width (2 × area / perimeter) is under this many metres is a sliver (default 20 m). */
  sliverWidthM?: number;
  /** A part smaller than this many m² is a sliver whatever its shape (default 100 m²). */
  sliverAreaM2?: number;
  /**
   * Overlaps and parts outside the city below this many m² are ignored (default 1,000 m²): the shipped
   * boundaries are quantised to about 100 m, so a zone drawn along a city line may stray a little.
   */
  toleranceM2?: number;
}

/**
 * The default thresholds of the zone checks.
 *
 * @example
 * ZONE_VALIDATION_DEFAULTS.toleranceM2; // 1000
 */
export const ZONE_VALIDATION_DEFAULTS: Readonly<Required<ZoneValidationOptions>> = Object.freeze({ sliverWidthM: 20, sliverAreaM2: 100, toleranceM2: 1000 });

/**
 * Square metres as square kilometres to two decimals, the precision every zone report uses.
 *
 * @param m2 - An area in m².
 * @returns The area in km², rounded to 0.01 km².
 * @example
 * km2(1_234_567); // 1.23
 */
export function km2(m2: number): number {
  return Math.round(m2 / 1e4) / 100;
}

/**
 * The polygons of a Polygon or MultiPolygon, each as its rings (outline first); the input's own arrays, not copies.
 *
 * @param geometry - A Polygon or MultiPolygon.
 * @returns One entry per polygon.
 * @example
 * polygonsOf({ type: 'Polygon', coordinates: [ring] }); // [[ring]]
 */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Geodesic perimeter of a ring in metres, by the local plane of each edge: metre-level, enough for a shape test.
 *
 * @param ring - A closed ring of [lon, lat].
 * @returns Its length in metres.
 * @example
 * perimeterM([[126, 45], [126.001, 45], [126, 45]]); // about 157: 78.7 m there and back
 */
export function perimeterM(ring: ReadonlyArray<Position>): number {
  let metres = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1] as [number, number];
    const [x2, y2] = ring[i] as [number, number];
    const dy = (y2 - y1) * 111_132;
    const dx = (x2 - x1) * 111_320 * Math.cos(((y1 + y2) / 2) * (Math.PI / 180));
    metres += Math.hypot(dx, dy);
  }
  return metres;
}

/** A polygon part measured for the sliver test. */
export interface SliverMeasure {
  /** The part's geodesic area in m². */
  areaM2: number;
  /** Its mean width in metres: 2 × area / outline perimeter. */
  widthM: number;
  /** Whether it is too small or too thin to be a zone. */
  sliver: boolean;
}

/**
 * Measures one polygon part for the sliver test: a part smaller than `sliverAreaM2`, or with a mean width under
 * `sliverWidthM`, is a sliver (thinner than a street or tinier than a room).
 *
 * @param rings - The part's rings, outline first (WGS84).
 * @param options - The sliver thresholds; unset ones take {@link ZONE_VALIDATION_DEFAULTS}.
 * @param areaM2 - The part's geodesic area in m², when already known; computed otherwise.
 * @returns Its area, mean width and whether it is a sliver.
 * @example
 * // 0.03° × 0.00009° at 45.74 N: about 2,330 m × 10 m.
 * measureSliver([[[126.63, 45.74], [126.66, 45.74], [126.66, 45.74009], [126.63, 45.74009], [126.63, 45.74]]]);
 * // { areaM2: 23355, widthM: 9.98, sliver: true } (to the digits shown)
 */
export function measureSliver(rings: Position[][], options: ZoneValidationOptions = {}, areaM2 = geodesicArea({ type: 'Polygon', coordinates: rings })): SliverMeasure {
  const widthM = (2 * areaM2) / Math.max(1e-9, perimeterM(rings[0]!));
  const sliver = areaM2 < (options.sliverAreaM2 ?? ZONE_VALIDATION_DEFAULTS.sliverAreaM2) || widthM < (options.sliverWidthM ?? ZONE_VALIDATION_DEFAULTS.sliverWidthM);
  return { areaM2, widthM, sliver };
}

/**
 * Where two segments cross away from their end points: rings of a zone may touch at a vertex, never cross.
 *
 * @param a1 - First end of segment a.
 * @param a2 - Second end of segment a.
 * @param b1 - First end of segment b.
 * @param b2 - Second end of segment b.
 * @returns The crossing [lon, lat], or null when they do not cross or meet only at an end point.
 * @example
 * properCrossing([0, 0], [2, 2], [0, 2], [2, 0]); // [1, 1]
 * properCrossing([0, 0], [1, 1], [1, 1], [2, 0]); // null: they share an end point
 */
export function properCrossing(a1: Position, a2: Position, b1: Position, b2: Position): [number, number] | null {
  const crossing = segmentIntersection(a1, a2, b1, b2);
  if (!crossing) return null;
  const isCrossing = (p: Position) => Math.abs(p[0]! - crossing[0]) < 1e-12 && Math.abs(p[1]! - crossing[1]) < 1e-12;
  return isCrossing(a1) || isCrossing(a2) || isCrossing(b1) || isCrossing(b2) ? null : crossing;
}

/**
 * The first proper crossing ({@link properCrossing}) between the edges of two rings.
 *
 * @param a - A closed ring.
 * @param b - Another closed ring.
 * @returns Where they cross, or null when they do not (touching at vertices is not crossing).
 * @example
 * ringsCross([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]); // [2, 1]
 */
export function ringsCross(a: ReadonlyArray<Position>, b: ReadonlyArray<Position>): [number, number] | null {
  for (let i = 1; i < a.length; i++) {
    for (let j = 1; j < b.length; j++) {
      const crossing = properCrossing(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!);
      if (crossing) return crossing;
    }
  }
  return null;
}

const isVertexOf = (p: Position, ring: ReadonlyArray<Position>) => ring.some((q) => q[0] === p[0] && q[1] === p[1]);

/**
 * A vertex of `ring` inside `other` that is not also a vertex of `other`: with the rings not crossing, `ring` then
 * lies inside `other` (two holes overlap).
 *
 * @param ring - A closed ring.
 * @param other - Another closed ring.
 * @returns The first such vertex, or null.
 * @example
 * vertexInside([[1, 1], [2, 1], [2, 2], [1, 1]], [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]); // [1, 1]
 */
export function vertexInside(ring: ReadonlyArray<Position>, other: ReadonlyArray<Position>): Position | null {
  return ring.find((p) => pointInRing(p[0]!, p[1]!, other) && !isVertexOf(p, other)) ?? null;
}

/**
 * A vertex of `ring` outside `other` that is not also a vertex of `other`: with the rings not crossing, a hole `ring`
 * then lies outside its outline `other`.
 *
 * @param ring - A closed ring (a hole).
 * @param other - Another closed ring (its outline).
 * @returns The first such vertex, or null.
 * @example
 * vertexOutside([[1, 1], [5, 1], [5, 2], [1, 1]], [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]); // [5, 1]
 */
export function vertexOutside(ring: ReadonlyArray<Position>, other: ReadonlyArray<Position>): Position | null {
  return ring.find((p) => !pointInRing(p[0]!, p[1]!, other) && !isVertexOf(p, other)) ?? null;
}

/** A lon/lat box. */
export type Box = [west: number, south: number, east: number, north: number];

/**
 * The box of the outer rings of some polygons (holes lie inside them).
 *
 * @param parts - Polygons, each as its rings.
 * @returns [west, south, east, north]; [Infinity, Infinity, -Infinity, -Infinity] for none.
 * @example
 * boxOf([[[[126, 45], [127, 45], [127, 46], [126, 45]]]]); // [126, 45, 127, 46]
 */
export function boxOf(parts: ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>>): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of parts) {
    for (const position of rings[0]!) {
      const x = position[0]!;
      const y = position[1]!;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

/** Every edge of some rings in flat arrays (edge k from (x0, y0) to (x1, y1)), with a flatbush over the edge boxes. */
export interface EdgeIndex {
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  /** Null when there is no edge. */
  index: Flatbush | null;
  box: Box;
}

/**
 * Indexes the edges of some rings, for finding the edges near a segment or a box without a scan.
 *
 * @param rings - Closed rings.
 * @returns The edges in ring order and their index.
 * @example
 * const edges = indexEdges([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]);
 * edges.index!.search(0.9, 0.4, 1.1, 0.6); // [1]: the east edge
 */
export function indexEdges(rings: ReadonlyArray<ReadonlyArray<Position>>): EdgeIndex {
  const count = rings.reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);
  const [x0, y0, x1, y1] = [new Float64Array(count), new Float64Array(count), new Float64Array(count), new Float64Array(count)];
  const index = count > 0 ? new Flatbush(count) : null;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let k = 0;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++, k++) {
      const ax = (x0[k] = ring[i - 1]![0]!);
      const ay = (y0[k] = ring[i - 1]![1]!);
      const bx = (x1[k] = ring[i]![0]!);
      const by = (y1[k] = ring[i]![1]!);
      index!.add(ax < bx ? ax : bx, ay < by ? ay : by, ax < bx ? bx : ax, ay < by ? by : ay);
    }
  }
  if (index) {
    index.finish();
    [box[0], box[1], box[2], box[3]] = [index.minX, index.minY, index.maxX, index.maxY];
  }
  return { x0, y0, x1, y1, index, box };
}

/** A city outline prepared once: its feature, parts, edge index and ring boxes. */
export interface CityOutline {
  feature: Feature<Polygon | MultiPolygon>;
  parts: Position[][][];
  edges: EdgeIndex;
  rings: { ring: Position[]; box: Box }[];
}

/** City outlines by name, per boundaries object (boundaries are never changed once decoded), built on first use. */
const outlines = new WeakMap<Boundaries, Map<string, CityOutline | null>>();

/**
 * A city's outline, prepared on first use and kept for the life of the boundaries object.
 *
 * @param boundaries - The shipped boundaries.
 * @param name - The city's `properties.name`; of several features so named, the last.
 * @returns The prepared outline, or null when no city has that name.
 * @example
 * cityOutline(boundaries, '哈尔滨市')?.edges.index?.numItems; // 10729: 哈尔滨's edges in the shipped boundaries
 */
export function cityOutline(boundaries: Boundaries, name: string): CityOutline | null {
  let byName = outlines.get(boundaries);
  if (!byName) outlines.set(boundaries, (byName = new Map()));
  let outline = byName.get(name);
  if (outline === undefined) {
    const feature = boundaries.cities.features.findLast((f) => f.properties.name === name) as Feature<Polygon | MultiPolygon> | undefined;
    const parts = feature ? polygonsOf(feature.geometry) : [];
    outline = feature ? { feature, parts, edges: indexEdges(parts.flat()), rings: parts.flat().map((ring) => ({ ring, box: boxOf([[ring]]) })) } : null;
    byName.set(name, outline);
  }
  return outline;
}

/** Sutherland–Hodgman clip of a closed ring to a box; vertices inside the box are kept as they are. */
function clipRingToBox(ring: ReadonlyArray<Position>, [w, s, e, n]: Box): Position[] | null {
  let points: Position[] = ring.slice(0, -1);
  const sides: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0]! >= w, (a, b) => [w, a[1]! + ((w - a[0]!) * (b[1]! - a[1]!)) / (b[0]! - a[0]!)]],
    [(p) => p[0]! <= e, (a, b) => [e, a[1]! + ((e - a[0]!) * (b[1]! - a[1]!)) / (b[0]! - a[0]!)]],
    [(p) => p[1]! >= s, (a, b) => [a[0]! + ((s - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!), s]],
    [(p) => p[1]! <= n, (a, b) => [a[0]! + ((n - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!), n]],
  ];
  for (const [inside, cut] of sides) {
    const kept: Position[] = [];
    points.forEach((p, i) => {
      const previous = points[(i + points.length - 1) % points.length]!;
      if (inside(p)) {
        if (!inside(previous)) kept.push(cut(previous, p));
        kept.push(p);
      } else if (inside(previous)) kept.push(cut(previous, p));
    });
    points = kept;
    if (points.length < 3) return null;
  }
  return [...points, points[0]!];
}

/**
 * The city cut to a box around a zone, for clipping the zone against it: every city edge that comes near the zone is
 * kept whole (the box grows to hold it), so Turf finds the very same crossings as against the whole city, on a few
 * hundred edges instead of thousands. What the cut adds lies outside the grown box, away from the zone.
 *
 * @param outline - The city, from {@link cityOutline}.
 * @param zoneBox - The zone's box ({@link boxOf}).
 * @returns The city's parts that reach the grown box, cut to it.
 * @example
 * const city = cityOutline(boundaries, '哈尔滨市')!;
 * difference(featureCollection([zone, outlineNear(city, boxOf(polygonsOf(zone.geometry)))])); // as against the whole city
 */
export function outlineNear(outline: CityOutline, zoneBox: Box): Feature<MultiPolygon> {
  const margin = 1e-6 + 0.01 * Math.max(zoneBox[2] - zoneBox[0], zoneBox[3] - zoneBox[1]);
  const box: Box = [zoneBox[0] - margin, zoneBox[1] - margin, zoneBox[2] + margin, zoneBox[3] + margin];
  const { x0, y0, x1, y1 } = outline.edges;
  for (const k of outline.edges.index?.search(...box) ?? []) {
    [box[0], box[1], box[2], box[3]] = [Math.min(box[0], x0[k]!, x1[k]!), Math.min(box[1], y0[k]!, y1[k]!), Math.max(box[2], x0[k]!, x1[k]!), Math.max(box[3], y0[k]!, y1[k]!)];
  }
  const meets = (ring: ReadonlyArray<Position>) => {
    const [w, s, e, n] = boxOf([[ring]]);
    return !(e < box[0] || w > box[2] || n < box[1] || s > box[3]);
  };
  const parts: Position[][][] = [];
  for (const [shell, ...holes] of outline.parts) {
    // A part whose outline misses the box adds nothing (and its holes must not become outlines).
    const clipped = meets(shell!) ? clipRingToBox(shell!, box) : null;
    if (!clipped) continue;
    const keptHoles = holes.map((hole) => (meets(hole) ? clipRingToBox(hole, box) : null)).filter((hole): hole is Position[] => hole !== null);
    parts.push([clipped, ...keptHoles]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: parts } };
}
