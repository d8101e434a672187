import { area as turfArea, difference, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import type { Boundaries } from '../geo/boundaries.ts';
import type { Locator } from '../geo/create-locator.ts';
import { geodesicArea } from '../geo/geodesic-area.ts';
import { pointInRing } from '../geo/point-in-ring.ts';
import { findRingSelfIntersections } from '../geo/ring-self-intersections.ts';
import { boxOf, cityOutline, indexEdges, km2, measureSliver, outlineNear, polygonsOf, ringsCross, vertexInside, vertexOutside, ZONE_VALIDATION_DEFAULTS, type Box, type CityOutline, type EdgeIndex, type ZoneValidationOptions } from './zone-geometry.ts';

/** What can be wrong with a zone. */
export type ZoneProblemKind = 'self_intersection' | 'overlap' | 'outside_city' | 'sliver' | 'invalid_ring';

/** One problem of a zone: its kind, where it is (WGS84 lon/lat), and what it means in words. */
export interface ZoneProblem {
  kind: ZoneProblemKind;
  where: [number, number];
  message: string;
  /** For an overlap: the other zone's index; the overlap's area in km². For outside_city: the area outside. */
  other?: number;
  areaKm2?: number;
}

/** A zone's report: its geodesic area, the city and county at its representative point, and every problem found. */
export interface ZoneReport {
  name: string;
  areaKm2: number;
  city: string | null;
  county: string | null;
  problems: ZoneProblem[];
}

/** A zone to validate. */
export interface ZoneInput {
  name: string;
  geometry: Polygon | MultiPolygon;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const at = (position: Position): [number, number] => [round6(position[0]!), round6(position[1]!)];
/** Ring problems of one polygon: self-crossings, holes crossing or outside their shell, holes inside or crossing each other. */
function ringProblems(rings: ReadonlyArray<ReadonlyArray<Position>>): ZoneProblem[] {
  const problems: ZoneProblem[] = [];
  rings.forEach((ring, r) => {
    const label = r === 0 ? 'the outline' : `hole ${r}`;
    for (const crossing of findRingSelfIntersections(ring, 3)) {
      problems.push({ kind: 'self_intersection', where: at([crossing.lon, crossing.lat]), message: `${label} crosses itself (edges ${crossing.edges[0] + 1} and ${crossing.edges[1] + 1})` });
    }
  });
  const [shell, ...holes] = rings;
  if (!shell) return problems;
  holes.forEach((hole, h) => {
    const crossing = ringsCross(hole, shell);
    if (crossing) {
      problems.push({ kind: 'invalid_ring', where: at(crossing), message: `hole ${h + 1} crosses the outline` });
      return;
    }
    const outside = vertexOutside(hole, shell);
    if (outside) problems.push({ kind: 'invalid_ring', where: at(outside), message: `hole ${h + 1} lies outside the outline` });
    for (let k = h + 1; k < holes.length; k++) {
      const other = holes[k]!;
      const where = ringsCross(hole, other) ?? vertexInside(hole, other) ?? vertexInside(other, hole);
      if (where) problems.push({ kind: 'invalid_ring', where: at(where), message: `holes ${h + 1} and ${k + 1} overlap` });
    }
  });
  return problems;
}

/**
 * A point well inside a polygon (holes respected): the middle of the widest inside stretch of the horizontal line
 * through the middle of its box. Unlike a centroid it is never outside, and unlike a vertex never on the outline.
 */
function interiorPoint(rings: ReadonlyArray<ReadonlyArray<Position>>): [number, number] {
  let south = Infinity;
  let north = -Infinity;
  for (const [, y] of rings[0]! as [number, number][]) [south, north] = [Math.min(south, y), Math.max(north, y)];
  let best: [number, number] = [rings[0]![0]![0]!, rings[0]![0]![1]!];
  let widest = -1;
  // A few lines, in case the middle one grazes a vertex.
  for (const fraction of [0.5, 0.37, 0.63, 0.25, 0.75]) {
    const y = south + (north - south) * fraction;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1] as [number, number];
        const [x2, y2] = ring[i] as [number, number];
        if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1]! - xs[i]! > widest) [widest, best] = [xs[i + 1]! - xs[i]!, [(xs[i]! + xs[i + 1]!) / 2, y]];
    }
    if (widest > 0) break;
  }
  return best;
}

