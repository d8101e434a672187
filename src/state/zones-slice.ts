import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import { commit, redo, startHistory, undo, type EditHistory } from '../core/zones/edit-history.ts';
import { EMPTY_ZONE_ATTRIBUTES, type NoBurnZone, type ZoneAttributes } from '../core/zones/no-burn-zone.ts';
import type { ZoneRepair } from '../core/zones/repair-zone.ts';
import type { ZoneReport } from '../core/zones/validate-zones.ts';
import { boxOf } from '../core/zones/zone-geometry.ts';
import { errorText, render, text, TextError, type Language, type Text } from '../core/text/text.ts';
import type { ZoneExportFormat, ZoneTextCut } from '../io/formats/write-zones-file.ts';
import type { ZoneImport } from '../io/formats/read-zones-file.ts';
import { createAutosaver, type Autosaver, type SaveStatus } from '../io/persistence/autosaver.ts';
import { isQuotaError, requestPersistentStorage } from '../io/persistence/indexed-db.ts';
import { openZoneDatabase, ZoneConflictError, type ZoneDatabase, type ZoneVersionSummary } from '../io/persistence/zone-database.ts';
import { startTabGuard, type TabGuard, type TabRole } from '../io/persistence/tab-guard.ts';
import type { RegionRef } from '../workers/analysis-api.ts';
import type { BoilersSlice } from './boilers-slice.ts';
import { BROWSE, type MapMode, type MapSlice } from './map-slice.ts';
import type { AppPorts } from './ports.ts';
import type { SettingsSlice } from './settings-slice.ts';

/** What a map click or drag does in the zone workspace (a view of the map's one interaction mode). */
export type ZoneMode = { kind: 'none' } | { kind: 'draw'; shape: 'polygon' | 'rectangle' } | { kind: 'edit'; id: string };

/** The zone workspace's view of the map mode: drawing, editing, or neither. */
export function zoneModeOf(mode: MapMode): ZoneMode {
  if (mode.kind === 'zone-draw') return { kind: 'draw', shape: mode.shape };
  if (mode.kind === 'zone-edit') return { kind: 'edit', id: mode.id };
  return { kind: 'none' };
}

/** The map mode of a zone mode; leaving a zone mode browses again. */
function mapModeOf(mode: ZoneMode): MapMode {
  return mode.kind === 'draw' ? { kind: 'zone-draw', shape: mode.shape } : mode.kind === 'edit' ? { kind: 'zone-edit', id: mode.id } : BROWSE;
}

/** Whether this tab may edit: 'starting' until the tab guard and the database have answered. */
export type ZoneRole = 'starting' | TabRole;

/** The browser's answer to the persistent-storage request. */
export type ZonePersistence = 'granted' | 'denied' | 'unsupported' | 'unknown';

/** An import read and waiting for the planner to confirm it (nothing is changed until then). */
export interface PendingZoneImport extends ZoneImport {
  /** Validation of each imported zone among the zones already there, in step with `zones`. */
  reports: ZoneReport[];
}

/** A version being compared with the current zones (the diff is derived, so it follows later edits). */
export interface ZoneVersionView {
  summary: ZoneVersionSummary;
  zones: NoBurnZone[];
}

