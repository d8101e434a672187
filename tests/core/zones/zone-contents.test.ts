import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Boiler } from '../../../src/core/boilers/boiler.ts';
import { geodesicArea } from '../../../src/core/geo/geodesic-area.ts';
import type { RuleBook } from '../../../src/core/rules.ts';
import { zoneContents } from '../../../src/core/zones/zone-contents.ts';

const book = (): RuleBook => JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook;
const ring = (west: number, south: number, east: number, north: number): Position[] => [[west, south], [east, south], [east, north], [west, north], [west, south]];
/** 0.1° × 0.1° in 哈尔滨 with a 0.02° hole in the middle. */
const geometry: Polygon = { type: 'Polygon', coordinates: [ring(126.6, 45.7, 126.7, 45.8), ring(126.64, 45.74, 126.66, 45.76)] };
const INSIDE = { lon: 126.61, lat: 45.71 };
const OUTSIDE = { lon: 126.75, lat: 45.75 };
const IN_HOLE = { lon: 126.65, lat: 45.75 };

const boiler = (fields: Partial<Boiler> = {}): Boiler => ({
  name: '测试锅炉',
  ...INSIDE,
  capacityTph: 10,
  capacityMw: null,
  fuel: '燃煤',
  use: '供热',
  status: '在用',
  builtUp: null,
  city: null,
  county: null,
  ...fields,
});

describe('zoneContents', () => {
  it('lists a coal boiler inside a Ⅲ zone as banned, not a gas one inside, a coal one outside or one in a hole', () => {
    const boilers = [
      boiler({ name: '煤内' }),
      boiler({ name: '气内', fuel: '燃气' }),
      boiler({ name: '煤外', ...OUTSIDE }),
      boiler({ name: '煤洞', ...IN_HOLE }),
      boiler({ name: '电内', fuel: '电' }),
      boiler({ name: '停用煤内', status: '停用' }),
    ];
    const contents = zoneContents({ name: '南岗禁燃区', category: 'Ⅲ', geometry }, boilers, null, book());
    expect(contents.banned).toEqual([0]);
    expect(contents.toVerify).toEqual([]);
    expect(contents.fires).toEqual([]);
  });

  it('bans coal under 20 t/h in a Ⅱ zone and lets a 25 t/h one be', () => {
    const boilers = [boiler({ capacityTph: 25 }), boiler({ capacityTph: 10 }), boiler({ capacityTph: 20 })];
    const contents = zoneContents({ name: 'Ⅱ类区', category: 'Ⅱ', geometry }, boilers, null, book());
    expect(contents.banned).toEqual([1]);
  });

  it('sends boilers that R13 cannot decide to verification', () => {
    const boilers = [
      boiler({ status: null }), // status unknown
      boiler({ fuel: null }), // fuel unknown
      boiler({ fuel: '生物质' }), // Ⅲ bans biomass unless a dedicated boiler with efficient dust removal
      boiler({ fuel: '燃油' }), // heavy oil or not
      boiler({ capacityTph: null }),
    ];
    const strictest = zoneContents({ name: 'Ⅲ类区', category: 'Ⅲ', geometry }, boilers, null, book());
    expect(strictest.banned).toEqual([4]); // Ⅲ bans coal whatever the capacity
    expect(strictest.toVerify).toEqual([0, 1, 2, 3]);
    const stricter = zoneContents({ name: 'Ⅱ类区', category: 'Ⅱ', geometry }, boilers, null, book());
    expect(stricter.toVerify).toEqual([0, 1, 3, 4]); // Ⅱ: capacity decides the coal exemption; biomass is not banned
    expect(stricter.banned).toEqual([]);
  });

  it('skips a boiler without a usable location', () => {
    const contents = zoneContents({ name: 'Ⅲ类区', category: 'Ⅲ', geometry }, [boiler({ lon: NaN, lat: NaN }), boiler()], null, book());
    expect(contents.banned).toEqual([1]);
  });

  it('finds the fire points inside, not those outside or in the hole', () => {
    const lon = new Float64Array([INSIDE.lon, OUTSIDE.lon, IN_HOLE.lon, 126.69, 126.6999, 10]);
    const lat = new Float64Array([INSIDE.lat, OUTSIDE.lat, IN_HOLE.lat, 45.79, 45.7001, NaN]);
    const contents = zoneContents({ name: 'Ⅰ类区', category: 'Ⅰ', geometry }, [], { lon, lat }, book());
    expect(contents.fires).toEqual([0, 3, 4]);
    expect(zoneContents({ name: 'Ⅰ类区', category: 'Ⅰ', geometry }, [], { lon: [126.61], lat: [45.79] }, book()).fires).toEqual([0]);
  });

  it('gives the geodesic area with the hole taken out', () => {
    const { areaKm2 } = zoneContents({ name: 'Ⅰ类区', category: 'Ⅰ', geometry }, [], null, book());
    // 0.1° × 0.1° at 45.75°N is about 11.1 km × 7.77 km; the hole about 3.45 km².
    expect(areaKm2).toBeGreaterThan(82.5);
    expect(areaKm2).toBeLessThan(83.2);
    const outer: Polygon = { type: 'Polygon', coordinates: [geometry.coordinates[0]!] };
    const hole: Polygon = { type: 'Polygon', coordinates: [geometry.coordinates[1]!] };
    expect(areaKm2).toBeCloseTo((geodesicArea(outer) - geodesicArea(hole)) / 1e6, 9);
  });
});
