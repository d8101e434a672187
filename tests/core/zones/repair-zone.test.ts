import type { MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import type { Boundaries } from '../../../src/core/geo/boundaries.ts';
import { createLocator, type Locator } from '../../../src/core/geo/create-locator.ts';
import { pointInRing } from '../../../src/core/geo/point-in-ring.ts';
import { suggestZoneRepair, type ZoneRepair } from '../../../src/core/zones/repair-zone.ts';
import { validateZones, type ZoneInput, type ZoneProblemKind } from '../../../src/core/zones/validate-zones.ts';
import { ringsZone as zone, squareRing as square } from '../../helpers/square-around.ts';

let boundaries: Boundaries;
let locator: Locator;
beforeAll(() => {
  boundaries = loadBoundariesFile();
  locator = createLocator(boundaries);
});

const partsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const vertices = (geometry: Polygon | MultiPolygon) => new Set(partsOf(geometry).flat(2).map((p) => `${p[0]},${p[1]}`));
const kindsOf = (problems: { kind: ZoneProblemKind }[]) => problems.map((p) => p.kind);

/** Validates the zones, repairs zone `index`, and validates again with the repair in place. */
function repairAndRecheck(zones: ZoneInput[], index = 0) {
  const before = validateZones(zones, boundaries, locator);
  const repair = suggestZoneRepair(index, zones, before[index]!, boundaries);
  const after = repair ? validateZones(zones.map((z, i) => (i === index ? { ...z, geometry: repair.geometry } : z)), boundaries, locator)[index]! : null;
  return { before: before[index]!, repair, after };
}

/** Every ring closed, at least four positions, lon/lat in range. */
function expectWellFormed(repair: ZoneRepair) {
  for (const ring of partsOf(repair.geometry).flat()) {
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lon, lat] of ring as [number, number][]) {
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
  }
}

