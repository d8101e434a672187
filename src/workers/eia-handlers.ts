import type { MultiPolygon, Polygon } from 'geojson';
import { bufferBorder } from '../core/eia/border-buffer.ts';
import { createBorderIndex, eiaVerdict, type BorderIndex, type EiaVerdict } from '../core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import { geodesicLength } from '../core/geo/geodesic-length.ts';
import { text, TextError } from '../core/text/text.ts';
import { judgeSitesTable } from '../io/formats/judge-sites-table.ts';
import { readSitesTable } from '../io/formats/read-sites-table.ts';
import { readVectorFile } from '../io/formats/read-vector-file.ts';
import type { AnalysisApi } from './analysis-api.ts';
import type { AnalysisData } from './analysis-data.ts';
import type { WorkerHandlers } from './protocol.ts';

type EiaMessages = Pick<AnalysisApi, 'eia.load' | 'eia.buffer' | 'eia.verdict' | 'eia.readOutline' | 'eia.batch'>;

const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());

function lengthsKm(border: ProvincialBorder): Record<string, number> {
  const lengths: Record<string, number> = {};
  for (const { properties, geometry } of border.features) lengths[properties.neighbor] = (lengths[properties.neighbor] ?? 0) + geodesicLength(geometry.coordinates) / 1000;
  return lengths;
}

/** EIA messages (clause 二十七): the border, its buffer, verdicts and batch checks. The border is fetched on first use. */
export function createEiaHandlers(data: AnalysisData): WorkerHandlers<EiaMessages> {
  let loading: Promise<{ border: ProvincialBorder; borderIndex: BorderIndex }> | null = null;
  const loaded = () => loading ?? Promise.reject(new Error('the border was not loaded: send "eia.load" first'));
  const judge = async (site: Parameters<typeof eiaVerdict>[0], thresholdKm: number, downwind?: Parameters<typeof eiaVerdict>[3]['downwind']): Promise<EiaVerdict> =>
    eiaVerdict(site, (await loaded()).borderIndex, await data.locator(), { thresholdKm, downwind });
  return {
    async 'eia.load'({ borderUrl }) {
      loading ??= data.fetchText(borderUrl).then((text) => {
        const border = JSON.parse(text) as ProvincialBorder;
        return { border, borderIndex: createBorderIndex(border) };
      });
      loading.catch(() => (loading = null)); // a failed fetch may be retried
      const { border } = await loading;
      return { border, lengthKm: lengthsKm(border) };
    },
    async 'eia.buffer'({ distanceKm }, context) {
      if (!(distanceKm >= 1 && distanceKm <= 100)) throw new Error(`buffer distance ${distanceKm} km is outside 1–100 km`);
      const { borderIndex } = await loaded();
      const start = performance.now();
      const stages = { field: 0, contour: 1, snap: 2 } as const;
      const result = bufferBorder(borderIndex.index, {
        distanceKm,
        onProgress: (stage, done, total) => context.progress(stages[stage] * 100 + Math.round((100 * done) / Math.max(1, total)), 300),
      });
      return { polygon: result.polygon, vertices: result.vertices, milliseconds: performance.now() - start };
    },
    async 'eia.verdict'({ site, thresholdKm, downwind }) {
      return judge(site, thresholdKm, downwind);
    },
    async 'eia.readOutline'({ file, fileName }) {
      const vector = await readVectorFile(await bytesOf(file), fileName);
      const polygons = vector.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
      const first = polygons[0];
      if (!first) {
        const kinds = [...new Set(vector.features.map((f) => f.geometry.type))].join(', ');
        throw new TextError(text('vectorNoPolygonOutline', { file: fileName, n: vector.features.length, types: kinds || text('vectorNoGeometryTypes') }));
      }
      const name = first.properties.name ?? first.properties.名称 ?? first.properties.NAME ?? `${fileName} #${first.number}`;
      return { geometry: first.geometry as Polygon | MultiPolygon, name, crs: vector.crs, polygonCount: polygons.length, rejectedCount: vector.rejected.length };
    },
    async 'eia.batch'({ file, fileName, system, epsg, thresholdKm }, context) {
      const { borderIndex } = await loaded();
      const locator = await data.locator();
      const start = performance.now();
      const table = await readSitesTable(await bytesOf(file), fileName, { system, epsg });
      await context.checkpoint();
      const judged = judgeSitesTable(table, (lon, lat) => eiaVerdict({ kind: 'point', lon, lat }, borderIndex, locator, { thresholdKm }), (done, total) => context.progress(done, total));
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
