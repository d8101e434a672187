import { area as turfArea, booleanPointInPolygon, difference, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import type { Boundaries } from '../../../src/core/geo/boundaries.ts';
import { createLocator, type Locator } from '../../../src/core/geo/create-locator.ts';
import { seededRandom } from '../../../src/core/seeded-random.ts';
import { createZoneValidator, validateZones, type ZoneInput, type ZoneReport } from '../../../src/core/zones/validate-zones.ts';
import { ringsZone as zone, squareRing as square } from '../../helpers/square-around.ts';

let boundaries: Boundaries;
let locator: Locator;
beforeAll(() => {
  boundaries = loadBoundariesFile();
  locator = createLocator(boundaries);
});

const validate = (...zones: ZoneInput[]) => validateZones(zones, boundaries, locator);
const kinds = (report: { problems: { kind: string }[] }) => report.problems.map((p) => p.kind);

describe('validateZones', () => {
  it('reports a clean zone with its geodesic area, city and county, and no problem', () => {
    const [report] = validate(zone('南岗', square(126.63, 45.74, 0.02)));
    expect(report).toMatchObject({ name: '南岗', city: '哈尔滨市', county: '南岗区', problems: [] });
    // 0.02° × 0.02° at 45.75 N: about 2.22 km × 1.55 km.
    expect(report!.areaKm2).toBeGreaterThan(3.4);
    expect(report!.areaKm2).toBeLessThan(3.5);
  });

  it('marks a bow-tie where it crosses itself, and does not judge its overlaps', () => {
    const bowTie = zone('蝴蝶结', [[126.63, 45.74], [126.65, 45.76], [126.65, 45.74], [126.63, 45.76], [126.63, 45.74]]);
    const [report] = validate(bowTie, zone('旁边', square(126.63, 45.74, 0.02)));
    expect(kinds(report!)).toEqual(['self_intersection']);
    expect(report!.problems[0]!.where).toEqual([126.64, 45.75]);
  });

  it('reports two overlapping zones on both, with the area and a point inside the overlap', () => {
    const [a, b, c] = validate(zone('甲', square(126.6, 45.72, 0.04)), zone('乙', square(126.62, 45.74, 0.04)), zone('丙', square(126.7, 45.72, 0.01)));
    expect(kinds(a!)).toEqual(['overlap']);
    expect(a!.problems[0]).toMatchObject({ other: 1 });
    expect(b!.problems[0]).toMatchObject({ kind: 'overlap', other: 0 });
    const [x, y] = a!.problems[0]!.where;
    expect(x).toBeGreaterThan(126.62);
    expect(x).toBeLessThan(126.64);
    expect(y).toBeGreaterThan(45.74);
    expect(y).toBeLessThan(45.76);
    // 0.02° × 0.02°, a quarter of each zone.
    expect(a!.problems[0]!.areaKm2).toBeCloseTo(a!.areaKm2 / 4, 1);
    expect(c!.problems).toEqual([]);
  });

  it('reports the part of a zone that lies outside its city', () => {
    const harbin = boundaries.cities.features.find((f) => f.properties.name === '哈尔滨市')!;
    const ring = (harbin.geometry.type === 'Polygon' ? harbin.geometry.coordinates[0] : harbin.geometry.coordinates[0]![0])!;
    // A vertex on the city outline: a square centred there is half in, half out (and the bigger side decides the city).
    const [vx, vy] = ring[Math.floor(ring.length / 3)]!;
    const [report] = validate(zone('跨界', square(vx! - 0.02, vy! - 0.02, 0.04)));
    expect(kinds(report!)).toContain('outside_city');
    const outside = report!.problems.find((p) => p.kind === 'outside_city')!;
    expect(outside.areaKm2).toBeGreaterThan(1);
    expect(locator.where(...outside.where).city).not.toBe(report!.city);
  });

  it('finds a sliver: a zone 10 m wide', () => {
    const thin = zone('窄条', [[126.63, 45.74], [126.66, 45.74], [126.66, 45.74009], [126.63, 45.74009], [126.63, 45.74]]);
    const [report] = validate(thin);
    expect(kinds(report!)).toEqual(['sliver']);
    expect(report!.problems[0]!.message).toMatch(/mean width of (9\.\d|10\.0) m/);
  });

  it('tells holes outside the outline, crossing it, or overlapping each other from holes that only touch', () => {
    const shell = square(126.6, 45.7, 0.1);
    const [outside] = validate(zone('洞在外', shell, square(126.8, 45.7, 0.01)));
    expect(kinds(outside!)).toEqual(['invalid_ring']);
    expect(outside!.problems[0]!.message).toBe('hole 1 lies outside the outline');
    const [crossing] = validate(zone('洞跨界', shell, square(126.69, 45.72, 0.02)));
    expect(crossing!.problems[0]).toMatchObject({ kind: 'invalid_ring', message: 'hole 1 crosses the outline', where: [126.7, 45.72] });
    const [overlapping] = validate(zone('洞重叠', shell, square(126.62, 45.72, 0.03), square(126.64, 45.74, 0.03)));
    expect(overlapping!.problems.map((p) => p.message)).toEqual(['holes 1 and 2 overlap']);
    // Two holes sharing one corner, and a hole touching the outline at a vertex: valid.
    const touching = zone('洞相切', shell, square(126.62, 45.72, 0.02), square(126.64, 45.74, 0.02), [[126.6, 45.75], [126.63, 45.76], [126.63, 45.74], [126.6, 45.75]]);
    expect(validate(touching)[0]!.problems).toEqual([]);
  });
});

/** The outer ring of a shipped city's first part. */
const cityRing = (name: string): Position[] => {
  const city = boundaries.cities.features.find((f) => f.properties.name === name)!;
  return (city.geometry.type === 'Polygon' ? city.geometry.coordinates[0] : city.geometry.coordinates[0]![0])!;
};

/** A star-shaped ring (never crossing itself) of `count` vertices around a centre, radius in degrees of latitude. */
function starRing(random: () => number, [lon, lat]: Position, radius: number, count: number): Position[] {
  const start = random() * 2 * Math.PI;
  const ring: Position[] = [];
  for (let i = 0; i < count; i++) {
    const angle = start + ((i + 0.8 * random()) / count) * 2 * Math.PI;
    const r = radius * (0.4 + 0.6 * random());
    ring.push([lon! + (r * Math.cos(angle)) / Math.cos((lat! * Math.PI) / 180), lat! + r * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

const km2 = (m2: number) => Math.round(m2 / 1e4) / 100;

/**
 * The slow path, written out: the zone minus its whole city outline with Turf, and what the report must then say
 * about the part outside (nothing below the 1,000 m² tolerance; otherwise its area, message and a point inside it).
 */
function expectOutsideAsTurf(zone: ZoneInput, report: ZoneReport) {
  const city = boundaries.cities.features.find((f) => f.properties.name === report.city)!;
  const zoneFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: zone.geometry };
  const outside = difference(featureCollection([zoneFeature, city as Feature<Polygon | MultiPolygon>]));
  const m2 = outside ? turfArea(outside) : 0;
  const problem = report.problems.find((p) => p.kind === 'outside_city');
  if (m2 < 1000) {
    expect(problem).toBeUndefined();
    return false;
  }
  expect(problem).toMatchObject({ areaKm2: km2(m2), message: `${km2(m2)} km² lie outside ${report.city}` });
  expect(booleanPointInPolygon(problem!.where, outside!)).toBe(true);
  return true;
}

describe('validateZones, fast paths', () => {
  it('agrees with a Turf difference against the whole city for seeded zones inside and across the 哈尔滨 line', () => {
    const random = seededRandom(2023_13);
    const ring = cityRing('哈尔滨市');
    const zones: ZoneInput[] = [];
    for (let i = 0; i < 8; i++) {
      // Centred on an outline vertex: crosses the line; centred on 南岗: well inside.
      const centre = i % 2 === 0 ? ring[Math.floor(random() * (ring.length - 1))]! : [126.6 + 0.1 * random(), 45.7 + 0.08 * random()];
      zones.push(zone(`星${i}`, starRing(random, centre, 0.01 + 0.03 * random(), 8 + Math.floor(random() * 120))));
    }
    const reports = validateZones(zones, boundaries, locator);
    const outside = reports.map((report, i) => expectOutsideAsTurf(zones[i]!, report));
    expect(outside.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(outside.filter((x) => !x).length).toBeGreaterThanOrEqual(4);
  });

  it('validates a 200-vertex zone well inside its city in a few milliseconds, without clipping it', () => {
    const inside = zone('南岗星', starRing(seededRandom(7), [126.65, 45.75], 0.03, 200));
    validate(inside);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      expect(validate(inside)[0]!.problems).toEqual([]);
      times.push(performance.now() - started);
    }
    // A clip against the whole 哈尔滨 outline takes about 300 ms; the shortcut about 1 ms (slack for slow machines).
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(50);
  });

  it('agrees with Turf for zones drawn exactly along the line 哈尔滨 shares with 绥化, on either side', () => {
    const harbin = cityRing('哈尔滨市');
    const suihua = new Set(cityRing('绥化市').map((p) => `${p[0]},${p[1]}`));
    // Twenty consecutive vertices on both outlines, from the middle of the shared stretch (away from other cities).
    const starts = harbin.flatMap((_, i) => (harbin.slice(i, i + 20).length === 20 && harbin.slice(i, i + 20).every((p) => suihua.has(`${p[0]},${p[1]}`)) ? [i] : []));
    expect(starts.length).toBeGreaterThan(100);
    const start = starts[Math.floor(starts.length / 2)]!;
    const line = harbin.slice(start, start + 20);
    const [first, last] = [line[0]!, line[line.length - 1]!];
    const [nx, ny] = [-(last[1]! - first[1]!), last[0]! - first[0]!];
    const cities = new Set<string | null>();
    for (const side of [0.3, -0.3]) {
      const along = zone(`沿线${side}`, [...line, [last[0]! + side * nx, last[1]! + side * ny], [first[0]! + side * nx, first[1]! + side * ny], first]);
      const [report] = validate(along);
      cities.add(report!.city);
      expectOutsideAsTurf(along, report!);
    }
    // One side in each city: the zone's edge is the city line itself.
    expect(cities).toEqual(new Set(['哈尔滨市', '绥化市']));
  });

  it('finds a city enclave inside a zone even though no zone edge meets the city outline', () => {
    const ring = (west: number, south: number, size: number): Position[] => square(west, south, size);
    const area = (rings: Position[][]): FeatureCollection<Polygon>['features'][number]['geometry'] => ({ type: 'Polygon', coordinates: rings });
    // A city 1° square with a 0.1° hole (an enclave of nowhere), one county covering it, in one province.
    const cityShape = area([ring(126, 45, 1), ring(126.45, 45.45, 0.1).reverse()]);
    const made = {
      counties: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { adcode: '239901', name: '甲县', cityAdcode: '239900', city: '甲市', labelLon: 126.2, labelLat: 45.2 }, geometry: cityShape }] },
      cities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { adcode: '239900', name: '甲市', nameEn: 'Jia', labelLon: 126.2, labelLat: 45.2 }, geometry: cityShape }] },
      province: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { adcode: '230000', name: '黑龙江省', nameEn: 'Heilongjiang' }, geometry: area([ring(125, 44, 3)]) }] },
      neighbourCities: { type: 'FeatureCollection', features: [] },
      neighbourProvinces: { type: 'FeatureCollection', features: [] },
      russia: { type: 'FeatureCollection', features: [] },
    } as unknown as Boundaries;
    const madeLocator = createLocator(made);
    // Wider east of the enclave, so the point that names its city and county is not in the enclave.
    const aroundEnclave = zone('围住飞地', [[126.42, 45.4], [126.8, 45.4], [126.8, 45.6], [126.42, 45.6], [126.42, 45.4]]);
    const [around, beside] = validateZones([aroundEnclave, zone('飞地旁', ring(126.1, 45.1, 0.2))], made, madeLocator);
    expect(around).toMatchObject({ city: '甲市', county: '甲县' });
    expect(kinds(around!)).toEqual(['outside_city']);
    // The enclave: 0.1° × 0.1° at 45.5 N, about 87 km².
    expect(around!.problems[0]!.areaKm2).toBeGreaterThan(80);
    expect(around!.problems[0]!.areaKm2).toBeLessThan(90);
    expect(beside!.problems).toEqual([]);
  });

  it('does not report zones whose boxes meet but whose areas do not, nor zones sharing only an edge', () => {
    const ell = zone('L形', [[126.6, 45.7], [126.7, 45.7], [126.7, 45.72], [126.62, 45.72], [126.62, 45.8], [126.6, 45.8], [126.6, 45.7]]);
    const inTheCorner = zone('角内', square(126.64, 45.74, 0.03));
    const sharingAnEdge = zone('共边', square(126.7, 45.7, 0.02));
    expect(validate(ell, inTheCorner, sharingAnEdge).map((r) => r.problems)).toEqual([[], [], []]);
  });

  it("lists a zone's overlaps by the other zone's index", () => {
    const big = zone('大', square(126.6, 45.7, 0.1));
    const reports = validate(zone('右', square(126.68, 45.72, 0.04)), big, zone('左', square(126.58, 45.72, 0.04)), zone('上', square(126.64, 45.78, 0.04)));
    expect(reports[1]!.problems.map((p) => p.other)).toEqual([0, 2, 3]);
    expect(reports[3]!.problems.map((p) => p.other)).toEqual([1]);
  });
});

