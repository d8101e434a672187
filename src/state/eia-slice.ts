import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import type { DownwindSectorInput, EiaSite, EiaVerdict } from '../core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import { consultationDistanceKm, type RuleBook } from '../core/rules.ts';
import { errorText, text, TextError, type Text } from '../core/text/text.ts';
import type { CoordinateSystem, SiteLocation, SiteLocationErrorCode, SiteLocationInput } from '../io/formats/parse-site-location.ts';
import ruleBook from '../../seeds/rules.json';
import type { BatchResult } from '../workers/analysis-api.ts';
import { isCancelled } from '../workers/protocol.ts';
import type { Keeper } from './keeper.ts';
import { BROWSE, type MapSlice } from './map-slice.ts';
import type { AppPorts } from './ports.ts';

/** Clause 二十七's consultation distance, from the rule book (20 km). */
export const CONSULTATION_KM = consultationDistanceKm(ruleBook as RuleBook);

/** What the reviewer typed in the site form, kept as entered for the report. */
export interface SiteForm {
  system: CoordinateSystem;
  /** One field holding a pair, or separate longitude and latitude fields. */
  pair: boolean;
  text: string;
  lon: string;
  lat: string;
  x: string;
  y: string;
  /** EPSG code chosen for a Gauss-Krüger easting without its zone prefix; '' when not chosen. */
  epsg: string;
}

export const EMPTY_SITE_FORM: SiteForm = { system: 'wgs84', pair: true, text: '', lon: '', lat: '', x: '', y: '', epsg: '' };

/** Where the judged site came from. */
export type SiteSource =
  | { kind: 'typed'; form: SiteForm; location: Extract<SiteLocation, { ok: true }> }
  | { kind: 'map'; lon: number; lat: number }
  | { kind: 'drawn'; vertices: number }
  | { kind: 'file'; fileName: string; name: string; crs: Text };

/** A judged site: its source as entered, the geometry judged and the verdict. */
export interface EiaCheck {
  /** Stable id in the history. */
  id: string;
  source: SiteSource;
  site: EiaSite;
  verdict: EiaVerdict;
  /** When it was judged (ms since epoch), for the report. */
  at: number;
}

export interface DownwindSettings {
  enabled: boolean;
  /** Prevailing wind direction, degrees the wind blows from (0 = north). */
  windFrom: number;
  lengthKm: number;
  halfAngle: number;
  stackHeightM: number | null;
}

export type EiaStatus = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; lengthKm: Record<string, number> } | { kind: 'failed'; message: Text | string };
export type BatchStatus = { kind: 'idle' } | { kind: 'running'; fileName: string; done: number; total: number } | { kind: 'failed'; fileName: string; message: Text | string };

/** How many checks the history keeps (oldest dropped first). */
export const EIA_HISTORY_LIMIT = 500;
const HISTORY_KEY = 'eia.history';
const BATCH_KEY = 'eia.batch';

export interface EiaSlice {
  eiaStatus: EiaStatus;
  eiaBorder: ProvincialBorder | null;
  /** Buffer distance drawn on the map, km (1–100); verdicts always use the clause's distance. */
  eiaBufferKm: number;
  eiaBuffer: { distanceKm: number; polygon: MultiPolygon; vertices: number; milliseconds: number } | null;
  eiaBufferBusy: boolean;
  /** Why the last buffer could not be built (verdicts never depend on it). */
  eiaBufferError: Text | string | null;
  /** Vertices of the site polygon being drawn. */
  eiaDraft: [number, number][];
  eiaDownwind: DownwindSettings;
  /** The check shown in the verdict card (the latest, or one reopened from the history). */
  eiaCheck: EiaCheck | null;
  /** Every check made, newest first, kept across reloads. */
  eiaHistory: EiaCheck[];
  /** Why the last site could not be judged (field, reason); what was judged before stays. */
  eiaError: { field: string; code?: SiteLocationErrorCode; message: Text | string } | null;
  eiaBatch: BatchResult | null;
  eiaBatchStatus: BatchStatus;
  /** The batch row chosen in the table: highlighted on the map. */
  eiaBatchSelected: number | null;
  /** Starts loading the border and draws it with the buffer. */
  openEia(): Promise<void>;
  setEiaBufferKm(distanceKm: number): Promise<void>;
  checkTypedSite(form: SiteForm): Promise<void>;
  checkSite(source: SiteSource, site: EiaSite): Promise<void>;
  /** A map click while picking ('eia-pick') or drawing ('eia-draw'). */
  eiaMapClick(lon: number, lat: number): Promise<void>;
  undoDraftVertex(): void;
  finishDraft(): Promise<void>;
  loadSiteOutline(file: File): Promise<void>;
  setDownwind(change: Partial<DownwindSettings>): Promise<void>;
  runBatch(file: File, system?: CoordinateSystem, epsg?: number): Promise<void>;
  cancelBatch(): void;
  selectBatchSite(index: number | null): void;
  /** Shows a check of the history in the verdict card and on the map. */
  reopenEiaCheck(id: string): void;
  /** Judges a check of the history again against the current data; the new verdict joins the history. */
  rerunEiaCheck(id: string): Promise<void>;
  restoreEia(): Promise<void>;
}

