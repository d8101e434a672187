import type { StateCreator } from 'zustand';
import { FIRE_ANALYSIS_DEFAULTS, type FireAnalysisOptions } from '../core/fires/analyze-fires.ts';
import { NO_FIRE_FILTER, type FireFilter } from '../core/fires/fire-summaries.ts';
import type { FirePoints } from '../core/fires/fire-points.ts';
import { emptyPatrolMarks, markCluster, type PatrolMarks, type PatrolStatus } from '../core/fires/patrol-status.ts';
import { errorText, text, type Text } from '../core/text/text.ts';
import type { FireColumns } from '../io/formats/read-fire-file.ts';
import type { FireImportResult } from '../workers/analysis-api.ts';
import { isCancelled } from '../workers/protocol.ts';
import type { Keeper } from './keeper.ts';
import type { MapSlice } from './map-slice.ts';
import type { AppPorts } from './ports.ts';

/** The loaded fire points and their analysis, the file they came from, and whether they are the synthetic sample. */
export interface FireData extends FireImportResult {
  /** Stable id of this import: statuses and the stored copy belong to it. */
  id: string;
  synthetic: boolean;
  /** ISO 8601. */
  importedAt: string;
}

export type FireStatus =
  | { kind: 'idle' }
  | { kind: 'importing'; fileName: string; done: number; total: number }
  | { kind: 'failed'; fileName: string; message: Text | string };

export type FireStyle = 'confidence' | 'frp' | 'heatmap' | 'hexbin';

/** What is kept of a fire import, written once per import: the file itself (for point cards and exports), the mapping and the points. */
export interface StoredFires {
  data: FireData;
  file: Blob;
  columns: Partial<FireColumns> | undefined;
}

/** The coordinator's view of the fires, kept apart from the file so a filter change writes a few bytes, not the file again. */
export interface StoredFireView {
  settings: FireAnalysisOptions;
  filter: FireFilter;
}

export interface FiresSlice {
  fireStatus: FireStatus;
  fireData: FireData | null;
  fireFilter: FireFilter;
  fireSettings: FireAnalysisOptions;
  fireStyle: FireStyle;
  /** Statuses the coordinator set, on the detections of the loaded file (kept across reloads and re-clustering). */
  patrolMarks: PatrolMarks | null;
  /** The patrol cluster chosen in the list: highlighted on the map. */
  patrolSelected: number | null;
  selectedFire: { index: number; header: string[]; fields: string[]; line: number } | null;
  importFires(file: File, columns?: Partial<FireColumns>): Promise<void>;
  loadSampleFires(): Promise<void>;
  /** Re-reads the current file with a corrected column mapping. */
  remapFireColumns(columns: Partial<FireColumns>): Promise<void>;
  cancelFireImport(): void;
  setFireFilter(change: Partial<FireFilter>): void;
  setFireSettings(change: Partial<FireAnalysisOptions>): Promise<void>;
  setFireStyle(style: FireStyle): void;
  setPatrolStatus(cluster: number, status: PatrolStatus): void;
  /** Chooses a patrol cluster in the list: highlighted, and the map moves to it. */
  selectPatrolCluster(cluster: number | null, at?: [number, number]): void;
  selectFire(index: number | null): Promise<void>;
  /** CSV of the visible points with their attribution (the `fires` command's output). */
  exportFirePoints(indices: Uint32Array): Promise<string>;
  /** CSV of every rejected row with its line, field and reason. */
  exportRejectedFires(): Promise<string>;
  /** Puts back the fires kept in this browser (start-up). */
  restoreFires(): Promise<void>;
}

export const SAMPLE_FIRES_FILE = 'sample-fires.csv';

/** The same detections in the same order (position and time), so statuses set on one hold for the other. */
function sameDetections(a: FirePoints, b: FirePoints): boolean {
  if (a.count !== b.count) return false;
  for (let i = 0; i < a.count; i++) if (a.lon[i] !== b.lon[i] || a.lat[i] !== b.lat[i] || !Object.is(a.time[i], b.time[i])) return false;
  return true;
}
const FIRES_KEY = 'fires';
const PATROL_KEY = 'patrol';
const VIEW_KEY = 'fires.view';

