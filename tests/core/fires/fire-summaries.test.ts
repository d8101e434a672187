import { describe, expect, it } from 'vitest';
import type { FireAnalysis } from '../../../src/core/fires/analyze-fires.ts';
import { CONFIDENCE_CLASS, DAY_NIGHT, createFirePoints } from '../../../src/core/fires/fire-points.ts';
import { NO_FIRE_FILTER, countByCountyDay, countFires, filterFires, summarizeClusters, totalsBy } from '../../../src/core/fires/fire-summaries.ts';

/** Five detections: two of one fire in county 3, one more fire in county 3 next day, one in county 7, one outside. */
function fixture() {
  const points = createFirePoints(5);
  const t0 = Date.UTC(2024, 3, 5, 5, 0);
  const rows: [number, number, number, number, number, number, number][] = [
    // lon, lat, time, class, frp, satellite, dayNight
    [126.0, 46.0, t0, CONFIDENCE_CLASS.high, 10, 1, DAY_NIGHT.day],
    [126.001, 46.001, t0 + 3600e3, CONFIDENCE_CLASS.nominal, 4, 2, DAY_NIGHT.day],
    [126.002, 46.0, t0 + 86400e3, CONFIDENCE_CLASS.low, Number.NaN, 1, DAY_NIGHT.night],
    [128.0, 47.0, t0, CONFIDENCE_CLASS.nominal, 2, 1, DAY_NIGHT.day],
    [120.0, 40.0, t0, CONFIDENCE_CLASS.high, 50, 2, DAY_NIGHT.day],
  ];
  rows.forEach(([lon, lat, time, cls, frp, sat, dn], i) => {
    points.lon[i] = lon;
    points.lat[i] = lat;
    points.time[i] = time;
    points.confidenceClass[i] = cls;
    points.frp[i] = frp;
    points.satellite[i] = sat;
    points.dayNight[i] = dn;
  });
  points.satellites = ['', 'N', 'N20'];
  const day = Math.floor((t0 + 8 * 3600e3) / 86400e3);
  const analysis: FireAnalysis = {
    county: Int32Array.from([3, 3, 3, 7, -1]),
    city: Int32Array.from([0, 0, 0, 1, -1]),
    beijingDay: Int32Array.from([day, day, day + 1, day, day]),
    fireId: Int32Array.from([0, 0, 1, 2, 3]),
    clusterId: Int32Array.from([0, 0, 0, 1, 2]),
  };
  return { points, analysis, day, t0 };
}

describe('fire summaries', () => {
  it('filters by time, confidence, FRP, satellite, day/night and province', () => {
    const { points, analysis, t0 } = fixture();
    expect(Array.from(filterFires(points, analysis, NO_FIRE_FILTER))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, from: t0 + 1, to: t0 + 7200e3 }))).toEqual([1]);
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, confidenceClasses: [CONFIDENCE_CLASS.high] }))).toEqual([0, 4]);
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, frpMin: 3, frpMax: 20 }))).toEqual([0, 1]); // NaN FRP fails a bound
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, satellites: [2] }))).toEqual([1, 4]);
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, dayNight: [DAY_NIGHT.night] }))).toEqual([2]);
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, onlyHeilongjiang: true }))).toEqual([0, 1, 2, 3]);
    points.confidence[0] = 85;
    points.confidence[1] = 40;
    // A percentage threshold drops the 40 % point and keeps points that carry no percentage.
    expect(Array.from(filterFires(points, analysis, { ...NO_FIRE_FILTER, confidenceMin: 50 }))).toEqual([0, 2, 3, 4]);
  });

  it('counts raw detections and merged fires', () => {
    const { points, analysis } = fixture();
    expect(countFires(filterFires(points, analysis, NO_FIRE_FILTER), analysis)).toEqual({ points: 5, fires: 4 });
  });

  it('summarises patrol clusters with centroid, majority county, first and last seen and max FRP', () => {
    const { points, analysis, t0 } = fixture();
    const [first] = summarizeClusters(filterFires(points, analysis, NO_FIRE_FILTER), points, analysis);
    expect(first).toMatchObject({ cluster: 0, points: 3, fires: 2, county: 3, first: t0, last: t0 + 86400e3, maxFrp: 10 });
    expect(first!.lon).toBeCloseTo(126.001, 9);
  });

  it('counts per county per Beijing day for the assessment table', () => {
    const { points, analysis, day } = fixture();
    expect(countByCountyDay(filterFires(points, analysis, NO_FIRE_FILTER), analysis)).toEqual([
      { day, county: -1, points: 1, fires: 1 },
      { day, county: 3, points: 2, fires: 1 },
      { day, county: 7, points: 1, fires: 1 },
      { day: day + 1, county: 3, points: 1, fires: 1 },
    ]);
  });
});

describe('totalsBy', () => {
  it('sums assessment rows by county and by day, largest first', () => {
    const rows = [
      { day: 10, county: 3, points: 2, fires: 1 },
      { day: 10, county: 7, points: 5, fires: 4 },
      { day: 11, county: 3, points: 4, fires: 2 },
    ];
    expect(totalsBy(rows, (r) => r.county)).toEqual([
      { key: 3, points: 6, fires: 3 },
      { key: 7, points: 5, fires: 4 },
    ]);
    expect(totalsBy(rows, (r) => r.day)).toEqual([
      { key: 10, points: 7, fires: 5 },
      { key: 11, points: 4, fires: 2 },
    ]);
  });
});
