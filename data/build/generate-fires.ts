/**
 * Synthetic straw-burning fire points in NASA FIRMS VIIRS 375 m archive format, seeded and reproducible.
 *
 *   npm run data:build                                   → public/data/sample-fires.csv (the app's sample, labelled synthetic)
 *   tsx data/build/generate-fires.ts --count 1000000 --out bench/.data/fires-1m.csv   → benchmark input (not committed)
 *
 * The model is shaped like the real seasons and plains (DATA.md): most burning in spring (late March to
 * early May) and autumn (October to mid November), most points on the Songnen and Sanjiang plains, each
 * fire seen by one to three satellites (S-NPP, NOAA-20, NOAA-21) within about an hour, afternoon and
 * night passes, and a few industrial heat sources detected all year. None of it is a real detection.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBoundariesFile } from '../../src/io/node/load-boundaries-file.ts';
import { geodesicArea } from '../../src/core/geo/geodesic-area.ts';
import { createPolygonGridIndex } from '../../src/core/geo/polygon-grid-index.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { describeBytes, recordProvenance, ROOT } from './provenance.ts';

export const SAMPLE_FIRES_PATH = 'public/data/sample-fires.csv';
const SEED = 20240405;
const YEAR = 2024;
const DEFAULT_COUNT = 5000;

/** Relative burning weight per city: the plains carry most points (DATA.md). */
const CITY_WEIGHTS: Record<string, number> = {
  佳木斯市: 18, 绥化市: 17, 双鸭山市: 12, 齐齐哈尔市: 14, 黑河市: 10, 哈尔滨市: 12,
  大庆市: 5, 鹤岗市: 4, 鸡西市: 4, 七台河市: 1.5, 牡丹江市: 2, 伊春市: 0.8, 大兴安岭地区: 0.4,
};

/** Seasons as [first day, last day, weight] in day-of-year of the sample year. */
const SEASONS: [number, number, number][] = [
  [80, 130, 0.55], // 20 March – 9 May
  [275, 325, 0.4], // 1 October – 20 November
  [1, 365, 0.05], // stray burning the rest of the year
];

/** Persistent industrial heat sources (coking, steel, refining): detected all year, FIRMS type 2. */
const INDUSTRIAL: [number, number][] = [
  [130.98, 45.78], // 七台河
  [131.17, 46.63], // 双鸭山
  [130.95, 45.3], // 鸡西
  [124.98, 46.58], // 大庆
];

const HEADER = 'latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,bright_ti5,frp,daynight,type';
const SATELLITES = ['N', 'N20', 'N21'];

interface Detection {
  time: number;
  line: string;
}

export function generateFires(count: number, seed = SEED): { csv: string; events: number; industrial: number } {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = <T>(items: T[], weight: (item: T) => number): T => {
    const total = items.reduce((s, item) => s + weight(item), 0);
    let r = random() * total;
    for (const item of items) if ((r -= weight(item)) < 0) return item;
    return items[items.length - 1]!;
  };

  const boundaries = loadBoundariesFile();
  const counties = boundaries.counties.features.map((f) => ({ feature: f, area: geodesicArea(f.geometry) }));
  const index = createPolygonGridIndex(counties.map((c) => c.feature.geometry), { cellDegrees: 0.02 });
  const cityNames = Object.keys(CITY_WEIGHTS);
  const boxes = counties.map(({ feature }) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const rings = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
    for (const ring of rings) for (const [x, y] of ring) {
      x0 = Math.min(x0, x!); x1 = Math.max(x1, x!); y0 = Math.min(y0, y!); y1 = Math.max(y1, y!);
    }
    return [x0, y0, x1, y1] as const;
  });
  const pointIn = (countyIndex: number): [number, number] => {
    const [x0, y0, x1, y1] = boxes[countyIndex]!;
    for (;;) {
      const lon = x0 + random() * (x1 - x0);
      const lat = y0 + random() * (y1 - y0);
      if (index.locate(lon, lat) === countyIndex) return [lon, lat];
    }
  };

  const detections: Detection[] = [];
  const yearStart = Date.UTC(YEAR, 0, 1);
  const detect = (lon: number, lat: number, time: number, satellite: string, industrial: boolean, frpScale: number) => {
    const date = new Date(time);
    const acqDate = date.toISOString().slice(0, 10);
    const acqTime = String(date.getUTCHours() * 100 + date.getUTCMinutes()); // FIRMS writes 517, not 0517
    const hourBeijing = (date.getUTCHours() + 8) % 24;
    const day = hourBeijing >= 6 && hourBeijing < 18;
    const frp = Math.max(0.3, Math.exp(1.1 + 0.9 * normal()) * frpScale);
    const ti4 = Math.min(367, 300 + 8 * Math.log1p(frp) + 6 * random() + (day ? 10 : 0));
    const confidence = ti4 > 350 ? 'h' : ti4 < 312 ? 'l' : 'n';
    const scan = (0.39 + random() * 0.2).toFixed(2);
    const track = (0.36 + random() * 0.2).toFixed(2);
    detections.push({
      time,
      line: [
        lat.toFixed(5), lon.toFixed(5), ti4.toFixed(2), scan, track, acqDate, acqTime, satellite, 'VIIRS', confidence, '2.0NRT',
        (270 + random() * 25).toFixed(2), frp.toFixed(2), day ? 'D' : 'N', industrial ? '2' : '0',
      ].join(','),
    });
  };

  let events = 0;
  let industrial = 0;
  // About 3 % of detections come from industrial sources.
  const industrialTarget = Math.round(count * 0.03);
  while (industrial < industrialTarget) {
    const [lon, lat] = INDUSTRIAL[industrial % INDUSTRIAL.length]!;
    const dayOfYear = Math.floor(random() * 365);
    const time = yearStart + dayOfYear * 86400e3 + (5 * 60 + Math.floor(random() * 90)) * 60e3;
    detect(lon + normal() * 0.002, lat + normal() * 0.002, time, pick(SATELLITES, () => 1), true, 6);
    industrial++;
  }
  while (detections.length < count) {
    const [first, last] = pick(SEASONS, (s) => s[2]);
    const dayOfYear = first + Math.floor(random() * (last - first + 1)) - 1;
    const cityName = pick(cityNames, (name) => CITY_WEIGHTS[name]!);
    const countyIndex = pick(
      counties.map((c, i) => i).filter((i) => counties[i]!.feature.properties.city === cityName),
      (i) => counties[i]!.area,
    );
    const [lon, lat] = pointIn(countyIndex);
    // Afternoon passes (~13:00–14:30 Beijing, 05:00–06:30 UTC) see most burning; night passes (~01:00–02:30 Beijing) some.
    const afternoon = random() < 0.78;
    const passUtcMinutes = afternoon ? 5 * 60 + Math.floor(random() * 90) : 17 * 60 + Math.floor(random() * 90) - 24 * 60;
    const base = yearStart + dayOfYear * 86400e3 + passUtcMinutes * 60e3;
    const seenBy = 1 + (random() < 0.55 ? 1 : 0) + (random() < 0.25 ? 1 : 0);
    const start = Math.floor(random() * 3);
    for (let k = 0; k < seenBy && detections.length < count; k++) {
      const offsetMinutes = k === 0 ? 0 : 20 + Math.floor(random() * 35) * k;
      const jitter = 0.003; // about 300 m
      detect(lon + normal() * jitter * 0.5, lat + normal() * jitter * 0.35, base + offsetMinutes * 60e3, SATELLITES[(start + k) % 3]!, false, 1);
    }
    events++;
  }
  detections.sort((a, b) => a.time - b.time || (a.line < b.line ? -1 : 1));
  return { csv: `${HEADER}\n${detections.map((d) => d.line).join('\n')}\n`, events, industrial };
}

