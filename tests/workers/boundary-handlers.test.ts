import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { createAnalysisHandlers } from '../../src/workers/analysis-handlers.ts';
import { createInThreadPort } from '../../src/workers/protocol.ts';
import { inThreadAnalysis } from '../helpers/app-store.ts';

const FILE = 'public/data/boundaries.topo.json';
/** A worker of its own (its boundaries decoded once, shared by the file), as the app's worker answers. */
const handlers = () => inThreadAnalysis();

/** Tile x/y containing a point at zoom z (Web Mercator). */
function tileAt(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

describe('boundary worker handlers', () => {
  it('loads a summary with the 13 cities and 129 counties and their label points', async () => {
    const summary = await handlers().call('boundaries.load', { url: FILE });
    expect(summary.province).toBe('黑龙江省');
    expect(summary.cities.map((c) => c.name)).toContain('大兴安岭地区');
    expect(summary.counties).toHaveLength(129);
    expect(summary.counties.every((c) => Number.isFinite(c.labelLon) && Number.isFinite(c.labelLat))).toBe(true);
  });

  it('serves a vector tile over Harbin with every boundary layer and county properties', async () => {
    const h = handlers();
    await h.call('boundaries.load', { url: FILE });
    const { x, y } = tileAt(126.65, 45.75, 7);
    const tile = new VectorTile(new Pbf(new Uint8Array(await h.call('boundaries.tile', { z: 7, x, y }))));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['counties', 'cities', 'province']));
    const counties = tile.layers.counties!;
    const names = Array.from({ length: counties.length }, (_, i) => counties.feature(i).properties.name);
    expect(names).toContain('南岗区');
    expect(counties.feature(names.indexOf('南岗区')).properties.cityAdcode).toBe('230100');
    expect(tile.layers.cities!.length).toBeGreaterThan(0);
  });

  it('puts the neighbours and Russia in the overview tiles', async () => {
    const h = handlers();
    await h.call('boundaries.load', { url: FILE });
    const { x, y } = tileAt(128, 48, 3);
    const tile = new VectorTile(new Pbf(new Uint8Array(await h.call('boundaries.tile', { z: 3, x, y }))));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['russia', 'neighbourCities', 'neighbourProvinces', 'counties', 'cities', 'province']));
  });

  it('serves an empty tile far from the data', async () => {
    const h = handlers();
    await h.call('boundaries.load', { url: FILE });
    expect((await h.call('boundaries.tile', { z: 6, x: 0, y: 0 })).byteLength).toBe(0);
  });

  it('describes the county at a point with its geodesic area, and null outside Heilongjiang', async () => {
    const h = handlers();
    await h.call('boundaries.load', { url: FILE });
    const county = await h.call('boundaries.countyAt', { lon: 126.65, lat: 45.75 });
    expect(county).toMatchObject({ name: '南岗区', city: '哈尔滨市', adcode: '230103' });
    expect(county!.areaKm2).toBeGreaterThan(100);
    expect(county!.areaKm2).toBeLessThan(300);
    expect(await h.call('boundaries.countyAt', { lon: 125.32, lat: 43.88 })).toBeNull();
  });

  it('refuses tiles before the data is loaded, with a message that says what to do', async () => {
    const fresh = createInThreadPort(createAnalysisHandlers(async (url) => readFileSync(url, 'utf8')));
    await expect(fresh.call('boundaries.tile', { z: 0, x: 0, y: 0 })).rejects.toThrow('send "boundaries.load" first');
  });

  describe('zone editor messages', () => {
    const square = (lon: number, lat: number, d: number) => ({ type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
    const bowTie = { type: 'Polygon' as const, coordinates: [[[127.3, 45.5], [127.32, 45.52], [127.32, 45.5], [127.3, 45.52], [127.3, 45.5]]] };

    it('validates zones with their city, county and problems, and suggests a repair that validates clean', async () => {
      const h = handlers();
      await h.call('boundaries.load', { url: FILE });
      const zones = [{ name: '蝴蝶结', geometry: bowTie, category: 'Ⅲ' as const }, { name: '南岗', geometry: square(126.64, 45.74, 0.01), category: 'Ⅲ' as const }];
      const reports = await h.call('zones.validate', { zones });
      expect(reports[0]!.problems.map((p) => p.kind)).toEqual(['self_intersection']);
      expect(reports[1]).toMatchObject({ city: '哈尔滨市', county: '南岗区', problems: [] });
      const repair = await h.call('zones.repair', { index: 0, zones, report: reports[0]! });
      expect(repair!.geometry.type).toBe('MultiPolygon');
      const again = await h.call('zones.validate', { zones: [{ name: '蝴蝶结', geometry: repair!.geometry, category: 'Ⅲ' }, zones[1]!] });
      expect(again[0]!.problems).toEqual([]);
      expect(await h.call('zones.repair', { index: 1, zones, report: reports[1]! })).toBeNull();
    });

    it('proposes a zone from the coverage the boiler audit holds, clipped to a county, and names a county it does not know', async () => {
      const h = handlers();
      await h.call('boundaries.load', { url: FILE });
      await expect(h.call('zones.propose', { region: { kind: 'county', adcode: '230103' } })).rejects.toThrow('coverage');
      const inside = square(126.64, 45.74, 0.005);
      const coverage = (polygons: object[]) => new Blob([JSON.stringify({ type: 'FeatureCollection', features: polygons.map((geometry, i) => ({ type: 'Feature', properties: { name: `c${i}` }, geometry })) })]);
      await h.call('boilers.readLayer', { kind: 'coverage', file: coverage([inside, square(130, 47, 0.01)]), fileName: 'coverage.geojson', synthetic: false });
      const proposal = await h.call('zones.propose', { region: { kind: 'county', adcode: '230103' } });
      expect(proposal!.coverageUsed).toBe(1);
      expect(proposal!.geometry.coordinates).toEqual(inside.coordinates);
      await expect(h.call('zones.propose', { region: { kind: 'county', adcode: '999999' } })).rejects.toThrow('999999');
      await h.call('boilers.readLayer', { kind: 'coverage', file: coverage([square(130, 47, 0.01)]), fileName: 'far.geojson', synthetic: false });
      expect(await h.call('zones.propose', { region: { kind: 'city', name: '哈尔滨市' } })).toBeNull();
    });

    it('hands the zones of the last validation to the boiler audit in place, with their categories', async () => {
      const h = handlers();
      await h.call('boundaries.load', { url: FILE });
      await expect(h.call('boilers.useEditorZones', { fileName: '编辑器' })).rejects.toThrow('no zones');
      await h.call('zones.validate', { zones: [{ name: '南岗Ⅲ', geometry: square(126.64, 45.74, 0.01), category: 'Ⅲ' }] });
      const layer = await h.call('boilers.useEditorZones', { fileName: '编辑器' });
      expect(layer).toMatchObject({ kind: 'zones', fileName: '编辑器', areaCount: 1 });
      expect(layer.features.features[0]!.properties).toEqual({ name: '南岗Ⅲ', category: 'Ⅲ' });
      const boiler = { name: '区内燃煤', lon: 126.645, lat: 45.745, capacityTph: 4, capacityMw: null, fuel: '燃煤' as const, use: '供热' as const, status: '在用' as const, builtUp: true, city: null, county: null };
      const { place } = await h.call('boilers.check', { boiler, serviceRadiusM: 1000 });
      expect(place.zones).toEqual([{ name: '南岗Ⅲ', category: 'Ⅲ' }]);
    });

    it('gives the county and city edges that cross a view box, for snapping', async () => {
      const h = handlers();
      await h.call('boundaries.load', { url: FILE });
      const [west, south, east, north] = [126.6, 45.7, 126.7, 45.8];
      const edges = await h.call('boundaries.edges', { west, south, east, north, limit: 100_000 });
      expect(edges.length % 4).toBe(0);
      expect(edges.length / 4).toBeGreaterThan(10);
      for (let i = 0; i < edges.length; i += 4) {
        expect(Math.max(edges[i]!, edges[i + 2]!)).toBeGreaterThanOrEqual(west);
        expect(Math.min(edges[i]!, edges[i + 2]!)).toBeLessThanOrEqual(east);
        expect(Math.max(edges[i + 1]!, edges[i + 3]!)).toBeGreaterThanOrEqual(south);
        expect(Math.min(edges[i + 1]!, edges[i + 3]!)).toBeLessThanOrEqual(north);
      }
      expect((await h.call('boundaries.edges', { west, south, east, north, limit: 5 })).length).toBe(20);
    });
  });
});
