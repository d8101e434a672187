import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import type { DownwindSectorInput, EiaSite, EiaVerdict } from '../core/eia/eia-verdict.ts';
import { consultationDistanceKm } from '../core/rules.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import type { RuleBook } from '../core/rules.ts';
import { dataUrl } from '../io/data-url.ts';
import type { CoordinateSystem, SiteLocation, SiteLocationErrorCode, SiteLocationInput } from '../io/formats/parse-site-location.ts';
import ruleBook from '../../seeds/rules.json';
import { eiaClient } from '../workers/eia-client.ts';
import type { BatchResult } from '../workers/eia-messages.ts';

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
  | { kind: 'file'; fileName: string; name: string; crs: string };

/** A judged site: its source as entered, the geometry judged and the verdict. */
export interface EiaCheck {
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

export type EiaStatus = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; lengthKm: Record<string, number> } | { kind: 'failed'; message: string };
export type EiaMode = 'none' | 'pick' | 'draw';
export type BatchStatus = { kind: 'idle' } | { kind: 'running'; fileName: string; done: number; total: number } | { kind: 'failed'; fileName: string; message: string };

export interface EiaSlice {
  eiaStatus: EiaStatus;
  eiaBorder: ProvincialBorder | null;
  /** Buffer distance drawn on the map, km (1–100); verdicts always use the clause's distance. */
  eiaBufferKm: number;
  eiaBuffer: { distanceKm: number; polygon: MultiPolygon; vertices: number; milliseconds: number } | null;
  eiaBufferBusy: boolean;
  eiaMode: EiaMode;
  /** Vertices of the site polygon being drawn. */
  eiaDraft: [number, number][];
  eiaDownwind: DownwindSettings;
  eiaCheck: EiaCheck | null;
  /** Why the last site could not be judged (field, reason); what was judged before stays. */
  eiaError: { field: string; code?: SiteLocationErrorCode; message: string } | null;
  eiaBatch: BatchResult | null;
  eiaBatchStatus: BatchStatus;
  /** Starts the EIA worker and draws the border and the buffer. */
  openEia(): Promise<void>;
  setEiaBufferKm(distanceKm: number): Promise<void>;
  checkTypedSite(form: SiteForm): Promise<void>;
  checkSite(source: SiteSource, site: EiaSite): Promise<void>;
  setEiaMode(mode: EiaMode): void;
  /** A map click while picking or drawing. */
  eiaMapClick(lon: number, lat: number): Promise<void>;
  undoDraftVertex(): void;
  finishDraft(): Promise<void>;
  loadSiteOutline(file: File): Promise<void>;
  setDownwind(change: Partial<DownwindSettings>): Promise<void>;
  runBatch(file: File, system?: CoordinateSystem, epsg?: number): Promise<void>;
}

