import type { LayerDefinition } from '../layer-registry.ts';
import { hexColor } from './hex-color.ts';

/** Colours of the border pieces by neighbouring province, and of the consultation zone. */
export const EIA_COLORS = {
  jilin: [215, 48, 31] as [number, number, number],
  innerMongolia: [123, 50, 148] as [number, number, number],
  buffer: [255, 140, 0] as [number, number, number],
  site: [33, 102, 172] as [number, number, number],
  within: [215, 48, 31] as [number, number, number],
  outside: [26, 152, 80] as [number, number, number],
};


/** The provincial border, its two-sided consultation zone (clause 二十七) and the sites being checked. */
export const eiaLayer: LayerDefinition = {
  key: 'eia',
  title: { zh: '省界及环评会商区', en: 'Provincial border and EIA consultation zone' },
  defaultVisible: true,
  defaultOpacity: 1,
  legend: () => [
    { kind: 'line', color: hexColor(EIA_COLORS.jilin), label: { zh: '黑龙江—吉林省界', en: 'Heilongjiang–Jilin border' } },
    { kind: 'line', color: hexColor(EIA_COLORS.innerMongolia), label: { zh: '黑龙江—内蒙古省界', en: 'Heilongjiang–Inner Mongolia border' } },
    { kind: 'fill', color: hexColor(EIA_COLORS.buffer), label: { zh: '省界两侧缓冲区（显示用）', en: 'Two-sided buffer (display)' } },
    { kind: 'fill', color: hexColor(EIA_COLORS.within), label: { zh: '批量：会商区内', en: 'Batch: within zone' } },
    { kind: 'fill', color: hexColor(EIA_COLORS.outside), label: { zh: '批量：会商区外', en: 'Batch: outside zone' } },
  ],
  loadDeckLayers: () => import('./eia-deck-layers.ts').then((module) => module.eiaDeckLayers),
};
