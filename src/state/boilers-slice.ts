import type { StateCreator } from 'zustand';
import type { BoilerAudit, BoilerPlace } from '../core/boilers/audit-boiler.ts';
import type { Boiler, BoilerFuel } from '../core/boilers/boiler.ts';
import { dataUrl } from '../io/data-url.ts';
import { ALL_BOILERS, type BoilerFilter, type BoilerSortKey } from './boiler-selectors.ts';
import { boilerClient } from '../workers/boiler-client.ts';
import type { BoilerAuditResult, BoilerLayerKind, LoadedBoilerLayer } from '../workers/boiler-messages.ts';

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

export type BoilerWorkspaceStatus = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };
export type BoilerBusy = { kind: 'idle' } | { kind: 'running'; label: string; done: number; total: number };

export interface BoilersSlice {
  boilerStatus: BoilerWorkspaceStatus;
  boilerLayers: Partial<Record<BoilerLayerKind, LoadedBoilerLayer>>;
  /** Distance a pipeline serves, m: an assumption shown wherever it decides a verdict. */
  boilerServiceRadiusM: number;
  boilerAudit: BoilerAuditResult | null;
  boilerBusy: BoilerBusy;
  /** The last thing that failed, as `file: reason`; what was loaded before stays. */
  boilerError: string | null;
  /** The audit table's filter and sort; they stay while the user switches tabs. */
  boilerFilter: BoilerFilter;
  boilerSort: { key: BoilerSortKey; descending: boolean };
  /** Index into `boilerAudit.records` of the boiler whose card is shown. */
  boilerSelected: number | null;
  /** 'pick': the next map click places the planned boiler of the new-build check. */
  boilerMode: 'none' | 'pick';
  boilerNewBuildForm: NewBuildForm;
  boilerNewBuild: NewBuildCheck | null;
  /** Why the new-build form cannot be checked yet; the last check stays shown. */
  boilerNewBuildProblem: 'location' | 'capacity' | null;
  openBoilers(): Promise<void>;
  loadBoilerSample(): Promise<void>;
  loadBoilerLayer(kind: BoilerLayerKind, file: Blob, fileName: string, synthetic?: boolean): Promise<void>;
  clearBoilerLayer(kind: BoilerLayerKind): Promise<void>;
  loadBoilerInventory(file: Blob, fileName: string, synthetic?: boolean): Promise<void>;
  setBoilerServiceRadius(metres: number): Promise<void>;
  selectBoiler(index: number | null): void;
  setBoilerFilter(change: Partial<BoilerFilter>): void;
  setBoilerSort(sort: { key: BoilerSortKey; descending: boolean }): void;
  setBoilerMode(mode: 'none' | 'pick'): void;
  setNewBuildForm(change: Partial<NewBuildForm>): void;
  /** A map click while placing the planned boiler: fills the form's location and checks it. */
  boilerMapClick(lon: number, lat: number): Promise<void>;
  checkNewBuild(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The planned boiler of the form, or why it cannot be checked yet. */
export function newBuildBoilerOf(form: NewBuildForm): { boiler: Boiler } | { problem: 'location' | 'capacity' } {
  const lon = Number(form.lon.trim());
  const lat = Number(form.lat.trim());
  if (form.lon.trim() === '' || form.lat.trim() === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) return { problem: 'location' };
  // Heilongjiang's box: the plan's limits apply there only.
  if (lon < 121 || lon > 135.2 || lat < 43.3 || lat > 53.6) return { problem: 'location' };
  const capacity = Number(form.capacity.trim());
  if (form.capacity.trim() === '' || !(capacity > 0)) return { problem: 'capacity' };
  return {
    boiler: {
      name: '拟建锅炉',
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

export const createBoilersSlice: StateCreator<BoilersSlice, [], [], BoilersSlice> = (set, get) => {
  let loading: Promise<void> | null = null;
  let busyCount = 0;
  const ready = async () => {
    await get().openBoilers();
    const status = get().boilerStatus;
    if (status.kind !== 'ready') throw new Error(status.kind === 'failed' ? status.message : 'the boundaries did not load');
  };
  /** Runs one worker job with a progress line; failures become the error line and keep what was loaded. */
  const job = async (label: string, run: (progress: (done: number, total: number) => void) => Promise<void>) => {
    busyCount++;
    set({ boilerBusy: { kind: 'running', label, done: 0, total: 0 } });
    try {
      await ready();
      await run((done, total) => set({ boilerBusy: { kind: 'running', label, done, total } }));
      set({ boilerError: null });
    } catch (error) {
      set({ boilerError: messageOf(error) });
    } finally {
      if (--busyCount === 0) set({ boilerBusy: { kind: 'idle' } });
    }
  };
  const reaudit = async (progress: (done: number, total: number) => void) => {
    if (get().boilerAudit) {
      const result = await boilerClient().call('audit', { serviceRadiusM: get().boilerServiceRadiusM }, { onProgress: progress });
      set({ boilerAudit: result });
    }
    if (get().boilerNewBuild) await get().checkNewBuild();
  };
  const fetchSample = async (name: string) => {
    const response = await fetch(dataUrl(name));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.blob();
  };
  return {
    boilerStatus: { kind: 'idle' },
    boilerLayers: {},
    boilerServiceRadiusM: DEFAULT_SERVICE_RADIUS_M,
    boilerAudit: null,
    boilerBusy: { kind: 'idle' },
    boilerError: null,
    boilerFilter: ALL_BOILERS,
    boilerSort: { key: 'row', descending: false },
    boilerSelected: null,
    boilerMode: 'none',
    boilerNewBuildForm: EMPTY_NEW_BUILD,
    boilerNewBuild: null,
    boilerNewBuildProblem: null,
    openBoilers: () => {
      loading ??= (async () => {
        set({ boilerStatus: { kind: 'loading' } });
        try {
          await boilerClient().call('load', { boundariesUrl: dataUrl('boundaries.topo.json') });
          set({ boilerStatus: { kind: 'ready' } });
        } catch (error) {
          loading = null;
          set({ boilerStatus: { kind: 'failed', message: messageOf(error) } });
        }
      })();
      return loading;
    },
    loadBoilerSample: () =>
      job('sample', async (progress) => {
        const kinds = Object.keys(BOILER_SAMPLE.layers) as BoilerLayerKind[];
        const files = await Promise.all(kinds.map((kind) => fetchSample(BOILER_SAMPLE.layers[kind])));
        // The worker keeps every layer it read: the store shows exactly those, even if one failed.
        const results = await Promise.allSettled(kinds.map((kind, i) => boilerClient().call('readLayer', { kind, file: files[i]!, fileName: BOILER_SAMPLE.layers[kind], synthetic: true })));
        const loaded = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
        set({ boilerLayers: { ...get().boilerLayers, ...Object.fromEntries(loaded.map((layer) => [layer.kind, layer])) } });
        const failed = results.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        const inventory = await fetchSample(BOILER_SAMPLE.inventory);
        const result = await boilerClient().call('audit', { file: inventory, fileName: BOILER_SAMPLE.inventory, synthetic: true, serviceRadiusM: get().boilerServiceRadiusM }, { onProgress: progress });
        set({ boilerAudit: result, boilerSelected: null });
      }),
    loadBoilerLayer: (kind, file, fileName, synthetic = false) =>
      job(fileName, async (progress) => {
        const layer = await boilerClient().call('readLayer', { kind, file, fileName, synthetic });
        set({ boilerLayers: { ...get().boilerLayers, [kind]: layer } });
        await reaudit(progress);
      }),
    clearBoilerLayer: (kind) =>
      job(kind, async (progress) => {
        await boilerClient().call('clearLayer', { kind });
        const layers = { ...get().boilerLayers };
        delete layers[kind];
        set({ boilerLayers: layers });
        await reaudit(progress);
      }),
    loadBoilerInventory: (file, fileName, synthetic = false) =>
      job(fileName, async (progress) => {
        const result = await boilerClient().call('audit', { file, fileName, synthetic, serviceRadiusM: get().boilerServiceRadiusM }, { onProgress: progress });
        set({ boilerAudit: result, boilerSelected: null });
      }),
    setBoilerServiceRadius: async (metres) => {
      if (!(metres > 0 && Number.isFinite(metres))) return;
      set({ boilerServiceRadiusM: Math.round(metres) });
      if (get().boilerLayers.pipelines || get().boilerLayers.coverage?.pipelineCount) await job('radius', reaudit);
    },
    selectBoiler: (index) => set({ boilerSelected: index }),
    setBoilerFilter: (change) => set({ boilerFilter: { ...get().boilerFilter, ...change } }),
    setBoilerSort: (sort) => set({ boilerSort: sort }),
    setBoilerMode: (mode) => set({ boilerMode: mode }),
    setNewBuildForm: (change) => set({ boilerNewBuildForm: { ...get().boilerNewBuildForm, ...change } }),
    boilerMapClick: async (lon, lat) => {
      set({ boilerMode: 'none', boilerNewBuildForm: { ...get().boilerNewBuildForm, lon: lon.toFixed(6), lat: lat.toFixed(6) } });
      await get().checkNewBuild();
    },
    checkNewBuild: async () => {
      const planned = newBuildBoilerOf(get().boilerNewBuildForm);
      if ('problem' in planned) {
        set({ boilerNewBuildProblem: planned.problem });
        return;
      }
      set({ boilerNewBuildProblem: null });
      await job('check', async () => {
        const result = await boilerClient().call('check', { boiler: planned.boiler, serviceRadiusM: get().boilerServiceRadiusM });
        set({ boilerNewBuild: { boiler: planned.boiler, ...result } });
      });
    },
  };
};