/** The site form as the parser's input. */
export function siteInputOf(form: SiteForm): SiteLocationInput {
  if (form.system === 'gauss-kruger') return { system: 'gauss-kruger', x: form.x, y: form.y, ...(form.epsg ? { epsg: Number(form.epsg) } : {}) };
  return form.pair ? { system: form.system, text: form.text } : { system: form.system, lon: form.lon, lat: form.lat };
}

/** The point to show a check at: the site, or the nearest point of its outline. */
export function checkPoint(check: EiaCheck): [number, number] {
  return check.site.kind === 'point' ? [check.site.lon, check.site.lat] : [check.verdict.nearestSitePoint[0]!, check.verdict.nearestSitePoint[1]!];
}

export const createEiaSlice =
  (ports: AppPorts, keeper: Keeper): StateCreator<EiaSlice & MapSlice, [], [], EiaSlice> =>
  (set, get) => {
    let loading: Promise<void> | null = null;
    let bufferRequest = 0;
    let batchRun: AbortController | null = null;
    const downwindInput = (): DownwindSectorInput | undefined => {
      const d = get().eiaDownwind;
      return d.enabled ? { windFrom: d.windFrom, lengthKm: d.lengthKm, halfAngle: d.halfAngle, ...(d.stackHeightM !== null ? { stackHeightM: d.stackHeightM } : {}) } : undefined;
    };
    const ready = async () => {
      await get().openEia();
      const status = get().eiaStatus;
      if (status.kind === 'failed') throw typeof status.message === 'string' ? new Error(status.message) : new TextError(status.message);
      if (status.kind !== 'ready') throw new TextError(text('eiaBorderNotLoaded'));
    };
    const keepHistory = () => keeper.keep({ key: HISTORY_KEY, kind: 'eia', label: text('storedEiaHistory') }, get().eiaHistory);
    const judge = async (source: SiteSource, site: EiaSite) => {
      try {
        await ready();
        const verdict = await ports.analysis.call('eia.verdict', { site, thresholdKm: CONSULTATION_KM, downwind: downwindInput() });
        const check: EiaCheck = { id: crypto.randomUUID(), source, site, verdict, at: Date.now() };
        set({ eiaCheck: check, eiaError: null, eiaHistory: [check, ...get().eiaHistory].slice(0, EIA_HISTORY_LIMIT) });
        keepHistory();
      } catch (error) {
        // The previous verdict stays on screen; only the error line changes.
        set({ eiaError: { field: source.kind, message: errorText(error) } });
      }
    };
    return {
      eiaStatus: { kind: 'idle' },
      eiaBorder: null,
      eiaBufferKm: CONSULTATION_KM,
      eiaBuffer: null,
      eiaBufferBusy: false,
      eiaBufferError: null,
      eiaDraft: [],
      eiaDownwind: { enabled: false, windFrom: 315, lengthKm: 30, halfAngle: 22.5, stackHeightM: null },
      eiaCheck: null,
      eiaHistory: [],
      eiaError: null,
      eiaBatch: null,
      eiaBatchStatus: { kind: 'idle' },
      eiaBatchSelected: null,
      openEia: () => {
        loading ??= (async () => {
          set({ eiaStatus: { kind: 'loading' } });
          try {
            const { border, lengthKm } = await ports.analysis.call('eia.load', { borderUrl: ports.dataUrl('provincial-border.geojson') });
            set({ eiaStatus: { kind: 'ready', lengthKm }, eiaBorder: border });
            await get().setEiaBufferKm(get().eiaBufferKm);
          } catch (error) {
            loading = null;
            set({ eiaStatus: { kind: 'failed', message: errorText(error) } });
          }
        })();
        return loading;
      },
      setEiaBufferKm: async (distanceKm) => {
        const km = Math.min(100, Math.max(1, Math.round(distanceKm * 10) / 10));
        set({ eiaBufferKm: km });
        if (get().eiaStatus.kind !== 'ready') return;
        const request = ++bufferRequest;
        set({ eiaBufferBusy: true, eiaBufferError: null });
        try {
          const buffer = await ports.analysis.call('eia.buffer', { distanceKm: km });
          if (request === bufferRequest) set({ eiaBuffer: { distanceKm: km, ...buffer } });
        } catch (error) {
          // The verdicts never use the buffer: it only fails to draw, and its status line says why.
          if (request === bufferRequest) set({ eiaBufferError: errorText(error) });
        } finally {
          if (request === bufferRequest) set({ eiaBufferBusy: false });
        }
      },
      checkTypedSite: async (form) => {
        // The parser (gcoord, proj4 zones) loads with the first check, not at start-up.
        const { parseSiteLocation } = await import('../io/formats/parse-site-location.ts');
        const location = parseSiteLocation(siteInputOf(form));
        if (!location.ok) {
          set({ eiaError: { field: location.field, code: location.code, message: location.message } });
          return;
        }
        await judge({ kind: 'typed', form, location }, { kind: 'point', lon: location.lon, lat: location.lat });
      },
      checkSite: judge,
      eiaMapClick: async (lon, lat) => {
        const mode = get().mapMode.kind;
        if (mode === 'eia-pick') {
          set({ mapMode: BROWSE });
          await judge({ kind: 'map', lon, lat }, { kind: 'point', lon, lat });
        } else if (mode === 'eia-draw') {
          set({ eiaDraft: [...get().eiaDraft, [lon, lat]] });
        }
      },
      undoDraftVertex: () => set({ eiaDraft: get().eiaDraft.slice(0, -1) }),
      finishDraft: async () => {
        const draft = get().eiaDraft;
        if (draft.length < 3) {
          set({ eiaError: { field: 'drawn', message: text('eiaDraftTooFew', { n: draft.length }) } });
          return;
        }
        set({ mapMode: BROWSE, eiaDraft: [] });
        const geometry: Polygon = { type: 'Polygon', coordinates: [[...draft, draft[0]!]] };
        await judge({ kind: 'drawn', vertices: draft.length }, { kind: 'polygon', geometry });
      },
      loadSiteOutline: async (file) => {
        try {
          await ready();
          const outline = await ports.analysis.call('eia.readOutline', { file, fileName: file.name });
          await judge({ kind: 'file', fileName: file.name, name: outline.name, crs: outline.crs }, { kind: 'polygon', geometry: outline.geometry });
        } catch (error) {
          set({ eiaError: { field: 'file', message: errorText(error) } });
        }
      },
      setDownwind: async (change) => {
        set({ eiaDownwind: { ...get().eiaDownwind, ...change } });
        const check = get().eiaCheck;
        if (check) await judge(check.source, check.site);
      },
      runBatch: async (file, system, epsg) => {
        batchRun?.abort();
        const controller = new AbortController();
        batchRun = controller;
        set({ eiaBatchStatus: { kind: 'running', fileName: file.name, done: 0, total: 0 } });
        try {
          await ready();
          const result = await ports.analysis.call(
            'eia.batch',
            { file, fileName: file.name, system, epsg, thresholdKm: CONSULTATION_KM },
            { signal: controller.signal, onProgress: (done, total) => set({ eiaBatchStatus: { kind: 'running', fileName: file.name, done, total } }) },
          );
          set({ eiaBatch: result, eiaBatchStatus: { kind: 'idle' }, eiaBatchSelected: null });
          keeper.keep({ key: BATCH_KEY, kind: 'eia', label: result.fileName }, result);
        } catch (error) {
          // The previous batch stays loaded.
          if (batchRun === controller) set({ eiaBatchStatus: isCancelled(error) ? { kind: 'idle' } : { kind: 'failed', fileName: file.name, message: errorText(error) } });
        } finally {
          if (batchRun === controller) batchRun = null;
        }
      },
      cancelBatch: () => {
        batchRun?.abort();
        batchRun = null;
        set({ eiaBatchStatus: { kind: 'idle' } });
      },
      selectBatchSite: (index) => {
        set({ eiaBatchSelected: index });
        const site = index === null ? null : get().eiaBatch?.sites[index];
        if (site && site.lon !== null && site.lat !== null) get().focusPoint(site.lon, site.lat, 10);
      },
      reopenEiaCheck: (id) => {
        const check = get().eiaHistory.find((c) => c.id === id);
        if (!check) return;
        set({ eiaCheck: check, eiaError: null });
        const [lon, lat] = checkPoint(check);
        get().focusPoint(lon, lat, 9);
      },
      rerunEiaCheck: async (id) => {
        const check = get().eiaHistory.find((c) => c.id === id);
        if (check) await judge(check.source, check.site);
      },
      restoreEia: async () => {
        try {
          const [history, batch] = await Promise.all([keeper.load<EiaCheck[]>(HISTORY_KEY), keeper.load<BatchResult>(BATCH_KEY)]);
          if (history && history.length > 0) {
            // Checks made before the restore finished are kept too: both lists, newest first, each check once.
            const current = get().eiaHistory;
            const seen = new Set(current.map((check) => check.id));
            const merged = [...current, ...history.filter((check) => !seen.has(check.id))].sort((a, b) => b.at - a.at).slice(0, EIA_HISTORY_LIMIT);
            set({ eiaHistory: merged });
            if (current.length > 0) keepHistory();
          }
          if (batch && !get().eiaBatch) set({ eiaBatch: batch });
        } catch (error) {
          set({ eiaError: { field: 'file', message: errorText(error) } });
        }
      },
    };
  };
