import type { Feature, Geometry } from 'geojson';
import { createBoilerAuditor } from '../core/boilers/audit-boiler.ts';
import { createBoilerPlaceFinder, type BoilerLayers, type CategorisedZone } from '../core/boilers/boiler-places.ts';
import type { RuleBook } from '../core/rules.ts';
import { render, text, TextError, type Localized, type Text } from '../core/text/text.ts';
import { auditBoilersTable } from '../io/formats/audit-boilers-table.ts';
import { areaLayerOf, zoneLayerOf } from '../io/formats/read-boiler-layers.ts';
import { readBoilersTable, type BoilersTable } from '../io/formats/read-boilers-table.ts';
import { readVectorFile } from '../io/formats/read-vector-file.ts';
import type { RowRejection } from '../io/formats/row-rejection.ts';
import ruleBook from '../../seeds/rules.json';
import type { AnalysisApi, BoilerLayerKind, LoadedBoilerLayer } from './analysis-api.ts';
import type { AnalysisData } from './analysis-data.ts';
import type { WorkerHandlers } from './protocol.ts';
import type { BoilerLayerStore, LayerContent, ZoneWorkspace } from './workspace-data.ts';

type BoilerMessages = Pick<AnalysisApi, 'boilers.readLayer' | 'boilers.useEditorZones' | 'boilers.clearLayer' | 'boilers.audit' | 'boilers.check'>;

const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());
const LAYER_NAMES: Record<BoilerLayerKind, string> = { coverage: '供热管网覆盖范围', pipelines: '供热管网', builtUp: '建成区', zones: '禁燃区' };

/** What the map draws of a held layer, and what was read and left out. */
function describeLayer(kind: BoilerLayerKind, fileName: string, synthetic: boolean, content: LayerContent, rejected: RowRejection[], crs: Text): LoadedBoilerLayer {
  const features: Feature<Geometry, { name: string; category?: string; line?: boolean }>[] = [
    ...content.areas.map((area) => ({ type: 'Feature' as const, properties: { name: area.name, ...('category' in area ? { category: (area as CategorisedZone).category } : {}) }, geometry: area.geometry })),
    ...content.pipelines.map((pipe) => ({ type: 'Feature' as const, properties: { name: pipe.name, line: true }, geometry: { type: 'MultiLineString' as const, coordinates: pipe.lines } })),
  ];
  return { kind, fileName, synthetic, features: { type: 'FeatureCollection', features }, areaCount: content.areas.length, pipelineCount: content.pipelines.length, rejected, crs };
}

/**
 * Boiler audit messages (clauses 十一, 十三, 二十三): audit layers, inventory audits and one-boiler checks. The layers
 * and the last inventory stay here, so a changed layer or radius re-audits without re-reading the inventory; the zones
 * layer can be the editor's zones, taken in place.
 */
export function createBoilerHandlers(data: AnalysisData, layers: BoilerLayerStore, zones: ZoneWorkspace): WorkerHandlers<BoilerMessages> {
  const audit = createBoilerAuditor(ruleBook as RuleBook);
  let inventory: { table: BoilersTable; synthetic: boolean } | null = null;
  /** The finder over the layers held now; a layer kind not held stays unknown. */
  const finderFor = async (serviceRadiusM: number) => {
    const coverageLayers = [layers.get('coverage'), layers.get('pipelines')].filter((layer): layer is LayerContent => layer !== undefined);
    const given: BoilerLayers = {};
    if (coverageLayers.length > 0) {
      given.coverage = coverageLayers.flatMap((layer) => layer.areas);
      given.pipelines = coverageLayers.flatMap((layer) => layer.pipelines);
      given.serviceRadiusM = serviceRadiusM;
    }
    if (layers.get('builtUp')) given.builtUp = layers.get('builtUp')!.areas;
    if (layers.get('zones')) given.zones = layers.get('zones')!.zones;
    return { finder: createBoilerPlaceFinder(given, await data.locator()), given };
  };
  return {
    async 'boilers.readLayer'({ kind, file, fileName, synthetic }) {
      const vector = await readVectorFile(await bytesOf(file), fileName);
      let content: LayerContent;
      let rejected: RowRejection[];
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
      if (content.areas.length + content.pipelines.length === 0) {
        const reasons = rejected.slice(0, 3).map((r) => text('vectorFeatureReason', { n: r.row, field: r.field, reason: r.reason }));
        // A list of texts is one parameter in each language, joined as each language punctuates.
        const listed: Localized | string =
          reasons.length === 0 ? '' : { zh: `（${reasons.map((r) => render(r, 'zh')).join('；')}）`, en: ` (${reasons.map((r) => render(r, 'en')).join('; ')})` };
        throw new TextError(text('vectorLayerNothingUsable', { file: fileName, layer: LAYER_NAMES[kind], reasons: listed }));
      }
      layers.set(kind, content);
      return describeLayer(kind, fileName, synthetic, content, rejected, vector.crs);
    },
    async 'boilers.useEditorZones'({ fileName }) {
      const editorZones = zones.editorZones;
      if (editorZones.length === 0) throw new TextError(text('editorZonesNone'));
      const categorised: CategorisedZone[] = editorZones.map((zone) => ({ name: zone.name, category: zone.category, geometry: zone.geometry }));
      const content: LayerContent = { areas: categorised, pipelines: [], zones: categorised };
      layers.set('zones', content);
      return describeLayer('zones', fileName, false, content, [], text('editorZonesCrs'));
    },
    'boilers.clearLayer'({ kind }) {
      layers.delete(kind);
      return { ok: true };
    },
    async 'boilers.audit'({ file, fileName, synthetic, serviceRadiusM }, context) {
      const start = performance.now();
      // A new file becomes the kept inventory only once its audit succeeded, so the app and the worker agree.
      const next = file ? { table: await readBoilersTable(await bytesOf(file), fileName ?? 'inventory'), synthetic: synthetic ?? false } : inventory;
      if (!next) throw new Error('no boiler inventory loaded yet');
      await context.checkpoint();
      const { finder, given } = await finderFor(serviceRadiusM);
      const audited = auditBoilersTable(next.table, finder, audit, (done, total) => context.progress(done, total));
      inventory = next;
      return {
        fileName: next.table.fileName,
        synthetic: next.synthetic,
        records: audited.records,
        header: audited.header,
        rows: audited.rows,
        rejectedCount: audited.refused.length,
        noteCount: next.table.notes.length,
        milliseconds: performance.now() - start,
        layers: { coverage: layers.has('coverage'), pipelines: layers.has('pipelines'), builtUp: layers.has('builtUp'), zones: layers.has('zones') },
        serviceRadiusM: (given.pipelines?.length ?? 0) > 0 ? serviceRadiusM : null,
      };
    },
    async 'boilers.check'({ boiler, serviceRadiusM }) {
      const { finder } = await finderFor(serviceRadiusM);
      const place = finder.placeOf(boiler.lon, boiler.lat);
      return { place, audit: audit(boiler, place) };
    },
  };
}
