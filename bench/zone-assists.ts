/**
 * The zone editor's assists (issue 6), each beside the naive way in the same run:
 * - snapping: `createSnapIndex(...).nearest` for 10,000 seeded pointer positions over the county and city edges of a
 *   city-sized view and of the whole province, against a loop over every segment with the same distance rule;
 * - drafts from coverage: `proposeZoneFromCoverage` with 200 seeded coverage squares over 哈尔滨市, against a Turf
 *   union of all of them intersected with the whole city outline.
 */
import { area as turfArea, featureCollection, intersect, polygon as turfPolygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { loadBoundariesFile } from '../src/io/node/load-boundaries-file.ts';
import { proposeZoneFromCoverage } from '../src/core/zones/propose-zone.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { createBoundaryEdgeIndex, createSnapIndex, type SnapTarget } from '../src/core/geo/snap-index.ts';
import { time, type Figure } from './measure.ts';

const QUERIES = 10_000;
const SQUARES = 200;

/** The nearest corner within the radius, else the nearest point on an edge within it: every segment looked at (a tight loop, squared distances, no allocation). */
function naiveNearest(segments: Float64Array, lon: number, lat: number, radiusDeg: number): SnapTarget | null {
  const scale = Math.cos((lat * Math.PI) / 180);
  const r2 = radiusDeg * radiusDeg;
  let vertexD = r2;
  let vertexAt = -1;
  let edgeD = r2;
  let edgeLon = 0;
  let edgeLat = 0;
  let edgeFound = false;
  for (let i = 0; i < segments.length; i += 4) {
    const x1 = segments[i]!;
    const y1 = segments[i + 1]!;
    const x2 = segments[i + 2]!;
    const y2 = segments[i + 3]!;
    const ax = (x1 - lon) * scale;
    const ay = y1 - lat;
    const bx = (x2 - lon) * scale;
    const by = y2 - lat;
    const da = ax * ax + ay * ay;
    const db = bx * bx + by * by;
    if (da <= vertexD) [vertexD, vertexAt] = [da, i];
    if (db <= vertexD) [vertexD, vertexAt] = [db, i + 2];
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    if (length2 === 0) continue;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
    const ex = ax + t * dx;
    const ey = ay + t * dy;
    const de = ex * ex + ey * ey;
    if (de < edgeD) [edgeD, edgeLon, edgeLat, edgeFound] = [de, x1 + t * (x2 - x1), y1 + t * (y2 - y1), true];
  }
  if (vertexAt >= 0) return { lon: segments[vertexAt]!, lat: segments[vertexAt + 1]!, kind: 'vertex' };
  return edgeFound ? { lon: edgeLon, lat: edgeLat, kind: 'edge' } : null;
}

function benchSnap(log: (line: string) => void, label: string, segments: Float64Array, box: [number, number, number, number]): Figure[] {
  const random = seededRandom(13);
  const queries = Array.from({ length: QUERIES }, () => [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])] as const);
  // 12 px at zoom 10 (a city view) is about 0.0015° of latitude at 46°N.
  const radiusDeg = 0.0015;
  const sink = { value: null as unknown };
  const build = time(() => createSnapIndex(segments), 5, sink);
  const index = createSnapIndex(segments);
  const ours = time(() => queries.map(([lon, lat]) => index.nearest(lon, lat, radiusDeg)), 5, sink);
  const naiveQueries = queries.slice(0, 500);
  const naive = time(() => naiveQueries.map(([lon, lat]) => naiveNearest(segments, lon, lat, radiusDeg)), 1, sink);
  const naivePerQuery = naive.median / naiveQueries.length;
  const oursPerQuery = ours.median / QUERIES;
  // Same corner or edge point within float noise; a tie between two equally near targets may pick either.
  const differing = naiveQueries.filter(([lon, lat]) => {
    const a = index.nearest(lon, lat, radiusDeg);
    const b = naiveNearest(segments, lon, lat, radiusDeg);
    return (a === null) !== (b === null) || (a && b && (a.kind !== b.kind || Math.abs(a.lon - b.lon) > 1e-9 || Math.abs(a.lat - b.lat) > 1e-9));
  }).length;
  log(`  snap, ${label} (${(segments.length / 4).toLocaleString()} segments): index build min ${build.min.toFixed(1)} / median ${build.median.toFixed(1)} ms; nearest ${(oursPerQuery * 1000).toFixed(2)} µs a pointer move; naive loop ${(naivePerQuery * 1000).toFixed(0)} µs (${(naivePerQuery / oursPerQuery).toFixed(0)}×); ${differing} of ${naiveQueries.length} differ`);
  const name = `zones.snap_${label.replace(/\W+/g, '_')}`;
  return [
    { name: `${name}_build_ms`, value: build.median, unit: 'ms' },
    { name: `${name}_nearest_us`, value: oursPerQuery * 1000, unit: 'µs' },
    { name: `${name}_naive_us`, value: naivePerQuery * 1000, unit: 'µs' },
    { name: `${name}_ratio_vs_naive`, value: oursPerQuery / naivePerQuery, unit: 'ratio' },
    { name: `${name}_differs`, value: differing, unit: 'queries' },
  ];
}

