import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createNearestRegionFinder } from '../../../src/core/geo/nearest-region.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('createNearestRegionFinder', () => {
  const left: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10)] };
  const right: Polygon = { type: 'Polygon', coordinates: [square(10.004, 0, 20, 10)] };
  const finder = createNearestRegionFinder([left, right]);

  it('names the region whose border is nearest, inside a sliver gap between two regions', () => {
    expect(finder.nearest(10.001, 5, 0.01)).toBe(0);
    expect(finder.nearest(10.003, 5, 0.01)).toBe(1);
  });

  it('answers -1 when no border is within the distance', () => {
    expect(finder.nearest(30, 5, 0.01)).toBe(-1);
    expect(finder.nearest(5, 5, 0.01)).toBe(-1); // deep inside: the border is 5° away
  });

  it('scales longitude by cos(latitude), so distances are close to ground distances', () => {
    // At 60°N a degree of longitude is half a degree of latitude: 0.015° east is 0.0075° "ground".
    const north = createNearestRegionFinder([{ type: 'Polygon', coordinates: [square(0, 50, 10, 60.5)] }]);
    expect(north.nearest(10.015, 60, 0.01)).toBe(0);
    expect(north.nearest(10.025, 60, 0.01)).toBe(-1);
  });
});