export interface ZonesSlice {
  /** The zones and their undo/redo steps; `zoneHistory.present` is what is shown and saved. */
  zoneHistory: EditHistory<NoBurnZone[]>;
  zoneSelected: string | null;
  zoneRole: ZoneRole;
  zoneSave: SaveStatus | { kind: 'loading' };
  zonePersistence: ZonePersistence;
  /** Validation by zone id, of the zones in `zoneValidated` (the current zones once the latest run has answered). */
  zoneReports: Record<string, ZoneReport>;
  /** The zones the reports were computed for: a report's `other` indexes this array. */
  zoneValidated: NoBurnZone[];
  zoneRepair: { id: string; repair: ZoneRepair } | null;
  zoneVersions: ZoneVersionSummary[];
  zoneVersionView: ZoneVersionView | null;
  zoneImport: PendingZoneImport | null;
  /** The last thing that failed or needs saying, as text; what is loaded stays. */
  zoneMessage: { kind: 'error' | 'info'; text: Text | string } | null;
  zoneBusy: string | null;
  /** Snap to county/city outlines and other zones while drawing and editing. */
  zoneSnapping: boolean;
  setZoneSnapping(enabled: boolean): void;
  openZones(): Promise<void>;
  setZoneMode(mode: ZoneMode): void;
  /** Chooses a zone (list row or map click); with `fly` the map fits it. */
  selectZone(id: string | null, fly?: boolean): void;
  /** A finished drawing becomes a new zone with default attributes, selected for the form. */
  addDrawnZone(geometry: Polygon): void;
  updateZoneGeometry(id: string, geometry: Polygon | MultiPolygon): void;
  /** Typing in one field of one zone is one undo step, however many keys were pressed. */
  updateZoneAttributes(id: string, change: Partial<ZoneAttributes>): void;
  deleteZone(id: string): void;
  undoZones(): void;
  redoZones(): void;
  previewZoneRepair(id: string): Promise<void>;
  acceptZoneRepair(): void;
  dismissZoneRepair(): void;
  saveZoneVersion(name: string): Promise<void>;
  viewZoneVersion(id: string | null): Promise<void>;
  restoreZoneVersion(id: string): Promise<void>;
  /** Deletes a saved version (the storage view); the current zones are not touched. */
  deleteZoneVersion(id: string): Promise<void>;
  readZoneImport(file: Blob, fileName: string): Promise<void>;
  confirmZoneImport(): void;
  cancelZoneImport(): void;
  /** The file for a download; `truncated` lists texts a Shapefile could not hold whole (the README in the zip lists them too). */
  exportZones(format: ZoneExportFormat): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string; truncated: ZoneTextCut[] }>;
  proposeZone(region: RegionRef, regionName: string): Promise<void>;
  retryZoneSave(): void;
  /** Moves the map to a place (a problem clicked in the list). */
  focusZoneAt(where: [number, number]): void;
  /** Validates the current zones now (the worker then holds them for the boiler audit). */
  validateZonesNow(): Promise<void>;
  /** Hands the zones to the boiler audit as its zones layer (clause 十三, rule R13). */
  useZonesInBoilerAudit(): Promise<void>;
  dismissZoneMessage(): void;
}

const messageOf = (error: unknown): Text | string => errorText(error);
const editorZone = (z: NoBurnZone) => ({ name: z.name, geometry: z.geometry, category: z.category });
const nowIso = () => new Date().toISOString();
const newId = () => crypto.randomUUID();

/** The next free default name, 禁燃区 N (No-burn zone N in English). */
function nextZoneName(zones: readonly NoBurnZone[], language: Language): string {
  const taken = new Set(zones.map((z) => z.name));
  let n = zones.length + 1;
  while (taken.has(render(text('zoneDefaultName', { n }), language))) n++;
  return render(text('zoneDefaultName', { n }), language);
}

/** How long after the last commit validation runs (ms): a drag is one commit, typing coalesces. */
const VALIDATE_DELAY_MS = 150;

