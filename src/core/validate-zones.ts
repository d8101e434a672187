import { area as turfArea, difference, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import type { Boundaries } from './boundaries.ts';
import type { Locator } from './create-locator.ts';
import { geodesicArea } from './geodesic-area.ts';
import { pointInRing } from './point-in-ring.ts';
import { findRingSelfIntersections, segmentIntersection } from './ring-self-intersections.ts';

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

/** Options of {@link validateZones}. */
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

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const at = (position: Position): [number, number] => [round6(position[0]!), round6(position[1]!)];
const km2 = (m2: number) => Math.round(m2 / 1e4) / 100;

/** A crossing of two segments away from their end points: rings may touch at a vertex, never cross. */
function properCrossing(a1: Position, a2: Position, b1: Position, b2: Position): [number, number] | null {
  const crossing = segmentIntersection(a1, a2, b1, b2);
  if (!crossing) return null;
  const same = (p: Position) => Math.abs(p[0]! - crossing[0]) < 1e-12 && Math.abs(p[1]! - crossing[1]) < 1e-12;
  return same(a1) || same(a2) || same(b1) || same(b2) ? null : crossing;
}

/** The first proper crossing between two rings, or null. */
function ringsCross(a: ReadonlyArray<Position>, b: ReadonlyArray<Position>): [number, number] | null {
  for (let i = 1; i < a.length; i++) {
    for (let j = 1; j < b.length; j++) {
      const crossing = properCrossing(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!);
      if (crossing) return crossing;
    }
  }
  return null;
}

/** A vertex of `ring` strictly inside `other` (not on its outline), or null. */
function vertexInside(ring: ReadonlyArray<Position>, other: ReadonlyArray<Position>): Position | null {
  return ring.find((p) => pointInRing(p[0]!, p[1]!, other) && !other.some((q) => q[0] === p[0] && q[1] === p[1])) ?? null;
}

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
    const outside = hole.find((p) => !pointInRing(p[0]!, p[1]!, shell) && !shell.some((q) => q[0] === p[0] && q[1] === p[1]));
    if (outside) problems.push({ kind: 'invalid_ring', where: at(outside), message: `hole ${h + 1} lies outside the outline` });
    for (let k = h + 1; k < holes.length; k++) {
      const other = holes[k]!;
      const where = ringsCross(hole, other) ?? vertexInside(hole, other) ?? vertexInside(other, hole);
      if (where) problems.push({ kind: 'invalid_ring', where: at(where), message: `holes ${h + 1} and ${k + 1} overlap` });
    }
  });
  return problems;
}

