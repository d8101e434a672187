import { difference, featureCollection, intersect, polygon as turfPolygon, union, unkinkPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Boundaries } from '../geo/boundaries.ts';
import { geodesicArea } from '../geo/geodesic-area.ts';
import { pointInRing } from '../geo/point-in-ring.ts';
import { findRingSelfIntersections } from '../geo/ring-self-intersections.ts';
import type { ZoneInput, ZoneProblemKind, ZoneReport } from './validate-zones.ts';
import { boxOf, cityOutline, km2, measureSliver, outlineNear, polygonsOf, ringsCross, vertexInside, vertexOutside, type ZoneValidationOptions } from './zone-geometry.ts';

/** A suggested repair of one zone: the new geometry, what was done (or could not be), and the areas before and after. */
export interface ZoneRepair {
  geometry: Polygon | MultiPolygon;
  /** One entry per change, in the order applied; a problem left as it was has a message starting "not repaired:". */
  actions: { kind: ZoneProblemKind; message: string }[];
  areaBeforeKm2: number;
  areaAfterKm2: number;
}

type Parts = Position[][][];
type Action = ZoneRepair['actions'][number];

const geometryOf = (parts: Parts): Polygon | MultiPolygon => (parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts });
const featureOf = (parts: Parts): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: geometryOf(parts) });
const keyOf = (p: Position) => `${p[0]},${p[1]}`;
const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];

/** Twice the signed plane area of a closed ring (positive counter-clockwise). */
function signedArea(ring: ReadonlyArray<Position>): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum;
}

/** A ring without repeated consecutive positions (valid GeoJSON, but Turf's unkinking refuses them). */
const withoutRepeats = (ring: ReadonlyArray<Position>): Position[] => ring.filter((p, i) => i === 0 || !same(p, ring[i - 1]!));

/** Turf's clip, or null when its clipper gives up on a degenerate input. */
function clipped(run: () => Feature<Polygon | MultiPolygon> | null): Parts | null {
  try {
    const result = run();
    return result ? polygonsOf(result.geometry) : [];
  } catch {
    return null;
  }
}

/**
 * The region a self-crossing ring encloses, as valid polygons: Turf's unkinking splits it into simple rings at every
 * crossing, and a piece is filled where the winding number is not zero (a bow-tie gives two triangles, a loop drawn
 * twice around stays filled). Pieces keep the ring's own vertices.
 */
function enclosedBy(ring: ReadonlyArray<Position>): Parts {
  let pieces: Position[][];
  try {
    pieces = unkinkPolygon(turfPolygon([withoutRepeats(ring)])).features.map((f) => f.geometry.coordinates[0]!);
  } catch {
    // A ring touching itself at a repeated vertex, which the unkinking refuses: Turf's clipper reads it by the same rule.
    const ringFeature = turfPolygon([withoutRepeats(ring)]);
    return clipped(() => union(featureCollection([ringFeature, ringFeature]))) ?? [];
  }
  // Pieces never cross: one lies inside another when a vertex it does not share with it does.
  const contains = (outer: number, inner: number) => {
    const shared = new Set(pieces[outer]!.map(keyOf));
    const own = pieces[inner]!.find((p) => !shared.has(keyOf(p)));
    return own !== undefined && pointInRing(own[0]!, own[1]!, pieces[outer]!);
  };
  const area = pieces.map((piece) => Math.abs(signedArea(piece)));
  const containers = pieces.map((_, k) => pieces.map((__, j) => j).filter((j) => j !== k && contains(j, k)));
  const parent = containers.map((list) => (list.length ? list.reduce((best, j) => (area[j]! < area[best]! ? j : best)) : -1));
  const filled = pieces.map((piece, k) => [k, ...containers[k]!].reduce((sum, j) => sum + Math.sign(signedArea(pieces[j]!)), 0) !== 0);
  const filledAt = (k: number) => k !== -1 && filled[k]!;
  const isShell = (k: number) => filled[k]! && !filledAt(parent[k]!);
  const parts = new Map<number, Position[][]>();
  pieces.forEach((piece, k) => {
    if (isShell(k)) parts.set(k, [piece]);
  });
  pieces.forEach((piece, k) => {
    if (filled[k] || !filledAt(parent[k]!)) return;
    let shell = parent[k]!;
    while (!isShell(shell)) shell = parent[shell]!;
    parts.get(shell)!.push(piece);
  });
  return [...parts.values()];
}

