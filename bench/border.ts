import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buffer as turfBuffer, pointToLineDistance } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import initGeosJs from 'geos-wasm';
import { geojsonToGeosGeom, geosGeomToGeojson } from 'geos-wasm/helpers';
import proj4 from 'proj4';
import { loadBoundariesFile } from '../src/io/node/load-boundaries-file.ts';
import { bufferBorder } from '../src/core/eia/border-buffer.ts';
import { createLocator } from '../src/core/geo/create-locator.ts';
import { createBorderIndex, eiaVerdict, type BorderIndex } from '../src/core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../src/core/eia/provincial-border.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { summarize, time, type Figure } from './measure.ts';

const BORDER_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/data/provincial-border.geojson');
const WGS84 = geographiclib.Geodesic.WGS84;
/** Metres between edge samples, and the most samples measured exactly per polygon (each exact distance costs ~50–100 µs). */
const SAMPLE_SPACING_M = 200;
const EXACT_SAMPLES = 20_000;
/** On top of the seeded subsample, the samples the fast distance ranks worst are measured exactly too, so the extremes are not missed. */
const WORST_BY_FAST = 1_000;

/** Options of {@link benchBorder}. */
export interface BorderBenchOptions {
  /** Leave out the one Turf buffer run (DATA.md: 86 s; 3–4 minutes on the shared 2-core machine). */
  skipSlow: boolean;
}

/** How far a buffer's outline strays from the true distance: exact distance − buffer distance over its samples. */
interface EdgeError {
  min: number;
  max: number;
  minAt: [number, number];
  maxAt: [number, number];
  /** Samples measured exactly, of all samples taken. */
  measured: number;
  samples: number;
  /** Measured samples outside ±20 m. */
  outside20: number;
  /** The worst places outside ±20 m, at least ~5 km apart (up to 5): lon, lat, error in metres. */
  spots: [number, number, number][];
}

type Rings = Position[][];

function ringsOf(geometry: Polygon | MultiPolygon): Rings {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function vertexCount(geometry: Polygon | MultiPolygon): number {
  return ringsOf(geometry).reduce((sum, ring) => sum + ring.length, 0);
}

/**
 * Samples every edge of the outline at each vertex and every ~200 m (straight in lon/lat, as a GIS draws
 * it); measures a seeded subsample plus the worst by the fast distance with GeographicLib.
 */
function edgeError(geometry: Polygon | MultiPolygon, border: BorderIndex, distanceM: number, seed: number): EdgeError {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const ring of ringsOf(geometry)) {
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = ring[i - 1] as [number, number];
      const [x1, y1] = ring[i] as [number, number];
      const metres = Math.hypot((x1 - x0) * 111_320 * Math.cos((((y0 + y1) / 2) * Math.PI) / 180), (y1 - y0) * 110_950);
      const steps = Math.max(1, Math.ceil(metres / SAMPLE_SPACING_M));
      for (let k = 0; k < steps; k++) {
        lons.push(x0 + ((x1 - x0) * k) / steps);
        lats.push(y0 + ((y1 - y0) * k) / steps);
      }
    }
  }
  const count = lons.length;
  const chosen = new Set<number>();
  if (count <= EXACT_SAMPLES) {
    for (let i = 0; i < count; i++) chosen.add(i);
  } else {
    const order = Int32Array.from({ length: count }, (_, i) => i);
    const random = seededRandom(seed);
    for (let i = 0; i < EXACT_SAMPLES; i++) {
      const j = i + Math.floor(random() * (count - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
      chosen.add(order[i]!);
    }
    const fast = Float64Array.from({ length: count }, (_, i) => Math.abs(border.index.approximateDistance(lons[i]!, lats[i]!) - distanceM));
    const worst = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => fast[b]! - fast[a]!);
    for (let i = 0; i < Math.min(WORST_BY_FAST, count); i++) chosen.add(worst[i]!);
  }
  const result: EdgeError = { min: Infinity, max: -Infinity, minAt: [0, 0], maxAt: [0, 0], measured: chosen.size, samples: count, outside20: 0, spots: [] };
  const outside: [number, number, number][] = [];
  for (const i of chosen) {
    const error = border.index.nearest(lons[i]!, lats[i]!)!.distance - distanceM;
    if (Math.abs(error) > 20) outside.push([lons[i]!, lats[i]!, error]);
    if (error < result.min) {
      result.min = error;
      result.minAt = [lons[i]!, lats[i]!];
    }
    if (error > result.max) {
      result.max = error;
      result.maxAt = [lons[i]!, lats[i]!];
    }
  }
  result.outside20 = outside.length;
  for (const spot of outside.sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]))) {
    if (result.spots.length < 5 && result.spots.every(([lon, lat]) => Math.hypot((lon - spot[0]) * 0.7, lat - spot[1]) > 0.045)) result.spots.push(spot);
  }
  return result;
}

