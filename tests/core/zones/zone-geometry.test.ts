import { area as turfArea, difference, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Boundaries } from '../../../src/core/geo/boundaries.ts';
import { geodesicArea } from '../../../src/core/geo/geodesic-area.ts';
import { boxOf, cityOutline, indexEdges, km2, measureSliver, outlineNear, perimeterM, polygonsOf, properCrossing, ringsCross, vertexInside, vertexOutside, ZONE_VALIDATION_DEFAULTS } from '../../../src/core/zones/zone-geometry.ts';

const square = (west: number, south: number, size: number): Position[] => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];
/** A rectangle `widthM` × `heightM` metres with its south-west corner at a point (the same metres per degree as perimeterM). */
function rectangleM([lon, lat]: [number, number], widthM: number, heightM: number): Position[] {
  const east = lon + widthM / (111_320 * Math.cos((lat * Math.PI) / 180));
  const north = lat + heightM / 111_132;
  return [[lon, lat], [east, lat], [east, north], [lon, north], [lon, lat]];
}

/** Boundaries holding only the given cities (the rest empty): enough for cityOutline. */
function boundariesWith(...cities: [string, Polygon | MultiPolygon][]): Boundaries {
  const empty = { type: 'FeatureCollection', features: [] };
  return {
    counties: empty,
    cities: { type: 'FeatureCollection', features: cities.map(([name, geometry], i) => ({ type: 'Feature', properties: { adcode: `2399${i}0`, name }, geometry })) },
    province: empty,
    neighbourCities: empty,
    neighbourProvinces: empty,
    russia: empty,
  } as unknown as Boundaries;
}

describe('measureSliver', () => {
  it('finds a 10 m wide strip a sliver by its width and a 40 m wide one not', () => {
    const thin = measureSliver([rectangleM([126.63, 45.74], 2000, 10)]);
    expect(thin.areaM2).toBeGreaterThan(19_000);
    expect(thin.widthM).toBeCloseTo((2 * 2000 * 10) / (2 * 2010), 0);
    expect(thin.sliver).toBe(true);
    const wide = measureSliver([rectangleM([126.63, 45.74], 2000, 40)]);
    expect(wide.widthM).toBeCloseTo((2 * 2000 * 40) / (2 * 2040), 0);
    expect(wide.sliver).toBe(false);
  });

  it('counts a part exactly at a threshold as no sliver, and one just under it as a sliver', () => {
    const rings = [rectangleM([126.63, 45.74], 300, 100)];
    const { areaM2, widthM } = measureSliver(rings);
    expect(widthM).toBeCloseTo(75, 0);
    expect(measureSliver(rings, { sliverWidthM: widthM }).sliver).toBe(false);
    expect(measureSliver(rings, { sliverWidthM: widthM * (1 + 1e-9) }).sliver).toBe(true);
    expect(measureSliver(rings, { sliverWidthM: 0, sliverAreaM2: areaM2 }).sliver).toBe(false);
    expect(measureSliver(rings, { sliverWidthM: 0, sliverAreaM2: areaM2 * (1 + 1e-9) }).sliver).toBe(true);
  });

  it('finds a part under 100 m² a sliver whatever its width threshold', () => {
    // 9 m × 9 m (81 m², mean width 4.5 m) and 11 m × 11 m (121 m², 5.5 m), judged on area alone.
    expect(measureSliver([rectangleM([126.63, 45.74], 9, 9)], { sliverWidthM: 1 }).sliver).toBe(true);
    expect(measureSliver([rectangleM([126.63, 45.74], 11, 11)], { sliverWidthM: 1 }).sliver).toBe(false);
  });

  it('takes the default thresholds for options left out, one by one', () => {
    expect(ZONE_VALIDATION_DEFAULTS).toEqual({ sliverWidthM: 20, sliverAreaM2: 100, toleranceM2: 1000 });
    const rings = [rectangleM([126.63, 45.74], 2000, 19)];
    expect(measureSliver(rings).sliver).toBe(true);
    expect(measureSliver(rings, { sliverAreaM2: 100 })).toEqual(measureSliver(rings));
    expect(measureSliver(rings, { sliverWidthM: 10 }).sliver).toBe(false);
  });

  it('computes the geodesic area, holes deducted, unless it is given', () => {
    const rings = [square(126.6, 45.7, 0.01), square(126.602, 45.702, 0.002).reverse()];
    const { areaM2 } = measureSliver(rings);
    expect(areaM2).toBe(geodesicArea({ type: 'Polygon', coordinates: rings }));
    expect(areaM2).toBeGreaterThan(800_000);
    expect(measureSliver(rings, {}, 50).sliver).toBe(true);
  });
});

describe('perimeterM, km2, polygonsOf, boxOf', () => {
  it('measures a ring in metres along its edges', () => {
    // 0.01° north and back: twice 111.132 m × 10.
    expect(perimeterM([[126, 45], [126, 45.01], [126, 45]])).toBeCloseTo(2 * 1111.32, 4);
    expect(perimeterM(rectangleM([126.63, 45.74], 300, 100))).toBeCloseTo(800, 1);
  });

  it('rounds m² to 0.01 km²', () => {
    expect(km2(1_234_567)).toBe(1.23);
    expect(km2(4_999)).toBe(0);
    expect(km2(5_001)).toBe(0.01);
  });

  it('lists the polygons of a Polygon and of a MultiPolygon, and boxes their outlines', () => {
    const a = [square(0, 0, 1)];
    const b = [square(3, 2, 1), square(3.2, 2.2, 0.1)];
    expect(polygonsOf({ type: 'Polygon', coordinates: a })).toEqual([a]);
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [a, b] })).toEqual([a, b]);
    expect(boxOf([a, b])).toEqual([0, 0, 4, 3]);
  });
});

