import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundariesFile } from '../../../src/io/node/load-boundaries-file.ts';
import { createLocator, type Locator } from '../../../src/core/geo/create-locator.ts';
import { consultationDistanceKm } from '../../../src/core/rules.ts';
import { createBorderIndex, eiaVerdict, SiteGeometryError, validateSitePolygon, type BorderIndex, type EiaOptions, type EiaSite } from '../../../src/core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../../../src/core/eia/provincial-border.ts';
import type { RuleBook } from '../../../src/core/rules.ts';
import { bruteForceNearest, bruteForceOutlineDistance, geodesicAzimuths, geodesicDestination, geodesicDistance } from '../../helpers/brute-force-geodesic.ts';

/** The verdict's distance and the brute-force GeographicLib reference agree to this many metres. */
const AGREEMENT_M = 0.01;
/** Where Heilongjiang, Jilin and Inner Mongolia meet (the shared end of the two neighbours' lines). */
const TRI_JUNCTION: [number, number] = [123.172154, 46.247077];

let border: ProvincialBorder;
let lines: Position[][];
let borderIndex: BorderIndex;
let locator: Locator;
let thresholdKm: number;

beforeAll(() => {
  border = JSON.parse(readFileSync('public/data/provincial-border.geojson', 'utf8')) as ProvincialBorder;
  lines = border.features.map((f) => f.geometry.coordinates);
  borderIndex = createBorderIndex(border);
  locator = createLocator(loadBoundariesFile());
  thresholdKm = consultationDistanceKm(JSON.parse(readFileSync('seeds/rules.json', 'utf8')) as RuleBook);
});

const options = (extra: Partial<EiaOptions> = {}): EiaOptions => ({ thresholdKm, ...extra });
const pointSite = ([lon, lat]: Position): EiaSite => ({ kind: 'point', lon: lon!, lat: lat! });
const polygonSite = (geometry: Polygon | MultiPolygon): EiaSite => ({ kind: 'polygon', geometry });

/**
 * The azimuth, at a border vertex, perpendicular to the border and pointing into `province`: the local
 * border azimuth is the mean of the incoming and outgoing segments' azimuths at the vertex.
 */
function perpendicularInto(vertex: [number, number], province: string): number {
  const line = lines.find((l) => l.some((p, i) => i > 0 && i < l.length - 1 && p[0] === vertex[0] && p[1] === vertex[1]));
  if (!line) throw new Error(`${vertex} is not an inner vertex of the shipped border`);
  const i = line.findIndex((p) => p[0] === vertex[0] && p[1] === vertex[1]);
  const incoming = geodesicAzimuths(line[i - 1]!, vertex).atEnd;
  const outgoing = geodesicAzimuths(vertex, line[i + 1]!).atStart;
  const along = incoming + ((((outgoing - incoming + 540) % 360) - 180) / 2);
  const sides = [along + 90, along - 90].filter((azimuth) => locator.where(...geodesicDestination(vertex, azimuth, 2_000)).province === province);
  if (sides.length !== 1) throw new Error(`exactly one side of ${vertex} should be in ${province}`);
  return sides[0]!;
}

/** A closed square ring of side `metres` whose near edge is centred `distance` metres from `from` along `azimuth`. */
function squareAt(from: Position, azimuth: number, distance: number, metres: number): Position[] {
  const edge = (at: number) => {
    const centre = geodesicDestination(from, azimuth, at);
    const heading = geodesicAzimuths(from, centre).atEnd;
    return [geodesicDestination(centre, heading + 90, metres / 2), geodesicDestination(centre, heading - 90, metres / 2)] as const;
  };
  const [a, b] = edge(distance);
  const [d, c] = edge(distance + metres);
  return [a, b, c, d, a];
}

