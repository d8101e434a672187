import { area as sphericalArea } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../src/core/geo/geodesic-area.ts';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';

/** Area of a latitude–longitude cell on the WGS84 ellipsoid, from the closed-form authalic integral. */
function ellipsoidCellArea(lat1: number, lat2: number, dLon: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const b2 = a * a * (1 - e2);
  const q = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
  };
  return (b2 * ((dLon * Math.PI) / 180) * (q(lat2) - q(lat1))) / 2;
}

/** A cell whose parallels are densified so geodesic edges follow them to well under a metre. */
function densifiedCell(lon1: number, lat1: number, lon2: number, lat2: number, steps: number): Polygon {
  const ring: number[][] = [];
  for (let i = 0; i <= steps; i++) ring.push([lon1 + ((lon2 - lon1) * i) / steps, lat1]);
  for (let i = 0; i <= steps; i++) ring.push([lon2 - ((lon2 - lon1) * i) / steps, lat2]);
  ring.push([lon1, lat1]);
  return { type: 'Polygon', coordinates: [ring] };
}

describe('geodesicArea', () => {
  it('matches the closed-form ellipsoid area of a 1° cell at 45°N to 1 part in 10⁶', () => {
    const expected = ellipsoidCellArea(45, 46, 1);
    expect(Math.abs(geodesicArea(densifiedCell(126, 45, 127, 46, 2000)) - expected) / expected).toBeLessThan(1e-6);
  });

  it('subtracts holes and ignores ring orientation', () => {
    const shell = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]; // clockwise
    const hole = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]];
    const whole = geodesicArea({ type: 'Polygon', coordinates: [shell] });
    const holed = geodesicArea({ type: 'Polygon', coordinates: [shell, hole] });
    expect(holed / whole).toBeCloseTo(0.75, 3);
  });

  it('adds up the 129 counties to the Heilongjiang outline within 0.1%', () => {
    const { counties, province } = loadBoundariesFile();
    const sum = counties.features.reduce((s, f) => s + geodesicArea(f.geometry), 0);
    const outline = geodesicArea(province.features[0]!.geometry);
    expect(Math.abs(sum - outline) / outline).toBeLessThan(0.001);
    expect(outline / 1e6).toBeGreaterThan(450_000);
    expect(outline / 1e6).toBeLessThan(456_000);
    // Turf's spherical area differs from the ellipsoid by a few tenths of a percent at this latitude.
    expect(Math.abs(sphericalArea(province.features[0]!) - outline) / outline).toBeLessThan(0.005);
  });
});