describe('suggestZoneRepair', () => {
  it('splits a bow-tie into two valid triangles that keep its four vertices exactly', () => {
    const bowTie = zone('蝴蝶结', [[126.63, 45.74], [126.65, 45.76], [126.65, 45.74], [126.63, 45.76], [126.63, 45.74]]);
    const { before, repair, after } = repairAndRecheck([bowTie]);
    expect(kindsOf(before.problems)).toEqual(['self_intersection']);
    expect(repair!.geometry.type).toBe('MultiPolygon');
    expect(partsOf(repair!.geometry)).toHaveLength(2);
    expect(kindsOf(repair!.actions)).toEqual(['self_intersection']);
    expect(after!.problems).toEqual([]);
    for (const p of [[126.63, 45.74], [126.65, 45.76], [126.65, 45.74], [126.63, 45.76]]) expect(vertices(repair!.geometry)).toContain(`${p[0]},${p[1]}`);
    // Two triangles of 0.01° × 0.02° each.
    expect(repair!.areaAfterKm2).toBeCloseTo(after!.areaKm2, 2);
    expect(repair!.areaAfterKm2).toBeGreaterThan(1.6);
    expectWellFormed(repair!);
  });

  it('keeps a region a ring loops around twice filled, and the outline one polygon', () => {
    // Around the big square, then around the small one inside it, crossing the first loop twice.
    const loop = zone('双圈', [[126.6, 45.7], [126.7, 45.7], [126.7, 45.8], [126.62, 45.8], [126.62, 45.72], [126.68, 45.72], [126.68, 45.78], [126.6, 45.78], [126.6, 45.7]]);
    const { before, repair, after } = repairAndRecheck([loop]);
    expect(kindsOf(before.problems)).toContain('self_intersection');
    expect(after!.problems).toEqual([]);
    expect(partsOf(repair!.geometry)).toHaveLength(1);
    expect(partsOf(repair!.geometry)[0]).toHaveLength(1);
    // Everything inside the 0.1° square except the notch between the two loops' crossing.
    expect(repair!.areaAfterKm2).toBeGreaterThan(80);
  });

  it('drops a hole outside the outline, leaving the outline exactly as drawn', () => {
    const shell = square(126.6, 45.7, 0.1);
    const { repair, after } = repairAndRecheck([zone('洞在外', shell, square(126.8, 45.7, 0.01))]);
    expect(repair!.geometry).toEqual({ type: 'Polygon', coordinates: [shell] });
    expect(repair!.actions).toEqual([{ kind: 'invalid_ring', message: 'dropped hole 1, which lay outside the outline' }]);
    expect(after!.problems).toEqual([]);
  });

  it('cuts a hole that crosses the outline out of the zone, and merges holes that overlap', () => {
    const shell = square(126.6, 45.7, 0.1);
    const crossing = repairAndRecheck([zone('洞跨界', shell, square(126.69, 45.72, 0.02))]);
    expect(crossing.after!.problems).toEqual([]);
    expect(crossing.repair!.actions.map((a) => a.message)).toEqual(['cut hole 1, which crossed the outline, out of the zone']);
    // A notch 0.01° × 0.02° out of the east side, where the hole was; the outline's own vertices exactly as drawn.
    const east = shell[1]![0]!;
    expect(crossing.repair!.geometry).toEqual({ type: 'Polygon', coordinates: [[shell[0], shell[1], [east, 45.72], [126.69, 45.72], [126.69, 45.74], [east, 45.74], shell[2], shell[3], shell[4]]] });

    const overlapping = repairAndRecheck([zone('洞重叠', shell, square(126.62, 45.72, 0.03), square(126.64, 45.74, 0.03))]);
    expect(overlapping.after!.problems).toEqual([]);
    expect(overlapping.repair!.actions.map((a) => a.message)).toEqual(['merged holes 1 and 2, which overlapped']);
    const merged = (overlapping.repair!.geometry as Polygon).coordinates;
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual(shell);
  });

  it('subtracts the zones it overlaps; vertices away from the overlap, even on a straight edge, stay bit-identical', () => {
    // Full-precision vertices, and a vertex halfway along the south edge that a clipper would drop as superfluous.
    const drawn: Position[] = [[126.6012345678901, 45.7212345678901], [126.6212345678901, 45.7212345678901], [126.6412345678901, 45.7212345678901], [126.6412345678901, 45.7612345678901], [126.6012345678901, 45.7612345678901], [126.6012345678901, 45.7212345678901]];
    const zones = [zone('甲', drawn), zone('乙', square(126.62, 45.74, 0.04)), zone('丙', square(126.58, 45.75, 0.03))];
    const { before, repair, after } = repairAndRecheck(zones);
    expect(kindsOf(before.problems)).toEqual(['overlap', 'overlap']);
    expect(repair!.actions.map((a) => a.message)).toEqual([`removed the ${before.problems[0]!.areaKm2} km² shared with "乙"`, `removed the ${before.problems[1]!.areaKm2} km² shared with "丙"`]);
    expect(after!.problems).toEqual([]);
    const ring = (repair!.geometry as Polygon).coordinates[0]!;
    // The three south vertices and the first vertex first, in the drawn order.
    expect(ring.slice(0, 3)).toEqual(drawn.slice(0, 3));
    expect(repair!.areaAfterKm2).toBeCloseTo(before.areaKm2 - before.problems[0]!.areaKm2! - before.problems[1]!.areaKm2!, 1);
    expectWellFormed(repair!);
  });

  it('cuts off the part outside its city; vertices inside the city stay bit-identical', () => {
    const harbin = boundaries.cities.features.find((f) => f.properties.name === '哈尔滨市')!;
    const outline = (harbin.geometry.type === 'Polygon' ? harbin.geometry.coordinates[0] : harbin.geometry.coordinates[0]![0])!;
    const [vx, vy] = outline[Math.floor(outline.length / 3)] as [number, number];
    const across = zone('跨界', square(vx - 0.0213, vy - 0.0187, 0.04));
    const { before, repair, after } = repairAndRecheck([across]);
    const outside = before.problems.find((p) => p.kind === 'outside_city')!;
    expect(repair!.actions[0]).toEqual({ kind: 'outside_city', message: `cut off the ${outside.areaKm2} km² outside ${before.city}` });
    expect(kindsOf(after!.problems)).not.toContain('outside_city');
    expect(after!.city).toBe(before.city);
    expect(repair!.areaAfterKm2).toBeCloseTo(before.areaKm2 - outside.areaKm2!, 1);
    const city = boundaries.cities.features.find((f) => f.properties.name === before.city)!;
    const cityRings = partsOf(city.geometry).flat();
    const insideCity = (p: Position) => cityRings.filter((ring) => pointInRing(p[0]!, p[1]!, ring)).length % 2 === 1;
    const kept = (across.geometry as Polygon).coordinates[0]!.slice(0, -1).filter(insideCity);
    expect(kept.length).toBeGreaterThan(0);
    for (const p of kept) expect(vertices(repair!.geometry)).toContain(`${p[0]},${p[1]}`);
    expectWellFormed(repair!);
  });

  it('drops a sliver the clipping leaves, and says so', () => {
    // 乙 covers 甲 but for a wide strip in the west and a strip 4 m wide in the east.
    const zones = [zone('甲', square(126.6, 45.72, 0.04)), zone('乙', [[126.61, 45.7], [126.63995, 45.7], [126.63995, 45.78], [126.61, 45.78], [126.61, 45.7]])];
    const { repair, after } = repairAndRecheck(zones);
    expect(kindsOf(repair!.actions)).toEqual(['overlap', 'sliver']);
    expect(repair!.actions[1]!.message).toMatch(/^dropped a part of \d+ m² with a mean width of [\d.]+ m, left by the clipping$/);
    expect(repair!.geometry.type).toBe('Polygon');
    expect(after!.problems).toEqual([]);
  });

  it('drops the sliver part of a zone and keeps its other part exactly', () => {
    const wide = square(126.6, 45.72, 0.04);
    const thin: Position[] = [[126.7, 45.74], [126.73, 45.74], [126.73, 45.74009], [126.7, 45.74009], [126.7, 45.74]];
    const twoParts: ZoneInput = { name: '两块', geometry: { type: 'MultiPolygon', coordinates: [[wide], [thin]] } };
    const { before, repair, after } = repairAndRecheck([twoParts]);
    expect(kindsOf(before.problems)).toEqual(['sliver']);
    expect(repair!.geometry).toEqual({ type: 'Polygon', coordinates: [wide] });
    expect(after!.problems).toEqual([]);
  });

  it('repairs an overlap and the part outside the city in that order', () => {
    const harbin = boundaries.cities.features.find((f) => f.properties.name === '哈尔滨市')!;
    const outline = (harbin.geometry.type === 'Polygon' ? harbin.geometry.coordinates[0] : harbin.geometry.coordinates[0]![0])!;
    const [vx, vy] = outline[Math.floor(outline.length / 3)] as [number, number];
    const zones = [zone('跨界', square(vx - 0.0213, vy - 0.0187, 0.04)), zone('邻居', square(vx - 0.05, vy - 0.01, 0.04))];
    const { before, repair, after } = repairAndRecheck(zones);
    expect(new Set(kindsOf(before.problems))).toEqual(new Set(['overlap', 'outside_city']));
    expect(kindsOf(repair!.actions).filter((k) => k !== 'sliver')).toEqual(['overlap', 'outside_city']);
    expect(kindsOf(after!.problems)).toEqual([]);
  });

  it('returns null for a clean zone, and for a zone that is all sliver (nothing it could change)', () => {
    const clean = [zone('干净', square(126.63, 45.74, 0.02))];
    expect(suggestZoneRepair(0, clean, validateZones(clean, boundaries, locator)[0]!, boundaries)).toBeNull();
    const thin = [zone('窄条', [[126.63, 45.74], [126.66, 45.74], [126.66, 45.74009], [126.63, 45.74009], [126.63, 45.74]])];
    expect(suggestZoneRepair(0, thin, validateZones(thin, boundaries, locator)[0]!, boundaries)).toBeNull();
  });

  it('says what it could not repair: an overlap that would leave nothing, a zone left all sliver', () => {
    const harbin = boundaries.cities.features.find((f) => f.properties.name === '哈尔滨市')!;
    const outline = (harbin.geometry.type === 'Polygon' ? harbin.geometry.coordinates[0] : harbin.geometry.coordinates[0]![0])!;
    const [vx, vy] = outline[Math.floor(outline.length / 3)] as [number, number];
    // Wholly inside a bigger zone, and across the city line.
    const inside = repairAndRecheck([zone('里面', square(vx - 0.0213, vy - 0.0187, 0.04)), zone('外面', square(vx - 0.05, vy - 0.05, 0.1))]);
    expect(new Set(kindsOf(inside.before.problems))).toEqual(new Set(['overlap', 'outside_city']));
    expect(inside.repair!.actions[0]).toEqual({ kind: 'overlap', message: 'not repaired: the zone lies wholly inside "外面"; delete one of them' });
    expect(inside.repair!.actions[1]!.kind).toBe('outside_city');
    expect(kindsOf(inside.after!.problems)).toEqual(['overlap']);

    // A part inside the other zone and a thin strip: taking the overlap away leaves only the strip.
    const thin: Position[] = [[126.7, 45.74], [126.73, 45.74], [126.73, 45.74009], [126.7, 45.74009], [126.7, 45.74]];
    const zones: ZoneInput[] = [{ name: '两块', geometry: { type: 'MultiPolygon', coordinates: [[square(126.62, 45.74, 0.01)], [thin]] } }, zone('外面', square(126.6, 45.72, 0.05))];
    const strip = repairAndRecheck(zones);
    expect(kindsOf(strip.repair!.actions)).toEqual(['overlap', 'sliver']);
    expect(strip.repair!.actions[1]!.message).toBe('not repaired: the whole zone is too thin or too small; redraw it wider or delete it');
    expect(strip.repair!.geometry).toEqual({ type: 'Polygon', coordinates: [thin] });
  });

  it('never changes its input, and shares no array with it', () => {
    const zones = [zone('甲', square(126.6, 45.72, 0.04)), zone('乙', square(126.62, 45.74, 0.04))];
    const snapshot = JSON.stringify(zones);
    const [report] = validateZones(zones, boundaries, locator);
    const reportSnapshot = JSON.stringify(report);
    const repair = suggestZoneRepair(0, zones, report!, boundaries)!;
    expect(JSON.stringify(zones)).toBe(snapshot);
    expect(JSON.stringify(report)).toBe(reportSnapshot);
    const inputPositions = new Set(partsOf(zones[0]!.geometry).flat(2));
    for (const p of partsOf(repair.geometry).flat(2)) expect(inputPositions.has(p)).toBe(false);
    expect(() => suggestZoneRepair(5, zones, report!, boundaries)).toThrow(/zone 5 does not exist/);
  });
});
