import { text } from '../../core/text/text.ts';
import type { LayerDefinition } from '../layer-types.ts';

/** City and county names drawn by deck.gl from local fonts (maplibre text would need a glyph server). */
export const labelLayer: LayerDefinition = {
  key: 'labels',
  title: text('layerLabels'),
  legend: () => [],
  loadDeckLayers: () => import('./label-deck-layers.ts').then((module) => module.labelDeckLayers),
};
