import { describe, expect, it } from 'vitest';
import { clusterPoints } from '../../../src/core/fires/cluster-points.ts';

const HOUR = 3600 * 1000;
/** Degrees of latitude for a distance in metres (mean Earth radius). */
const north = (m: number) => m / ((Math.PI / 180) * 6371008.8);

describe('clusterPoints', () => {
  const base = Date.UTC(2024, 3, 5, 5, 0);
  const sameFire = { distanceM: 1000, windowMs: 2 * HOUR };

  it('merges detections 900 m and 1 h apart, and keeps 2.1 km or 2.5 h apart separate', () => {
    const lat = [46, 46 + north(900), 46 + north(2100), 46];
    const lon = [126, 126, 126, 126];
    const time = [base, base + HOUR, base + HOUR, base + 3.5 * HOUR]; // 2.5 h after the second
    expect(Array.from(clusterPoints(lon, lat, time, sameFire))).toEqual([0, 0, 1, 2]);
  });

  it('chains links (single linkage): A–B and B–C close makes one fire even when A–C is not', () => {
    const lat = [46, 46 + north(800), 46 + north(1600)];
    expect(Array.from(clusterPoints([126, 126, 126], lat, [base, base, base], sameFire))).toEqual([0, 0, 0]);
  });

  it('measures east–west distance shrunk by cos(latitude)', () => {
    // 0.012° of longitude at 50°N is about 858 m: linked; at the equator it is 1,334 m: not.
    expect(Array.from(clusterPoints([126, 126.012], [50, 50], [base, base], sameFire))).toEqual([0, 0]);
    expect(Array.from(clusterPoints([126, 126.012], [0, 0], [base, base], sameFire))).toEqual([0, 1]);
  });

  it('links undated points only to each other', () => {
    expect(Array.from(clusterPoints([126, 126, 126], [46, 46, 46], [Number.NaN, base, Number.NaN], sameFire))).toEqual([0, 1, 0]);
  });

  it('leaves points without enough neighbours as noise when minPoints > 1, and takes border points in', () => {
    // Three points in a row 800 m apart, plus a loner: with minPoints 3 only the middle one is a core point.
    const lat = [46, 46 + north(800), 46 + north(1600), 47];
    const labels = clusterPoints([126, 126, 126, 126], lat, [base, base, base, base], { distanceM: 1000, windowMs: HOUR, minPoints: 3 });
    expect(Array.from(labels)).toEqual([0, 0, 0, -1]);
  });

  it('agrees with a brute-force single linkage on 2,000 seeded points', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 2000;
    const lon = Array.from({ length: n }, () => 126 + random() * 0.5);
    const lat = Array.from({ length: n }, () => 46 + random() * 0.3);
    const time = Array.from({ length: n }, () => base + random() * 48 * HOUR);
    const labels = clusterPoints(lon, lat, time, sameFire);
    // Brute force: union-find over every pair.
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const earlier = time[i]! <= time[j]! ? i : j;
        const dx = (lon[j]! - lon[i]!) * Math.cos((lat[earlier]! * Math.PI) / 180) * ((Math.PI / 180) * 6371008.8);
        const dy = (lat[j]! - lat[i]!) * ((Math.PI / 180) * 6371008.8);
        if (Math.hypot(dx, dy) <= 1000 && Math.abs(time[i]! - time[j]!) <= 2 * HOUR) parent[find(i)] = find(j);
      }
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < Math.min(n, i + 50); j++) {
      expect(labels[i] === labels[j], `points ${i} and ${j}`).toBe(find(i) === find(j));
    }
    expect(new Set(labels).size).toBe(new Set(Array.from({ length: n }, (_, i) => find(i))).size);
  });

  it('rejects a non-positive distance', () => {
    expect(() => clusterPoints([1], [1], [1], { distanceM: 0, windowMs: 1 })).toThrow('must be positive');
  });
});
