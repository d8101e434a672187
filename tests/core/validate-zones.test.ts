import type { Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../src/cli/load-boundaries-file.ts';
import type { Boundaries } from '../../src/core/boundaries.ts';
import { createLocator, type Locator } from '../../src/core/create-locator.ts';
import { validateZones, type ZoneInput } from '../../src/core/validate-zones.ts';

let boundaries: Boundaries;
let locator: Locator;
beforeAll(() => {
  boundaries = loadBoundariesFile();
  locator = createLocator(boundaries);
});

const square = (west: number, south: number, size: number): Position[] => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];
const zone = (name: string, ...rings: Position[][]): ZoneInput => ({ name, geometry: { type: 'Polygon', coordinates: rings } as Polygon });
const validate = (...zones: ZoneInput[]) => validateZones(zones, boundaries, locator);
const kinds = (report: { problems: { kind: string }[] }) => report.problems.map((p) => p.kind);

describe('validateZones', () => {
  it('reports a clean zone with its geodesic area, city and county, and no problem', () => {
    const [report] = validate(zone('南岗', square(126.63, 45.74, 0.02)));
    expect(report).toMatchObject({ name: '南岗', city: '哈尔滨市', county: '南岗区', problems: [] });
    // 0.02° × 0.02° at 45.75 N: about 2.22 km × 1.55 km.
    expect(report!.areaKm2).toBeGreaterThan(3.4);
    expect(report!.areaKm2).toBeLessThan(3.5);
  });

  it('marks a bow-tie where it crosses itself, and does not judge its overlaps', () => {
    const bowTie = zone('蝴蝶结', [[126.63, 45.74], [126.65, 45.76], [126.65, 45.74], [126.63, 45.76], [126.63, 45.74]]);
    const [report] = validate(bowTie, zone('旁边', square(126.63, 45.74, 0.02)));
    expect(kinds(report!)).toEqual(['self_intersection']);
    expect(report!.problems[0]!.where).toEqual([126.64, 45.75]);
  });

  it('reports two overlapping zones on both, with the area and a point inside the overlap', () => {
    const [a, b, c] = validate(zone('甲', square(126.6, 45.72, 0.04)), zone('乙', square(126.62, 45.74, 0.04)), zone('丙', square(126.7, 45.72, 0.01)));
    expect(kinds(a!)).toEqual(['overlap']);
    expect(a!.problems[0]).toMatchObject({ other: 1 });
    expect(b!.problems[0]).toMatchObject({ kind: 'overlap', other: 0 });
    const [x, y] = a!.problems[0]!.where;
    expect(x).toBeGreaterThan(126.62);
    expect(x).toBeLessThan(126.64);
    expect(y).toBeGreaterThan(45.74);
    expect(y).toBeLessThan(45.76);
    // 0.02° × 0.02°, a quarter of each zone.
    expect(a!.problems[0]!.areaKm2).toBeCloseTo(a!.areaKm2 / 4, 1);
    expect(c!.problems).toEqual([]);
  });

  it('reports the part of a zone that lies outside its city', () => {
    const harbin = boundaries.cities.features.find((f) => f.properties.name === '哈尔滨市')!;
    const ring = (harbin.geometry.type === 'Polygon' ? harbin.geometry.coordinates[0] : harbin.geometry.coordinates[0]![0])!;
    // A vertex on the city outline: a square centred there is half in, half out (and the bigger side decides the city).
    const [vx, vy] = ring[Math.floor(ring.length / 3)]!;
    const [report] = validate(zone('跨界', square(vx! - 0.02, vy! - 0.02, 0.04)));
    expect(kinds(report!)).toContain('outside_city');
    const outside = report!.problems.find((p) => p.kind === 'outside_city')!;
    expect(outside.areaKm2).toBeGreaterThan(1);
    expect(locator.where(...outside.where).city).not.toBe(report!.city);
  });

  it('finds a sliver: a zone 10 m wide', () => {
    const thin = zone('窄条', [[126.63, 45.74], [126.66, 45.74], [126.66, 45.74009], [126.63, 45.74009], [126.63, 45.74]]);
    const [report] = validate(thin);
    expect(kinds(report!)).toEqual(['sliver']);
    expect(report!.problems[0]!.message).toMatch(/mean width of (9\.\d|10\.0) m/);
  });

  it('tells holes outside the outline, crossing it, or overlapping each other from holes that only touch', () => {
    const shell = square(126.6, 45.7, 0.1);
    const [outside] = validate(zone('洞在外', shell, square(126.8, 45.7, 0.01)));
    expect(kinds(outside!)).toEqual(['invalid_ring']);
    expect(outside!.problems[0]!.message).toBe('hole 1 lies outside the outline');
    const [crossing] = validate(zone('洞跨界', shell, square(126.69, 45.72, 0.02)));
    expect(crossing!.problems[0]).toMatchObject({ kind: 'invalid_ring', message: 'hole 1 crosses the outline', where: [126.7, 45.72] });
    const [overlapping] = validate(zone('洞重叠', shell, square(126.62, 45.72, 0.03), square(126.64, 45.74, 0.03)));
    expect(overlapping!.problems.map((p) => p.message)).toEqual(['holes 1 and 2 overlap']);
    // Two holes sharing one corner, and a hole touching the outline at a vertex: valid.
    const touching = zone('洞相切', shell, square(126.62, 45.72, 0.02), square(126.64, 45.74, 0.02), [[126.6, 45.75], [126.63, 45.76], [126.63, 45.74], [126.6, 45.75]]);
    expect(validate(touching)[0]!.problems).toEqual([]);
  });
});
