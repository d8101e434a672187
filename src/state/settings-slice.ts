import type { StateCreator } from 'zustand';
import type { Language } from '../core/text/text.ts';

export type { Language } from '../core/text/text.ts';

/** Keys of the user-facing layers in the layer panel (one entry may draw several map layers). */
export type LayerKey = 'russia' | 'neighbours' | 'counties' | 'cities' | 'province' | 'eia' | 'boilers' | 'zones' | 'fires' | 'labels';

/** Visibility and opacity of one layer; an array of these, bottom first, is the drawing order. */
export interface LayerState {
  key: LayerKey;
  visible: boolean;
  opacity: number;
}

/** The layers in their default drawing order, bottom first, with their default visibility. */
export const DEFAULT_LAYERS: readonly LayerState[] = (['russia', 'neighbours', 'counties', 'cities', 'province', 'eia', 'boilers', 'zones', 'fires', 'labels'] as const).map(
  (key) => ({ key, visible: true, opacity: 1 }),
);

/** Online basemaps are off by default; each one is a user's explicit choice. */
export type BasemapKind = 'none' | 'tianditu-vector' | 'tianditu-imagery' | 'osm';

export interface BasemapSettings {
  kind: BasemapKind;
  /** The user's own Tianditu key (tk), stored only in this browser. */
  tiandituKey: string;
}

/** The user's settings: kept in this browser's localStorage (see app-store.ts). */
export interface SettingsSlice {
  language: Language;
  layers: LayerState[];
  basemap: BasemapSettings;
  setLanguage(language: Language): void;
  setLayerVisible(key: LayerKey, visible: boolean): void;
  setLayerOpacity(key: LayerKey, opacity: number): void;
  /** Moves a layer one step up (towards the top of the drawing order) or down. */
  moveLayer(key: LayerKey, direction: 'up' | 'down'): void;
  setBasemap(basemap: BasemapSettings): void;
}

const updateLayer = (layers: LayerState[], key: LayerKey, change: Partial<LayerState>) => layers.map((layer) => (layer.key === key ? { ...layer, ...change } : layer));

/**
 * Layers saved by an older version keep their saved order and settings for known keys; layers added since take their
 * default place at the end.
 *
 * @param saved - Layers as saved (maybe from an older registry).
 * @returns A complete, known list.
 */
export function mergeSavedLayers(saved: readonly LayerState[] | undefined): LayerState[] {
  const known = new Set(DEFAULT_LAYERS.map((layer) => layer.key));
  const kept = (saved ?? []).filter((layer) => known.has(layer.key));
  return [...kept, ...DEFAULT_LAYERS.filter((layer) => !kept.some((k) => k.key === layer.key))];
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set, get) => ({
  language: 'zh',
  layers: [...DEFAULT_LAYERS],
  basemap: { kind: 'none', tiandituKey: '' },
  setLanguage: (language) => set({ language }),
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
});
