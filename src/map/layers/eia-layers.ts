import { text } from '../../core/text/text.ts';
import type { LayerDefinition } from '../layer-types.ts';
import { EIA_COLORS, hexColor } from './colors.ts';

/** The provincial border, its two-sided consultation zone (clause 二十七) and the sites being checked. */
export const eiaLayer: LayerDefinition = {
  key: 'eia',
  title: text('layerEia'),
  legend: () => [
    { kind: 'line', color: hexColor(EIA_COLORS.jilin), label: text('legendJilinBorder') },
    { kind: 'line', color: hexColor(EIA_COLORS.innerMongolia), label: text('legendInnerMongoliaBorder') },
    { kind: 'fill', color: hexColor(EIA_COLORS.buffer), label: text('legendBuffer') },
    { kind: 'fill', color: hexColor(EIA_COLORS.within), label: text('legendBatchWithin') },
    { kind: 'fill', color: hexColor(EIA_COLORS.outside), label: text('legendBatchOutside') },
  ],
  loadDeckLayers: () => import('./eia-deck-layers.ts').then((module) => module.eiaDeckLayers),
};
