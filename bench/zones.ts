/**
 * Zone validation (issue 6), as the CLI runs it on a file (validateZones, once) and as the editor's worker runs it on
 * every edit (a createZoneValidator kept across edits, given the whole set each time). Seeded: 50 zones in five cities, some across a city line, some overlapping. Baseline in the same
 * run: the naive way, which validateZones used before: every zone clipped against its whole city outline with Turf
 * `difference`, every pair of zones whose boxes meet clipped with Turf `intersect`; with the number of zones on which
 * it and we disagree.
 */
import { isDeepStrictEqual } from 'node:util';
import { area as turfArea, difference, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { loadBoundariesFile } from '../src/io/node/load-boundaries-file.ts';
import type { Boundaries } from '../src/core/geo/boundaries.ts';
import { createLocator } from '../src/core/geo/create-locator.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { createZoneValidator, validateZones, type ZoneInput, type ZoneReport } from '../src/core/zones/validate-zones.ts';
import { km2, ZONE_VALIDATION_DEFAULTS } from '../src/core/zones/zone-geometry.ts';
import { summarize, time, type Figure } from './measure.ts';

const ZONES = 50;
const RUNS = 5;
const KM_PER_DEGREE_LAT = 110.95;
/** Zone seats: city, centre, spread (km); zones centred on the city outline instead cross it. */
const CITIES: { name: string; centre: [number, number]; spreadKm: number }[] = [
  { name: '哈尔滨市', centre: [126.63, 45.76], spreadKm: 25 },
  { name: '齐齐哈尔市', centre: [123.95, 47.34], spreadKm: 15 },
  { name: '大庆市', centre: [125.05, 46.6], spreadKm: 20 },
  { name: '牡丹江市', centre: [129.62, 44.58], spreadKm: 12 },
  { name: '佳木斯市', centre: [130.36, 46.8], spreadKm: 12 },
];
/** Of every 10 zones: 2 across a city line, 1 drawn overlapping the zone before, the rest inside a city. */
const CROSSING_IN_10 = 2;
const OVERLAPPING_IN_10 = 1;

type Random = () => number;

/** A star-shaped ring (never crossing itself) of `vertices` vertices around a centre, radius in km, closed. */
function starRing(random: Random, [lon, lat]: Position, radiusKm: number, vertices: number): Position[] {
  const kmPerLon = KM_PER_DEGREE_LAT * Math.cos((lat! * Math.PI) / 180);
  const start = random() * 2 * Math.PI;
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = start + ((i + 0.1 + 0.8 * random()) / vertices) * 2 * Math.PI;
    const r = radiusKm * (0.5 + 0.5 * random());
    ring.push([lon! + (r * Math.cos(angle)) / kmPerLon, lat! + (r * Math.sin(angle)) / KM_PER_DEGREE_LAT]);
  }
  ring.push(ring[0]!);
  return ring;
}

function outerRing(boundaries: Boundaries, name: string): Position[] {
  const city = boundaries.cities.features.find((f) => f.properties.name === name)!;
  return (city.geometry.type === 'Polygon' ? city.geometry.coordinates[0] : city.geometry.coordinates[0]![0])!;
}

