import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { BoundarySummary, CountyDetails } from '../core/geo/boundary-summary.ts';
import type { BasemapSettings } from '../map/basemaps.ts';
import type { LayerKey } from '../map/ids.ts';
import { LAYER_REGISTRY } from '../map/layer-registry.ts';
import type { LayerState } from '../map/map-controller.ts';
import type { Language } from '../map/localized.ts';
import { boundaryClient, loadBoundaries } from '../workers/boundary-client.ts';
import { createBoilersSlice, type BoilersSlice } from './boilers-slice.ts';
import { createEiaSlice, type EiaSlice } from './eia-slice.ts';
import { createFiresSlice, type FiresSlice } from './fires-slice.ts';
import { createZonesSlice, type ZonesSlice } from './zones-slice.ts';

export type BoundaryStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; summary: BoundarySummary }
  | { kind: 'failed'; message: string };

export type Selection = { kind: 'none' } | { kind: 'county'; county: CountyDetails };

export type Dialog = 'none' | 'settings' | 'data-sources';

export interface AppState extends FiresSlice, EiaSlice, BoilersSlice, ZonesSlice {
  language: Language;
  boundaries: BoundaryStatus;
  layers: LayerState[];
  selection: Selection;
  pointer: { lon: number; lat: number } | null;
  basemap: BasemapSettings;
  dialog: Dialog;
  setLanguage(language: Language): void;
  /** Waits for the boundary worker to fetch, decode and tile the shipped boundaries (started by the entry module). */
  loadBoundaries(): Promise<void>;
  /** Selects the county at a point, or clears the selection outside Heilongjiang; the latest click wins. */
  selectAt(lon: number, lat: number): Promise<void>;
  clearSelection(): void;
  setPointer(pointer: { lon: number; lat: number } | null): void;
  setLayerVisible(key: LayerKey, visible: boolean): void;
  setLayerOpacity(key: LayerKey, opacity: number): void;
  /** Moves a layer one step up (towards the top of the drawing order) or down. */
  moveLayer(key: LayerKey, direction: 'up' | 'down'): void;
  setBasemap(basemap: BasemapSettings): void;
  openDialog(dialog: Dialog): void;
}

export function defaultLayers(): LayerState[] {
  return LAYER_REGISTRY.map((d) => ({ key: d.key, visible: d.defaultVisible, opacity: d.defaultOpacity }));
}

let selectRequest = 0;

const updateLayer = (layers: LayerState[], key: LayerKey, change: Partial<LayerState>) =>
  layers.map((layer) => (layer.key === key ? { ...layer, ...change } : layer));

/** The one app store. Language, layers and basemap settings persist in this browser's localStorage. */
export const useAppStore = create<AppState>()(
  persist(
    (set, get, api) => ({
      ...createFiresSlice(set, get, api),
      ...createEiaSlice(set, get, api),
      ...createBoilersSlice(set, get, api),
      ...createZonesSlice(set, get, api),
      language: 'zh',
      boundaries: { kind: 'loading' },
      layers: defaultLayers(),
      selection: { kind: 'none' },
      pointer: null,
      basemap: { kind: 'none', tiandituKey: '' },
      dialog: 'none',
      setLanguage: (language) => set({ language }),
      loadBoundaries: async () => {
        try {
          const summary = await loadBoundaries();
          set({ boundaries: { kind: 'ready', summary } });
        } catch (error) {
          set({ boundaries: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } });
        }
      },
      selectAt: async (lon, lat) => {
        const request = ++selectRequest;
        const county = await boundaryClient().call('countyAt', { lon, lat });
        if (request === selectRequest) set({ selection: county ? { kind: 'county', county } : { kind: 'none' } });
      },
      clearSelection: () => set({ selection: { kind: 'none' } }),
      setPointer: (pointer) => set({ pointer }),
      setLayerVisible: (key, visible) => set({ layers: updateLayer(get().layers, key, { visible }) }),
      setLayerOpacity: (key, opacity) => set({ layers: updateLayer(get().layers, key, { opacity: Math.min(1, Math.max(0, opacity)) }) }),
      moveLayer: (key, direction) => {
        const layers = [...get().layers];
        const from = layers.findIndex((l) => l.key === key);
        const to = direction === 'up' ? from + 1 : from - 1;
        if (from === -1 || to < 0 || to >= layers.length) return;
        [layers[from], layers[to]] = [layers[to]!, layers[from]!];
        set({ layers });
      },
      setBasemap: (basemap) => set({ basemap }),
      openDialog: (dialog) => set({ dialog }),
    }),
    {
      name: 'hlj-air-map.settings',
      version: 1,
      partialize: (state) => ({ language: state.language, layers: state.layers, basemap: state.basemap, patrolStatus: state.patrolStatus, eiaBufferKm: state.eiaBufferKm, boilerServiceRadiusM: state.boilerServiceRadiusM, zoneSnapping: state.zoneSnapping }),
      // A registry that gained or lost layers since the settings were saved keeps the saved order for known keys.
      merge: (saved, current) => {
        const persisted = (saved ?? {}) as Partial<AppState>;
        const known = new Set(LAYER_REGISTRY.map((d) => d.key));
        const savedLayers = (persisted.layers ?? []).filter((l) => known.has(l.key));
        const missing = defaultLayers().filter((l) => !savedLayers.some((s) => s.key === l.key));
        return { ...current, ...persisted, layers: [...savedLayers, ...missing] };
      },
    },
  ),
);
