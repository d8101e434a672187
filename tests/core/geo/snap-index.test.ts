import type { MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import type { Boundaries } from '../../../src/core/geo/boundaries.ts';
import { segmentIntersection } from '../../../src/core/geo/ring-self-intersections.ts';
import { createBoundaryEdgeIndex, createSnapIndex, ringSegments } from '../../../src/core/geo/snap-index.ts';

const square = (west: number, south: number, size: number): Position[] => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

describe('ringSegments', () => {
  it('lists every edge of shells and holes, closes an open ring and drops repeated vertices', () => {
    const withHole = polygon(square(0, 0, 4), square(1, 1, 1));
    const open: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[10, 10], [11, 10], [11, 10], [10, 11]]]] };
    const segments = ringSegments([withHole, open]);
    expect(segments.length).toBe((4 + 4 + 3) * 4);
    expect(Array.from(segments.subarray(0, 8))).toEqual([0, 0, 4, 0, 4, 0, 4, 4]);
    expect(Array.from(segments.subarray(32))).toEqual([10, 10, 11, 10, 11, 10, 10, 11, 10, 11, 10, 10]);
  });

  it('gives nothing for no geometry', () => {
    expect(ringSegments([]).length).toBe(0);
  });
});

describe('createSnapIndex', () => {
  const zone = createSnapIndex(ringSegments([polygon(square(126, 45, 0.01))]));

  it('counts its segments', () => {
    expect(zone.segmentCount).toBe(4);
  });

  it('snaps to a corner within the radius even when an edge is closer', () => {
    // 0.00005° from the bottom edge, about 0.00022° (equal-scale) from the corner.
    expect(zone.nearest(126.0003, 45.00005, 0.001)).toEqual({ lon: 126, lat: 45, kind: 'vertex' });
  });

  it('takes the nearer of two corners in the radius', () => {
    expect(zone.nearest(126.0098, 45.0003, 0.01)).toEqual({ lon: 126.01, lat: 45, kind: 'vertex' });
  });

  it('projects onto the nearest edge when no corner is in the radius', () => {
    const snapped = zone.nearest(126.005, 45.0002, 0.001)!;
    expect(snapped.kind).toBe('edge');
    expect(snapped.lon).toBeCloseTo(126.005, 12);
    expect(snapped.lat).toBe(45);
    // Nearer the top edge than the bottom one.
    const top = zone.nearest(126.004, 45.0099, 0.002)!;
    expect(top.kind).toBe('edge');
    expect(top.lon).toBeCloseTo(126.004, 12);
    expect(top.lat).toBeCloseTo(45.01, 12);
  });

  it('returns null when nothing is within the radius', () => {
    expect(zone.nearest(126.005, 45.005, 0.001)).toBeNull();
    expect(zone.nearest(126.02, 45, 0.005)).toBeNull();
  });

  it('measures with longitude scaled by cos(latitude): at 60°N a longitude degree counts half', () => {
    // A diagonal edge that is at 45° on screen at 60°N: (0, 0) to (0.01, 0.01) in the equal-scale plane.
    const diagonal = createSnapIndex(new Float64Array([126, 60, 126.02, 60.01]));
    const snapped = diagonal.nearest(126.02, 60, 0.009)!;
    // The foot of the perpendicular on screen, not in raw degrees (that would be 126.016, 60.008).
    expect(snapped.kind).toBe('edge');
    expect(snapped.lon).toBeCloseTo(126.01, 9);
    expect(snapped.lat).toBeCloseTo(60.005, 9);

    const post = createSnapIndex(new Float64Array([126.0018, 60, 126.0018, 61]));
    // 0.0018° of longitude east is 0.0009 of a latitude degree at 60°N: inside a 0.001 radius.
    expect(post.nearest(126, 60, 0.001)).toEqual({ lon: 126.0018, lat: 60, kind: 'vertex' });
    // The same 0.0018° northwards is not.
    const beam = createSnapIndex(new Float64Array([126, 60.0018, 127, 60.0018]));
    expect(beam.nearest(126, 60, 0.001)).toBeNull();
    expect(beam.nearest(126, 60, 0.002)).toEqual({ lon: 126, lat: 60.0018, kind: 'vertex' });
  });

  it('ignores zero-length and non-finite segments and answers null on an empty index', () => {
    const index = createSnapIndex(new Float64Array([1, 1, 1, 1, NaN, 0, 1, 0, 0, 0, 1, 0]));
    expect(index.segmentCount).toBe(1);
    expect(index.nearest(0.5, 0.0001, 0.001)).toMatchObject({ kind: 'edge', lat: 0 });
    expect(createSnapIndex(new Float64Array(0)).nearest(0, 0, 1)).toBeNull();
    expect(index.nearest(NaN, 0, 1)).toBeNull();
  });

  it('rejects an array that is not whole segments', () => {
    expect(() => createSnapIndex(new Float64Array(6))).toThrow(/4 per segment/);
  });
});