/** The seeded zones: tens to hundreds of vertices, 1–4 km across. */
export function makeZones(boundaries: Boundaries, count = ZONES, seed = 2023_19): ZoneInput[] {
  const random = seededRandom(seed);
  const zones: ZoneInput[] = [];
  for (let i = 0; i < count; i++) {
    const city = CITIES[i % CITIES.length]!;
    const kind = i % 10;
    const vertices = 20 + Math.floor(random() ** 2 * 280);
    const radiusKm = 1 + 3 * random();
    let centre: Position;
    if (kind < CROSSING_IN_10) {
      const ring = outerRing(boundaries, city.name);
      centre = ring[Math.floor(random() * (ring.length - 1))]!;
    } else if (kind < CROSSING_IN_10 + OVERLAPPING_IN_10 && i > 0) {
      // Beside the zone before, by less than the two radii.
      const [lon, lat] = (zones[i - 1]!.geometry as Polygon).coordinates[0]![0]!;
      centre = [lon! + (random() - 0.5) * 0.02, lat! + (random() - 0.5) * 0.02];
    } else {
      const [lon, lat] = city.centre;
      const east = (random() - 0.5) * 2 * city.spreadKm;
      const north = (random() - 0.5) * 2 * city.spreadKm;
      centre = [lon + east / (KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180)), lat + north / KM_PER_DEGREE_LAT];
    }
    zones.push({ name: `${city.name}禁燃区${i + 1}（合成）`, geometry: { type: 'Polygon', coordinates: [starRing(random, centre, radiusKm, vertices)] } });
  }
  return zones;
}

interface NaiveResult {
  /** Per zone, m² outside its city (0 under the tolerance). */
  outsideM2: number[];
  /** "i-j" for each pair sharing at least the tolerance. */
  overlaps: Set<string>;
}

/**
 * The naive way: Turf `difference` against the whole city outline for every zone and Turf `intersect` for every pair
 * of zones whose boxes meet. It is given each zone's city (from our reports), so it does less than the old code did.
 */
function naiveValidate(zones: ReadonlyArray<ZoneInput>, cities: ReadonlyArray<string | null>, boundaries: Boundaries): NaiveResult {
  const { toleranceM2 } = ZONE_VALIDATION_DEFAULTS;
  const feature = (zone: ZoneInput): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: zone.geometry });
  const boxes = zones.map((zone) => {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of (zone.geometry as Polygon).coordinates[0] as [number, number][]) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    return [w, s, e, n] as const;
  });
  const outsideM2 = zones.map(() => 0);
  const overlaps = new Set<string>();
  for (let i = 0; i < zones.length; i++) {
    const city = boundaries.cities.features.find((f) => f.properties.name === cities[i]);
    if (city) {
      const outside = difference(featureCollection([feature(zones[i]!), city as Feature<Polygon | MultiPolygon>]));
      const m2 = outside ? turfArea(outside) : 0;
      outsideM2[i] = m2 < toleranceM2 ? 0 : m2;
    }
    for (let j = i + 1; j < zones.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
      const shared = intersect(featureCollection([feature(zones[i]!), feature(zones[j]!)]));
      if (shared && turfArea(shared) >= toleranceM2) overlaps.add(`${i}-${j}`);
    }
  }
  return { outsideM2, overlaps };
}

/** Zones on which our reports and the naive result differ (outside area to 0.01 km², or the set of overlapping zones). */
function disagreements(reports: ReadonlyArray<ZoneReport>, naive: NaiveResult): number[] {
  return reports.flatMap((report, i) => {
    const outside = report.problems.find((p) => p.kind === 'outside_city')?.areaKm2 ?? 0;
    const ours = new Set(report.problems.filter((p) => p.kind === 'overlap').map((p) => `${Math.min(i, p.other!)}-${Math.max(i, p.other!)}`));
    const theirs = new Set([...naive.overlaps].filter((pair) => pair.split('-').map(Number).includes(i)));
    return outside !== km2(naive.outsideM2[i]!) || ours.size !== theirs.size || [...ours].some((pair) => !theirs.has(pair)) ? [i] : [];
  });
}

/**
 * Validates 50 seeded zones with validateZones (warm runs, then one with a fresh boundaries object, so the city
 * outline indices are built again) and the naive way; then the editor's case: the whole set validated again after
 * one zone is edited, for an edited zone inside its city and apart from the others, one across a city line, and one
 * overlapping another zone: one-shot validateZones and the naive way on the edited set, and what the app runs, a
 * validator warmed on the set before the edit (input structured-cloned, as a worker message arrives), with its
 * ratios to both.
 *
 * @param log - Where the human-readable lines go.
 * @returns The figures.
 * @example
 * benchZones(console.error); // [{ name: 'zones.validate_50_ms', value: 1234, unit: 'ms' }, ...]
 */