/** The error a function throws (fails the test when it throws nothing). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('consultationDistanceKm', () => {
  it('reads the 20 km of clause 二十七 from seeds/rules.json', () => {
    expect(thresholdKm).toBe(20);
  });
});

describe('eiaVerdict for point sites at known distances from a straight stretch of the border', () => {
  const stretches = [
    { border: '吉林省', side: '吉林省', vertex: [124.009093, 45.747956], piece: { city: '大庆市', neighborCity: '白城市' }, place: { city: '白城市', county: null } },
    { border: '吉林省', side: '黑龙江省', vertex: [124.033345, 46.02922], piece: { city: '大庆市', neighborCity: '白城市' }, place: { city: '大庆市', county: '杜尔伯特蒙古族自治县' } },
    { border: '内蒙古自治区', side: '内蒙古自治区', vertex: [121.175112, 52.598163], piece: { city: '大兴安岭地区', neighborCity: '呼伦贝尔市' }, place: { city: '呼伦贝尔市', county: null } },
    { border: '内蒙古自治区', side: '黑龙江省', vertex: [122.783854, 52.24474], piece: { city: '大兴安岭地区', neighborCity: '呼伦贝尔市' }, place: { city: '大兴安岭地区', county: '呼玛县' } },
  ] as const;

  for (const stretch of stretches) {
    it(`a site on the ${stretch.side} side of the 黑龙江省–${stretch.border} border is inside at 5 and 19.9 km, outside at 20.1 and 50 km, and consults ${stretch.side === '黑龙江省' ? stretch.border : '黑龙江省'}`, () => {
      const vertex = stretch.vertex as [number, number];
      const azimuth = perpendicularInto(vertex, stretch.side);
      const consult = stretch.side === '黑龙江省' ? stretch.border : '黑龙江省';
      for (const metres of [5_000, 19_900, 20_100, 50_000]) {
        const site = geodesicDestination(vertex, azimuth, metres);
        const verdict = eiaVerdict(pointSite(site), borderIndex, locator, options());
        const reference = bruteForceNearest(site, lines)!;
        const label = `${metres} m into ${stretch.side}`;
        expect(Math.abs(verdict.distanceM - reference.distance), label).toBeLessThanOrEqual(AGREEMENT_M);
        expect(verdict.withinConsultationZone, label).toBe(metres <= 20_000);
        expect(verdict.thresholdM).toBe(20_000);
        expect(verdict.neighborProvinces, label).toEqual(metres <= 20_000 ? [stretch.border] : []);
        expect(verdict.consultProvinces, label).toEqual(metres <= 20_000 ? [consult] : []);
        expect(verdict.province, label).toBe(stretch.side);
        const { province, city, county, adcode } = verdict;
        expect({ province, city, county, adcode }, label).toEqual(locator.where(...site));
        expect(Math.abs(geodesicDistance(verdict.nearestBorderPoint, verdict.nearestSitePoint) - verdict.distanceM)).toBeLessThan(1e-6);
        expect(verdict.nearestSitePoint).toEqual(site);
        if (metres < 50_000) {
          // The stretch is straight: the perpendicular foot is the vertex, and the distance is the offset.
          expect(Math.abs(verdict.distanceM - metres), label).toBeLessThanOrEqual(AGREEMENT_M);
          expect(geodesicDistance(verdict.nearestBorderPoint, vertex)).toBeLessThan(1e-3);
          expect(verdict.nearestPiece).toMatchObject({ neighbor: stretch.border, ...stretch.piece });
          expect(verdict).toMatchObject(stretch.place);
        }
        expect(verdict.byNeighbor.find((n) => n.neighbor === stretch.border)!.distanceM).toBe(verdict.distanceM);
        expect(verdict.downwind).toBeNull();
      }
    });
  }

  it('reports the other neighbour only within the threshold: 5 km from Jilin, Inner Mongolia is beyond 20 km and not given', () => {
    const site = geodesicDestination([124.033345, 46.02922], perpendicularInto([124.033345, 46.02922], '黑龙江省'), 5_000);
    const verdict = eiaVerdict(pointSite(site), borderIndex, locator, options());
    const innerMongolia = (line: number) => border.features[line]!.properties.neighbor === '内蒙古自治区';
    expect(bruteForceNearest(site, lines, innerMongolia)!.distance).toBeGreaterThan(20_000);
    expect(verdict.byNeighbor).toEqual([
      { neighbor: '吉林省', distanceM: verdict.distanceM, borderPoint: verdict.nearestBorderPoint },
      { neighbor: '内蒙古自治区', distanceM: null, borderPoint: null },
    ]);
    expect(verdict.neighborProvinces).toEqual(['吉林省']);
  });
});

describe('eiaVerdict where both neighbours or the enclave are in range', () => {
  it('lists both 吉林省 and 内蒙古自治区 for a 泰来县 site 8 km north of the tri-junction', () => {
    const site = geodesicDestination(TRI_JUNCTION, 0, 8_000);
    const verdict = eiaVerdict(pointSite(site), borderIndex, locator, options());
    expect(verdict).toMatchObject({ province: '黑龙江省', city: '齐齐哈尔市', county: '泰来县', withinConsultationZone: true });
    expect(verdict.neighborProvinces).toEqual(['吉林省', '内蒙古自治区']);
    expect(verdict.consultProvinces).toEqual(['吉林省', '内蒙古自治区']);
    for (const { neighbor, distanceM, borderPoint } of verdict.byNeighbor) {
      const reference = bruteForceNearest(site, lines, (line) => border.features[line]!.properties.neighbor === neighbor)!;
      expect(Math.abs(distanceM! - reference.distance), neighbor).toBeLessThanOrEqual(AGREEMENT_M);
      expect(distanceM, neighbor).toBeLessThan(8_000);
      expect(Math.abs(geodesicDistance(site, borderPoint!) - distanceM!), neighbor).toBeLessThan(1e-6);
    }
    expect(verdict.distanceM).toBe(Math.min(...verdict.byNeighbor.map((n) => n.distanceM!)));
  });

  it('puts 加格达奇 town, in Heilongjiang but surrounded by Inner Mongolia, 8.7 km from the enclave border', () => {
    const town: [number, number] = [124.12, 50.42];
    const verdict = eiaVerdict(pointSite(town), borderIndex, locator, options());
    const reference = bruteForceNearest(town, lines)!;
    expect(Math.abs(verdict.distanceM - reference.distance)).toBeLessThanOrEqual(AGREEMENT_M);
    expect(verdict).toMatchObject({ province: '黑龙江省', city: '大兴安岭地区', county: '加格达奇区', withinConsultationZone: true });
    expect(verdict.nearestPiece).toMatchObject({ neighbor: '内蒙古自治区', city: '大兴安岭地区', neighborCity: '呼伦贝尔市' });
    expect(verdict.consultProvinces).toEqual(['内蒙古自治区']);
  });
});

describe('eiaVerdict for polygon sites', () => {
  const straightVertex: [number, number] = [124.033345, 46.02922];

  it('measures a 1 km square 10 km inside Heilongjiang to its nearest edge, as brute force over its vertices and edges does', () => {
    const ring = squareAt(straightVertex, perpendicularInto(straightVertex, '黑龙江省'), 10_000, 1_000);
    const verdict = eiaVerdict(polygonSite({ type: 'Polygon', coordinates: [ring] }), borderIndex, locator, options());
    const reference = bruteForceOutlineDistance([ring], lines);
    expect(Math.abs(verdict.distanceM - reference)).toBeLessThanOrEqual(AGREEMENT_M);
    expect(Math.abs(verdict.distanceM - 10_000)).toBeLessThan(50);
    expect(verdict).toMatchObject({ withinConsultationZone: true, province: '黑龙江省', city: '大庆市', county: '杜尔伯特蒙古族自治县' });
    expect(verdict.neighborProvinces).toEqual(['吉林省']);
    expect(verdict.consultProvinces).toEqual(['吉林省']);
    expect(Math.abs(geodesicDistance(verdict.nearestBorderPoint, verdict.nearestSitePoint) - verdict.distanceM)).toBeLessThan(1e-6);
  });

  it('measures a MultiPolygon to its nearest part', () => {
    const azimuth = perpendicularInto(straightVertex, '黑龙江省');
    const near = squareAt(straightVertex, azimuth, 10_000, 1_000);
    const far = squareAt(straightVertex, azimuth, 60_000, 1_000);
    const both = eiaVerdict(polygonSite({ type: 'MultiPolygon', coordinates: [[far], [near]] }), borderIndex, locator, options());
    const nearOnly = eiaVerdict(polygonSite({ type: 'Polygon', coordinates: [near] }), borderIndex, locator, options());
    expect(both.distanceM).toBe(nearOnly.distanceM);
    expect(both.withinConsultationZone).toBe(true);
  });

  it('gives distance 0, inside the zone, for a site that straddles the Jilin border', () => {
    const vertex: [number, number] = [124.009093, 45.747956];
    const ring = [45, 135, 225, 315, 45].map((azimuth) => geodesicDestination(vertex, azimuth, 2_000));
    const verdict = eiaVerdict(polygonSite({ type: 'Polygon', coordinates: [ring] }), borderIndex, locator, options());
    expect(verdict.distanceM).toBe(0);
    expect(verdict.withinConsultationZone).toBe(true);
    expect(verdict.neighborProvinces).toEqual(['吉林省']);
    expect(verdict.nearestPiece).toMatchObject({ neighbor: '吉林省', city: '大庆市', neighborCity: '白城市' });
  });

  it('measures a ring-shaped site around the 加格达奇 enclave to its hole, not 0 for the border inside the hole', () => {
    const enclave = lines.find((l) => l[0]![0] === l.at(-1)![0] && l[0]![1] === l.at(-1)![1])!;
    const lons = enclave.map((p) => p[0]!);
    const lats = enclave.map((p) => p[1]!);
    const [west, south, east, north] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    const box = (lon: number, lat: number): Position[] => [[west - lon, south - lat], [east + lon, south - lat], [east + lon, north + lat], [west - lon, north + lat], [west - lon, south - lat]];
    // About 10 km and 3 km clear of the enclave's extent at 50.4°N.
    const outer = box(0.14, 0.09);
    const hole = box(0.042, 0.027).reverse();
    const verdict = eiaVerdict(polygonSite({ type: 'Polygon', coordinates: [outer, hole] }), borderIndex, locator, options());
    const reference = bruteForceOutlineDistance([outer, hole], lines);
    expect(Math.abs(verdict.distanceM - reference)).toBeLessThanOrEqual(AGREEMENT_M);
    expect(verdict.distanceM).toBeGreaterThan(2_500);
    expect(verdict.distanceM).toBeLessThan(3_500);
    // The vertex average falls in the hole (the enclave, Heilongjiang): the site is located by a point of its own area.
    expect(verdict).toMatchObject({ withinConsultationZone: true, province: '内蒙古自治区', city: '呼伦贝尔市' });
    expect(verdict.neighborProvinces).toEqual(['内蒙古自治区']);
    expect(verdict.consultProvinces).toEqual(['黑龙江省']);
    const [lon, lat] = verdict.nearestBorderPoint;
    expect(lon >= west && lon <= east && lat >= south && lat <= north).toBe(true);
  });
});

describe('validateSitePolygon', () => {
  const square: Position[] = [
    [126, 46],
    [126.1, 46],
    [126.1, 46.1],
    [126, 46.1],
    [126, 46],
  ];

  it('accepts a plain square and a square with a hole', () => {
    expect(() => validateSitePolygon({ type: 'Polygon', coordinates: [square] })).not.toThrow();
    const hole: Position[] = [
      [126.02, 46.02],
      [126.02, 46.08],
      [126.08, 46.08],
      [126.08, 46.02],
      [126.02, 46.02],
    ];
    expect(() => validateSitePolygon({ type: 'Polygon', coordinates: [square, hole] })).not.toThrow();
  });

  it('rejects a bow-tie, naming where it crosses itself, and eiaVerdict refuses to judge it', () => {
    const bowTie: Position[] = [
      [126, 46],
      [126.1, 46.1],
      [126.1, 46],
      [126, 46.1],
      [126, 46],
    ];
    const geometry: Polygon = { type: 'Polygon', coordinates: [bowTie] };
    expect(() => validateSitePolygon(geometry)).toThrow(SiteGeometryError);
    expect(() => validateSitePolygon(geometry)).toThrow(/outer ring crosses itself at 126\.050000, 46\.050000/);
    const { where } = thrownBy(() => validateSitePolygon(geometry)) as SiteGeometryError;
    expect(where![0]).toBeCloseTo(126.05, 9);
    expect(where![1]).toBeCloseTo(46.05, 9);
    expect(() => eiaVerdict(polygonSite(geometry), borderIndex, locator, options())).toThrow(/crosses itself/);
  });

  it('names the part of a MultiPolygon that crosses itself', () => {
    const bowTie: Position[] = [
      [127, 46],
      [127.1, 46.1],
      [127.1, 46],
      [127, 46.1],
      [127, 46],
    ];
    expect(() => validateSitePolygon({ type: 'MultiPolygon', coordinates: [[square], [bowTie]] })).toThrow(/part 2, outer ring crosses itself/);
  });

  it('accepts repeated consecutive positions, which are valid GeoJSON, instead of calling them a crossing', () => {
    const repeated: Position[] = [[126, 46], [126.1, 46], [126.1, 46], [126.1, 46.1], [126, 46.1], [126, 46], [126, 46]];
    expect(() => validateSitePolygon({ type: 'Polygon', coordinates: [repeated] })).not.toThrow();
  });

  it('rejects an unclosed ring, a ring of three positions and a coordinate out of range', () => {
    expect(() => validateSitePolygon({ type: 'Polygon', coordinates: [square.slice(0, -1)] })).toThrow(/not closed/);
    expect(() => validateSitePolygon({ type: 'Polygon', coordinates: [[square[0]!, square[1]!, square[0]!]] })).toThrow(/3 positions, a ring needs at least 4/);
    const swapped = square.map(([lon, lat]) => [lat!, lon!]);
    expect(() => validateSitePolygon({ type: 'Polygon', coordinates: [swapped] })).toThrow(/coordinate 46, 126 is out of range/);
    expect(() => eiaVerdict({ kind: 'point', lon: 46, lat: 126 }, borderIndex, locator, options())).toThrow(/out of range/);
  });
});

describe('eiaVerdict downwind sector', () => {
  // A 五常市 site 15 km north-east of a straight stretch of the Jilin border that runs north-west to south-east.
  const vertex: [number, number] = [127.551445, 44.574239];
  let site: [number, number];

  beforeAll(() => {
    const azimuth = perpendicularInto(vertex, '黑龙江省');
    expect(Math.abs(azimuth - 45)).toBeLessThan(1);
    site = geodesicDestination(vertex, azimuth, 15_000);
  });

  it('reaches 吉林省 when a north-east wind blows a 30 km sector over the border, and nothing when the wind turns', () => {
    const northEast = eiaVerdict(pointSite(site), borderIndex, locator, options({ downwind: { windFrom: 45, lengthKm: 30 } }));
    expect(northEast).toMatchObject({ province: '黑龙江省', city: '哈尔滨市', county: '五常市' });
    expect(Math.abs(northEast.distanceM - 15_000)).toBeLessThanOrEqual(AGREEMENT_M);
    expect(northEast.downwind!.reaches).toEqual(['吉林省']);
    expect(northEast.downwind!.input).toEqual({ windFrom: 45, lengthKm: 30, halfAngle: 22.5, stackHeightM: null });
    const southWest = eiaVerdict(pointSite(site), borderIndex, locator, options({ downwind: { windFrom: 225, lengthKm: 30, stackHeightM: 80 } }));
    expect(southWest.downwind!.reaches).toEqual([]);
    expect(southWest.downwind!.input.stackHeightM).toBe(80);
  });

  it('does not reach the border 15 km away with a 10 km sector', () => {
    const short = eiaVerdict(pointSite(site), borderIndex, locator, options({ downwind: { windFrom: 45, lengthKm: 10 } }));
    expect(short.downwind!.reaches).toEqual([]);
  });

  it('draws the sector as a closed ring from the site, its arc points the sector length away toward where the wind blows', () => {
    const { ring } = eiaVerdict(pointSite(site), borderIndex, locator, options({ downwind: { windFrom: 45, lengthKm: 30 } })).downwind!;
    expect(ring[0]).toEqual(site);
    expect(ring.at(-1)).toEqual(site);
    const arc = ring.slice(1, -1);
    for (const point of arc) {
      expect(Math.abs(geodesicDistance(site, point) - 30_000)).toBeLessThan(1e-3);
      const azimuth = geodesicAzimuths(site, point).atStart;
      expect(Math.abs(((azimuth - 225 + 540) % 360) - 180)).toBeLessThanOrEqual(22.5 + 1e-9);
    }
    expect(geodesicAzimuths(site, arc[0]!).atStart).toBeCloseTo(202.5 - 360, 6);
    expect(geodesicAzimuths(site, arc.at(-1)!).atStart).toBeCloseTo(247.5 - 360, 6);
  });
});