/** A point inside the largest part of a shape: where to point a planner at a zone, an overlap or an outside part (part areas in m² when known). */
function insideLargestPart(geometry: Polygon | MultiPolygon, partAreas?: ReadonlyArray<number>): [number, number] {
  const parts = polygonsOf(geometry);
  let best = parts[0]!;
  let bestArea = -1;
  parts.forEach((rings, p) => {
    const partArea = Math.abs(partAreas?.[p] ?? geodesicArea({ type: 'Polygon', coordinates: rings }));
    if (partArea > bestArea) [best, bestArea] = [rings, partArea];
  });
  return at(interiorPoint(best));
}

/** A polygon clip (Turf, polyclip-ts); a degenerate input that makes it throw counts as no result rather than ending the whole check. */
function clip(run: () => Feature<Polygon | MultiPolygon> | null): Feature<Polygon | MultiPolygon> | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/**
 * Degrees within which two edges count as meeting: far above the rounding of lon/lat doubles (1e-14°) and of the
 * decimal form Turf's clipper works in, far below anything drawn (1e-9° ≈ 0.1 mm). Meeting edges send a zone to the
 * exact Turf clip; the shortcuts below only skip it when the answer is certain.
 */
const NEAR = 1e-9;

/** Side of r from the line pq: -1, 1, or 0 when within NEAR of it (or pq is a point). */
function side(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  const length = Math.hypot(qx - px, qy - py);
  if (length === 0) return 0;
  const distance = ((qx - px) * (ry - py) - (qy - py) * (rx - px)) / length;
  return Math.abs(distance) <= NEAR ? 0 : Math.sign(distance);
}

/** Whether any edge of `rings` crosses, touches or comes within NEAR of an indexed edge (never false when they meet). */
function edgesMeet(rings: ReadonlyArray<ReadonlyArray<Position>>, edges: EdgeIndex): boolean {
  if (!edges.index) return false;
  const { x0, y0, x1, y1 } = edges;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1] as [number, number];
      const [bx, by] = ring[i] as [number, number];
      const near = edges.index.search(Math.min(ax, bx) - NEAR, Math.min(ay, by) - NEAR, Math.max(ax, bx) + NEAR, Math.max(ay, by) + NEAR, (k) => {
        return side(x0[k]!, y0[k]!, x1[k]!, y1[k]!, ax, ay) * side(x0[k]!, y0[k]!, x1[k]!, y1[k]!, bx, by) <= 0 && side(ax, ay, bx, by, x0[k]!, y0[k]!) * side(ax, ay, bx, by, x1[k]!, y1[k]!) <= 0;
      });
      if (near.length > 0) return true;
    }
  }
  return false;
}

