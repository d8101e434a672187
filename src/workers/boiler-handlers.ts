import type { Feature, Geometry } from 'geojson';
import { createBoilerAuditor } from '../core/boilers/audit-boiler.ts';
import { createBoilerPlaceFinder, type BoilerLayers, type CategorisedZone, type NamedArea, type NamedPipeline } from '../core/boilers/boiler-places.ts';
import { decodeBoundaries, type BoundaryTopology } from '../core/geo/boundaries.ts';
import { createLocator, type Locator } from '../core/geo/create-locator.ts';
import type { RuleBook } from '../core/rules.ts';
import { auditBoilersTable } from '../io/formats/audit-boilers-table.ts';
import { areaLayerOf, zoneLayerOf } from '../io/formats/read-boiler-layers.ts';
import { readBoilersTable, type BoilersTable } from '../io/formats/read-boilers-table.ts';
import { readVectorFile } from '../io/formats/read-vector-file.ts';
import ruleBook from '../../seeds/rules.json';
import type { BoilerLayerKind, BoilerWorkerApi, LoadedBoilerLayer } from './boiler-messages.ts';
import type { WorkerHandlers } from './worker-protocol.ts';

interface LayerContent {
  areas: NamedArea[];
  pipelines: NamedPipeline[];
  zones: CategorisedZone[];
}

const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());
const LAYER_NAMES: Record<BoilerLayerKind, string> = { coverage: '供热管网覆盖范围', pipelines: '供热管网', builtUp: '建成区', zones: '禁燃区' };

/**
 * The boiler worker's handlers (clauses 十一, 十三, 二十三): audit layers, inventory audits and one-boiler
 * checks. The layers and the last inventory stay here, so a changed layer or radius re-audits without
 * re-reading the inventory. Kept apart from the worker entry so Node tests call them directly.
 */
export function createBoilerHandlers(fetchText: (url: string) => Promise<string>): WorkerHandlers<BoilerWorkerApi> {
  let locating: Promise<Locator> | null = null;
  const audit = createBoilerAuditor(ruleBook as RuleBook);
  const layers = new Map<BoilerLayerKind, LayerContent>();
  let inventory: { table: BoilersTable; synthetic: boolean } | null = null;
  const locator = () => {
    if (!locating) throw new Error('boundaries were not loaded: send "load" first');
    return locating;
  };
  /** The finder over the layers loaded now; a layer kind not loaded stays unknown. */
  const finderFor = async (serviceRadiusM: number) => {
    const of = (kind: BoilerLayerKind) => layers.get(kind);
    const coverageLayers = [of('coverage'), of('pipelines')].filter((layer): layer is LayerContent => layer !== undefined);
    const given: BoilerLayers = {};
    if (coverageLayers.length > 0) {
      given.coverage = coverageLayers.flatMap((layer) => layer.areas);
      given.pipelines = coverageLayers.flatMap((layer) => layer.pipelines);
      given.serviceRadiusM = serviceRadiusM;
    }
    if (of('builtUp')) given.builtUp = of('builtUp')!.areas;
    if (of('zones')) given.zones = of('zones')!.zones;
    return { finder: createBoilerPlaceFinder(given, await locator()), given };
  };
  return {
    async load({ boundariesUrl }) {
      locating ??= fetchText(boundariesUrl).then((text) => createLocator(decodeBoundaries(JSON.parse(text) as BoundaryTopology)));
      await locating;
      return { ok: true };
    },
    async readLayer({ kind, file, fileName, synthetic }) {
      const vector = await readVectorFile(await bytesOf(file), fileName);
      let content: LayerContent;
      let rejected;
      if (kind === 'zones') {
        const zoneLayer = zoneLayerOf(vector);
        content = { areas: zoneLayer.zones, pipelines: [], zones: zoneLayer.zones };
        rejected = zoneLayer.rejected;
      } else {
        const areaLayer = areaLayerOf(vector);
        // Built-up areas are polygons only; lines in that file are not pipelines.
        content = { areas: areaLayer.areas, pipelines: kind === 'builtUp' ? [] : areaLayer.pipelines, zones: [] };
        rejected = areaLayer.rejected;
      }
      const usable = content.areas.length + content.pipelines.length;
      if (usable === 0) {
        const reasons = rejected.slice(0, 3).map((r) => `feature ${r.row}, ${r.field}: ${r.reason}`).join('; ');
        throw new Error(`${fileName}: nothing usable as ${LAYER_NAMES[kind]}${reasons ? ` (${reasons})` : ''}; the layer loaded before is kept`);
      }
      layers.set(kind, content);
      const features: Feature<Geometry, { name: string; category?: string; line?: boolean }>[] = [
        ...content.areas.map((area) => ({ type: 'Feature' as const, properties: { name: area.name, ...('category' in area ? { category: (area as CategorisedZone).category } : {}) }, geometry: area.geometry })),
        ...content.pipelines.map((pipe) => ({ type: 'Feature' as const, properties: { name: pipe.name, line: true }, geometry: { type: 'MultiLineString' as const, coordinates: pipe.lines } })),
      ];
      const loaded: LoadedBoilerLayer = {
        kind,
        fileName,
        synthetic,
        features: { type: 'FeatureCollection', features },
        areaCount: content.areas.length,
        pipelineCount: content.pipelines.length,
        rejected,
        crs: vector.crs,
      };
      return loaded;
    },
    clearLayer({ kind }) {
      layers.delete(kind);
      return { ok: true };
    },
    async audit({ file, fileName, synthetic, serviceRadiusM }, context) {
      const start = performance.now();
      // A new file becomes the kept inventory only once its audit succeeded, so the app and the worker agree.
      const next = file ? { table: await readBoilersTable(await bytesOf(file), fileName ?? 'inventory'), synthetic: synthetic ?? false } : inventory;
      if (!next) throw new Error('no boiler inventory loaded yet');
      const { finder, given } = await finderFor(serviceRadiusM);
      const { table } = next;
      const audited = auditBoilersTable(table, finder, audit, (done, total) => context?.progress(done, total));
      inventory = next;
      const hasPipelines = (given.pipelines?.length ?? 0) > 0;
      return {
        fileName: table.fileName,
        synthetic: next.synthetic,
        records: audited.records,
        header: audited.header,
        rows: audited.rows,
        rejectedCount: audited.refused.length,
        noteCount: table.notes.length,
        milliseconds: performance.now() - start,
        layers: { coverage: layers.has('coverage'), pipelines: layers.has('pipelines'), builtUp: layers.has('builtUp'), zones: layers.has('zones') },
        serviceRadiusM: hasPipelines ? serviceRadiusM : null,
      };
    },
    async check({ boiler, serviceRadiusM }) {
      const { finder } = await finderFor(serviceRadiusM);
      const place = finder.placeOf(boiler.lon, boiler.lat);
      return { place, audit: audit(boiler, place) };
    },
  };
}