describe('createZoneValidator', () => {
  /** The worker's view of a zone set: fresh copies on every message, so no object is ever the same twice. */
  const message = (zones: ReadonlyArray<ZoneInput>) => structuredClone(zones) as ZoneInput[];
  const outerRing = (z: ZoneInput) => (z.geometry as Polygon).coordinates[0]!;

  /** 30 zones in and around 哈尔滨: every fifth across the city line, every fifth overlapping the zone before. */
  function seededZoneSet(random: () => number, ring: Position[], count: number): ZoneInput[] {
    const zones: ZoneInput[] = [];
    for (let i = 0; i < count; i++) zones.push(newZone(random, ring, zones, `区${i}`));
    return zones;
  }
  function newZone(random: () => number, ring: Position[], zones: ReadonlyArray<ZoneInput>, name: string): ZoneInput {
    const kind = Math.floor(random() * 5);
    let centre: Position;
    if (kind === 0) centre = ring[Math.floor(random() * (ring.length - 1))]!;
    else if (kind === 1 && zones.length > 0) {
      const [lon, lat] = outerRing(zones[Math.floor(random() * zones.length)]!)[0]!;
      centre = [lon! + (random() - 0.5) * 0.01, lat! + (random() - 0.5) * 0.01];
    } else centre = [126.55 + 0.2 * random(), 45.68 + 0.14 * random()];
    return zone(name, starRing(random, centre, 0.005 + 0.015 * random(), 6 + Math.floor(random() * 30)));
  }

  it('gives the reports of a fresh validateZones after every one of a seeded run of edits', () => {
    const random = seededRandom(2023_19);
    const ring = cityRing('哈尔滨市');
    let zones = seededZoneSet(random, ring, 30);
    const validator = createZoneValidator(boundaries, locator);
    const STEPS = 30;
    const done = new Set<string>();
    const seen = { outside: 0, overlap: 0, invalid: 0 };
    for (let step = 0; step < STEPS; step++) {
      const edit = step < 6 ? ['move', 'rename', 'reorder', 'delete', 'add', 'duplicate'][step]! : ['move', 'move', 'rename', 'reorder', 'delete', 'add', 'duplicate'][Math.floor(random() * 7)]!;
      const pick = Math.floor(random() * zones.length);
      if (edit === 'move') {
        // A vertex moved up to 0.01°: sometimes enough to make the ring cross itself or reach a neighbour.
        const old = outerRing(zones[pick]!);
        const v = Math.floor(random() * (old.length - 1));
        const moved = old.map((p) => [...p]);
        moved[v] = [old[v]![0]! + (random() - 0.5) * 0.02, old[v]![1]! + (random() - 0.5) * 0.02];
        if (v === 0) moved[moved.length - 1] = moved[0]!;
        zones = zones.with(pick, zone(zones[pick]!.name, moved));
      } else if (edit === 'rename') zones = zones.with(pick, { ...zones[pick]!, name: `${zones[pick]!.name}改` });
      else if (edit === 'reorder') zones = zones.map((z, i) => ({ z, key: random() + (i === pick ? 1 : 0) })).sort((a, b) => a.key - b.key).map(({ z }) => z);
      else if (edit === 'delete' && zones.length > 2) zones = zones.toSpliced(pick, 1);
      else if (edit === 'add') zones = zones.toSpliced(pick, 0, newZone(random, ring, zones, `新${step}`));
      else if (edit === 'duplicate') zones = [...zones, { name: `${zones[pick]!.name}副本`, geometry: structuredClone(zones[pick]!.geometry) }];
      done.add(edit);
      const reports = validator.validate(message(zones));
      expect(reports, `step ${step}: ${edit}`).toEqual(validateZones(message(zones), boundaries, locator));
      const has = (kind: string) => reports.some((r) => r.problems.some((p) => p.kind === kind));
      seen.outside += Number(has('outside_city'));
      seen.overlap += Number(has('overlap'));
      seen.invalid += Number(has('self_intersection'));
    }
    expect(done).toEqual(new Set(['move', 'rename', 'reorder', 'delete', 'add', 'duplicate']));
    // The run covered what matters: zones across the city line and overlapping zones at every step, crossed rings too.
    expect(seen).toMatchObject({ outside: STEPS, overlap: STEPS });
    expect(seen.invalid).toBeGreaterThan(0);
  });

  it('after one zone is edited, asks the locator about that zone only', () => {
    const random = seededRandom(7);
    const zones = seededZoneSet(random, cityRing('哈尔滨市'), 30);
    let asked = 0;
    const counting: Locator = { ...locator, where: (lon, lat) => (asked++, locator.where(lon, lat)) };
    const validator = createZoneValidator(boundaries, counting);
    validator.validate(message(zones));
    expect(asked).toBeGreaterThanOrEqual(30);
    asked = 0;
    expect(validator.validate(message(zones))).toEqual(validateZones(zones, boundaries, locator));
    expect(asked).toBe(0);
    const moved = outerRing(zones[12]!).map(([lon, lat]) => [lon! + 0.001, lat!]);
    const edited = zones.with(12, zone(zones[12]!.name, moved));
    expect(validator.validate(message(edited))).toEqual(validateZones(edited, boundaries, locator));
    // Once for its point inside; a second time only when most of it lies outside that city.
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(asked).toBeLessThanOrEqual(2);
  });

  it("names a renamed zone in its partners' overlap messages, its geometry unchanged", () => {
    const validator = createZoneValidator(boundaries, locator);
    const [a, b, c] = [zone('甲', square(126.6, 45.72, 0.04)), zone('乙', square(126.62, 45.74, 0.04)), zone('丙', square(126.58, 45.7, 0.03))];
    const before = validator.validate(message([a, b, c]));
    expect(before[0]!.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^overlaps "乙" by /), expect.stringMatching(/^overlaps "丙" by /)]);
    const after = validator.validate(message([a, { ...b, name: '乙（改名）' }, c]));
    expect(after[0]!.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^overlaps "乙（改名）" by /), expect.stringMatching(/^overlaps "丙" by /)]);
    expect(after[1]!.name).toBe('乙（改名）');
    expect(after[2]!.problems[0]!.message).toBe(before[2]!.problems[0]!.message);
    expect(after).toEqual(validateZones([a, { ...b, name: '乙（改名）' }, c], boundaries, locator));
  });

  it('gives overlaps the other zones\' new positions after a reorder', () => {
    const validator = createZoneValidator(boundaries, locator);
    const big = zone('大', square(126.6, 45.7, 0.1));
    const [right, left, top] = [zone('右', square(126.68, 45.72, 0.04)), zone('左', square(126.58, 45.72, 0.04)), zone('上', square(126.64, 45.78, 0.04))];
    expect(validator.validate(message([right, big, left, top]))[1]!.problems.map((p) => p.other)).toEqual([0, 2, 3]);
    const reordered = validator.validate(message([top, left, right, big]));
    expect(reordered.map((r) => r.problems.map((p) => [p.other, p.message.match(/"(.+)"/)![1]]))).toEqual([
      [[3, '大']],
      [[3, '大']],
      [[3, '大']],
      [[0, '上'], [1, '左'], [2, '右']],
    ]);
    expect(reordered).toEqual(validateZones([top, left, right, big], boundaries, locator));
  });

  it('keeps its cache apart from the reports it hands out', () => {
    const validator = createZoneValidator(boundaries, locator);
    const zones = [zone('甲', square(126.6, 45.72, 0.04)), zone('乙', square(126.62, 45.74, 0.04))];
    const first = validator.validate(zones);
    first[0]!.problems[0]!.where[0] = 0;
    first[0]!.problems.length = 0;
    expect(validator.validate(zones)).toEqual(validateZones(zones, boundaries, locator));
  });
});
