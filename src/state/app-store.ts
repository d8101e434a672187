import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistOptions } from 'zustand/middleware';
import { openWorkspaceDatabase, type WorkspaceDatabase } from '../io/persistence/workspace-database.ts';
import { createBoilersSlice, type BoilersSlice } from './boilers-slice.ts';
import { createEiaSlice, type EiaSlice } from './eia-slice.ts';
import { createFiresSlice, type FiresSlice } from './fires-slice.ts';
import { createKeeper, type Keeper } from './keeper.ts';
import { createMapSlice, gatedAnalysis, type MapSlice } from './map-slice.ts';
import type { AppPorts } from './ports.ts';
import { createSettingsSlice, mergeSavedLayers, type SettingsSlice } from './settings-slice.ts';
import { createStorageSlice, type StorageSlice } from './storage-slice.ts';
import { createWorkbenchSlice, type WorkbenchSlice } from './workbench-slice.ts';
import { createZonesSlice, type ZonesSlice } from './zones-slice.ts';

/** The one app store: a slice per job, and the frame around them. */
export interface AppState extends SettingsSlice, MapSlice, WorkbenchSlice, StorageSlice, FiresSlice, EiaSlice, BoilersSlice, ZonesSlice {
  /** Puts back every workspace's work kept in this browser (start-up); each workspace restores on its own. */
  restoreWork(): Promise<void>;
  /** Saves everything waiting to be saved (the page is being hidden or closed). */
  flushWork(): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

/** How the store is built: the ports, where work is kept, and whether settings persist in localStorage. */
export interface AppStoreOptions {
  /** Opens the browser database that keeps the workspaces' work (default: IndexedDB). */
  openDatabase?: () => Promise<WorkspaceDatabase>;
  /** Keep settings (language, layers, basemap, panels) in this localStorage; none in tests. */
  settingsStorage?: Storage;
}

/**
 * Clears from the page what a deleted kept item held, so the next change does not save it again.
 *
 * @returns The kept items that belong to it and go with it (a fire file's patrol statuses).
 */
function clearWork(key: string, get: () => AppState, set: (partial: Partial<AppState>) => void): string[] {
  if (key === 'fires') {
    set({ fireData: null, patrolMarks: null, patrolSelected: null, selectedFire: null });
    return ['patrol'];
  }
  if (key === 'patrol') set({ patrolMarks: null });
  else if (key === 'eia.history') set({ eiaHistory: [] });
  else if (key === 'eia.batch') set({ eiaBatch: null, eiaBatchSelected: null });
  else if (key === 'boilers.inventory') set({ boilerAudit: null, boilerSelected: null });
  else if (key.startsWith('boilers.layer.')) void get().clearBoilerLayer(key.slice('boilers.layer.'.length) as Parameters<AppState['clearBoilerLayer']>[0]);
  return [];
}

type Persisted = Pick<AppState, 'language' | 'layers' | 'basemap' | 'workspace' | 'eiaBufferKm' | 'boilerServiceRadiusM' | 'zoneSnapping' | 'fireStyle' | 'eiaDownwind'>;

/**
 * Builds the app store. Slices reach the analysis worker only through `ports.analysis`, so tests pass the real handlers
 * in this thread instead of mocking modules.
 *
 * @param ports - The worker and the shipped data.
 * @param options - Storage for work and settings.
 * @returns The store.
 */
export function createAppStore(given: AppPorts, options: AppStoreOptions = {}): AppStore {
  let keeper: Keeper | null = null;
  // Every slice reaches the worker through the gate: the worker decodes the boundaries before its first other message.
  const gate = gatedAnalysis(given.analysis, given.dataUrl('boundaries.topo.json'));
  const ports: AppPorts = { ...given, analysis: gate.port };
  const creator = (set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState'], api: StoreApi<AppState>): AppState => {
    keeper = createKeeper(options.openDatabase ?? (() => openWorkspaceDatabase()), (key, label, status) => get().setKeptStatus(key, label, status));
    const kept = keeper;
    return {
      ...createSettingsSlice(set, get, api),
      ...createMapSlice(ports, gate.decode)(set, get, api),
      ...createWorkbenchSlice(set, get, api),
      ...createStorageSlice(() => kept, (key) => clearWork(key, get, set))(set, get, api),
      ...createFiresSlice(ports, kept)(set, get, api),
      ...createEiaSlice(ports, kept)(set, get, api),
      ...createBoilersSlice(ports, kept)(set, get, api),
      ...createZonesSlice(ports)(set, get, api),
      restoreWork: async () => {
        await get().loadBoundaries();
        // The map's first view comes first; the kept work follows it.
        await get().whenMapReady();
        // Each workspace reports its own failure; one failing never keeps the others from coming back.
        await Promise.allSettled([get().restoreFires(), get().restoreEia(), get().openZones()]);
        // The editor's zones reach the worker with a validation; a zones layer taken from the editor needs them there.
        await get().validateZonesNow().catch(() => undefined);
        await get().restoreBoilers();
      },
      flushWork: () => kept.flush(),
    };
  };
  if (!options.settingsStorage) return createStore<AppState>()(creator);
  const storage = options.settingsStorage;
  const persistOptions: PersistOptions<AppState, Persisted> = {
    name: 'hlj-air-map.settings',
    version: 2,
    storage: { getItem: (name) => JSON.parse(storage.getItem(name) ?? 'null'), setItem: (name, value) => storage.setItem(name, JSON.stringify(value)), removeItem: (name) => storage.removeItem(name) },
    partialize: (s) => ({
      language: s.language,
      layers: s.layers,
      basemap: s.basemap,
      workspace: s.workspace,
      eiaBufferKm: s.eiaBufferKm,
      boilerServiceRadiusM: s.boilerServiceRadiusM,
      zoneSnapping: s.zoneSnapping,
      fireStyle: s.fireStyle,
      eiaDownwind: s.eiaDownwind,
    }),
    // Settings saved by version 1 (before the workbench) keep what still means the same.
    migrate: (saved) => saved as Persisted,
    merge: (saved, current) => {
      const persisted = (saved ?? {}) as Partial<Persisted>;
      return { ...current, ...persisted, layers: mergeSavedLayers(persisted.layers) };
    },
  };
  return createStore<AppState>()(persist(creator, persistOptions));
}