export const createZonesSlice =
  (ports: AppPorts): StateCreator<ZonesSlice & BoilersSlice & MapSlice & SettingsSlice, [], [], ZonesSlice> =>
  (set, get) => {
  let database: ZoneDatabase | null = null;
  let revision = 0;
  let guard: TabGuard | null = null;
  let autosaver: Autosaver<NoBurnZone[]> | null = null;
  let opening: Promise<void> | null = null;
  /** The key of the last coalescing commit (one field of one zone); any other commit clears it. */
  let lastKey: string | null = null;
  let validateTimer: ReturnType<typeof setTimeout> | undefined;
  let validateRequest = 0;

  const zones = () => get().zoneHistory.present;
  /** A text in the UI language, for what the slice writes into the user's data (names, notes, version names). */
  const say = (key: Parameters<typeof text>[0], params?: Parameters<typeof text>[1]) => render(text(key, params), get().language);
  // While a conflict is being resolved no edit is taken: it would be neither in the kept version nor saved.
  const canEdit = () => get().zoneRole === 'editor' && get().zoneSave.kind !== 'conflict';
  /** Ends drawing or editing; a mode of another workspace (picking an EIA site) is left alone. */
  const leaveZoneMode = (): Partial<MapSlice> => (zoneModeOf(get().mapMode).kind === 'none' ? {} : { mapMode: BROWSE });

  /** Validates the given zones in the worker and publishes the reports with the zones they describe. */
  const validate = async (current: NoBurnZone[]) => {
    const request = ++validateRequest;
    const reports = await ports.analysis.call('zones.validate', { zones: current.map(editorZone) });
    if (request === validateRequest) set({ zoneReports: Object.fromEntries(current.map((z, i) => [z.id, reports[i]!])), zoneValidated: current });
    return reports;
  };

  const validateSoon = () => {
    clearTimeout(validateTimer);
    validateTimer = setTimeout(() => {
      validate(zones()).catch((error: unknown) => set({ zoneMessage: { kind: 'error', text: text('zoneValidationFailed', { reason: errorText(error) }) } }));
    }, VALIDATE_DELAY_MS);
  };

  /** Replaces the zones from the database (a reader following the editor tab, or a tab that just became editor). */
  const reloadFromDatabase = async () => {
    const db = (database ??= await openZoneDatabase());
    const stored = await db.loadZones();
    revision = stored?.revision ?? 0;
    lastKey = null;
    set({ zoneHistory: startHistory(stored?.zones ?? []), zoneRepair: null });
    validateSoon();
  };

  const save = async (value: NoBurnZone[]) => {
    database ??= await openZoneDatabase();
    revision = await database.saveZones(value, revision, nowIso());
    guard?.announceSaved(revision);
  };

  /**
   * Another tab saved first (a browser without Web Locks, or storage that could not be opened at start): the zones
   * of this tab are kept as a version, then the stored zones are shown. Nothing is overwritten and nothing lost.
   */
  const recoverFromConflict = async () => {
    const mine = zones();
    const name = say('zoneConflictVersionName', { when: new Date().toLocaleString(get().language === 'zh' ? 'zh-CN' : 'en-GB') });
    try {
      database ??= await openZoneDatabase();
      if (mine.length > 0) await database.saveVersion(name, mine, nowIso());
      await reloadFromDatabase();
      startAutosaver();
      set({
        ...leaveZoneMode(),
        zoneSelected: null,
        zoneSave: { kind: 'saved', at: nowIso() },
        zoneMessage: { kind: 'info', text: mine.length > 0 ? text('zoneConflictKept', { name }) : text('zoneConflictLoaded') },
      });
      await refreshVersions();
    } catch (error) {
      set({ zoneRole: 'reader', ...leaveZoneMode(), zoneSave: { kind: 'conflict', message: messageOf(error) } });
    }
  };

  const startAutosaver = () => {
    autosaver?.dispose();
    autosaver = createAutosaver<NoBurnZone[]>({
      save,
      onStatus: (status) => {
        set({ zoneSave: status });
        if (status.kind === 'conflict') void recoverFromConflict();
      },
      isQuota: isQuotaError,
      isConflict: (error) => error instanceof ZoneConflictError,
    });
  };

  /** Records an edit, saves it within a second and re-validates; refused in a read-only tab. */
  const commitZones = (next: NoBurnZone[], key: string | null = null) => {
    if (!canEdit()) return false;
    const history = get().zoneHistory;
    const coalesce = key !== null && key === lastKey && history.past.length > 0;
    lastKey = key;
    set({ zoneHistory: coalesce ? { ...history, present: next } : commit(history, next), zoneRepair: null });
    autosaver?.schedule(next);
    validateSoon();
    return true;
  };

  const changeZone = (id: string, change: (zone: NoBurnZone) => NoBurnZone, key: string | null = null) =>
    commitZones(zones().map((z) => (z.id === id ? change(z) : z)), key);

  /** Undo or redo: the zone under the handles or selected may no longer exist in the state stepped to. */
  const step = (move: (history: EditHistory<NoBurnZone[]>) => EditHistory<NoBurnZone[]>) => {
    if (!canEdit()) return;
    const history = move(get().zoneHistory);
    if (history === get().zoneHistory) return;
    lastKey = null;
    const exists = (id: string | null) => id !== null && history.present.some((z) => z.id === id);
    const mode = get().mapMode;
    set({
      zoneHistory: history,
      zoneRepair: null,
      zoneSelected: exists(get().zoneSelected) ? get().zoneSelected : null,
      ...(mode.kind === 'zone-edit' && !exists(mode.id) ? { mapMode: BROWSE } : {}),
    });
    autosaver?.schedule(history.present);
    validateSoon();
  };

  const refreshVersions = async () => {
    if (database) set({ zoneVersions: await database.listVersions() });
  };

  const busy = async (label: string, work: () => Promise<void>) => {
    set({ zoneBusy: label, zoneMessage: null });
    try {
      await work();
    } catch (error) {
      set({ zoneMessage: { kind: 'error', text: errorText(error) } });
    } finally {
      set({ zoneBusy: null });
    }
  };

  return {
    zoneHistory: startHistory<NoBurnZone[]>([]),
    zoneSelected: null,
    zoneRole: 'starting',
    zoneSave: { kind: 'loading' },
    zonePersistence: 'unknown',
    zoneReports: {},
    zoneValidated: [],
    zoneRepair: null,
    zoneVersions: [],
    zoneVersionView: null,
    zoneImport: null,
    zoneMessage: null,
    zoneBusy: null,
    zoneSnapping: true,
    focusZoneAt: ([lon, lat]) => get().focusPoint(lon, lat, 14),
    validateZonesNow: async () => {
      clearTimeout(validateTimer);
      await validate(zones());
    },
    setZoneSnapping: (enabled) => set({ zoneSnapping: enabled }),

    openZones: () => {
      opening ??= (async () => {
        startAutosaver();
        if (typeof window !== 'undefined') {
          // Leaving the page within the save delay must not lose the last edit; a page with unsaved edits asks first.
          window.addEventListener('pagehide', () => void autosaver?.flush().catch(() => undefined));
          document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'hidden') void autosaver?.flush().catch(() => undefined);
          });
          window.addEventListener('beforeunload', (event) => {
            if (get().zoneSave.kind !== 'saved') event.preventDefault();
          });
        }
        guard = await startTabGuard({
          name: 'hlj-air-map.zones',
          onRole: (role) => {
            if (role === 'reader') return set({ zoneRole: 'reader', ...leaveZoneMode() });
            // A reader that becomes the editor first takes what the last editor saved.
            reloadFromDatabase()
              .catch((error: unknown) => set({ zoneSave: { kind: 'failed', message: messageOf(error), quota: isQuotaError(error), attempts: 0, retryInMs: 0 } }))
              .finally(() => set({ zoneRole: 'editor' }));
          },
          onOtherSaved: () => {
            if (get().zoneRole !== 'editor') void reloadFromDatabase().catch(() => undefined);
          },
        });
        try {
          await reloadFromDatabase();
          set({ zoneSave: { kind: 'saved', at: nowIso() } });
          await refreshVersions();
        } catch (error) {
          // No IndexedDB (private mode, blocked or full storage): edit in memory under the banner; each edit is saved
          // with retries; if the storage later opens with zones in it, the edits become a version (recoverFromConflict).
          // The saver starts retrying at once (so the banner stays up through later edits); the banner shows now.
          if (guard.role === 'editor') autosaver?.schedule(zones());
          set({ zoneSave: { kind: 'failed', message: messageOf(error), quota: isQuotaError(error), attempts: 0, retryInMs: 0 } });
        }
        set({ zoneRole: guard.role });
        set({ zonePersistence: await requestPersistentStorage().catch(() => 'unsupported' as const) });
      })();
      return opening;
    },

    setZoneMode: (mode) => {
      if (mode.kind !== 'none' && !canEdit()) return;
      if (mode.kind === 'edit' && !zones().some((z) => z.id === mode.id)) return;
      if (mode.kind === 'none') return set(leaveZoneMode());
      set({ mapMode: mapModeOf(mode), ...(mode.kind === 'edit' ? { zoneSelected: mode.id } : {}) });
    },

    selectZone: (id, fly = false) => {
      const mode = get().mapMode;
      const repair = get().zoneRepair;
      lastKey = null; // typing in the same field again later is a new undo step
      set({ zoneSelected: id, zoneRepair: repair?.id === id ? repair : null, ...(mode.kind === 'zone-edit' && mode.id !== id ? { mapMode: BROWSE } : {}) });
      const zone = fly && id !== null ? zones().find((z) => z.id === id) : undefined;
      if (zone) get().focusBounds(boxOf(zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates), 15);
    },

    addDrawnZone: (geometry) => {
      const at = nowIso();
      const zone: NoBurnZone = { id: newId(), ...EMPTY_ZONE_ATTRIBUTES, name: nextZoneName(zones(), get().language), geometry, provenance: { origin: 'drawn', source: '', createdAt: at, updatedAt: at } };
      if (commitZones([...zones(), zone])) set({ zoneSelected: zone.id, ...leaveZoneMode() });
    },

    updateZoneGeometry: (id, geometry) => {
      changeZone(id, (z) => ({ ...z, geometry, provenance: { ...z.provenance, updatedAt: nowIso() } }));
    },

    updateZoneAttributes: (id, change) => {
      const fields = Object.keys(change).sort().join(',');
      changeZone(id, (z) => ({ ...z, ...change, provenance: { ...z.provenance, updatedAt: nowIso() } }), `${id}:${fields}`);
    },

    deleteZone: (id) => {
      if (commitZones(zones().filter((z) => z.id !== id))) set({ zoneSelected: null, ...leaveZoneMode() });
    },

    undoZones: () => step(undo),
    redoZones: () => step(redo),

    previewZoneRepair: (id) =>
      busy('repair', async () => {
        const current = zones();
        const index = current.findIndex((z) => z.id === id);
        if (index === -1) return;
        // A report's `other` indexes the zones it was computed for: repair only from reports of the current zones.
        const reports = get().zoneValidated === current ? current.map((z) => get().zoneReports[z.id]!) : await validate(current);
        const inputs = current.map((z) => ({ name: z.name, geometry: z.geometry }));
        const repair = await ports.analysis.call('zones.repair', { index, zones: inputs, report: reports[index]! });
        if (zones() !== current) return; // edited meanwhile: the preview would be of another shape
        set(repair ? { zoneRepair: { id, repair } } : { zoneMessage: { kind: 'info', text: text('zoneNothingToRepair') } });
      }),

    acceptZoneRepair: () => {
      const pending = get().zoneRepair;
      if (!pending) return;
      changeZone(pending.id, (z) => ({ ...z, geometry: pending.repair.geometry, provenance: { ...z.provenance, updatedAt: nowIso() } }));
    },

    dismissZoneRepair: () => set({ zoneRepair: null }),

    saveZoneVersion: (name) =>
      busy('version', async () => {
        database ??= await openZoneDatabase();
        await database.saveVersion(name.trim() || new Date().toLocaleString('zh-CN'), zones(), nowIso());
        await refreshVersions();
      }),

    viewZoneVersion: (id) =>
      busy('version', async () => {
        if (id === null || !database) return set({ zoneVersionView: null });
        const { summary, zones: versionZones } = await database.loadVersion(id);
        set({ zoneVersionView: { summary, zones: versionZones } });
      }),

    restoreZoneVersion: (id) =>
      busy('version', async () => {
        if (!database || !canEdit()) return;
        const { summary, zones: versionZones } = await database.loadVersion(id);
        // The zones being replaced are kept as a version of their own: restoring never loses a vertex.
        await database.saveVersion(say('zoneBeforeRestoreVersionName', { name: summary.name }), zones(), nowIso());
        commitZones(versionZones);
        set({ zoneVersionView: null, zoneSelected: null, ...leaveZoneMode() });
        await refreshVersions();
      }),

    deleteZoneVersion: (id) =>
      busy('version', async () => {
        database ??= await openZoneDatabase();
        await database.deleteVersion(id);
        if (get().zoneVersionView?.summary.id === id) set({ zoneVersionView: null });
        await refreshVersions();
      }),

    readZoneImport: (file, fileName) =>
      busy('import', async () => {
        const { readZonesFile } = await import('../io/formats/read-zones-file.ts');
        const read = await readZonesFile(new Uint8Array(await file.arrayBuffer()), fileName, { now: nowIso(), newId });
        if (read.zones.length === 0) {
          const first = read.rejected[0];
          throw new TextError(first ? text('zoneImportNothingBecause', { file: fileName, row: first.row, field: first.field, reason: first.reason }) : text('zoneImportNothing', { file: fileName }));
        }
        // Imports are validated like drawings, against the zones already there, before anything changes.
        await validate(zones()); // the worker holds the zones there now
        const reports = await ports.analysis.call('zones.validateImport', { zones: read.zones.map(editorZone) });
        set({ zoneImport: { ...read, reports } });
      }),

    confirmZoneImport: () => {
      const pending = get().zoneImport;
      if (!pending) return;
      // Ids are checked now, not when the file was read: an undo meanwhile may have brought a zone back.
      const taken = new Set(zones().map((z) => z.id));
      let renamed = 0;
      const imported = pending.zones.map((z) => (taken.has(z.id) ? (renamed++, { ...z, id: newId() }) : (taken.add(z.id), z)));
      if (commitZones([...zones(), ...imported])) {
        const message = renamed > 0 ? text('zoneImportedRenamed', { n: imported.length, file: pending.fileName, renamed }) : text('zoneImported', { n: imported.length, file: pending.fileName });
        set({ zoneImport: null, zoneMessage: { kind: 'info', text: message } });
      }
    },

    cancelZoneImport: () => set({ zoneImport: null }),

    exportZones: async (format) => {
      const [{ writeZonesFile }, { geodesicArea }] = await Promise.all([import('../io/formats/write-zones-file.ts'), import('../core/geo/geodesic-area.ts')]);
      const reports = get().zoneReports;
      const rows = zones().map((zone) => {
        const report = reports[zone.id];
        return { zone, city: report?.city ?? null, county: report?.county ?? null, areaKm2: report?.areaKm2 ?? Math.round(geodesicArea(zone.geometry) / 1e4) / 100 };
      });
      const { bytes, extension, mimeType, truncated } = await writeZonesFile(rows, format, { exportedAt: nowIso(), application: 'hlj-air-map 0.1.0' });
      return { bytes, fileName: `${say('zonesFileName')}-${nowIso().slice(0, 10)}.${extension}`, mimeType, truncated };
    },

    proposeZone: (region, regionName) =>
      busy('propose', async () => {
        const coverageLayer = get().boilerLayers.coverage;
        if (!coverageLayer) throw new TextError(text('zoneProposeNoCoverage'));
        // The worker clips the coverage layer it holds for the boiler audit: nothing crosses the thread boundary but the draft.
        const proposal = await ports.analysis.call('zones.propose', { region });
        if (!proposal) throw new TextError(text('zoneProposeEmpty', { region: regionName }));
        const at = nowIso();
        const zone: NoBurnZone = {
          id: newId(),
          ...EMPTY_ZONE_ATTRIBUTES,
          name: say('zoneDraftName', { region: regionName }),
          notes: proposal.skipped > 0 ? say('zoneDraftNotesSkipped', { used: proposal.coverageUsed, skipped: proposal.skipped }) : say('zoneDraftNotes', { used: proposal.coverageUsed }),
          geometry: proposal.geometry,
          provenance: { origin: 'proposed', source: `${coverageLayer.fileName} ∩ ${regionName}`, createdAt: at, updatedAt: at },
        };
        if (commitZones([...zones(), zone])) {
          set({ zoneSelected: zone.id, ...(proposal.skipped > 0 ? { zoneMessage: { kind: 'info' as const, text: text('zoneProposeSkipped', { n: proposal.skipped }) } } : {}) });
        }
      }),

    retryZoneSave: () => {
      // Schedules the current zones too: after a failed start nothing may be waiting to be saved.
      autosaver?.schedule(zones());
      autosaver?.retryNow();
    },

    useZonesInBoilerAudit: async () => {
      // The worker holds the zones of the last validation: validate the current ones, then hand them over in place.
      clearTimeout(validateTimer);
      await validate(zones());
      await get().useEditorZonesInAudit(say('zonesFromEditorLayerName', { n: zones().length }));
    },
    dismissZoneMessage: () => set({ zoneMessage: null }),
  };
};