/** Ring repairs of one polygon: crossing rings split, holes outside dropped, holes crossing the outline or each other cut out of it. */
function repairRings(rings: ReadonlyArray<Position[]>, label: string, actions: Action[]): Parts | null {
  const [shell, ...holes] = rings as [Position[], ...Position[][]];
  const kinked = rings.map((ring) => findRingSelfIntersections(ring, 1).length > 0);
  const crossings = (ring: Position[]) => {
    const count = findRingSelfIntersections(ring, 1000).length;
    return `${count} crossing${count === 1 ? '' : 's'}`;
  };
  if (kinked[0]) actions.push({ kind: 'self_intersection', message: `${label}split the outline where it crosses itself (${crossings(shell)}) into valid parts` });
  holes.forEach((hole, h) => {
    if (kinked[h + 1]) actions.push({ kind: 'self_intersection', message: `${label}split hole ${h + 1} where it crosses itself (${crossings(hole)})` });
  });
  // Holes judged against the outline and each other (a crossing ring has no inside to judge, so it goes to the clipper).
  const kept: number[] = [];
  let clip = kinked[0]!;
  holes.forEach((hole, h) => {
    if (kinked[h + 1]) {
      kept.push(h);
      clip = true;
    } else if (!kinked[0] && ringsCross(hole, shell)) {
      actions.push({ kind: 'invalid_ring', message: `${label}cut hole ${h + 1}, which crossed the outline, out of the zone` });
      kept.push(h);
      clip = true;
    } else if (!kinked[0] && vertexOutside(hole, shell)) {
      actions.push({ kind: 'invalid_ring', message: `${label}dropped hole ${h + 1}, which lay outside the outline` });
    } else kept.push(h);
  });
  kept.forEach((h, i) => {
    for (const k of kept.slice(i + 1)) {
      if (kinked[h + 1] || kinked[k + 1]) continue;
      if (ringsCross(holes[h]!, holes[k]!) || vertexInside(holes[h]!, holes[k]!) || vertexInside(holes[k]!, holes[h]!)) {
        actions.push({ kind: 'invalid_ring', message: `${label}merged holes ${h + 1} and ${k + 1}, which overlapped` });
        clip = true;
      }
    }
  });
  if (!clip) return [[shell, ...kept.map((h) => holes[h]!)]];
  const outline = kinked[0] ? enclosedBy(shell) : [[shell]];
  if (kept.length === 0) return outline;
  const cutOut = kept.map((h) => featureOf(kinked[h + 1] ? enclosedBy(holes[h]!) : [[holes[h]!]]));
  return clipped(() => difference(featureCollection([featureOf(outline), ...cutOut])));
}

/**
 * Turf's clipper returns rings counter-clockwise from their lowest-left vertex and drops vertices on a straight
 * line between their neighbours. Put each ring back the way the zone had it: its original winding and first vertex,
 * and every original vertex it dropped along a straight edge, so vertices a repair did not touch stay as they were.
 */
