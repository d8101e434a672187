import type { LayerDefinition } from '../layer-registry.ts';

/** System CJK fonts found on Windows, macOS and Linux: labels render offline with no glyph server. */
export const LABEL_FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

/** County names appear from this zoom on, so labels do not pile up over the whole province. */
export const COUNTY_LABEL_MIN_ZOOM = 7;

/** City and county names drawn by deck.gl from local fonts (maplibre text would need a glyph server). */
export const labelLayer: LayerDefinition = {
  key: 'labels',
  title: { zh: '地名标注', en: 'Place names' },
  defaultVisible: true,
  defaultOpacity: 1,
  legend: () => [],
  loadDeckLayers: () => import('./label-deck-layers.ts').then((module) => module.labelDeckLayers),
};
