import type { StateCreator } from 'zustand';
import { FIRE_ANALYSIS_DEFAULTS, type FireAnalysisOptions } from '../core/fires/analyze-fires.ts';
import { NO_FIRE_FILTER, type FireFilter } from '../core/fires/fire-summaries.ts';
import { dataUrl } from '../io/data-url.ts';
import type { FireColumns } from '../io/formats/read-fire-file.ts';
import { cancelFireImport, fireClient, importFireFile } from '../workers/fire-client.ts';
import type { FireImportResult } from '../workers/fire-messages.ts';

/** The loaded fire points and their analysis, plus whether they are the synthetic sample. */
export interface FireData extends FireImportResult {
  synthetic: boolean;
}

export type FireStatus =
  | { kind: 'idle' }
  | { kind: 'importing'; fileName: string; done: number; total: number }
  | { kind: 'failed'; fileName: string; message: string };

export type FireStyle = 'confidence' | 'frp' | 'heatmap' | 'hexbin';

/** Where a patrol stands; set by the coordinator, kept across reloads. */
export type PatrolStatus = '待核查' | '已派出' | '已核实' | '误报';
export const PATROL_STATUSES: PatrolStatus[] = ['待核查', '已派出', '已核实', '误报'];

/** A file the user chose, kept so a corrected column mapping can re-read it. */
interface FireSource {
  name: string;
  synthetic: boolean;
  read(): Promise<Blob>;
}

export interface FiresSlice {
  fireStatus: FireStatus;
  fireData: FireData | null;
  fireSource: FireSource | null;
  fireFilter: FireFilter;
  fireSettings: FireAnalysisOptions;
  fireStyle: FireStyle;
  /** Patrol status by patrol key (file, first seen and place), persisted. */
  patrolStatus: Record<string, PatrolStatus>;
  selectedFire: { index: number; header: string[]; fields: string[]; line: number } | null;
  importFires(file: File, columns?: Partial<FireColumns>): Promise<void>;
  loadSampleFires(): Promise<void>;
  /** Re-reads the current file with a corrected column mapping. */
  remapFireColumns(columns: Partial<FireColumns>): Promise<void>;
  cancelFireImport(): void;
  setFireFilter(change: Partial<FireFilter>): void;
  setFireSettings(change: Partial<FireAnalysisOptions>): Promise<void>;
  setFireStyle(style: FireStyle): void;
  setPatrolStatus(key: string, status: PatrolStatus): void;
  selectFire(index: number | null): Promise<void>;
}

export const SAMPLE_FIRES_FILE = 'sample-fires.csv';

export const createFiresSlice: StateCreator<FiresSlice, [], [], FiresSlice> = (set, get) => {
  const load = async (source: FireSource, columns?: Partial<FireColumns>) => {
    set({ fireStatus: { kind: 'importing', fileName: source.name, done: 0, total: 0 } });
    try {
      const file = await source.read();
      const result = await importFireFile(
        { file, fileName: source.name, columns, options: get().fireSettings, boundariesUrl: dataUrl('boundaries.topo.json') },
        (done, total) => set({ fireStatus: { kind: 'importing', fileName: source.name, done, total } }),
      );
      set({ fireData: { ...result, synthetic: source.synthetic }, fireSource: source, fireStatus: { kind: 'idle' }, selectedFire: null, fireFilter: NO_FIRE_FILTER });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The previous data stays loaded; only the status says what went wrong.
      set({ fireStatus: message === 'cancelled' ? { kind: 'idle' } : { kind: 'failed', fileName: source.name, message } });
    }
  };
  return {
    fireStatus: { kind: 'idle' },
    fireData: null,
    fireSource: null,
    fireFilter: NO_FIRE_FILTER,
    fireSettings: { ...FIRE_ANALYSIS_DEFAULTS },
    fireStyle: 'confidence',
    patrolStatus: {},
    selectedFire: null,
    importFires: (file, columns) => load({ name: file.name, synthetic: false, read: async () => file }, columns),
    loadSampleFires: () =>
      load({
        name: SAMPLE_FIRES_FILE,
        synthetic: true,
        read: async () => {
          const response = await fetch(dataUrl(SAMPLE_FIRES_FILE));
          if (!response.ok) throw new Error(`${SAMPLE_FIRES_FILE}: HTTP ${response.status}`);
          return response.blob();
        },
      }),
    remapFireColumns: async (columns) => {
      const source = get().fireSource;
      if (source) await load(source, columns);
    },
    cancelFireImport: () => {
      cancelFireImport();
      set({ fireStatus: { kind: 'idle' } });
    },
    setFireFilter: (change) => set({ fireFilter: { ...get().fireFilter, ...change } }),
    setFireSettings: async (change) => {
      const fireSettings = { ...get().fireSettings, ...change };
      set({ fireSettings });
      const data = get().fireData;
      if (!data) return;
      const analysis = await fireClient().call('analyze', { options: fireSettings });
      if (get().fireData === data) set({ fireData: { ...data, analysis } });
    },
    setFireStyle: (fireStyle) => set({ fireStyle }),
    setPatrolStatus: (key, status) => set({ patrolStatus: { ...get().patrolStatus, [key]: status } }),
    selectFire: async (index) => {
      if (index === null) {
        set({ selectedFire: null });
        return;
      }
      const record = await fireClient().call('record', { index });
      set({ selectedFire: { index, ...record } });
    },
  };
};

/**
 * A patrol cluster's key that survives reloads and re-imports of the same file: file name, first
 * detection (to the minute) and place (to about 100 m).
 */
export function patrolKey(fileName: string, cluster: { first: number; lon: number; lat: number }): string {
  return `${fileName}|${Math.round(cluster.first / 60000)}|${cluster.lon.toFixed(3)}|${cluster.lat.toFixed(3)}`;
}
