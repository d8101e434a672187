import { text } from '../../core/text/text.ts';
import type { LayerDefinition, LegendItem } from '../layer-types.ts';
import { FIRE_CONFIDENCE_COLORS, FRP_STOPS, hexColor } from './colors.ts';

/** Straw-burning fire points (clause 二十一): points by confidence or FRP, a heatmap or hexagon bins. */
export const fireLayer: LayerDefinition = {
  key: 'fires',
  title: text('layerFires'),
  legend: ({ fireStyle: style }) => {
    if (!style) return [];
    if (style === 'frp') return FRP_STOPS.map(([mw, color]): LegendItem => ({ kind: 'fill', color: hexColor(color), label: text('legendFrpAtLeast', { mw }) }));
    if (style === 'heatmap' || style === 'hexbin') return [{ kind: 'fill', color: '#f03b20', label: text('legendDensity') }];
    return [
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[3]!), label: text('legendConfidenceHigh') },
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[2]!), label: text('legendConfidenceNominal') },
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[1]!), label: text('legendConfidenceLow') },
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[0]!), label: text('legendConfidenceUnknown') },
    ];
  },
  loadDeckLayers: () => import('./fire-deck-layers.ts').then((module) => module.fireDeckLayers),
};