describe('createBoundaryEdgeIndex', () => {
  let boundaries: Boundaries;
  beforeAll(() => {
    boundaries = loadBoundariesFile();
  });

  const key = (s: ArrayLike<number>, i: number) => {
    const a = `${s[i]},${s[i + 1]}`;
    const b = `${s[i + 2]},${s[i + 3]}`;
    return a < b ? `${a};${b}` : `${b};${a}`;
  };
  /** Brute force, by a different route: an end inside the box, or a crossing of one of its sides. */
  const meets = (s: ArrayLike<number>, i: number, [w, so, e, n]: number[]) => {
    const inside = (x: number, y: number) => x >= w! && x <= e! && y >= so! && y <= n!;
    if (inside(s[i]!, s[i + 1]!) || inside(s[i + 2]!, s[i + 3]!)) return true;
    const p: Position = [s[i]!, s[i + 1]!];
    const q: Position = [s[i + 2]!, s[i + 3]!];
    const corners: Position[] = [[w!, so!], [e!, so!], [e!, n!], [w!, n!]];
    return corners.some((c, j) => segmentIntersection(p, q, c, corners[(j + 1) % 4]!) !== null);
  };
  const distanceTo = (s: ArrayLike<number>, i: number, cx: number, cy: number) => {
    const k = Math.cos((cy * Math.PI) / 180);
    const ax = (s[i]! - cx) * k, ay = s[i + 1]! - cy, bx = (s[i + 2]! - cx) * k, by = s[i + 3]! - cy;
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    return Math.hypot(ax + t * dx, ay + t * dy);
  };

  it('keeps each county and city border once and returns exactly the segments that meet a box', () => {
    const index = createBoundaryEdgeIndex(boundaries);
    const all = ringSegments([...boundaries.counties.features, ...boundaries.cities.features].map((f) => f.geometry));
    const distinct = new Set<string>();
    for (let i = 0; i < all.length; i += 4) distinct.add(key(all, i));
    expect(index.segmentCount).toBe(distinct.size);
    expect(index.segmentCount).toBeLessThan(all.length / 4);

    // Around 哈尔滨's centre.
    const box = [126.5, 45.65, 126.8, 45.85];
    const got = index.edgesIn(box[0]!, box[1]!, box[2]!, box[3]!, 1_000_000);
    const expected = new Set<string>();
    for (let i = 0; i < all.length; i += 4) if (meets(all, i, box)) expected.add(key(all, i));
    const gotKeys = new Set<string>();
    for (let i = 0; i < got.length; i += 4) gotKeys.add(key(got, i));
    expect(got.length / 4).toBe(gotKeys.size);
    expect(gotKeys.size).toBeGreaterThan(100);
    expect([...gotKeys].sort()).toEqual([...expected].sort());
  });

  it('keeps the `limit` segments closest to the box centre', () => {
    const index = createBoundaryEdgeIndex(boundaries);
    const [w, s, e, n] = [126.5, 45.65, 126.8, 45.85];
    const [cx, cy] = [(w + e) / 2, (s + n) / 2];
    const full = index.edgesIn(w, s, e, n, Infinity);
    const limited = index.edgesIn(w, s, e, n, 50);
    expect(limited.length).toBe(50 * 4);
    const chosen = Array.from({ length: 50 }, (_, j) => distanceTo(limited, 4 * j, cx, cy));
    const chosenKeys = new Set(Array.from({ length: 50 }, (_, j) => key(limited, 4 * j)));
    let nearestLeftOut = Infinity;
    for (let i = 0; i < full.length; i += 4) if (!chosenKeys.has(key(full, i))) nearestLeftOut = Math.min(nearestLeftOut, distanceTo(full, i, cx, cy));
    expect(Math.max(...chosen)).toBeLessThanOrEqual(nearestLeftOut);
    expect(chosenKeys.size).toBe(50);
  });

  it('returns nothing for an empty box, a box away from Heilongjiang or a zero limit', () => {
    const index = createBoundaryEdgeIndex(boundaries);
    expect(index.edgesIn(100, 20, 101, 21, 100).length).toBe(0);
    expect(index.edgesIn(127, 46, 126, 45, 100).length).toBe(0);
    expect(index.edgesIn(126.5, 45.65, 126.8, 45.85, 0).length).toBe(0);
  });

  it('feeds a snap index that snaps to a county corner', () => {
    const index = createBoundaryEdgeIndex(boundaries);
    const edges = index.edgesIn(126.5, 45.65, 126.8, 45.85, 50_000);
    const snap = createSnapIndex(edges);
    const [x, y] = [edges[0]!, edges[1]!];
    expect(snap.nearest(x + 0.00001, y + 0.00001, 0.0005)).toEqual({ lon: x, lat: y, kind: 'vertex' });
  });
});
