import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import type { BoundaryTopology } from '../../../src/core/geo/boundaries.ts';
import { createLocator, type Locator } from '../../../src/core/geo/create-locator.ts';
import { deriveProvincialBorder, type BorderProperties, type ProvincialBorder } from '../../../src/core/eia/provincial-border.ts';
import { bruteForceNearest, geodesicDistance, geodesicLength } from '../../helpers/brute-force-geodesic.ts';

type Shipped = FeatureCollection<LineString, BorderProperties>;

let shipped: Shipped;
let derived: ProvincialBorder;
let locator: Locator;
let russiaOutline: Position[][];

beforeAll(() => {
  shipped = JSON.parse(readFileSync('public/data/provincial-border.geojson', 'utf8')) as Shipped;
  derived = deriveProvincialBorder(JSON.parse(readFileSync('public/data/boundaries.topo.json', 'utf8')) as BoundaryTopology);
  const boundaries = loadBoundariesFile();
  locator = createLocator(boundaries);
  russiaOutline = boundaries.russia.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));
});

/** Kilometres from a point to the Russian national border (Natural Earth outline, context data only). */
const kmToRussia = (point: Position) => Math.min(...russiaOutline.map((ring) => pointToLineDistance(point, { type: 'LineString', coordinates: ring }, { units: 'kilometers' })));

const linesOf = (border: Shipped, neighbour?: string): Position[][] =>
  border.features.filter((f) => !neighbour || f.properties.neighbor === neighbour).map((f) => f.geometry.coordinates);
const isClosed = (line: Position[]) => line[0]![0] === line.at(-1)![0] && line[0]![1] === line.at(-1)![1];

describe('deriveProvincialBorder and public/data/provincial-border.geojson', () => {
  it('reproduces the shipped file exactly from public/data/boundaries.topo.json', () => {
    expect(derived.features).toEqual(shipped.features);
    expect(derived.features.length).toBe(13);
    // The build bridged one source gap of 185 m and carried 7 untagged segments over to the piece before them.
    expect(derived.repairs).toEqual({ bridgedGaps: 1, bridgedMetres: 185, untaggedSegments: 7 });
  });

  it('borders only 吉林省 and 内蒙古自治区, never Russia, and tags every piece with a city on each side', () => {
    const neighbours = new Set(shipped.features.map((f) => `${f.properties.neighbor} ${f.properties.neighborEn} ${f.properties.neighborAdcode}`));
    expect([...neighbours]).toEqual(['吉林省 Jilin 220000', '内蒙古自治区 Inner Mongolia 150000']);
    for (const { properties } of shipped.features) {
      expect(properties.city, JSON.stringify(properties)).not.toBe('');
      expect(properties.neighborCity, JSON.stringify(properties)).not.toBe('');
      expect(properties.neighborCityAdcode.slice(0, 2)).toBe(properties.neighborAdcode.slice(0, 2));
      expect(properties.cityAdcode.slice(0, 2)).toBe('23');
    }
  });

  it('is 1,648 km long with Jilin and 2,394 km with Inner Mongolia (enclave included), as DATA.md measured (~1,650 / ~2,390)', () => {
    const km = (neighbour: string) => linesOf(shipped, neighbour).reduce((sum, line) => sum + geodesicLength(line), 0) / 1000;
    expect(km('吉林省')).toBeGreaterThan(1648 * 0.99);
    expect(km('吉林省')).toBeLessThan(1648 * 1.01);
    expect(km('内蒙古自治区')).toBeGreaterThan(2394 * 0.99);
    expect(km('内蒙古自治区')).toBeLessThan(2394 * 1.01);
  });

  it('keeps the 加格达奇 enclave as one closed ring, 大兴安岭地区 against 呼伦贝尔市, 8.7 km from 加格达奇 town inside it', () => {
    const closed = shipped.features.filter((f) => isClosed(f.geometry.coordinates));
    expect(closed).toHaveLength(1);
    const enclave = closed[0]!;
    expect(enclave.properties).toMatchObject({ neighbor: '内蒙古自治区', city: '大兴安岭地区', neighborCity: '呼伦贝尔市' });
    const town: [number, number] = [124.12, 50.42];
    expect(locator.where(...town)).toMatchObject({ province: '黑龙江省', county: '加格达奇区' });
    expect(booleanPointInPolygon(town, { type: 'Polygon', coordinates: [enclave.geometry.coordinates] })).toBe(true);
    // The verdict-relevant fact: 加格达奇 town is inside the 20 km consultation zone of the Inner Mongolia border.
    const distance = bruteForceNearest(town, [enclave.geometry.coordinates])!.distance;
    expect(distance).toBeGreaterThan(8_600);
    expect(distance).toBeLessThan(8_800);
    // The enclave is its own island: the rest of the border is far away from it.
    const rest = linesOf(shipped).filter((line) => !isClosed(line));
    expect(bruteForceNearest(enclave.geometry.coordinates[0]!, rest)!.distance).toBeGreaterThan(50_000);
  });

  it('has no gaps: each piece starts where the one before ends, Jilin and Inner Mongolia meet at the tri-junction, and only the enclave closes on itself', () => {
    const open = shipped.features.filter((f) => !isClosed(f.geometry.coordinates));
    const chain = (neighbour: string) => open.filter((f) => f.properties.neighbor === neighbour).map((f) => f.geometry.coordinates);
    for (const neighbour of ['吉林省', '内蒙古自治区']) {
      const pieces = chain(neighbour);
      for (let i = 1; i < pieces.length; i++) expect(pieces[i]![0], `${neighbour} piece ${i}`).toEqual(pieces[i - 1]!.at(-1));
    }
    const jilin = chain('吉林省');
    const innerMongolia = chain('内蒙古自治区');
    // The Inner Mongolia chain ends where the Jilin chain starts: the three provinces meet at 123.172154, 46.247077.
    expect(innerMongolia.at(-1)!.at(-1)).toEqual([123.172154, 46.247077]);
    expect(jilin[0]![0]).toEqual([123.172154, 46.247077]);
    // Its two free ends lie on the Russian border, in the Argun north of 内蒙古 and at 东宁 in the south-east.
    for (const end of [innerMongolia[0]![0]!, jilin.at(-1)!.at(-1)!]) expect(kmToRussia(end), `${end}`).toBeLessThan(6);
    // No segment is longer than the 7 km straight stretches of the source: a jump would show as a long segment.
    for (const line of linesOf(shipped)) for (let i = 1; i < line.length; i++) expect(geodesicDistance(line[i - 1]!, line[i]!)).toBeLessThan(7_500);
  });

  it('is not near the Amur: a 爱辉区 point 2 km from Russia is over 100 km from any piece', () => {
    const amur: [number, number] = [127.5, 49.9];
    expect(locator.where(...amur)).toMatchObject({ province: '黑龙江省', city: '黑河市', county: '爱辉区' });
    expect(kmToRussia(amur)).toBeLessThan(2.5);
    expect(bruteForceNearest(amur, linesOf(shipped))!.distance).toBeGreaterThan(100_000);
  });
});