function restoreRings(parts: Parts, original: Parts): Parts {
  const rings = original.flat();
  const where = new Map<string, [number, number][]>();
  rings.forEach((ring, r) => ring.slice(0, -1).forEach((p, i) => where.set(keyOf(p), [...(where.get(keyOf(p)) ?? []), [r, i]])));
  // The original vertices strictly inside segment ab that ring r runs through between its vertices i and j, or null.
  const between = (a: Position, b: Position, r: number, i: number, j: number, step: 1 | -1): Position[] | null => {
    const ring = rings[r]!;
    const n = ring.length - 1;
    const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
    const length2 = dx * dx + dy * dy;
    const found: Position[] = [];
    for (let k = (i + step + n) % n; k !== j; k = (k + step + n) % n) {
      const p = ring[k]!;
      const along = ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / length2;
      const off = Math.abs((p[1]! - a[1]!) * dx - (p[0]! - a[0]!) * dy) / Math.sqrt(length2);
      if (!(along > 0 && along < 1 && off <= 1e-12) || found.length >= n) return null;
      found.push(p);
    }
    return found.length > 0 ? found : null;
  };
  const dropped = (a: Position, b: Position): Position[] => {
    for (const [r, i] of where.get(keyOf(a)) ?? []) {
      for (const [s, j] of where.get(keyOf(b)) ?? []) {
        if (r !== s) continue;
        const run = between(a, b, r, i, j, 1) ?? between(a, b, r, i, j, -1);
        if (run) return run;
      }
    }
    return [];
  };
  return parts.map((part) =>
    part.map((ring) => {
      const votes = new Map<number, number>();
      for (const p of ring.slice(0, -1)) for (const [r] of where.get(keyOf(p)) ?? []) votes.set(r, (votes.get(r) ?? 0) + 1);
      if (votes.size === 0) return ring;
      const r = [...votes].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
      const model = rings[r]!;
      let open = ring.slice(0, -1);
      if (Math.sign(signedArea(ring)) !== Math.sign(signedArea(model))) open = open.reverse();
      const full = open.flatMap((p, i) => [p, ...dropped(p, open[(i + 1) % open.length]!)]);
      const start = Math.max(0, full.findIndex((p) => same(p, model[0]!)));
      const rotated = [...full.slice(start), ...full.slice(0, start)];
      return [...rotated, rotated[0]!];
    }),
  );
}

/**
 * Suggests a repair of one zone for the problems of its report, never changing the input. In a fixed order: rings
 * (a self-crossing ring split into valid parts with Turf's unkinking; holes outside the outline dropped, holes crossing
 * it cut out of the zone, overlapping holes merged), then overlaps (the other zones the report names subtracted), then
 * the part outside the zone's city (the zone intersected with `report.city`'s outline), then slivers (parts too thin
 * or too small, including those the clipping left). A step that would leave nothing (a zone all sliver, or wholly
 * inside another zone) is skipped and named in the actions as "not repaired". Vertices a repair does not touch keep
 * their exact coordinates, rings their winding and first vertex.
 *
 * @param index - Index of the zone in `zones`.
 * @param zones - All zones, as given to validateZones (overlaps name others by index).
 * @param report - The zone's report from validateZones.
 * @param boundaries - The shipped boundaries (city outlines by `properties.name`).
 * @param options - The sliver thresholds validateZones was given.
 * @returns The repaired geometry (WGS84, closed rings; a Polygon, or a MultiPolygon when parts remain apart), its
 * actions and areas; null when the report lists no problem or no step can change the zone.
 * @example
 * const [report] = validateZones([bowTie], boundaries, locator);
 * suggestZoneRepair(0, [bowTie], report, boundaries)?.geometry.type; // 'MultiPolygon': two triangles
 */
