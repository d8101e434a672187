import { BOILER_VERDICTS } from '../../core/boilers/boiler.ts';
import { verdictText } from '../../core/text/labels.ts';
import { text } from '../../core/text/text.ts';
import type { LayerDefinition, LegendItem } from '../layer-types.ts';
import { BOILER_LAYER_COLORS, BOILER_VERDICT_COLORS, hexColor } from './colors.ts';

/** Coal boilers by audit verdict (clauses 十一, 十三, 二十三) over heating coverage, pipelines, built-up areas and no-burn zones. */
export const boilerLayer: LayerDefinition = {
  key: 'boilers',
  title: text('layerBoilers'),
  legend: () => [
    ...BOILER_VERDICTS.map((v): LegendItem => ({ kind: 'fill', color: hexColor(BOILER_VERDICT_COLORS[v]), label: verdictText(v) })),
    { kind: 'fill', color: hexColor(BOILER_LAYER_COLORS.coverage), label: text('legendCoverage') },
    { kind: 'line', color: hexColor(BOILER_LAYER_COLORS.pipelines), label: text('legendPipelines') },
    { kind: 'line', color: hexColor(BOILER_LAYER_COLORS.builtUp), label: text('legendBuiltUp') },
    ...(['Ⅲ', 'Ⅱ', 'Ⅰ'] as const).map((c): LegendItem => ({ kind: 'fill', color: hexColor(BOILER_LAYER_COLORS.zones[c]), label: text('legendZoneCategory', { category: c }) })),
  ],
  loadDeckLayers: () => import('./boiler-deck-layers.ts').then((module) => module.boilerDeckLayers),
};