/** The site form as the parser's input. */
export function siteInputOf(form: SiteForm): SiteLocationInput {
  if (form.system === 'gauss-kruger') return { system: 'gauss-kruger', x: form.x, y: form.y, ...(form.epsg ? { epsg: Number(form.epsg) } : {}) };
  return form.pair ? { system: form.system, text: form.text } : { system: form.system, lon: form.lon, lat: form.lat };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const createEiaSlice: StateCreator<EiaSlice, [], [], EiaSlice> = (set, get) => {
  let loading: Promise<void> | null = null;
  let bufferRequest = 0;
  const downwindInput = (): DownwindSectorInput | undefined => {
    const d = get().eiaDownwind;
    return d.enabled ? { windFrom: d.windFrom, lengthKm: d.lengthKm, halfAngle: d.halfAngle, ...(d.stackHeightM !== null ? { stackHeightM: d.stackHeightM } : {}) } : undefined;
  };
  const ready = async () => {
    await get().openEia();
    if (get().eiaStatus.kind !== 'ready') throw new Error((get().eiaStatus as { message?: string }).message ?? 'the border data did not load');
  };
  const judge = async (source: SiteSource, site: EiaSite) => {
    try {
      await ready();
      const verdict = await eiaClient().call('verdict', { site, thresholdKm: CONSULTATION_KM, downwind: downwindInput() });
      set({ eiaCheck: { source, site, verdict, at: Date.now() }, eiaError: null });
    } catch (error) {
      // The previous verdict stays on screen; only the error line changes.
      set({ eiaError: { field: source.kind, message: messageOf(error) } });
    }
  };
  return {
    eiaStatus: { kind: 'idle' },
    eiaBorder: null,
    eiaBufferKm: CONSULTATION_KM,
    eiaBuffer: null,
    eiaBufferBusy: false,
    eiaMode: 'none',
    eiaDraft: [],
    eiaDownwind: { enabled: false, windFrom: 315, lengthKm: 30, halfAngle: 22.5, stackHeightM: null },
    eiaCheck: null,
    eiaError: null,
    eiaBatch: null,
    eiaBatchStatus: { kind: 'idle' },
    openEia: () => {
      loading ??= (async () => {
        set({ eiaStatus: { kind: 'loading' } });
        try {
          const { border, lengthKm } = await eiaClient().call('load', { borderUrl: dataUrl('provincial-border.geojson'), boundariesUrl: dataUrl('boundaries.topo.json') });
          set({ eiaStatus: { kind: 'ready', lengthKm }, eiaBorder: border });
          await get().setEiaBufferKm(get().eiaBufferKm);
        } catch (error) {
          loading = null;
          set({ eiaStatus: { kind: 'failed', message: messageOf(error) } });
        }
      })();
      return loading;
    },
    setEiaBufferKm: async (distanceKm) => {
      const km = Math.min(100, Math.max(1, Math.round(distanceKm * 10) / 10));
      set({ eiaBufferKm: km });
      if (get().eiaStatus.kind !== 'ready') return;
      const request = ++bufferRequest;
      set({ eiaBufferBusy: true });
      try {
        const buffer = await eiaClient().call('buffer', { distanceKm: km });
        if (request === bufferRequest) set({ eiaBuffer: { distanceKm: km, ...buffer } });
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
    setEiaMode: (mode) => set({ eiaMode: mode, eiaDraft: [] }),
    eiaMapClick: async (lon, lat) => {
      const mode = get().eiaMode;
      if (mode === 'pick') {
        set({ eiaMode: 'none' });
        await judge({ kind: 'map', lon, lat }, { kind: 'point', lon, lat });
      } else if (mode === 'draw') {
        set({ eiaDraft: [...get().eiaDraft, [lon, lat]] });
      }
    },
    undoDraftVertex: () => set({ eiaDraft: get().eiaDraft.slice(0, -1) }),
    finishDraft: async () => {
      const draft = get().eiaDraft;
      if (draft.length < 3) {
        set({ eiaError: { field: 'drawn', message: `a site polygon needs at least 3 corners; ${draft.length} drawn` } });
        return;
      }
      set({ eiaMode: 'none', eiaDraft: [] });
      const geometry: Polygon = { type: 'Polygon', coordinates: [[...draft, draft[0]!]] };
      await judge({ kind: 'drawn', vertices: draft.length }, { kind: 'polygon', geometry });
    },
    loadSiteOutline: async (file) => {
      try {
        await ready();
        const outline = await eiaClient().call('readOutline', { file, fileName: file.name });
        await judge({ kind: 'file', fileName: file.name, name: outline.name, crs: outline.crs }, { kind: 'polygon', geometry: outline.geometry });
      } catch (error) {
        set({ eiaError: { field: 'file', message: messageOf(error) } });
      }
    },
    setDownwind: async (change) => {
      set({ eiaDownwind: { ...get().eiaDownwind, ...change } });
      const check = get().eiaCheck;
      if (check) await judge(check.source, check.site);
    },
    runBatch: async (file, system, epsg) => {
      set({ eiaBatchStatus: { kind: 'running', fileName: file.name, done: 0, total: 0 } });
      try {
        await ready();
        const result = await eiaClient().call(
          'batch',
          { file, fileName: file.name, system, epsg, thresholdKm: CONSULTATION_KM },
          { onProgress: (done, total) => set({ eiaBatchStatus: { kind: 'running', fileName: file.name, done, total } }) },
        );
        set({ eiaBatch: result, eiaBatchStatus: { kind: 'idle' } });
      } catch (error) {
        // The previous batch stays loaded.
        set({ eiaBatchStatus: { kind: 'failed', fileName: file.name, message: messageOf(error) } });
      }
    },
  };
};
