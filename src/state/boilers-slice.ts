import type { StateCreator } from 'zustand';
import type { BoilerAudit, BoilerPlace } from '../core/boilers/audit-boiler.ts';
import type { Boiler, BoilerFuel } from '../core/boilers/boiler.ts';
import { errorText, render, text, type Language, type Text } from '../core/text/text.ts';
import { BOILER_LAYER_KINDS, type BoilerAuditResult, type BoilerLayerKind, type LoadedBoilerLayer } from '../workers/analysis-api.ts';
import { ALL_BOILERS, type BoilerFilter, type BoilerSortKey } from './boiler-selectors.ts';
import type { Keeper } from './keeper.ts';
import { BROWSE, type MapSlice } from './map-slice.ts';
import type { AppPorts } from './ports.ts';
import type { SettingsSlice } from './settings-slice.ts';

/** The service radius around pipelines assumed until the user states another (m). */
export const DEFAULT_SERVICE_RADIUS_M = 1000;

/** The shipped synthetic sample: inventory and one file per layer. */
export const BOILER_SAMPLE = {
  inventory: 'sample-boilers.csv',
  layers: { coverage: 'sample-heating-coverage.geojson', pipelines: 'sample-heating-pipelines.geojson', builtUp: 'sample-built-up.geojson', zones: 'sample-no-burn-zones.geojson' } satisfies Record<BoilerLayerKind, string>,
};

/** The new-build check form, as typed (kept as text so nothing typed is lost). */
export interface NewBuildForm {
  lon: string;
  lat: string;
  capacity: string;
  unit: 'tph' | 'mw';
  fuel: BoilerFuel;
  /** 'layer': the built-up layer decides; 'yes'/'no': the planner says. */
  builtUp: 'layer' | 'yes' | 'no';
}

export const EMPTY_NEW_BUILD: NewBuildForm = { lon: '', lat: '', capacity: '', unit: 'tph', fuel: '燃煤', builtUp: 'layer' };

/** A checked planned boiler. */
export interface NewBuildCheck {
  boiler: Boiler;
  place: BoilerPlace;
  audit: BoilerAudit;
}

export type BoilerBusy = { kind: 'idle' } | { kind: 'running'; label: Text | string; done: number; total: number };

/** The short name of a layer kind, for the busy line. */
const LAYER_SHORT: Record<BoilerLayerKind, Text> = { coverage: text('coverageShort'), pipelines: text('pipelinesShort'), builtUp: text('layerBuiltUp'), zones: text('zonesShort') };

/** A file kept for the audit: read again on reload. `editorZones` stands for the zone editor's zones, handed over in the worker. */
type KeptFile = { file: Blob; fileName: string; synthetic: boolean } | { editorZones: true; fileName: string };

const INVENTORY_KEY = 'boilers.inventory';
const layerKey = (kind: BoilerLayerKind) => `boilers.layer.${kind}`;

export interface BoilersSlice {
  boilerLayers: Partial<Record<BoilerLayerKind, LoadedBoilerLayer>>;
  /** Distance a pipeline serves, m: an assumption shown wherever it decides a verdict. */
  boilerServiceRadiusM: number;
  boilerAudit: BoilerAuditResult | null;
  boilerBusy: BoilerBusy;
  /** The last thing that failed, as `file: reason`; what was loaded before stays. */
  boilerError: Text | string | null;
  /** The audit table's filter and sort; they stay while the user switches tabs. */
  boilerFilter: BoilerFilter;
  boilerSort: { key: BoilerSortKey; descending: boolean };
  /** Index into `boilerAudit.records` of the boiler whose card is shown (and highlighted on the map). */
  boilerSelected: number | null;
  boilerNewBuildForm: NewBuildForm;
  boilerNewBuild: NewBuildCheck | null;
  /** Why the new-build form cannot be checked yet; the last check stays shown. */
  boilerNewBuildProblem: 'location' | 'capacity' | null;
  loadBoilerSample(): Promise<void>;
  loadBoilerLayer(kind: BoilerLayerKind, file: Blob, fileName: string, synthetic?: boolean): Promise<void>;
  /** One layer of the synthetic sample (the zone editor's drafts need the coverage). */
  loadBoilerSampleLayer(kind: BoilerLayerKind): Promise<void>;
  /** The zone editor's zones as the zones layer (held in the worker; no file round trip). */
  useEditorZonesInAudit(fileName: string): Promise<void>;
  clearBoilerLayer(kind: BoilerLayerKind): Promise<void>;
  loadBoilerInventory(file: Blob, fileName: string, synthetic?: boolean): Promise<void>;
  setBoilerServiceRadius(metres: number): Promise<void>;
  /** Chooses a boiler (table row or map click): its card shows, and with `fly` the map moves to it. */
  selectBoiler(index: number | null, fly?: boolean): void;
  setBoilerFilter(change: Partial<BoilerFilter>): void;
  setBoilerSort(sort: { key: BoilerSortKey; descending: boolean }): void;
  setNewBuildForm(change: Partial<NewBuildForm>): void;
  /** A map click while placing the planned boiler: fills the form's location and checks it. */
  boilerMapClick(lon: number, lat: number): Promise<void>;
  checkNewBuild(): Promise<void>;
  restoreBoilers(): Promise<void>;
}