export function benchZones(log: (line: string) => void): Figure[] {
  const started = performance.now();
  const boundaries = loadBoundariesFile();
  const locator = createLocator(boundaries);
  const zones = makeZones(boundaries);
  const vertices = zones.reduce((sum, zone) => sum + (zone.geometry as Polygon).coordinates[0]!.length - 1, 0);
  const sink: { value: unknown } = { value: null };
  log(`zones: ${ZONES} seeded zones (${vertices.toLocaleString()} vertices) in ${CITIES.length} cities`);

  // 1. The whole set.
  const warm = time(() => validateZones(zones, boundaries, locator), RUNS, sink);
  const reports = validateZones(zones, boundaries, locator);
  // Building the five cities' outline indices: a small zone in each, with a fresh boundaries object, less the same with them built.
  const seats = CITIES.map((city): ZoneInput => ({ name: city.name, geometry: { type: 'Polygon', coordinates: [starRing(seededRandom(1), city.centre, 0.5, 8)] } }));
  const fresh = time(() => validateZones(seats, { ...boundaries }, locator), RUNS, sink);
  const cached = time(() => validateZones(seats, boundaries, locator), RUNS, sink);
  const indexMs = Math.max(0, fresh.median - cached.median);
  const counts = (kind: string) => reports.filter((r) => r.problems.some((p) => p.kind === kind)).length;
  log(`  validateZones: min ${warm.min.toFixed(1)} / median ${warm.median.toFixed(1)} ms (${counts('outside_city')} zones outside their city, ${counts('overlap')} overlapping); building the ${CITIES.length} city outline indices, once per boundaries object: ${indexMs.toFixed(1)} ms`);

  // The naive way, warmed on a few zones first (a full run takes tens of seconds).
  naiveValidate(zones.slice(0, 3), reports.slice(0, 3).map((r) => r.city), boundaries);
  let start = performance.now();
  const naive = naiveValidate(zones, reports.map((r) => r.city), boundaries);
  const naiveMs = performance.now() - start;
  const differing = disagreements(reports, naive);
  log(`  naive (Turf difference against the whole city per zone, intersect per pair): ${naiveMs.toFixed(0)} ms, once`);
  log(`  ratio ours/naive: ${(warm.median / naiveMs).toFixed(4)} (${(naiveMs / warm.median).toFixed(0)}× faster)`);
  log(`  disagreements with the naive way: ${differing.length} of ${ZONES} zones${differing.length ? ` (${differing.slice(0, 10).join(', ')})` : ''}`);

  // 2. Live editing: the app validates the whole set on each edit; the edited zone takes the last zone's place.
  const withEdited = (zone: ZoneInput) => [...zones.slice(0, -1), zone];
  const random = seededRandom(7);
  const harbin = outerRing(boundaries, '哈尔滨市');
  // Inside 哈尔滨, among the zones there but sharing area with none: the first seeded place where that holds.
  let apart: ZoneInput;
  do {
    const [lon, lat] = CITIES[0]!.centre;
    apart = { name: '编辑中（城内）', geometry: { type: 'Polygon', coordinates: [starRing(random, [lon + (random() - 0.5) * 0.4, lat + (random() - 0.5) * 0.3], 3, 120)] } };
  } while (validateZones(withEdited(apart), boundaries, locator).at(-1)!.problems.length > 0);
  const edited: [string, ZoneInput][] = [
    ['inside its city, apart from the others', apart],
    ['across the city line', { name: '编辑中（跨界）', geometry: { type: 'Polygon', coordinates: [starRing(random, harbin[Math.floor(harbin.length / 3)]!, 3, 120)] } }],
    ['overlapping another zone', { name: '编辑中（重叠）', geometry: { type: 'Polygon', coordinates: [starRing(random, (zones[5]!.geometry as Polygon).coordinates[0]![0]!, 3, 120)] } }],
  ];
  const figures: Figure[] = [
    { name: 'zones.validate_50_ms', value: warm.median, unit: 'ms' },
    { name: 'zones.city_index_build_ms', value: indexMs, unit: `ms for ${CITIES.length} cities` },
    { name: 'zones.naive_50_ms', value: naiveMs, unit: 'ms (one run)' },
    { name: 'zones.ratio_vs_naive', value: warm.median / naiveMs, unit: 'ours/baseline' },
    { name: 'zones.disagreements_naive', value: differing.length, unit: `of ${ZONES}` },
  ];
  edited.forEach(([label, zone], e) => {
    const all = withEdited(zone);
    const live = time(() => validateZones(all, boundaries, locator), RUNS, sink);
    const liveReports = validateZones(all, boundaries, locator);
    start = performance.now();
    const naiveLive = naiveValidate(all, liveReports.map((r) => r.city), boundaries);
    const naiveLiveMs = performance.now() - start;
    const differs = disagreements(liveReports, naiveLive).length;
    const key = ['inside', 'crossing', 'overlapping'][e]!;
    const problems = liveReports.at(-1)!.problems.map((p) => p.kind).join(', ') || 'none';
    log(`  live, ${ZONES} zones, the edited one (120 vertices) ${label}: min ${live.min.toFixed(1)} / median ${live.median.toFixed(1)} ms; naive ${naiveLiveMs.toFixed(0)} ms; ratio ${(live.median / naiveLiveMs).toFixed(4)}; its problems ${problems}; ${differs ? `DISAGREES with the naive way on ${differs} zones` : 'agrees with the naive way'}`);
    // What the app runs: a validator that validated the set before the edit, given the edited set (fresh copies,
    // as a worker message brings them); before each timed run it validates the unedited set again, untimed.
    const validator = createZoneValidator(boundaries, locator);
    const samples: number[] = [];
    let incrementalReports: ZoneReport[] = [];
    for (let run = 0; run <= RUNS; run++) {
      validator.validate(structuredClone(zones));
      const input = structuredClone(all);
      const begun = performance.now();
      incrementalReports = validator.validate(input);
      // The first run warms up.
      if (run > 0) samples.push(performance.now() - begun);
    }
    sink.value = incrementalReports;
    const incremental = summarize(samples);
    const same = isDeepStrictEqual(incrementalReports, liveReports);
    log(`    kept validator, one zone changed: min ${incremental.min.toFixed(1)} / median ${incremental.median.toFixed(1)} ms; ratio to naive ${(incremental.median / naiveLiveMs).toFixed(5)}, to validateZones ${(incremental.median / live.median).toFixed(4)} (${(live.median / incremental.median).toFixed(0)}× faster); ${same ? 'same reports as validateZones' : 'reports DIFFER from validateZones'}`);
    figures.push(
      { name: `zones.live_${key}_ms`, value: live.median, unit: `ms for ${ZONES} zones` },
      { name: `zones.live_${key}_naive_ms`, value: naiveLiveMs, unit: 'ms (one run)' },
      { name: `zones.live_${key}_ratio_vs_naive`, value: live.median / naiveLiveMs, unit: 'ours/baseline' },
      { name: `zones.live_${key}_kept_validator_ms`, value: incremental.median, unit: `ms for ${ZONES} zones, one changed` },
      { name: `zones.live_${key}_kept_validator_ratio_vs_naive`, value: incremental.median / naiveLiveMs, unit: 'ours/baseline' },
      { name: `zones.live_${key}_kept_validator_ratio_vs_validate_zones`, value: incremental.median / live.median, unit: 'kept/one-shot' },
      { name: `zones.live_${key}_kept_validator_differs`, value: same ? 0 : 1, unit: 'reports differing from validateZones (0 or 1)' },
    );
  });
  log(`  (suite ran in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return figures;
}