describe('crossing and inside tests', () => {
  it('finds a crossing away from the end points only', () => {
    expect(properCrossing([0, 0], [2, 2], [0, 2], [2, 0])).toEqual([1, 1]);
    // Sharing an end point, one ending on the other, parallel, apart.
    expect(properCrossing([0, 0], [1, 1], [1, 1], [2, 0])).toBeNull();
    expect(properCrossing([0, 0], [2, 0], [1, 0], [1, 1])).toBeNull();
    expect(properCrossing([0, 0], [2, 0], [0, 1], [2, 1])).toBeNull();
    expect(properCrossing([0, 0], [1, 0], [2, -1], [2, 1])).toBeNull();
  });

  it('finds where two rings cross, and none for rings touching at a corner', () => {
    expect(ringsCross(square(0, 0, 2), square(1, 1, 2))).toEqual([2, 1]);
    expect(ringsCross(square(0, 0, 1), square(1, 1, 1))).toBeNull();
    expect(ringsCross(square(0, 0, 4), square(1, 1, 1))).toBeNull();
  });

  it('finds a vertex inside or outside another ring, never one the rings share', () => {
    const shell = square(0, 0, 4);
    expect(vertexInside(square(1, 1, 1), shell)).toEqual([1, 1]);
    expect(vertexInside(square(5, 5, 1), shell)).toBeNull();
    expect(vertexOutside(square(5, 5, 1), shell)).toEqual([5, 5]);
    expect(vertexOutside(square(1, 1, 1), shell)).toBeNull();
    // A hole touching the outline at a vertex of both: inside.
    expect(vertexOutside([[0, 0], [1, 2], [2, 1], [0, 0]], shell)).toBeNull();
    // A ring of the outline's own vertices and one inside: only that one counts.
    expect(vertexInside([[0, 0], [4, 0], [2, 2], [0, 0]], shell)).toEqual([2, 2]);
  });
});

describe('indexEdges', () => {
  it('keeps each edge with its ends, and finds the edges near a box', () => {
    const edges = indexEdges([square(0, 0, 1), square(5, 5, 1)]);
    expect(edges.x0.length).toBe(8);
    expect([edges.x0[1], edges.y0[1], edges.x1[1], edges.y1[1]]).toEqual([1, 0, 1, 1]);
    expect(edges.index!.search(0.9, 0.4, 1.1, 0.6)).toEqual([1]);
    expect(edges.box).toEqual([0, 0, 6, 6]);
    expect(indexEdges([]).index).toBeNull();
  });
});

describe('cityOutline and outlineNear', () => {
  // A comb: a 1° square with deep notches from the north, a hole far east, and an island far south.
  const comb: Position[] = [[0, 0], [1, 0], [1, 1], [0.8, 1], [0.8, 0.3], [0.6, 0.3], [0.6, 1], [0.4, 1], [0.4, 0.3], [0.2, 0.3], [0.2, 1], [0, 1], [0, 0]];
  const city: MultiPolygon = { type: 'MultiPolygon', coordinates: [[comb, square(0.85, 0.05, 0.05).reverse()], [square(0, -3, 0.5)]] };

  it('prepares a city once per boundaries object, the last feature of a name, and null for an unknown name', () => {
    const boundaries = boundariesWith(['甲市', { type: 'Polygon', coordinates: [square(9, 9, 1)] }], ['甲市', city]);
    const outline = cityOutline(boundaries, '甲市')!;
    expect(outline.feature.geometry).toBe(city);
    expect(outline.parts).toHaveLength(2);
    expect(outline.edges.x0.length).toBe(12 + 4 + 4);
    expect(cityOutline(boundaries, '甲市')).toBe(outline);
    expect(cityOutline({ ...boundaries }, '甲市')).not.toBe(outline);
    expect(cityOutline(boundaries, '乙市')).toBeNull();
  });

  it('cuts the city near a zone keeping every edge near it whole, so the part outside is as against the whole city', () => {
    const outline = cityOutline(boundariesWith(['甲市', city]), '甲市')!;
    // Across the long notch edge x = 0.6 from y = 0.3 to 1, and the notch bottom.
    const zone: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(0.55, 0.25, 0.1)] } };
    const near = outlineNear(outline, boxOf(polygonsOf(zone.geometry)));
    const ends = new Set(near.geometry.coordinates.flat(2).map((p) => `${p[0]},${p[1]}`));
    for (const p of ['0.6,0.3', '0.6,1', '0.8,0.3', '0.8,1']) expect(ends).toContain(p);
    // The hole and the island are far from the zone: left out.
    expect(near.geometry.coordinates).toHaveLength(1);
    expect(near.geometry.coordinates[0]).toHaveLength(1);
    const viaNear = difference(featureCollection([zone, near]))!;
    const viaWhole = difference(featureCollection([zone, outline.feature]))!;
    expect(turfArea(viaNear)).toBeGreaterThan(1e7);
    expect(turfArea(viaNear)).toBeCloseTo(turfArea(viaWhole), 3);
    expect(viaNear.geometry.coordinates).toEqual(viaWhole.geometry.coordinates);
  });

  it('gives an empty cut for a zone far from the city', () => {
    const outline = cityOutline(boundariesWith(['甲市', city]), '甲市')!;
    expect(outlineNear(outline, [5, 5, 5.1, 5.1]).geometry.coordinates).toEqual([]);
  });
});