const polygonsOf = (geometry: Polygon | MultiPolygon): Position[][][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

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

/** A point inside the largest part of a shape: where to point a planner at a zone, an overlap or an outside part. */
function insideLargestPart(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = polygonsOf(geometry);
  let best = parts[0]!;
  let bestArea = -1;
  for (const rings of parts) {
    const partArea = Math.abs(geodesicArea({ type: 'Polygon', coordinates: rings }));
    if (partArea > bestArea) [best, bestArea] = [rings, partArea];
  }
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

/** Geodesic perimeter of a ring in metres, by the local plane of each edge (metre-level, enough for a shape test). */
function perimeterM(ring: ReadonlyArray<Position>): number {
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

/**
 * Checks no-burn zones the way a planner's editor must, never changing a geometry: rings that cross themselves,
 * holes that cross or leave their outline or overlap each other (`invalid_ring`), zones that overlap other
 * zones, parts outside the city the zone lies in (the city at a point inside its largest part), and slivers (parts thinner than a street or tinier than a
 * room). The city and county are those at a point inside the zone (the shipped boundaries). Overlap and
 * outside-city checks are skipped for a zone whose rings are invalid, since its inside is undefined.
 *
 * @param zones - Zones in WGS84.
 * @param boundaries - The shipped boundaries (city outlines for the outside-city check).
 * @param locator - City and county of a point.
 * @param options - Sliver and tolerance thresholds.
 * @returns One report per zone, in input order.
 * @example
 * validateZones([{ name: '南岗禁燃区', geometry }], boundaries, locator)[0];
 * // { name: '南岗禁燃区', areaKm2: 12.34, city: '哈尔滨市', county: '南岗区', problems: [] }
 */
export function validateZones(zones: ReadonlyArray<ZoneInput>, boundaries: Boundaries, locator: Locator, options: ZoneValidationOptions = {}): ZoneReport[] {
  const sliverWidthM = options.sliverWidthM ?? 20;
  const sliverAreaM2 = options.sliverAreaM2 ?? 100;
  const toleranceM2 = options.toleranceM2 ?? 1000;
  const features: (Feature<Polygon | MultiPolygon> | null)[] = [];
  const reports: ZoneReport[] = zones.map((zone) => {
    const problems = polygonsOf(zone.geometry).flatMap(ringProblems);
    const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: zone.geometry };
    features.push(problems.length === 0 ? feature : null);
    const location = locator.where(...insideLargestPart(zone.geometry));
    const city = location.county !== null ? location.city : null;
    // Slivers, part by part (a zone whose rings are invalid has no meaningful area to judge).
    for (const rings of problems.length === 0 ? polygonsOf(zone.geometry) : []) {
      const partArea = geodesicArea({ type: 'Polygon', coordinates: rings });
      const width = (2 * partArea) / Math.max(1e-9, perimeterM(rings[0]!));
      if (partArea < sliverAreaM2 || width < sliverWidthM) {
        problems.push({
          kind: 'sliver',
          where: at(rings[0]![0]!),
          message: `a part of ${Math.round(partArea)} m² with a mean width of ${width.toFixed(1)} m: too thin or too small to be a zone`,
          areaKm2: km2(partArea),
        });
      }
    }
    return { name: zone.name, areaKm2: km2(geodesicArea(zone.geometry)), city, county: city === null ? null : location.county, problems };
  });

  // Overlaps between zones whose boxes meet.
  const valid = features.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  if (valid.length > 1) {
    const boxes = new Flatbush(valid.length);
    const boxOf = (geometry: Polygon | MultiPolygon) => {
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const rings of polygonsOf(geometry)) for (const [x, y] of rings[0]! as [number, number][]) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
      return [w, s, e, n] as const;
    };
    for (const i of valid) boxes.add(...boxOf(zones[i]!.geometry));
    boxes.finish();
    valid.forEach((i, k) => {
      for (const m of boxes.search(...boxOf(zones[i]!.geometry))) {
        if (m <= k) continue;
        const j = valid[m]!;
        const shared = clip(() => intersect(featureCollection([features[i]!, features[j]!])));
        const sharedM2 = shared ? turfArea(shared) : 0;
        if (!shared || sharedM2 < toleranceM2) continue;
        const where = insideLargestPart(shared.geometry);
        reports[i]!.problems.push({ kind: 'overlap', where, other: j, areaKm2: km2(sharedM2), message: `overlaps "${zones[j]!.name}" by ${km2(sharedM2)} km²` });
        reports[j]!.problems.push({ kind: 'overlap', where, other: i, areaKm2: km2(sharedM2), message: `overlaps "${zones[i]!.name}" by ${km2(sharedM2)} km²` });
      }
    });
  }

  // Parts outside the city the zone lies in.
  const cities = new Map(boundaries.cities.features.map((f) => [f.properties.name, f]));
  const outsideOf = (feature: Feature<Polygon | MultiPolygon>, cityName: string) => {
    const city = cities.get(cityName);
    if (!city) return null;
    const outside = clip(() => difference(featureCollection([feature, city as Feature<Polygon | MultiPolygon>])));
    return outside ? { outside, m2: turfArea(outside) } : { outside: null, m2: 0 };
  };
  reports.forEach((report, i) => {
    const feature = features[i];
    if (!feature || report.city === null) return;
    let found = outsideOf(feature, report.city);
    // The point inside may sit in a small share of the zone: the city holding most of it is the zone's city.
    if (found?.outside && found.m2 > turfArea(feature) / 2) {
      const there = locator.where(...insideLargestPart(found.outside.geometry));
      const other = there.county !== null ? there.city : null;
      const alternative = other === null ? null : outsideOf(feature, other);
      if (alternative && alternative.m2 < found.m2) {
        [report.city, report.county, found] = [other, there.county, alternative];
      }
    }
    if (!found?.outside || found.m2 < toleranceM2) return;
    report.problems.push({
      kind: 'outside_city',
      where: insideLargestPart(found.outside.geometry),
      areaKm2: km2(found.m2),
      message: `${km2(found.m2)} km² lie outside ${report.city}`,
    });
  });
  return reports;
}