function main(argv: string[]): void {
  const countArg = argv.indexOf('--count');
  const outArg = argv.indexOf('--out');
  const count = countArg === -1 ? DEFAULT_COUNT : Number(argv[countArg + 1]);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`--count ${argv[countArg + 1]}: expected a positive integer`);
  const out = outArg === -1 ? path.join(ROOT, SAMPLE_FIRES_PATH) : path.resolve(argv[outArg + 1]!);
  const started = performance.now();
  const { csv, events, industrial } = generateFires(count);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, csv);
  if (outArg === -1) {
    recordProvenance({
      path: SAMPLE_FIRES_PATH,
      synthetic: true,
      description: 'SYNTHETIC straw-burning fire points in NASA FIRMS VIIRS 375 m archive format, for trying the app; not real detections',
      generatedBy: `data/build/generate-fires.ts (npm run data:build), seed ${SEED}`,
      sources: [
        {
          name: 'generated (no external source)',
          licence: 'same as this project',
          vintage: `${YEAR} calendar (synthetic)`,
          coordinateSystem: 'WGS84; points drawn inside the shipped county polygons',
          use: 'sample data, labelled synthetic in the UI',
        },
      ],
      transforms: [
        'events drawn by season (spring 20 Mar–9 May 55 %, autumn 1 Oct–20 Nov 40 %, other 5 %) and by city weights favouring the Songnen and Sanjiang plains, uniform by area within a city',
        'each event seen by 1–3 of S-NPP (N), NOAA-20 (N20), NOAA-21 (N21) within about an hour, positions jittered by about 300 m; afternoon (05:00–06:30 UTC) and night (17:00–18:30 UTC) passes',
        '3 % of detections from four persistent industrial heat sources (type 2), all year',
        'FRP log-normal; confidence from brightness; acq_time written without leading zeros as FIRMS does',
      ],
      zh: {
        description: '合成的秸秆焚烧火点，采用 NASA FIRMS VIIRS 375 米存档格式，仅供试用；并非真实卫星观测',
        sources: [{ licence: '与本项目相同', vintage: `${YEAR}年全年（合成）`, coordinateSystem: 'WGS84；点位生成于随附的区县多边形内', use: '示例数据，界面中标注为“合成数据”' }],
        transforms: [
          '火情按季节抽取（春季 3月20日–5月9日 55%，秋季 10月1日–11月20日 40%，其余 5%），按城市权重偏向松嫩平原和三江平原，市内按面积均匀分布',
          '每次火情被 S-NPP（N）、NOAA-20（N20）、NOAA-21（N21）中的 1–3 颗卫星在约一小时内观测到，位置扰动约 300 米；下午（05:00–06:30 UTC）和夜间（17:00–18:30 UTC）过境',
          '3% 的检测来自四个常年存在的工业热源（type 2）',
          'FRP 服从对数正态分布；置信度由亮温得出；acq_time 与 FIRMS 一样不补前导零',
        ],
      },
      counts: { detections: count, events, industrialDetections: industrial },
      ...describeBytes(csv),
    });
  }
  console.error(`wrote ${path.relative(process.cwd(), out)}: ${count} synthetic detections from ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
