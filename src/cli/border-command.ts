import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import { bufferBorder } from '../core/eia/border-buffer.ts';
import { createBorderIndex } from '../core/eia/eia-verdict.ts';
import { geodesicArea } from '../core/geo/geodesic-area.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import { loadBorderFile } from '../io/node/load-border-file.ts';
import { parseOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';
import { writeOutputFile } from './write-output-file.ts';

const USAGE = `usage: npm run cli -- border [--buffer <km, 1–100>] [--out border.geojson]
  without --buffer: the Heilongjiang–Jilin and Heilongjiang–Inner Mongolia border lines (property "neighbor")
  with --buffer:    the two-sided buffer polygon at that geodesic distance (for display and area queries)`;

const BUFFER_KM = { min: 1, max: 100 } as const;
const WGS84 = geographiclib.Geodesic.WGS84;

/** Buffer vertices to 1e-7° (about 1 cm): the outline is drawn to metres, more digits only add bytes. */
const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

function lengthKmByNeighbor(border: ProvincialBorder): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const { properties, geometry } of border.features) {
    let metres = 0;
    const line = geometry.coordinates;
    for (let i = 1; i < line.length; i++) metres += WGS84.Inverse(line[i - 1]![1]!, line[i - 1]![0]!, line[i]![1]!, line[i]![0]!).s12!;
    lengths.set(properties.neighbor, (lengths.get(properties.neighbor) ?? 0) + metres / 1000);
  }
  return lengths;
}

function bufferFeature(border: ProvincialBorder, distanceKm: number): { feature: Feature<MultiPolygon>; seconds: number } {
  const started = performance.now();
  const buffer = bufferBorder(createBorderIndex(border).index, { distanceKm });
  const polygon: MultiPolygon = { type: 'MultiPolygon', coordinates: buffer.polygon.coordinates.map((rings) => rings.map((ring) => ring.map((p: Position) => [round7(p[0]!), round7(p[1]!)]))) };
  const feature: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: {
      distance_km: distanceKm,
      method: 'geodesic two-sided buffer (WGS84): distance field sampled near the outline, marching squares, vertices snapped to the exact distance',
      description: `every point within ${distanceKm} km of the Heilongjiang–Jilin / Heilongjiang–Inner Mongolia border, on either side; for display and area queries: verdicts use exact geodesic distances (npm run cli -- eia)`,
      neighbors: [...new Set(border.features.map((f) => f.properties.neighbor))],
      area_km2: Math.round(geodesicArea(polygon) / 1e4) / 100,
      vertices: buffer.vertices,
      cell_m: buffer.cellMetres,
      exact_snap: buffer.exact,
    },
    geometry: polygon,
  };
  return { feature, seconds: (performance.now() - started) / 1000 };
}

/**
 * `border [--buffer <km>] [--out <file>]`: the provincial border lines, or with `--buffer` their buffer polygon,
 * as a GeoJSON FeatureCollection on stdout or in a file (then a one-line summary on stderr).
 */
export function borderCommand(args: string[]): number {
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { positional, options } = parseOptions(args, ['buffer', 'out'], USAGE);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"\n${USAGE}`);
  const bufferText = options.get('buffer');
  let distanceKm: number | null = null;
  if (bufferText !== undefined) {
    distanceKm = bufferText.trim() === '' ? Number.NaN : Number(bufferText);
    if (!(distanceKm >= BUFFER_KM.min && distanceKm <= BUFFER_KM.max)) {
      throw new UsageError(`--buffer ${bufferText}: expected a distance in km from ${BUFFER_KM.min} to ${BUFFER_KM.max} (clause 二十七 uses 20)\n${USAGE}`);
    }
  }

  const border = loadBorderFile();
  let collection: FeatureCollection;
  let summary: string;
  if (distanceKm === null) {
    collection = { type: 'FeatureCollection', features: border.features };
    const lengths = [...lengthKmByNeighbor(border)].map(([neighbor, km]) => `${neighbor} ${km.toLocaleString('en', { maximumFractionDigits: 1 })} km`);
    summary = `${border.features.length} border lines: ${lengths.join(', ')}`;
  } else {
    const { feature, seconds } = bufferFeature(border, distanceKm);
    collection = { type: 'FeatureCollection', features: [feature] };
    const { area_km2: area, vertices } = feature.properties as { area_km2: number; vertices: number };
    summary = `${distanceKm} km border buffer: ${(feature.geometry as MultiPolygon).coordinates.length} polygons, ${vertices.toLocaleString('en')} vertices, ${area.toLocaleString('en')} km², ${seconds.toFixed(1)} s`;
  }

  const json = `${JSON.stringify(collection)}\n`;
  const out = options.get('out');
  if (out) {
    writeOutputFile(out, json);
    process.stderr.write(`${summary} → ${out}\n`);
  } else process.stdout.write(json);
  return 0;
}