/** A file the user chose, kept so a corrected column mapping can re-read it. */
interface FireSource {
  name: string;
  synthetic: boolean;
  read(): Promise<Blob>;
}

export const createFiresSlice =
  (ports: AppPorts, keeper: Keeper): StateCreator<FiresSlice & MapSlice, [], [], FiresSlice> =>
  (set, get) => {
    let importing: AbortController | null = null;
    let source: { file: Blob; columns: Partial<FireColumns> | undefined } | null = null;
    /** Goes up with every analysis asked for: only the latest settings' result is shown. */
    let analysisRequest = 0;
    /** Settles once the worker holds the file shown (after a restore it reads the kept file again): point cards, exports and new settings wait for it. */
    let workerHasFile: Promise<unknown> = Promise.resolve();

    const keepFires = () => {
      const data = get().fireData;
      if (!data || !source) return;
      const stored: StoredFires = { data, file: source.file, columns: source.columns };
      keeper.keep({ key: FIRES_KEY, kind: 'fires', label: data.fileName }, stored);
    };
    const keepView = () => {
      const view: StoredFireView = { settings: get().fireSettings, filter: get().fireFilter };
      keeper.keep({ key: VIEW_KEY, kind: 'fires', label: text('storedFireView') }, view);
    };
    const keepMarks = () => {
      const marks = get().patrolMarks;
      const data = get().fireData;
      if (marks && data) keeper.keep({ key: PATROL_KEY, kind: 'patrol', label: data.fileName }, { fireId: data.id, marks });
    };

    const load = async (from: FireSource, columns?: Partial<FireColumns>) => {
      importing?.abort();
      const controller = new AbortController();
      importing = controller;
      analysisRequest++; // an analysis of the previous file still running must not land on this one
      set({ fireStatus: { kind: 'importing', fileName: from.name, done: 0, total: 0 } });
      try {
        const file = await from.read();
        const result = await ports.analysis.call(
          'fires.import',
          { file, fileName: from.name, columns, options: get().fireSettings },
          { signal: controller.signal, onProgress: (done, total) => set({ fireStatus: { kind: 'importing', fileName: from.name, done, total } }) },
        );
        const previous = get().fireData;
        // The same file read again (a corrected mapping, or the same detections) keeps its statuses.
        const same = previous !== null && sameDetections(previous.points, result.points);
        const data: FireData = { ...result, id: same ? previous.id : crypto.randomUUID(), synthetic: from.synthetic, importedAt: new Date().toISOString() };
        source = { file, columns };
        set({
          fireData: data,
          fireStatus: { kind: 'idle' },
          selectedFire: null,
          patrolSelected: null,
          fireFilter: NO_FIRE_FILTER,
          patrolMarks: same && get().patrolMarks ? get().patrolMarks : emptyPatrolMarks(result.points.count),
        });
        keepFires();
        keepMarks();
        keepView();
      } catch (error) {
        // The previous data stays loaded; only the status says what went wrong.
        if (importing === controller) set({ fireStatus: isCancelled(error) ? { kind: 'idle' } : { kind: 'failed', fileName: from.name, message: errorText(error) } });
      } finally {
        if (importing === controller) importing = null;
      }
    };

    return {
      fireStatus: { kind: 'idle' },
      fireData: null,
      fireFilter: NO_FIRE_FILTER,
      fireSettings: { ...FIRE_ANALYSIS_DEFAULTS },
      fireStyle: 'confidence',
      patrolMarks: null,
      patrolSelected: null,
      selectedFire: null,
      importFires: (file, columns) => load({ name: file.name, synthetic: false, read: async () => file }, columns),
      loadSampleFires: () => load({ name: SAMPLE_FIRES_FILE, synthetic: true, read: () => ports.fetchData(SAMPLE_FIRES_FILE) }),
      remapFireColumns: async (columns) => {
        const data = get().fireData;
        const kept = source;
        if (data && kept) await load({ name: data.fileName, synthetic: data.synthetic, read: async () => kept.file }, columns);
      },
      cancelFireImport: () => {
        importing?.abort();
        importing = null;
        set({ fireStatus: { kind: 'idle' } });
      },
      setFireFilter: (change) => {
        set({ fireFilter: { ...get().fireFilter, ...change } });
        keepView();
      },
      setFireSettings: async (change) => {
        const fireSettings = { ...get().fireSettings, ...change };
        set({ fireSettings });
        keepView();
        const data = get().fireData;
        if (!data) return;
        const request = ++analysisRequest;
        try {
          await workerHasFile;
          const analysis = await ports.analysis.call('fires.analyze', { options: fireSettings });
          const current = get().fireData;
          if (request !== analysisRequest || !current) return; // newer settings, or another file, came meanwhile
          // Cluster numbers change with the settings; statuses stay on their detections, so nothing is lost.
          set({ fireData: { ...current, analysis }, patrolSelected: null });
        } catch (error) {
          if (request === analysisRequest) set({ fireStatus: { kind: 'failed', fileName: data.fileName, message: errorText(error) } });
        }
      },
      setFireStyle: (fireStyle) => set({ fireStyle }),
      setPatrolStatus: (cluster, status) => {
        const data = get().fireData;
        if (!data) return;
        set({ patrolMarks: markCluster(get().patrolMarks ?? emptyPatrolMarks(data.points.count), data.analysis.clusterId, cluster, status, Date.now()) });
        keepMarks();
      },
      selectPatrolCluster: (cluster, at) => {
        set({ patrolSelected: cluster });
        if (cluster !== null && at) get().focusPoint(at[0], at[1], 11);
      },
      selectFire: async (index) => {
        if (index === null) return set({ selectedFire: null });
        await workerHasFile;
        const record = await ports.analysis.call('fires.record', { index });
        set({ selectedFire: { index, ...record } });
      },
      exportFirePoints: async (indices) => {
        await workerHasFile;
        return ports.analysis.call('fires.exportPoints', { indices });
      },
      exportRejectedFires: async () => {
        await workerHasFile;
        return ports.analysis.call('fires.exportRejected', {});
      },
      restoreFires: async () => {
        try {
          const view = await keeper.load<StoredFireView>(VIEW_KEY);
          if (view && !get().fireData) set({ fireSettings: view.settings, fireFilter: view.filter });
          const stored = await keeper.load<StoredFires>(FIRES_KEY);
          if (!stored || get().fireData || importing) return;
          const kept = await keeper.load<{ fireId: string; marks: PatrolMarks }>(PATROL_KEY);
          if (get().fireData || importing) return; // the user imported a file meanwhile: theirs wins
          source = { file: stored.file, columns: stored.columns };
          set({ fireData: stored.data, patrolMarks: kept?.fireId === stored.data.id ? kept.marks : emptyPatrolMarks(stored.data.points.count) });
          // The worker reads the kept file again, in the background, for point cards and exports, with the kept
          // settings (the clusters are recomputed). An import the user starts meanwhile cancels it.
          const controller = new AbortController();
          importing = controller;
          const request = ++analysisRequest;
          const reading = ports.analysis.call(
            'fires.import',
            { file: stored.file, fileName: stored.data.fileName, columns: stored.columns, options: get().fireSettings },
            { signal: controller.signal },
          );
          workerHasFile = reading.catch(() => undefined);
          try {
            const result = await reading;
            if (request === analysisRequest && get().fireData?.id === stored.data.id) set({ fireData: { ...get().fireData!, analysis: result.analysis } });
          } finally {
            if (importing === controller) importing = null;
          }
        } catch (error) {
          if (isCancelled(error)) return;
          set({ fireStatus: { kind: 'failed', fileName: get().fireData?.fileName ?? '', message: errorText(error) } });
        }
      },
    };
  };
