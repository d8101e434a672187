import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import { createBoilerPlaceFinder } from '../../../src/core/boilers/boiler-places.ts';
import { createLocator, type Locator } from '../../../src/core/geo/create-locator.ts';
import { geodesicDestination } from '../../helpers/brute-force-geodesic.ts';

let locator: Locator;
beforeAll(() => {
  locator = createLocator(loadBoundariesFile());
});

/** An axis-aligned square in degrees. */
const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

/** 南岗区, 哈尔滨 */
const HARBIN: [number, number] = [126.65, 45.75];

describe('createBoilerPlaceFinder', () => {
  it('names the city and county from the location and leaves layers not given unknown', () => {
    const place = createBoilerPlaceFinder({}, locator).placeOf(...HARBIN);
    expect(place.city).toBe('哈尔滨市');
    expect(place.county).toBe(locator.where(...HARBIN).county);
    expect(place.coverage).toBeNull();
    expect(place.builtUpArea).toBeNull();
    expect(place.zones).toBeNull();
  });

  it('answers false, not unknown, outside a layer that was given', () => {
    const finder = createBoilerPlaceFinder({ coverage: [{ name: 'C', geometry: square(127, 46, 0.1) }], builtUp: [], zones: [] }, locator);
    const place = finder.placeOf(...HARBIN);
    expect(place.coverage).toBe(false);
    expect(place.builtUpArea).toBe(false);
    expect(place.zones).toEqual([]);
  });

  it('finds coverage, built-up area and every overlapping zone, strict categories included', () => {
    const finder = createBoilerPlaceFinder(
      {
        coverage: [
          { name: 'west', geometry: square(126.5, 45.7, 0.1) },
          { name: 'east', geometry: square(126.6, 45.7, 0.1) },
        ],
        builtUp: [{ name: '哈尔滨市建成区', geometry: square(126.55, 45.7, 0.2) }],
        zones: [
          { name: 'Ⅱ zone', category: 'Ⅱ', geometry: square(126.6, 45.72, 0.1) },
          { name: 'Ⅲ zone', category: 'Ⅲ', geometry: square(126.64, 45.74, 0.02) },
        ],
      },
      locator,
    );
    expect(finder.placeOf(...HARBIN)).toMatchObject({
      coverage: { by: 'polygon', name: 'east' },
      builtUpArea: '哈尔滨市建成区',
      zones: [{ name: 'Ⅲ zone', category: 'Ⅲ' }, { name: 'Ⅱ zone', category: 'Ⅱ' }],
    });
    expect(finder.placeOf(126.53, 45.75)).toMatchObject({ coverage: { name: 'west' }, builtUpArea: false, zones: [] });
  });

  it('gives the same places one by one and in bulk', () => {
    const finder = createBoilerPlaceFinder(
      { coverage: [{ name: 'C', geometry: square(126.6, 45.7, 0.1) }], builtUp: [{ name: 'B', geometry: square(126.62, 45.72, 0.05) }], zones: [{ name: 'Z', category: 'Ⅲ', geometry: square(126.64, 45.74, 0.02) }] },
      locator,
    );
    const lons = Float64Array.from({ length: 400 }, (_, i) => 126.55 + (i % 20) * 0.01);
    const lats = Float64Array.from({ length: 400 }, (_, i) => 45.65 + Math.floor(i / 20) * 0.01 + 0.0013);
    const bulk = finder.placeMany(lons, lats);
    expect(bulk.filter((p) => p.coverage !== false).length).toBeGreaterThan(50);
    for (let i = 0; i < lons.length; i++) expect(bulk[i]).toEqual(finder.placeOf(lons[i]!, lats[i]!));
  });

  it('counts a pipeline as coverage within the service radius, by exact geodesic distance', () => {
    // A meridian is a geodesic, and a geodesic leaving it at right angles has its foot at the start.
    const pipeline = { name: '一号主管网', lines: [[[126.6, 45.6], [126.6, 45.9]]] };
    const finder = createBoilerPlaceFinder({ pipelines: [pipeline], serviceRadiusM: 1000 }, locator);
    const near = geodesicDestination([126.6, 45.75], 90, 999.9);
    const far = geodesicDestination([126.6, 45.75], 90, 1000.1);
    const hit = finder.placeOf(near[0], near[1]).coverage;
    expect(hit).toMatchObject({ by: 'pipeline', name: '一号主管网', radiusM: 1000 });
    expect((hit as { distanceM: number }).distanceM).toBeCloseTo(999.9, 3);
    expect(finder.placeOf(far[0], far[1]).coverage).toBe(false);
  });

  it('names no city for a point in a neighbouring province', () => {
    const place = createBoilerPlaceFinder({}, locator).placeOf(125.32, 43.88); // 长春, 吉林省
    expect(locator.where(125.32, 43.88).city).toBe('长春市');
    expect(place.city).toBeNull();
    expect(place.county).toBeNull();
  });

  it('refuses pipelines without a stated service radius', () => {
    expect(() => createBoilerPlaceFinder({ pipelines: [{ name: 'P', lines: [[[126, 45], [126.1, 45]]] }] }, locator)).toThrow(/service radius/);
  });
});
