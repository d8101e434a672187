import { NO_BURN_CATEGORIES } from '../../core/boilers/boiler.ts';
import type { LayerDefinition, LegendItem } from '../layer-registry.ts';
import { BOILER_LAYER_COLORS } from './boiler-layers.ts';
import { hexColor } from './hex-color.ts';


/** Colour of validation problems drawn on the map, and of a suggested repair. */
export const ZONE_PROBLEM_COLOR: [number, number, number] = [220, 0, 120];
export const ZONE_REPAIR_COLOR: [number, number, number] = [0, 140, 90];

/** The planner's no-burn zones (clause 十三) by fuel category, their problems, and a suggested repair. */
export const zoneLayer: LayerDefinition = {
  key: 'zones',
  title: { zh: '高污染燃料禁燃区（编辑）', en: 'No-burn zones (editor)' },
  defaultVisible: true,
  defaultOpacity: 1,
  legend: () => [
    ...[...NO_BURN_CATEGORIES].reverse().map((c): LegendItem => ({ kind: 'fill', color: hexColor(BOILER_LAYER_COLORS.zones[c]), label: { zh: `${c}类（${c === 'Ⅲ' ? '严格' : c === 'Ⅱ' ? '较严' : '一般'}）`, en: `Category ${c}` } })),
    { kind: 'line', color: hexColor(ZONE_PROBLEM_COLOR), label: { zh: '校验问题', en: 'Validation problem' } },
    { kind: 'line', color: hexColor(ZONE_REPAIR_COLOR), label: { zh: '修复预览', en: 'Repair preview' } },
  ],
  loadDeckLayers: () => import('./zone-deck-layers.ts').then((module) => module.zoneDeckLayers),
};
