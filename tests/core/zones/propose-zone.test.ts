import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import { geodesicArea } from '../../../src/core/geo/geodesic-area.ts';
import { proposeZoneFromCoverage } from '../../../src/core/zones/propose-zone.ts';

const ring = (west: number, south: number, east: number, north: number): Position[] => [[west, south], [east, south], [east, north], [west, north], [west, south]];
const box = (west: number, south: number, east: number, north: number): Polygon => ({ type: 'Polygon', coordinates: [ring(west, south, east, north)] });
const km2 = (geometry: Polygon | MultiPolygon) => geodesicArea(geometry) / 1e6;
/** The county of these tests: a 1° square in 哈尔滨's latitudes. */
const county = box(126, 45, 127, 46);

describe('proposeZoneFromCoverage', () => {
  it('unions overlapping coverage once, not twice', () => {
    const a = box(126.1, 45.1, 126.3, 45.3);
    const b = box(126.2, 45.2, 126.4, 45.4);
    const proposal = proposeZoneFromCoverage([a, b], county)!;
    // The union drawn by hand: an 8-corner outline of the two squares.
    const union: Polygon = {
      type: 'Polygon',
      coordinates: [[[126.1, 45.1], [126.3, 45.1], [126.3, 45.2], [126.4, 45.2], [126.4, 45.4], [126.2, 45.4], [126.2, 45.3], [126.1, 45.3], [126.1, 45.1]]],
    };
    expect(proposal.areaKm2).toBeCloseTo(km2(union), 6);
    // Each square is about 348 km², their overlap a quarter of one; edges along parallels make it approximate.
    expect(Math.abs(proposal.areaKm2 - (km2(a) + km2(b) - km2(box(126.2, 45.2, 126.3, 45.3))))).toBeLessThan(0.2);
    expect(proposal.coverageAreaKm2).toBeCloseTo(km2(union), 6);
    expect(proposal).toMatchObject({ coverageUsed: 2, skipped: 0 });
    expect(proposal.geometry.type).toBe('Polygon');
  });

  it('clips coverage that straddles the outline to the part inside', () => {
    const straddling = box(126.9, 45.4, 127.1, 45.6);
    const proposal = proposeZoneFromCoverage([straddling], county)!;
    expect(proposal.areaKm2).toBeCloseTo(km2(box(126.9, 45.4, 127, 45.6)), 6);
    expect(proposal.coverageAreaKm2).toBeCloseTo(km2(straddling), 6);
    expect(proposal.coverageUsed).toBe(1);
  });

  it('ignores coverage outside the outline, also inside its bounding box', () => {
    const triangle: Polygon = { type: 'Polygon', coordinates: [[[126, 45], [127, 45], [126, 46], [126, 45]]] };
    const inside = box(126.1, 45.1, 126.2, 45.2);
    const inTheBoxOnly = box(126.8, 45.8, 126.9, 45.9); // lon + lat > 172: beyond the hypotenuse
    const farAway = box(130, 48, 130.1, 48.1);
    const proposal = proposeZoneFromCoverage([inside, inTheBoxOnly, farAway], triangle)!;
    expect(proposal.coverageUsed).toBe(1);
    expect(proposal.areaKm2).toBeCloseTo(km2(inside), 6);
    expect(proposal.coverageAreaKm2).toBeCloseTo(km2(inside), 6);
  });

  it('leaves out coverage inside a hole of the outline', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [ring(126, 45, 127, 46), ring(126.4, 45.4, 126.6, 45.6)] };
    const inHole = box(126.45, 45.45, 126.55, 45.55);
    const outsideHole = box(126.1, 45.1, 126.2, 45.2);
    const proposal = proposeZoneFromCoverage([inHole, outsideHole], withHole)!;
    expect(proposal.coverageUsed).toBe(1);
    expect(proposal.areaKm2).toBeCloseTo(km2(outsideHole), 6);
  });

  it('takes coverage that contains the whole outline, clipped to the outline', () => {
    const small = box(126.4, 45.4, 126.5, 45.5);
    const proposal = proposeZoneFromCoverage([box(126, 45, 127, 46)], small)!;
    expect(proposal.areaKm2).toBeCloseTo(km2(small), 6);
    expect(proposal.coverageUsed).toBe(1);
  });

  it('is null when nothing is left inside the outline', () => {
    expect(proposeZoneFromCoverage([], county)).toBeNull();
    expect(proposeZoneFromCoverage([box(127, 45.2, 127.2, 45.4)], county)).toBeNull(); // touches the east edge only
    expect(proposeZoneFromCoverage([box(128, 45, 128.5, 45.5)], county)).toBeNull();
  });

  it('skips and counts polygons that are malformed or make Turf throw, and proposes from the rest', () => {
    const unit = box(0, 0, 1, 1);
    const good = box(0.1, 0.1, 0.3, 0.3);
    const tooShort: Polygon = { type: 'Polygon', coordinates: [[[0.5, 0.5], [0.6, 0.5], [0.5, 0.5]]] };
    const notFinite: Polygon = { type: 'Polygon', coordinates: [[[0.5, 0.5], [NaN, 0.5], [0.6, 0.6], [0.5, 0.5]]] };
    // Nearly collinear along y = 0.5: Turf's union of it fails with "Unable to complete output ring".
    const sliver: Polygon = {
      type: 'Polygon',
      coordinates: [[[0.9383706040393395, 0.49999999999999645], [0.5000000000000023, 0.4999999999999999], [0.7647673514507554, 0.5000000000000016], [0.16725826923141715, 0.5000000000000028], [0.9383706040393395, 0.49999999999999645]]],
    };
    const proposal = proposeZoneFromCoverage([tooShort, good, notFinite, sliver], unit)!;
    expect(proposal.skipped).toBe(3);
    expect(proposal.coverageUsed).toBe(1);
    expect(proposal.areaKm2).toBeCloseTo(km2(good), 6);
  });

  it('clips a square across a real county border to the county', () => {
    const boundaries = loadBoundariesFile();
    const nangang = boundaries.counties.features.find((f) => f.properties.name === '南岗区')!.geometry;
    const outer = (nangang.type === 'Polygon' ? nangang.coordinates[0] : nangang.coordinates[0]![0])!;
    const [vx, vy] = outer[Math.floor(outer.length / 3)]!;
    const square = box(vx! - 0.01, vy! - 0.01, vx! + 0.01, vy! + 0.01);
    const proposal = proposeZoneFromCoverage([square], nangang)!;
    expect(proposal.coverageUsed).toBe(1);
    expect(proposal.coverageAreaKm2).toBeCloseTo(km2(square), 6);
    expect(proposal.areaKm2).toBeGreaterThan(0.1);
    expect(proposal.areaKm2).toBeLessThan(km2(square) - 0.1);
    // Nothing of the result lies outside the county (beyond rounding).
    const outside = difference(featureCollection([feature(proposal.geometry), feature(nangang)]));
    expect(outside ? km2(outside.geometry) : 0).toBeLessThan(1e-6);

    // With a square inside and one outside too, the area equals Turf's union of everything clipped to the whole
    // county (the proposal clips only what crosses the border, against the border nearby).
    const [cx, cy] = [vx! + 0.3 * (outer[0]![0]! - vx!), vy! + 0.3 * (outer[0]![1]! - vy!)];
    const more = [square, box(cx - 0.003, cy - 0.003, cx + 0.003, cy + 0.003), box(vx! + 0.005, vy! - 0.02, vx! + 0.03, vy! + 0.005), box(131, 47, 131.1, 47.1)];
    const expected = intersect(featureCollection([union(featureCollection(more.map((g) => feature(g))))!, feature(nangang)]))!;
    expect(proposeZoneFromCoverage(more, nangang)!.areaKm2).toBeCloseTo(km2(expected.geometry), 6);
  });
});
