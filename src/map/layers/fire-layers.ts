import { FIRE_CONFIDENCE_COLORS, FRP_STOPS } from '../../state/fire-selectors.ts';
import type { LayerDefinition, LegendItem } from '../layer-registry.ts';
import { hexColor } from './hex-color.ts';


/** Straw-burning fire points (clause 二十一): points by confidence or FRP, a heatmap or hexagon bins. */
export const fireLayer: LayerDefinition = {
  key: 'fires',
  title: { zh: '秸秆焚烧火点', en: 'Fire points' },
  defaultVisible: true,
  defaultOpacity: 1,
  legend: ({ fireStyle: style }) => {
    if (!style) return [];
    if (style === 'frp') {
      return FRP_STOPS.map(([mw, color]) => ({ kind: 'fill', color: hexColor(color), label: { zh: `FRP ≥ ${mw} MW`, en: `FRP ≥ ${mw} MW` } }) satisfies LegendItem);
    }
    if (style === 'heatmap' || style === 'hexbin') {
      return [{ kind: 'fill', color: '#f03b20', label: { zh: '按 FRP 加权的密度', en: 'Density weighted by FRP' } }];
    }
    return [
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[3]!), label: { zh: '高置信度', en: 'High confidence' } },
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[2]!), label: { zh: '中置信度', en: 'Nominal' } },
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[1]!), label: { zh: '低置信度', en: 'Low' } },
      { kind: 'fill', color: hexColor(FIRE_CONFIDENCE_COLORS[0]!), label: { zh: '未注明', en: 'Not given' } },
    ];
  },
  loadDeckLayers: () => import('./fire-deck-layers.ts').then((module) => module.fireDeckLayers),
};
