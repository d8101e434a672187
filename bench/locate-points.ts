import { bbox, booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import { loadBoundariesFile } from '../src/io/node/load-boundaries-file.ts';
import { createPolygonGridIndex } from '../src/core/geo/polygon-grid-index.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { time, type Figure } from './measure.ts';

/** Attributes 1 M seeded random points in the province bbox to the 129 counties: our grid index vs Turf (plain and flatbush-prefiltered). */
export function benchLocatePoints(log: (line: string) => void): Figure[] {
  const counties = loadBoundariesFile().counties.features;
  const random = seededRandom(42);
  const count = 1_000_000;
  const points = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    points[2 * i] = 121.1 + random() * 14;
    points[2 * i + 1] = 43.4 + random() * 10.2;
  }
  const sink = { value: undefined as unknown };

  const lons = new Float64Array(count);
  const lats = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lons[i] = points[2 * i]!;
    lats[i] = points[2 * i + 1]!;
  }
  const geometries = counties.map((f) => f.geometry);
  const build = time(() => createPolygonGridIndex(geometries), 5, sink);
  const index = createPolygonGridIndex(geometries);
  const out = new Int32Array(count);
  const ours = time(() => index.locateMany(lons, lats, out), 15, sink);

  const boxes = new Flatbush(counties.length);
  for (const county of counties) {
    const [x0, y0, x1, y1] = bbox(county);
    boxes.add(x0, y0, x1, y1);
  }
  boxes.finish();
  const turfFlatbushCount = 20_000;
  const turfFlatbush = time(() => {
    const out = new Int32Array(turfFlatbushCount);
    for (let i = 0; i < turfFlatbushCount; i++) {
      const p = [points[2 * i]!, points[2 * i + 1]!];
      out[i] = boxes.search(p[0]!, p[1]!, p[0]!, p[1]!).find((c) => booleanPointInPolygon(p, counties[c]!)) ?? -1;
    }
    return out;
  }, 3, sink);
  const turfPlainCount = 1_000;
  const turfPlain = time(() => {
    const out = new Int32Array(turfPlainCount);
    for (let i = 0; i < turfPlainCount; i++) out[i] = counties.findIndex((c) => booleanPointInPolygon([points[2 * i]!, points[2 * i + 1]!], c));
    return out;
  }, 3, sink);

  const rate = (n: number, ms: number) => (n / ms) * 1000;
  const oursRate = rate(count, ours.min);
  const flatbushRate = rate(turfFlatbushCount, turfFlatbush.min);
  const plainRate = rate(turfPlainCount, turfPlain.min);
  log(`locate points in 129 counties: grid index build min ${build.min.toFixed(0)} ms, median ${build.median.toFixed(0)} ms (target ≤ 200 ms)`);
  log(`  ours           ${Math.round(oursRate).toLocaleString()} points/s (1M points: min ${ours.min.toFixed(0)} ms, median ${ours.median.toFixed(0)} ms; target ≤ 100 ms)`);
  log(`  Turf+flatbush  ${Math.round(flatbushRate).toLocaleString()} points/s → ours is ${(oursRate / flatbushRate).toFixed(1)}×`);
  log(`  Turf plain     ${Math.round(plainRate).toLocaleString()} points/s → ours is ${(oursRate / plainRate).toFixed(0)}×`);
  return [
    { name: 'locate.index_build', value: build.min, unit: 'ms' },
    { name: 'locate.ours', value: oursRate, unit: 'points/s' },
    { name: 'locate.turf_flatbush', value: flatbushRate, unit: 'points/s' },
    { name: 'locate.turf_plain', value: plainRate, unit: 'points/s' },
    { name: 'locate.ratio_vs_turf_flatbush', value: oursRate / flatbushRate, unit: 'x' },
    { name: 'locate.ratio_vs_turf_plain', value: oursRate / plainRate, unit: 'x' },
  ];
}