const metres = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} m`;
const place = ([lon, lat]: [number, number]) => `${lon.toFixed(4)}, ${lat.toFixed(4)}`;
const describe = (e: EdgeError) =>
  `edge ${metres(e.min)} … ${metres(e.max)} (worst low at ${place(e.minAt)}, high at ${place(e.maxAt)}; ${e.measured.toLocaleString()} of ${e.samples.toLocaleString()} samples exact, ${e.outside20} outside ±20 m)`;

type Geos = Awaited<ReturnType<typeof initGeosJs>>;

/** CGCS2000 3° Gauss-Krüger zone (central meridian 3n°E) of a longitude. */
const zoneOf = (lon: number) => Math.round(lon / 3) * 3;

/**
 * GEOS (geos-wasm) buffer in metres: every border segment goes to the CGCS2000 3° Gauss-Krüger zone of
 * its midpoint (runs of segments in one zone stay joined), each zone's lines are buffered there with 16
 * segments per quadrant and projected back to lon/lat, and the zones' buffers are unioned in lon/lat.
 */
function geosBuffer(geos: Geos, lines: Position[][], distanceM: number): Polygon | MultiPolygon {
  const byZone = new Map<number, Position[][]>();
  for (const line of lines) {
    let run: Position[] = [];
    let runZone = NaN;
    for (let i = 1; i < line.length; i++) {
      const zone = zoneOf((line[i - 1]![0]! + line[i]![0]!) / 2);
      if (zone !== runZone) {
        if (run.length > 1) byZone.get(runZone)!.push(run);
        if (!byZone.has(zone)) byZone.set(zone, []);
        run = [line[i - 1]!];
        runZone = zone;
      }
      run.push(line[i]!);
    }
    if (run.length > 1) byZone.get(runZone)!.push(run);
  }
  const parts: (Polygon | MultiPolygon)[] = [];
  for (const [zone, runs] of byZone) {
    const gk = proj4('EPSG:4326', `+proj=tmerc +lat_0=0 +lon_0=${zone} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`);
    const projected = geojsonToGeosGeom({ type: 'MultiLineString', coordinates: runs.map((run) => run.map((p) => gk.forward([p[0]!, p[1]!]))) }, geos);
    const buffered = geos.GEOSBuffer(projected, distanceM, 16);
    const outline = geosGeomToGeojson(buffered, geos) as Polygon | MultiPolygon;
    geos.GEOSGeom_destroy(projected);
    geos.GEOSGeom_destroy(buffered);
    const back = (rings: Position[][]) => rings.map((ring) => ring.map((p) => gk.inverse([p[0]!, p[1]!])));
    const lonLat: Polygon | MultiPolygon =
      outline.type === 'Polygon' ? { type: 'Polygon', coordinates: back(outline.coordinates) } : { type: 'MultiPolygon', coordinates: outline.coordinates.map(back) };
    parts.push(lonLat);
  }
  return unionInGeos(geos, parts);
}

/** The union of polygons in lon/lat, by GEOS. */
function unionInGeos(geos: Geos, polygons: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  const parts = polygons.map((polygon) => geojsonToGeosGeom(polygon, geos));
  const pointers = geos.Module._malloc(4 * parts.length);
  geos.Module.HEAPU32.set(Uint32Array.from(parts), pointers / 4);
  const collection = geos.GEOSGeom_createCollection(7 /* GEOS_GEOMETRYCOLLECTION */, pointers, parts.length); // takes ownership of the parts
  geos.Module._free(pointers);
  const union = geos.GEOSUnaryUnion(collection);
  const result = geosGeomToGeojson(union, geos) as Polygon | MultiPolygon;
  geos.GEOSGeom_destroy(collection);
  geos.GEOSGeom_destroy(union);
  return result;
}

/** `count` seeded sites within `maxKm` of the border: a random border vertex, moved a random distance along a random azimuth. */
function sitesNearBorder(lines: Position[][], count: number, maxKm: number, seed: number): Float64Array {
  const vertices = lines.flat();
  const random = seededRandom(seed);
  const sites = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    const [lon, lat] = vertices[Math.floor(random() * vertices.length)] as [number, number];
    const moved = WGS84.Direct(lat, lon, random() * 360 - 180, random() * maxKm * 1000);
    sites[2 * i] = moved.lon2!;
    sites[2 * i + 1] = moved.lat2!;
  }
  return sites;
}

/**
 * The EIA border work: buffer of the provincial border (ours at 1, 20 and 100 km; Turf and GEOS at 20 km),
 * the edge error of each buffer against exact geodesic distances, and clause 二十七 verdicts for 10,000
 * sites beside Turf `pointToLineDistance` against every border line.
 */
export async function benchBorder(log: (line: string) => void, options: BorderBenchOptions): Promise<Figure[]> {
  const border = JSON.parse(readFileSync(BORDER_FILE, 'utf8')) as ProvincialBorder;
  const lines = border.features.map((f) => f.geometry.coordinates);
  const borderVertices = lines.reduce((sum, line) => sum + line.length, 0);
  const borderIndex = createBorderIndex(border);
  const sink = { value: undefined as unknown };
  const figures: Figure[] = [];
  const goalMs = 500;

  // 1. Our buffer.
  log(`border buffer of the provincial border (${border.features.length} lines, ${borderVertices.toLocaleString()} vertices), goal ≤ ${goalMs} ms at any distance:`);
  const ours = new Map<number, MultiPolygon>();
  let ours20Ms = NaN;
  for (const [distanceKm, runs] of [[20, 7], [1, 3], [100, 3]] as const) {
    const timing = time(() => bufferBorder(borderIndex.index, { distanceKm }), runs, sink);
    const result = bufferBorder(borderIndex.index, { distanceKm });
    ours.set(distanceKm, result.polygon);
    if (distanceKm === 20) ours20Ms = timing.median;
    log(
      `  ours ${String(distanceKm).padStart(3)} km: min ${timing.min.toFixed(0)} ms, median ${timing.median.toFixed(0)} ms (${timing.runs} runs) → ${timing.median <= goalMs ? 'meets' : 'MISSES'} the goal; ${result.vertices.toLocaleString()} vertices, ${result.polygon.coordinates.length} polygons${result.exact ? ', exact snap' : ''}`,
    );
    figures.push(
      { name: `border.buffer_${distanceKm}km_min`, value: timing.min, unit: 'ms' },
      { name: `border.buffer_${distanceKm}km_median`, value: timing.median, unit: 'ms' },
      { name: `border.buffer_${distanceKm}km_vertices`, value: result.vertices, unit: 'count' },
    );
  }

  // 2. Baselines at 20 km, in the same run.
  const geos = await initGeosJs();
  const geosTiming = time(() => geosBuffer(geos, lines, 20_000), 3, sink);
  const geosPolygon = geosBuffer(geos, lines, 20_000);
  log(`  GEOS 3.13 (geos-wasm) 20 km, 16 segments/quadrant, per-segment CGCS2000 3° Gauss-Krüger zone, union in lon/lat: min ${geosTiming.min.toFixed(0)} ms, median ${geosTiming.median.toFixed(0)} ms; ${vertexCount(geosPolygon).toLocaleString()} vertices → ours is ${(geosTiming.median / ours20Ms).toFixed(1)}× faster`);
  figures.push(
    { name: 'border.buffer_20km_geos_min', value: geosTiming.min, unit: 'ms' },
    { name: 'border.buffer_20km_geos_median', value: geosTiming.median, unit: 'ms' },
    { name: 'border.buffer_20km_geos_vertices', value: vertexCount(geosPolygon), unit: 'count' },
    { name: 'border.buffer_20km_speedup_vs_geos', value: geosTiming.median / ours20Ms, unit: 'x' },
  );
  let turfPolygon: Polygon | MultiPolygon | null = null;
  if (options.skipSlow) {
    log('  Turf buffer 20 km: skipped (--skip-slow or BENCH_SKIP_SLOW=1)');
  } else {
    // One run, no warm-up: DATA.md measured 86 s. Turf buffers each line on its own (its azimuthal projection
    // is centred on each line); the whole border as one MultiLineString ran out of a 4 GB heap after 5 minutes.
    // Its 13 polygons are unioned by GEOS, untimed, only so that the edge error is measured on the outline.
    const start = performance.now();
    const turfResult = turfBuffer(border, 20, { units: 'kilometers' });
    const turfMs = performance.now() - start;
    sink.value = turfResult;
    turfPolygon = unionInGeos(geos, turfResult!.features.map((f) => f.geometry));
    log(`  Turf buffer 20 km (each of the ${border.features.length} lines, default 8 steps/quadrant, 1 run, union not timed): ${(turfMs / 1000).toFixed(1)} s; ${vertexCount(turfPolygon).toLocaleString()} vertices after union → ours is ${(turfMs / ours20Ms).toFixed(0)}× faster`);
    figures.push(
      { name: 'border.buffer_20km_turf', value: turfMs, unit: 'ms' },
      { name: 'border.buffer_20km_turf_vertices', value: vertexCount(turfPolygon), unit: 'count' },
      { name: 'border.buffer_20km_speedup_vs_turf', value: turfMs / ours20Ms, unit: 'x' },
    );
  }

  // 3. Edge error: exact geodesic distance of the outline from the border, minus the buffer distance.
  log(`edge error of each buffer (exact distance − buffer distance; goal for ours ±20 m; samples every ${SAMPLE_SPACING_M} m and at vertices):`);
  const errorStart = performance.now();
  const errors: [string, string, Polygon | MultiPolygon, number][] = [
    ['ours_20km', 'ours 20 km ', ours.get(20)!, 20_000],
    ['ours_1km', 'ours 1 km  ', ours.get(1)!, 1_000],
    ['ours_100km', 'ours 100 km', ours.get(100)!, 100_000],
    ['geos_20km', 'GEOS 20 km ', geosPolygon, 20_000],
  ];
  if (turfPolygon) errors.push(['turf_20km', 'Turf 20 km ', turfPolygon, 20_000]);
  for (const [name, label, geometry, distanceM] of errors) {
    const error = edgeError(geometry, borderIndex, distanceM, 7);
    log(`  ${label} ${describe(error)}`);
    if (name.startsWith('ours') && error.spots.length) log(`    outside ±20 m at: ${error.spots.map(([lon, lat, e]) => `${lon.toFixed(4)}, ${lat.toFixed(4)} (${metres(e)})`).join('; ')}`);
    figures.push(
      { name: `border.edge_error_${name}_min`, value: error.min, unit: 'm' },
      { name: `border.edge_error_${name}_max`, value: error.max, unit: 'm' },
      { name: `border.edge_error_${name}_outside_20m`, value: error.outside20, unit: `of ${error.measured} samples` },
    );
  }
  log(`  (edge error measured in ${((performance.now() - errorStart) / 1000).toFixed(1)} s)`);

  // 4. Verdicts for 10,000 point sites.
  const locator = createLocator(loadBoundariesFile());
  const count = 10_000;
  const random = seededRandom(42);
  const inBox = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    inBox[2 * i] = 121.1 + random() * 14;
    inBox[2 * i + 1] = 43.4 + random() * 10.2;
  }
  const nearBorder = sitesNearBorder(lines, count, 40, 43);
  const verdictGoalMs = 1000;
  const turfSites = 200;
  const lineFeatures = border.features;
  log(`clause 二十七 verdicts (eiaVerdict, 20 km) for ${count.toLocaleString()} point sites, goal ≤ ${verdictGoalMs} ms:`);
  for (const [name, label, sites] of [['bbox', 'random in the province bbox', inBox], ['near', 'within 40 km of the border', nearBorder]] as const) {
    const verdicts = (n: number) => {
      const distances = new Float64Array(n);
      for (let i = 0; i < n; i++) distances[i] = eiaVerdict({ kind: 'point', lon: sites[2 * i]!, lat: sites[2 * i + 1]! }, borderIndex, locator, { thresholdKm: 20 }).distanceM;
      return distances;
    };
    const timing = time(() => verdicts(count), 3, sink);
    const ourDistances = verdicts(turfSites);
    // Naive: Turf pointToLineDistance (great circles on a sphere) to every border line, on the first 200 sites;
    // ~0.2 s a site, so a 5-site warm-up and one timed pass whose distances are also compared.
    const naive = (n: number) => {
      const distances = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const point = [sites[2 * i]!, sites[2 * i + 1]!];
        distances[i] = Math.min(...lineFeatures.map((line) => pointToLineDistance(point, line, { units: 'meters' })));
      }
      return distances;
    };
    sink.value = naive(5);
    const turfStart = performance.now();
    const turfDistances = naive(turfSites);
    const turfTiming = summarize([performance.now() - turfStart]);
    let maxDifference = 0;
    let maxDifferenceAt = 0;
    let disagreements = 0;
    for (let i = 0; i < turfSites; i++) {
      const difference = turfDistances[i]! - ourDistances[i]!;
      if (Math.abs(difference) > Math.abs(maxDifference)) {
        maxDifference = difference;
        maxDifferenceAt = i;
      }
      if (turfDistances[i]! <= 20_000 !== ourDistances[i]! <= 20_000) disagreements++;
    }
    const oursPerSite = timing.median / count;
    const turfPerSite = turfTiming.median / turfSites;
    log(`  ${label}: ours min ${timing.min.toFixed(0)} ms, median ${timing.median.toFixed(0)} ms (${(oursPerSite * 1000).toFixed(0)} µs/site) → ${timing.median <= verdictGoalMs ? 'meets' : 'MISSES'} the goal`);
    log(
      `    Turf pointToLineDistance × ${lineFeatures.length} lines, ${turfSites} sites: ${turfPerSite.toFixed(1)} ms/site (10,000 would take ${((turfPerSite * count) / 1000).toFixed(0)} s) → ours is ${(turfPerSite / oursPerSite).toFixed(0)}×; Turf − ours up to ${metres(maxDifference)} (at ${place([sites[2 * maxDifferenceAt]!, sites[2 * maxDifferenceAt + 1]!])}, our distance ${(ourDistances[maxDifferenceAt]! / 1000).toFixed(1)} km), ${disagreements} of ${turfSites} verdicts differ`,
    );
    figures.push(
      { name: `border.verdicts_10k_${name}_min`, value: timing.min, unit: 'ms' },
      { name: `border.verdicts_10k_${name}_median`, value: timing.median, unit: 'ms' },
      { name: `border.verdict_${name}_turf_per_site`, value: turfPerSite, unit: 'ms' },
      { name: `border.verdict_${name}_speedup_vs_turf`, value: turfPerSite / oursPerSite, unit: 'x' },
      { name: `border.verdict_${name}_turf_max_difference`, value: maxDifference, unit: 'm' },
      { name: `border.verdict_${name}_turf_disagreements`, value: disagreements, unit: `of ${turfSites}` },
    );
  }
  return figures;
}
