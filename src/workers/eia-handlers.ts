import type { MultiPolygon, Polygon } from 'geojson';
import { decodeBoundaries, type BoundaryTopology } from '../core/geo/boundaries.ts';
import { bufferBorder } from '../core/eia/border-buffer.ts';
import { createLocator, type Locator } from '../core/geo/create-locator.ts';
import { geodesicLength } from '../core/geo/geodesic-length.ts';
import { createBorderIndex, eiaVerdict, type BorderIndex, type EiaVerdict } from '../core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import { judgeSitesTable } from '../io/formats/judge-sites-table.ts';
import { readSitesTable } from '../io/formats/read-sites-table.ts';
import { readVectorFile } from '../io/formats/read-vector-file.ts';
import type { EiaWorkerApi } from './eia-messages.ts';
import type { WorkerHandlers } from './worker-protocol.ts';

interface Loaded {
  border: ProvincialBorder;
  borderIndex: BorderIndex;
  locator: Locator;
}

const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());

function lengthsKm(border: ProvincialBorder): Record<string, number> {
  const lengths: Record<string, number> = {};
  for (const { properties, geometry } of border.features) lengths[properties.neighbor] = (lengths[properties.neighbor] ?? 0) + geodesicLength(geometry.coordinates) / 1000;
  return lengths;
}

/**
 * The EIA worker's handlers (clause 二十七): border, buffer, verdicts and batch checks. Kept apart from
 * the worker entry so Node tests call them directly.
 */
export function createEiaHandlers(fetchText: (url: string) => Promise<string>): WorkerHandlers<EiaWorkerApi> {
  let loading: Promise<Loaded> | null = null;
  const loaded = () => {
    if (!loading) throw new Error('EIA data was not loaded: send "load" first');
    return loading;
  };
  const judge = (data: Loaded, site: Parameters<typeof eiaVerdict>[0], thresholdKm: number, downwind?: Parameters<typeof eiaVerdict>[3]['downwind']): EiaVerdict =>
    eiaVerdict(site, data.borderIndex, data.locator, { thresholdKm, downwind });
  return {
    async load({ borderUrl, boundariesUrl }) {
      loading ??= Promise.all([fetchText(borderUrl), fetchText(boundariesUrl)]).then(([borderText, boundariesText]) => {
        const border = JSON.parse(borderText) as ProvincialBorder;
        return { border, borderIndex: createBorderIndex(border), locator: createLocator(decodeBoundaries(JSON.parse(boundariesText) as BoundaryTopology)) };
      });
      const { border } = await loading;
      return { border, lengthKm: lengthsKm(border) };
    },
    async buffer({ distanceKm }, context) {
      if (!(distanceKm >= 1 && distanceKm <= 100)) throw new Error(`buffer distance ${distanceKm} km is outside 1–100 km`);
      const data = await loaded();
      const start = performance.now();
      const stages = { field: 0, contour: 1, snap: 2 } as const;
      const result = bufferBorder(data.borderIndex.index, {
        distanceKm,
        onProgress: (stage, done, total) => context?.progress(stages[stage] * 100 + Math.round((100 * done) / Math.max(1, total)), 300),
      });
      return { polygon: result.polygon, vertices: result.vertices, milliseconds: performance.now() - start };
    },
    async verdict({ site, thresholdKm, downwind }) {
      return judge(await loaded(), site, thresholdKm, downwind);
    },
    async readOutline({ file, fileName }) {
      const vector = await readVectorFile(await bytesOf(file), fileName);
      const polygons = vector.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
      const first = polygons[0];
      if (!first) {
        const kinds = [...new Set(vector.features.map((f) => f.geometry.type))].join(', ') || 'none';
        throw new Error(`${fileName}: no polygon among ${vector.features.length} feature(s) (geometry types: ${kinds}); a site outline must be a Polygon or MultiPolygon`);
      }
      const name = first.properties.name ?? first.properties.名称 ?? first.properties.NAME ?? `${fileName} #${first.number}`;
      return { geometry: first.geometry as Polygon | MultiPolygon, name, crs: vector.crs, polygonCount: polygons.length, rejectedCount: vector.rejected.length };
    },
    async batch({ file, fileName, system, epsg, thresholdKm }, context) {
      const data = await loaded();
      const start = performance.now();
      const table = await readSitesTable(await bytesOf(file), fileName, { system, epsg });
      const judged = judgeSitesTable(table, (lon, lat) => judge(data, { kind: 'point', lon, lat }, thresholdKm), (done, total) => context?.progress(done, total));
      return {
        fileName,
        sites: judged.records,
        header: judged.header,
        rows: judged.rows,
        rejectedCount: judged.refused.length,
        withinCount: judged.within,
        milliseconds: performance.now() - start,
      };
    },
  };
}
