import { describe, expect, it } from 'vitest';
import { formatDms, toGaussKruger3 } from '../../../src/core/geo/coordinates.ts';

describe('toGaussKruger3', () => {
  it('puts a point on the 129°E central meridian at the false easting, northing = meridian arc length', () => {
    const gk = toGaussKruger3(129, 45);
    expect(gk.zone).toBe(43);
    expect(gk.epsg).toBe(4531);
    expect(gk.y).toBeCloseTo(43_500_000, 3);
    expect(gk.x).toBeCloseTo(4_984_944.378, 2); // GRS80 meridian arc to 45°
  });

  it('reads Harbin into zone 42 (EPSG:4530) with the zone prefix on the easting', () => {
    const gk = toGaussKruger3(126.65, 45.75);
    expect(gk.zone).toBe(42);
    expect(gk.epsg).toBe(4530);
    expect(Math.floor(gk.y / 1e6)).toBe(42);
    expect(gk.y).toBeGreaterThan(42_500_000); // east of the 126°E central meridian
  });
});

describe('formatDms', () => {
  it('writes degrees, minutes, seconds and hemisphere', () => {
    expect(formatDms(126.636806, 'lon')).toBe('126°38\'12.50"E');
    expect(formatDms(45.758333, 'lat')).toBe('45°45\'30.00"N');
    expect(formatDms(-0.5, 'lat')).toBe('0°30\'00.00"S');
  });

  it('carries 59.999… seconds into the next minute instead of printing 60"', () => {
    expect(formatDms(45.9999999, 'lat')).toBe('46°00\'00.00"N');
  });
});