/** The planned boiler of the form, or why it cannot be checked yet. */
export function newBuildBoilerOf(form: NewBuildForm, language: Language = 'zh'): { boiler: Boiler } | { problem: 'location' | 'capacity' } {
  const lon = Number(form.lon.trim());
  const lat = Number(form.lat.trim());
  if (form.lon.trim() === '' || form.lat.trim() === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) return { problem: 'location' };
  // Heilongjiang's box: the plan's limits apply there only.
  if (lon < 121 || lon > 135.2 || lat < 43.3 || lat > 53.6) return { problem: 'location' };
  const capacity = Number(form.capacity.trim());
  if (form.capacity.trim() === '' || !(capacity > 0)) return { problem: 'capacity' };
  return {
    boiler: {
      name: render(text('plannedBoilerName'), language),
      lon,
      lat,
      capacityTph: form.unit === 'tph' ? capacity : null,
      capacityMw: form.unit === 'mw' ? capacity : null,
      fuel: form.fuel,
      use: null,
      status: '拟建',
      builtUp: form.builtUp === 'layer' ? null : form.builtUp === 'yes',
      city: null,
      county: null,
    },
  };
}

export const createBoilersSlice =
  (ports: AppPorts, keeper: Keeper): StateCreator<BoilersSlice & MapSlice & SettingsSlice, [], [], BoilersSlice> =>
  (set, get) => {
    let busyCount = 0;
    /** Goes up with every inventory or layer the user loads or removes: a restore still running then stops, so it never puts older files back. */
    let userRevision = 0;
    /** Goes up with every audit asked for: only the latest one's result is shown (two can overlap in the worker). */
    let auditRequest = 0;
    /** Runs one worker job with a progress line; failures become the error line and keep what was loaded. */
    const job = async (label: Text | string, run: (progress: (done: number, total: number) => void) => Promise<void>) => {
      busyCount++;
      set({ boilerBusy: { kind: 'running', label, done: 0, total: 0 } });
      try {
        await get().loadBoundaries();
        await run((done, total) => set({ boilerBusy: { kind: 'running', label, done, total } }));
        set({ boilerError: null });
      } catch (error) {
        set({ boilerError: errorText(error) });
      } finally {
        if (--busyCount === 0) set({ boilerBusy: { kind: 'idle' } });
      }
    };
    const reaudit = async (progress: (done: number, total: number) => void) => {
      if (get().boilerAudit) {
        const request = ++auditRequest;
        const result = await ports.analysis.call('boilers.audit', { serviceRadiusM: get().boilerServiceRadiusM }, { onProgress: progress });
        if (request === auditRequest) set({ boilerAudit: result });
      }
      if (get().boilerNewBuild) await get().checkNewBuild();
    };
    const keepFile = (key: string, kept: KeptFile) => keeper.keep({ key, kind: 'boilers', label: kept.fileName }, kept);
    const readLayer = async (kind: BoilerLayerKind, file: Blob, fileName: string, synthetic: boolean) => {
      const layer = await ports.analysis.call('boilers.readLayer', { kind, file, fileName, synthetic });
      set({ boilerLayers: { ...get().boilerLayers, [kind]: layer } });
      keepFile(layerKey(kind), { file, fileName, synthetic });
    };
    const audit = async (file: Blob, fileName: string, synthetic: boolean, progress: (done: number, total: number) => void) => {
      const request = ++auditRequest;
      const result = await ports.analysis.call('boilers.audit', { file, fileName, synthetic, serviceRadiusM: get().boilerServiceRadiusM }, { onProgress: progress });
      if (request !== auditRequest) return;
      set({ boilerAudit: result, boilerSelected: null });
      keepFile(INVENTORY_KEY, { file, fileName, synthetic });
    };
    return {
      boilerLayers: {},
      boilerServiceRadiusM: DEFAULT_SERVICE_RADIUS_M,
      boilerAudit: null,
      boilerBusy: { kind: 'idle' },
      boilerError: null,
      boilerFilter: ALL_BOILERS,
      boilerSort: { key: 'row', descending: false },
      boilerSelected: null,
      boilerNewBuildForm: EMPTY_NEW_BUILD,
      boilerNewBuild: null,
      boilerNewBuildProblem: null,
      loadBoilerSample: () =>
        job(text('boilerBusySample'), async (progress) => {
          userRevision++;
          const kinds = Object.keys(BOILER_SAMPLE.layers) as BoilerLayerKind[];
          const files = await Promise.all(kinds.map((kind) => ports.fetchData(BOILER_SAMPLE.layers[kind])));
          // The worker keeps every layer it read: the store shows exactly those, even if one failed.
          const results = await Promise.allSettled(kinds.map((kind, i) => readLayer(kind, files[i]!, BOILER_SAMPLE.layers[kind], true)));
          const failed = results.find((result) => result.status === 'rejected');
          if (failed) throw failed.reason;
          await audit(await ports.fetchData(BOILER_SAMPLE.inventory), BOILER_SAMPLE.inventory, true, progress);
        }),
      loadBoilerLayer: (kind, file, fileName, synthetic = false) =>
        job(fileName, async (progress) => {
          userRevision++;
          await readLayer(kind, file, fileName, synthetic);
          await reaudit(progress);
        }),
      loadBoilerSampleLayer: async (kind) => {
        const fileName = BOILER_SAMPLE.layers[kind];
        await get().loadBoilerLayer(kind, await ports.fetchData(fileName), fileName, true);
      },
      useEditorZonesInAudit: (fileName) =>
        job(fileName, async (progress) => {
          const layer = await ports.analysis.call('boilers.useEditorZones', { fileName });
          set({ boilerLayers: { ...get().boilerLayers, zones: layer } });
          keepFile(layerKey('zones'), { editorZones: true, fileName });
          await reaudit(progress);
        }),
      clearBoilerLayer: (kind) =>
        job(text('boilerBusyClear', { layer: LAYER_SHORT[kind] }), async (progress) => {
          userRevision++;
          await ports.analysis.call('boilers.clearLayer', { kind });
          const layers = { ...get().boilerLayers };
          delete layers[kind];
          set({ boilerLayers: layers });
          await keeper.forget(layerKey(kind));
          await reaudit(progress);
        }),
      loadBoilerInventory: (file, fileName, synthetic = false) =>
        job(fileName, (progress) => {
          userRevision++;
          return audit(file, fileName, synthetic, progress);
        }),
      setBoilerServiceRadius: async (metres) => {
        if (!(metres > 0 && Number.isFinite(metres))) return;
        set({ boilerServiceRadiusM: Math.round(metres) });
        if (get().boilerLayers.pipelines || get().boilerLayers.coverage?.pipelineCount) await job(text('boilerBusyRadius'), reaudit);
      },
      selectBoiler: (index, fly = false) => {
        set({ boilerSelected: index });
        const boiler = index === null ? null : get().boilerAudit?.records[index]?.boiler;
        if (fly && boiler) get().focusPoint(boiler.lon, boiler.lat, 13);
      },
      setBoilerFilter: (change) => set({ boilerFilter: { ...get().boilerFilter, ...change } }),
      setBoilerSort: (sort) => set({ boilerSort: sort }),
      setNewBuildForm: (change) => set({ boilerNewBuildForm: { ...get().boilerNewBuildForm, ...change } }),
      boilerMapClick: async (lon, lat) => {
        set({ mapMode: BROWSE, boilerNewBuildForm: { ...get().boilerNewBuildForm, lon: lon.toFixed(6), lat: lat.toFixed(6) } });
        await get().checkNewBuild();
      },
      checkNewBuild: async () => {
        const planned = newBuildBoilerOf(get().boilerNewBuildForm, get().language);
        if ('problem' in planned) {
          set({ boilerNewBuildProblem: planned.problem });
          return;
        }
        set({ boilerNewBuildProblem: null });
        await job(text('boilerBusyCheck'), async () => {
          const result = await ports.analysis.call('boilers.check', { boiler: planned.boiler, serviceRadiusM: get().boilerServiceRadiusM });
          set({ boilerNewBuild: { boiler: planned.boiler, ...result } });
        });
      },
      restoreBoilers: async () => {
        let kept: (KeptFile | undefined)[];
        let inventory: KeptFile | undefined;
        try {
          kept = await Promise.all(BOILER_LAYER_KINDS.map((kind) => keeper.load<KeptFile>(layerKey(kind))));
          inventory = await keeper.load<KeptFile>(INVENTORY_KEY);
        } catch (error) {
          set({ boilerError: errorText(error) });
          return;
        }
        if (!inventory && kept.every((k) => !k)) return;
        // Anything the user loaded or removed in this page, before or during the restore, wins over what was kept.
        const stale = () => userRevision !== 0;
        if (stale()) return;
        await job(text('boilerBusyRestore'), async (progress) => {
          for (const [i, kind] of BOILER_LAYER_KINDS.entries()) {
            const layer = kept[i];
            if (!layer || stale()) continue;
            if ('editorZones' in layer) {
              // The editor's zones reach the worker with the zone workspace's first validation.
              await get().useEditorZonesInAudit(layer.fileName).catch(() => undefined);
              continue;
            }
            const loaded = await ports.analysis.call('boilers.readLayer', { kind, file: layer.file, fileName: layer.fileName, synthetic: layer.synthetic });
            if (!stale()) set({ boilerLayers: { ...get().boilerLayers, [kind]: loaded } });
          }
          if (inventory && 'file' in inventory && !stale()) {
            const request = ++auditRequest;
            const result = await ports.analysis.call('boilers.audit', { file: inventory.file, fileName: inventory.fileName, synthetic: inventory.synthetic, serviceRadiusM: get().boilerServiceRadiusM }, { onProgress: progress });
            if (request === auditRequest && !stale()) set({ boilerAudit: result });
          }
        });
      },
    };
  };
