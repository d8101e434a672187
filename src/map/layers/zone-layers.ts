import { NO_BURN_CATEGORIES } from '../../core/boilers/boiler.ts';
import { text } from '../../core/text/text.ts';
import type { LayerDefinition, LegendItem } from '../layer-types.ts';
import { BOILER_LAYER_COLORS, hexColor, ZONE_PROBLEM_COLOR, ZONE_REPAIR_COLOR } from './colors.ts';

/** The planner's no-burn zones (clause 十三) by fuel category, their problems, and a suggested repair. */
export const zoneLayer: LayerDefinition = {
  key: 'zones',
  title: text('layerZonesEditor'),
  legend: () => [
    ...[...NO_BURN_CATEGORIES].reverse().map((c): LegendItem => ({ kind: 'fill', color: hexColor(BOILER_LAYER_COLORS.zones[c]), label: text(c === 'Ⅲ' ? 'legendZoneStrictest' : c === 'Ⅱ' ? 'legendZoneStricter' : 'legendZoneGeneral', { category: c }) })),
    { kind: 'line', color: hexColor(ZONE_PROBLEM_COLOR), label: text('legendZoneProblem') },
    { kind: 'line', color: hexColor(ZONE_REPAIR_COLOR), label: text('legendZoneRepair') },
  ],
  loadDeckLayers: () => import('./zone-deck-layers.ts').then((module) => module.zoneDeckLayers),
};