function benchPropose(log: (line: string) => void, within: Polygon | MultiPolygon): Figure[] {
  const random = seededRandom(2023);
  const coverage: Polygon[] = Array.from({ length: SQUARES }, () => {
    const [lon, lat] = [126.2 + random() * 1.0, 45.4 + random() * 0.7];
    const size = 0.005 + random() * 0.03;
    return { type: 'Polygon', coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] };
  });
  const sink = { value: null as unknown };
  const ours = time(() => proposeZoneFromCoverage(coverage, within), 3, sink);
  const naiveRun = () => {
    const merged = union(featureCollection(coverage.map((p) => turfPolygon(p.coordinates as Position[][])))) as Feature<Polygon | MultiPolygon>;
    return intersect(featureCollection([merged, { type: 'Feature', properties: {}, geometry: within } as Feature<Polygon | MultiPolygon>]));
  };
  const naive = time(naiveRun, 1, sink);
  const proposal = proposeZoneFromCoverage(coverage, within)!;
  const naiveResult = naiveRun();
  const naiveKm2 = naiveResult ? turfArea(naiveResult) / 1e6 : 0;
  const oursKm2 = turfArea({ type: 'Feature', properties: {}, geometry: proposal.geometry }) / 1e6;
  log(`  draft from ${SQUARES} coverage squares over 哈尔滨市: min ${ours.min.toFixed(0)} / median ${ours.median.toFixed(0)} ms (${proposal.coverageUsed} used, ${proposal.skipped} skipped); Turf union then intersect with the whole city: ${naive.median.toFixed(0)} ms (${(naive.median / ours.median).toFixed(1)}×); area ${oursKm2.toFixed(3)} vs ${naiveKm2.toFixed(3)} km²`);
  return [
    { name: 'zones.propose_harbin_200_ms', value: ours.median, unit: 'ms' },
    { name: 'zones.propose_harbin_200_turf_ms', value: naive.median, unit: 'ms' },
    { name: 'zones.propose_harbin_200_ratio_vs_turf', value: ours.median / naive.median, unit: 'ratio' },
    { name: 'zones.propose_harbin_200_area_difference_km2', value: Math.abs(oursKm2 - naiveKm2), unit: 'km²' },
  ];
}

/**
 * Snapping and drafts from coverage, each beside the naive way.
 *
 * @param log - Where the human-readable lines go.
 * @returns The figures for `--json`.
 */
export function benchZoneAssists(log: (line: string) => void): Figure[] {
  const boundaries = loadBoundariesFile();
  const edges = createBoundaryEdgeIndex(boundaries);
  const cityBox: [number, number, number, number] = [125.8, 45.0, 127.8, 46.5];
  const provinceBox: [number, number, number, number] = [121, 43.4, 135.1, 53.6];
  const start = performance.now();
  const cityEdges = edges.edgesIn(...cityBox, 200_000);
  const cityEdgesMs = performance.now() - start;
  log(`zone assists: county and city edges of a 2° × 1.5° view: ${(cityEdges.length / 4).toLocaleString()} segments in ${cityEdgesMs.toFixed(1)} ms`);
  const harbin = boundaries.cities.features.find((f) => f.properties.name === '哈尔滨市')!.geometry;
  return [
    { name: 'zones.snap_view_edges_ms', value: cityEdgesMs, unit: 'ms' },
    ...benchSnap(log, 'city view', cityEdges, cityBox),
    ...benchSnap(log, 'whole province', edges.edgesIn(...provinceBox, 1_000_000), provinceBox),
    ...benchPropose(log, harbin),
  ];
}