export function suggestZoneRepair(index: number, zones: ReadonlyArray<ZoneInput>, report: ZoneReport, boundaries: Boundaries, options: ZoneValidationOptions = {}): ZoneRepair | null {
  const zone = zones[index];
  if (!zone) throw new RangeError(`zone ${index} does not exist; give an index from 0 to ${zones.length - 1}`);
  const kinds = new Set(report.problems.map((p) => p.kind));
  if (kinds.size === 0) return null;
  const original = polygonsOf(zone.geometry);
  const multi = original.length > 1;
  const actions: Action[] = [];
  let parts: Parts = original;
  let clippedAny = false;
  const notRepaired = (kind: ZoneProblemKind, why: string) => actions.push({ kind, message: `not repaired: ${why}` });

  // 1. Rings, part by part.
  if (kinds.has('self_intersection') || kinds.has('invalid_ring')) {
    const repaired: Parts = [];
    original.forEach((rings, p) => {
      const fixed = repairRings(rings, multi ? `part ${p + 1}: ` : '', actions);
      if (fixed === null) notRepaired(kinds.has('self_intersection') ? 'self_intersection' : 'invalid_ring', `${multi ? `part ${p + 1}` : 'the zone'} is too degenerate to clip; redraw it`);
      repaired.push(...(fixed ?? [rings]));
    });
    clippedAny = true;
    parts = repaired;
  }

  // 2. Overlaps: subtract every zone the report says this one overlaps.
  const overlaps = report.problems.filter((p) => p.kind === 'overlap' && p.other !== undefined && zones[p.other] && p.other !== index);
  if (overlaps.length > 0) {
    const others = [...new Set(overlaps.map((p) => p.other!))].map((other): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: zones[other]!.geometry }));
    const rest = clipped(() => difference(featureCollection([featureOf(parts), ...others])));
    if (rest === null) notRepaired('overlap', 'the clipper could not subtract the other zones; edit the shared edge by hand');
    else if (rest.length === 0) notRepaired('overlap', `the zone lies wholly inside ${overlaps.map((p) => `"${zones[p.other!]!.name}"`).join(', ')}; delete one of them`);
    else {
      for (const p of overlaps) actions.push({ kind: 'overlap', message: `removed the ${p.areaKm2 ?? 0} km² shared with "${zones[p.other!]!.name}"` });
      parts = rest;
      clippedAny = true;
    }
  }

  // 3. The part outside the zone's city.
  if (kinds.has('outside_city')) {
    const city = report.city === null ? null : cityOutline(boundaries, report.city);
    const outside = report.problems.find((p) => p.kind === 'outside_city');
    // Against the city cut to the zone's box, as validateZones clips it; the whole city where the cut is too degenerate for Turf.
    const inside = city ? (clipped(() => intersect(featureCollection([featureOf(parts), outlineNear(city, boxOf(parts))]))) ?? clipped(() => intersect(featureCollection([featureOf(parts), city.feature])))) : null;
    if (!city) notRepaired('outside_city', `no city outline named ${report.city ?? '(none)'}`);
    else if (inside === null) notRepaired('outside_city', `the clipper could not cut the zone to ${report.city}; move its edge by hand`);
    else if (inside.length === 0) notRepaired('outside_city', `nothing of the zone lies inside ${report.city}`);
    else {
      actions.push({ kind: 'outside_city', message: `cut off the ${outside?.areaKm2 ?? 0} km² outside ${report.city}` });
      parts = inside;
      clippedAny = true;
    }
  }
  if (clippedAny) parts = restoreRings(parts, original);

  // 4. Slivers: the zone's own and those the clipping left.
  if (kinds.has('sliver') || clippedAny) {
    const measured = parts.map((rings) => ({ rings, ...measureSliver(rings, options) }));
    if (measured.every((m) => m.sliver)) {
      if (measured.length > 0) notRepaired('sliver', 'the whole zone is too thin or too small; redraw it wider or delete it');
    } else {
      for (const m of measured.filter((m) => m.sliver)) {
        actions.push({ kind: 'sliver', message: `dropped a part of ${Math.round(m.areaM2)} m² with a mean width of ${m.widthM.toFixed(1)} m${kinds.has('sliver') ? '' : ', left by the clipping'}` });
      }
      parts = measured.filter((m) => !m.sliver).map((m) => m.rings);
    }
  }

  const changed = parts.length !== original.length || parts.some((rings, p) => rings.length !== original[p]!.length || rings.some((ring, r) => ring.length !== original[p]![r]!.length || ring.some((q, i) => !same(q, original[p]![r]![i]!))));
  if (!changed || parts.length === 0) return null;
  // A copy throughout: the repair never shares arrays with the input.
  const geometry = geometryOf(parts.map((rings) => rings.map((ring) => ring.map((q) => q.slice()))));
  return { geometry, actions, areaBeforeKm2: km2(geodesicArea(zone.geometry)), areaAfterKm2: km2(geodesicArea(geometry)) };
}
