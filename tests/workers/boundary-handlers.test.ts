import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { createBoundaryHandlers } from '../../src/workers/boundary-handlers.ts';

const FILE = 'public/data/boundaries.topo.json';
const handlers = () => createBoundaryHandlers(async (url) => readFileSync(url, 'utf8'));

/** Tile x/y containing a point at zoom z (Web Mercator). */
function tileAt(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

describe('boundary worker handlers', () => {
  it('loads a summary with the 13 cities and 129 counties and their label points', async () => {
    const summary = await handlers().load({ url: FILE });
    expect(summary.province).toBe('黑龙江省');
    expect(summary.cities.map((c) => c.name)).toContain('大兴安岭地区');
    expect(summary.counties).toHaveLength(129);
    expect(summary.counties.every((c) => Number.isFinite(c.labelLon) && Number.isFinite(c.labelLat))).toBe(true);
  });

  it('serves a vector tile over Harbin with every boundary layer and county properties', async () => {
    const h = handlers();
    await h.load({ url: FILE });
    const { x, y } = tileAt(126.65, 45.75, 7);
    const tile = new VectorTile(new Pbf(new Uint8Array(await h.tile({ z: 7, x, y }))));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['counties', 'cities', 'province']));
    const counties = tile.layers.counties!;
    const names = Array.from({ length: counties.length }, (_, i) => counties.feature(i).properties.name);
    expect(names).toContain('南岗区');
    expect(counties.feature(names.indexOf('南岗区')).properties.cityAdcode).toBe('230100');
    expect(tile.layers.cities!.length).toBeGreaterThan(0);
  });

  it('puts the neighbours and Russia in the overview tiles', async () => {
    const h = handlers();
    await h.load({ url: FILE });
    const { x, y } = tileAt(128, 48, 3);
    const tile = new VectorTile(new Pbf(new Uint8Array(await h.tile({ z: 3, x, y }))));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['russia', 'neighbourCities', 'neighbourProvinces', 'counties', 'cities', 'province']));
  });

  it('serves an empty tile far from the data', async () => {
    const h = handlers();
    await h.load({ url: FILE });
    expect((await h.tile({ z: 6, x: 0, y: 0 })).byteLength).toBe(0);
  });

  it('describes the county at a point with its geodesic area, and null outside Heilongjiang', async () => {
    const h = handlers();
    await h.load({ url: FILE });
    const county = await h.countyAt({ lon: 126.65, lat: 45.75 });
    expect(county).toMatchObject({ name: '南岗区', city: '哈尔滨市', adcode: '230103' });
    expect(county!.areaKm2).toBeGreaterThan(100);
    expect(county!.areaKm2).toBeLessThan(300);
    expect(await h.countyAt({ lon: 125.32, lat: 43.88 })).toBeNull();
  });

  it('refuses tiles before the data is loaded, with a message that says what to do', async () => {
    await expect(handlers().tile({ z: 0, x: 0, y: 0 })).rejects.toThrow('send "load" first');
  });

  describe('zone editor messages', () => {
    const square = (lon: number, lat: number, d: number) => ({ type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
    const bowTie = { type: 'Polygon' as const, coordinates: [[[127.3, 45.5], [127.32, 45.52], [127.32, 45.5], [127.3, 45.52], [127.3, 45.5]]] };

    it('validates zones with their city, county and problems, and suggests a repair that validates clean', async () => {
      const h = handlers();
      await h.load({ url: FILE });
      const zones = [{ name: '蝴蝶结', geometry: bowTie }, { name: '南岗', geometry: square(126.64, 45.74, 0.01) }];
      const reports = await h.validateZones({ zones });
      expect(reports[0]!.problems.map((p) => p.kind)).toEqual(['self_intersection']);
      expect(reports[1]).toMatchObject({ city: '哈尔滨市', county: '南岗区', problems: [] });
      const repair = await h.repairZone({ index: 0, zones, report: reports[0]! });
      expect(repair!.geometry.type).toBe('MultiPolygon');
      const again = await h.validateZones({ zones: [{ name: '蝴蝶结', geometry: repair!.geometry }, zones[1]!] });
      expect(again[0]!.problems).toEqual([]);
      expect(await h.repairZone({ index: 1, zones, report: reports[1]! })).toBeNull();
    });

    it('proposes a zone from coverage clipped to a county, and names a county it does not know', async () => {
      const h = handlers();
      await h.load({ url: FILE });
      const inside = square(126.64, 45.74, 0.005);
      const proposal = await h.proposeZone({ coverage: [inside, square(130, 47, 0.01)], region: { kind: 'county', adcode: '230103' } });
      expect(proposal!.coverageUsed).toBe(1);
      expect(proposal!.geometry.coordinates).toEqual(inside.coordinates);
      expect(await h.proposeZone({ coverage: [square(130, 47, 0.01)], region: { kind: 'city', name: '哈尔滨市' } })).toBeNull();
      await expect(h.proposeZone({ coverage: [inside], region: { kind: 'county', adcode: '999999' } })).rejects.toThrow('999999');
    });

    it('gives the county and city edges that cross a view box, for snapping', async () => {
      const h = handlers();
      await h.load({ url: FILE });
      const [west, south, east, north] = [126.6, 45.7, 126.7, 45.8];
      const edges = await h.boundaryEdges({ west, south, east, north, limit: 100_000 });
      expect(edges.length % 4).toBe(0);
      expect(edges.length / 4).toBeGreaterThan(10);
      for (let i = 0; i < edges.length; i += 4) {
        expect(Math.max(edges[i]!, edges[i + 2]!)).toBeGreaterThanOrEqual(west);
        expect(Math.min(edges[i]!, edges[i + 2]!)).toBeLessThanOrEqual(east);
        expect(Math.max(edges[i + 1]!, edges[i + 3]!)).toBeGreaterThanOrEqual(south);
        expect(Math.min(edges[i + 1]!, edges[i + 3]!)).toBeLessThanOrEqual(north);
      }
      expect((await h.boundaryEdges({ west, south, east, north, limit: 5 })).length).toBe(20);
    });
  });
});