/** Even-odd test of a point (clear of every edge) against all indexed rings: the same rule as pointInRing. */
function insideEdges(x: number, y: number, edges: EdgeIndex): boolean {
  if (!edges.index) return false;
  let inside = false;
  for (const k of edges.index.search(x, y, Math.max(x, edges.box[2]), y)) {
    const [xi, yi, xj, yj] = [edges.x1[k]!, edges.y1[k]!, edges.x0[k]!, edges.y0[k]!];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a zone lies wholly inside a city, decided without clipping: no zone edge meets the city outline, a vertex
 * of each zone part is inside the city, and no city ring (a hole, an island) lies inside a zone part.
 */
function insideOutline(parts: ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>>, outline: CityOutline): boolean {
  if (parts.some((rings) => edgesMeet(rings, outline.edges))) return false;
  return parts.every((rings) => {
    const shell = rings[0]!;
    const [w, s, e, n] = boxOf([rings]);
    if (!insideEdges(shell[0]![0]!, shell[0]![1]!, outline.edges)) return false;
    return !outline.rings.some(({ ring, box }) => box[0] >= w && box[1] >= s && box[2] <= e && box[3] <= n && pointInRing(ring[0]![0]!, ring[0]![1]!, shell));
  });
}

/**
 * Whether two valid zones certainly share no area: no edges meet and no part of either has a vertex inside the
 * other (with their boundaries apart, a part is then wholly outside the other zone or inside one of its holes).
 */
function apart(a: ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>>, aEdges: EdgeIndex, b: ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>>, bEdges: EdgeIndex): boolean {
  if (a.some((rings) => edgesMeet(rings, bEdges))) return false;
  const outside = (parts: typeof a, edges: EdgeIndex) => parts.every((rings) => !insideEdges(rings[0]![0]![0]!, rings[0]![0]![1]!, edges));
  return outside(a, bEdges) && outside(b, aEdges);
}


/**
 * A geometry's content as one array of doubles: type, part, ring and position counts, each position's length, then
 * its values. Two geometries with the same bits here are the same geometry, whatever objects carry them.
 */
function encodeGeometry(geometry: Polygon | MultiPolygon): Float64Array {
  const parts = polygonsOf(geometry);
  let size = 2;
  for (const rings of parts) {
    size += 1;
    for (const ring of rings) {
      size += 1;
      for (const position of ring) size += 1 + position.length;
    }
  }
  const code = new Float64Array(size);
  let k = 0;
  code[k++] = geometry.type === 'Polygon' ? 0 : 1;
  code[k++] = parts.length;
  for (const rings of parts) {
    code[k++] = rings.length;
    for (const ring of rings) {
      code[k++] = ring.length;
      for (const position of ring) {
        code[k++] = position.length;
        for (const value of position) code[k++] = value;
      }
    }
  }
  return code;
}

/** Two 32-bit murmur-style hashes of the words, as one 53-bit number (a Map key); equal words, equal hash. */
function hashWords(words: Uint32Array): number {
  let h1 = 0x9747b28c ^ words.length;
  let h2 = 0x2545f491 ^ words.length;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    let m = Math.imul(word, 0xcc9e2d51);
    m = Math.imul((m << 15) | (m >>> 17), 0x1b873593);
    h1 ^= m;
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
    h2 = Math.imul(h2 ^ word, 0x01000193) ^ (h2 >>> 15);
  }
  const finish = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return finish(h1) * 2 ** 21 + (finish(h2) >>> 11);
}

/** Everything validation finds from one geometry alone, kept while that geometry stays in the zone set. */
interface ZoneEntry {
  /** Unique for the validator's life: pair results are keyed by two ids. */
  id: number;
  hash: number;
  /** The geometry's bits ({@link encodeGeometry}), compared in full on a hash hit. */
  words: Uint32Array;
  /** This call's geometry with these bits (clips read it; an earlier call's object may since have been changed). */
  geometry: Polygon | MultiPolygon;
  box: Box;
  /** Built on the first overlap check that needs it. */
  edges?: EdgeIndex;
  /** Ring problems, or, when there are none, slivers: messages that name no other zone. */
  ownProblems: ZoneProblem[];
  /** No ring problems: overlaps and the outside-city check apply. */
  valid: boolean;
  areaKm2: number;
  city: string | null;
  county: string | null;
  /** The part outside the city, at or over the tolerance. */
  outside: { where: [number, number]; m2: number } | null;
}

/** A pair of zones sharing at least the tolerance: the shared area in m² and a point inside its largest part. */
interface Overlap {
  m2: number;
  where: [number, number];
}

/** Same bits: the same geometry. */
function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** A total order on geometries by content alone, so a pair is clipped in the same order whatever the zones' positions. */
function compareEntries(a: ZoneEntry, b: ZoneEntry): number {
  if (a.hash !== b.hash) return a.hash - b.hash;
  const length = Math.min(a.words.length, b.words.length);
  for (let k = 0; k < length; k++) if (a.words[k] !== b.words[k]) return a.words[k]! - b.words[k]!;
  return a.words.length - b.words.length;
}

/** Validates a zone set again and again; see {@link createZoneValidator}. */
export interface ZoneValidator {
  /**
   * The reports {@link validateZones} gives for these zones, recomputing only what depends on geometries the
   * previous call did not have.
   *
   * @param zones - Zones in WGS84, the whole current set.
   * @returns One report per zone, in input order.
   * @example
   * validator.validate(zones)[0].problems; // [{ kind: 'overlap', other: 3, ... }]
   */
  validate(zones: ReadonlyArray<ZoneInput>): ZoneReport[];
}

/**
 * A zone validator for an editor that validates the whole set after every edit: it keeps, by each geometry's
 * content, everything that depends on that geometry alone (ring problems, slivers, area, city and county, the part
 * outside the city) and, by each pair of geometries, whether and where they overlap, so after an edit to one zone
 * only that zone's own checks and its pairs are computed. Geometries are recognised by a hash of their coordinate
 * bits and ring structure, compared in full on a hit (they arrive as fresh copies from a worker message, so object
 * identity says nothing). Names and positions may change freely between calls: messages and `other` indices are
 * built from the current input. What a call did not see is dropped, so memory follows the current zone set.
 *
 * @param boundaries - The shipped boundaries (city outlines for the outside-city check).
 * @param locator - City and county of a point.
 * @param options - Sliver and tolerance thresholds (defaults: {@link ZONE_VALIDATION_DEFAULTS}).
 * @returns A validator whose reports equal {@link validateZones}'s on every input.
 * @example
 * const validator = createZoneValidator(boundaries, locator);
 * validator.validate(zones); // as validateZones(zones, boundaries, locator)
 * validator.validate(zones.with(3, { name: '南岗禁燃区', geometry: moved })); // rechecks zone 3 and its pairs only
 */
export function createZoneValidator(boundaries: Boundaries, locator: Locator, options: ZoneValidationOptions = {}): ZoneValidator {
  const toleranceM2 = options.toleranceM2 ?? ZONE_VALIDATION_DEFAULTS.toleranceM2;
  const featureOf = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });
  let nextId = 0;
  // The geometries of the last call by hash (a list, in case two share one), and the pair results it looked up.
  let entries = new Map<number, ZoneEntry[]>();
  let overlaps = new Map<string, Overlap | null>();

  /** The part of a zone outside a named city: none without a clip when its edges stay clear of the outline. */
  const outsideOf = (geometry: Polygon | MultiPolygon, parts: Position[][][], cityName: string) => {
    const outline = cityOutline(boundaries, cityName);
    if (!outline) return null;
    if (insideOutline(parts, outline)) return { outside: null, m2: 0 };
    let outside: Feature<Polygon | MultiPolygon> | null;
    try {
      outside = difference(featureCollection([featureOf(geometry), outlineNear(outline, boxOf(parts))]));
    } catch {
      // The cut city is degenerate where Turf's clipper gives up: clip against the whole city as before.
      outside = clip(() => difference(featureCollection([featureOf(geometry), outline.feature])));
    }
    return outside ? { outside, m2: turfArea(outside) } : { outside: null, m2: 0 };
  };

  /** Every check of one geometry alone. */
  const measure = (geometry: Polygon | MultiPolygon, hash: number, words: Uint32Array): ZoneEntry => {
    const parts = polygonsOf(geometry);
    const ownProblems = parts.flatMap(ringProblems);
    const valid = ownProblems.length === 0;
    const partAreas = parts.map((rings) => geodesicArea({ type: 'Polygon', coordinates: rings }));
    const location = locator.where(...insideLargestPart(geometry, partAreas));
    let city = location.county !== null ? location.city : null;
    let county = city === null ? null : location.county;
    // Slivers, part by part (a zone whose rings are invalid has no meaningful area to judge).
    if (valid) {
      parts.forEach((rings, p) => {
        const { areaM2, widthM, sliver } = measureSliver(rings, options, partAreas[p]!);
        if (!sliver) return;
        ownProblems.push({
          kind: 'sliver',
          where: at(rings[0]![0]!),
          message: `a part of ${Math.round(areaM2)} m² with a mean width of ${widthM.toFixed(1)} m: too thin or too small to be a zone`,
          areaKm2: km2(areaM2),
        });
      });
    }
    // One part: the zone's area is that part's, computed the same way.
    const areaKm2 = km2(parts.length === 1 ? partAreas[0]! : geodesicArea(geometry));
    let outside: ZoneEntry['outside'] = null;
    if (valid && city !== null) {
      let found = outsideOf(geometry, parts, city);
      // The point inside may sit in a small share of the zone: the city holding most of it is the zone's city.
      if (found?.outside && found.m2 > turfArea(featureOf(geometry)) / 2) {
        const there = locator.where(...insideLargestPart(found.outside.geometry));
        const other = there.county !== null ? there.city : null;
        const alternative = other === null ? null : outsideOf(geometry, parts, other);
        if (alternative && alternative.m2 < found.m2) [city, county, found] = [other, there.county, alternative];
      }
      if (found?.outside && found.m2 >= toleranceM2) outside = { where: insideLargestPart(found.outside.geometry), m2: found.m2 };
    }
    return { id: nextId++, hash, words, geometry, box: boxOf(parts), ownProblems, valid, areaKm2, city, county, outside };
  };

  /** Whether and where two valid zones overlap, clipped in content order so the answer is the pair's alone. */
  const overlapOf = (a: ZoneEntry, b: ZoneEntry): Overlap | null => {
    const [first, second] = compareEntries(a, b) <= 0 ? [a, b] : [b, a];
    const [firstParts, secondParts] = [polygonsOf(first.geometry), polygonsOf(second.geometry)];
    first.edges ??= indexEdges(firstParts.flat());
    second.edges ??= indexEdges(secondParts.flat());
    if (apart(firstParts, first.edges, secondParts, second.edges)) return null;
    const shared = clip(() => intersect(featureCollection([featureOf(first.geometry), featureOf(second.geometry)])));
    const sharedM2 = shared ? turfArea(shared) : 0;
    if (!shared || sharedM2 < toleranceM2) return null;
    return { m2: sharedM2, where: insideLargestPart(shared.geometry) };
  };

  return {
    validate(zones) {
      const seen = new Map<number, ZoneEntry[]>();
      const zoneEntries = zones.map((zone) => {
        const code = encodeGeometry(zone.geometry);
        const words = new Uint32Array(code.buffer);
        const hash = hashWords(words);
        const find = (from: Map<number, ZoneEntry[]>) => from.get(hash)?.find((entry) => sameWords(entry.words, words));
        let entry = find(seen);
        if (!entry) {
          entry = find(entries) ?? measure(zone.geometry, hash, words);
          entry.geometry = zone.geometry;
          const bucket = seen.get(hash);
          if (bucket) bucket.push(entry);
          else seen.set(hash, [entry]);
        }
        return entry;
      });

      // Overlaps between valid zones whose boxes meet, each pair looked up once (the lower index first).
      const shared: { other: number; overlap: Overlap }[][] = zones.map(() => []);
      const looked = new Map<string, Overlap | null>();
      if (zones.length > 1) {
        const index = new Flatbush(zones.length);
        for (const entry of zoneEntries) index.add(...entry.box);
        index.finish();
        zoneEntries.forEach((a, i) => {
          if (!a.valid) return;
          for (const j of index.search(...a.box).sort((x, y) => x - y)) {
            const b = zoneEntries[j]!;
            if (j <= i || !b.valid) continue;
            const key = a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`;
            // Null is a known answer (no overlap); undefined, none yet.
            let overlap = looked.get(key);
            if (overlap === undefined) overlap = overlaps.get(key);
            if (overlap === undefined) overlap = overlapOf(a, b);
            looked.set(key, overlap);
            if (!overlap) continue;
            shared[i]!.push({ other: j, overlap });
            shared[j]!.push({ other: i, overlap });
          }
        });
      }
      [entries, overlaps] = [seen, looked];

      return zones.map((zone, i): ZoneReport => {
        const entry = zoneEntries[i]!;
        // Copies: a caller may change its reports, never the cache.
        const problems: ZoneProblem[] = entry.ownProblems.map((problem) => ({ ...problem, where: [problem.where[0], problem.where[1]] }));
        for (const { other, overlap } of shared[i]!.sort((p, q) => p.other - q.other)) {
          const areaKm2 = km2(overlap.m2);
          problems.push({ kind: 'overlap', where: [overlap.where[0], overlap.where[1]], other, areaKm2, message: `overlaps "${zones[other]!.name}" by ${areaKm2} km²` });
        }
        if (entry.outside) {
          const areaKm2 = km2(entry.outside.m2);
          problems.push({ kind: 'outside_city', where: [entry.outside.where[0], entry.outside.where[1]], areaKm2, message: `${areaKm2} km² lie outside ${entry.city}` });
        }
        return { name: zone.name, areaKm2: entry.areaKm2, city: entry.city, county: entry.county, problems };
      });
    },
  };
}

/**
 * Checks no-burn zones the way a planner's editor must, never changing a geometry: rings that cross themselves,
 * holes that cross or leave their outline or overlap each other (`invalid_ring`), zones that overlap other
 * zones, parts outside the city the zone lies in (the city at a point inside its largest part), and slivers (parts thinner than a street or tinier than a
 * room). The city and county are those at a point inside the zone (the shipped boundaries). Overlap and
 * outside-city checks are skipped for a zone whose rings are invalid, since its inside is undefined.
 *
 * Fast enough to run on every edit: a zone whose edges stay clear of its city's outline is judged inside without
 * a clip (city outlines are indexed once per boundaries object), a zone crossing it is clipped against the city
 * cut to a box around the zone, and zones whose edges stay apart are not clipped against each other. The
 * results are those of clipping every zone against its whole city and every other zone with Turf. An editor that
 * validates the whole set after each edit should keep a {@link createZoneValidator} instead: same reports, and only
 * the edited zone is checked again.
 *
 * @param zones - Zones in WGS84.
 * @param boundaries - The shipped boundaries (city outlines for the outside-city check).
 * @param locator - City and county of a point.
 * @param options - Sliver and tolerance thresholds (defaults: {@link ZONE_VALIDATION_DEFAULTS}).
 * @returns One report per zone, in input order. A report lists ring problems, slivers, overlaps (by the other zone's
 * index, ascending), then the part outside the city.
 * @example
 * validateZones([{ name: '南岗禁燃区', geometry }], boundaries, locator)[0];
 * // { name: '南岗禁燃区', areaKm2: 12.34, city: '哈尔滨市', county: '南岗区', problems: [] }
 */
export function validateZones(zones: ReadonlyArray<ZoneInput>, boundaries: Boundaries, locator: Locator, options: ZoneValidationOptions = {}): ZoneReport[] {
  return createZoneValidator(boundaries, locator, options).validate(zones);
}
