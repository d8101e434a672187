import { BOILER_VERDICTS, type BoilerVerdict, type NoBurnCategory } from '../../core/boilers/boiler.ts';
import type { LayerDefinition, LegendItem } from '../layer-registry.ts';
import { hexColor } from './hex-color.ts';

type Rgb = [number, number, number];

/** Boiler colours by verdict, in {@link BOILER_VERDICTS} order. */
export const BOILER_VERDICT_COLORS: Record<BoilerVerdict, Rgb> = {
  淘汰: [215, 25, 28],
  不予新建: [128, 0, 38],
  违反禁燃区规定: [118, 42, 131],
  超低排放改造: [253, 141, 60],
  低氮燃烧改造: [230, 200, 0],
  需核实: [99, 99, 99],
  合规: [26, 152, 80],
};

/** Colours of the audit layers. */
export const BOILER_LAYER_COLORS = {
  coverage: [49, 130, 189] as Rgb,
  pipelines: [8, 81, 156] as Rgb,
  builtUp: [90, 90, 90] as Rgb,
  zones: { Ⅰ: [254, 217, 118], Ⅱ: [253, 141, 60], Ⅲ: [189, 0, 38] } as Record<NoBurnCategory, Rgb>,
};

const VERDICT_EN: Record<BoilerVerdict, string> = {
  淘汰: 'Phase out',
  不予新建: 'New build not permitted',
  违反禁燃区规定: 'No-burn zone violation',
  超低排放改造: 'Ultra-low emission retrofit',
  低氮燃烧改造: 'Low-NOx retrofit',
  需核实: 'To verify',
  合规: 'Compliant',
};

/** The English name of a verdict (the Chinese is the verdict itself). */
export const verdictLabel = (verdict: BoilerVerdict, language: 'zh' | 'en') => (language === 'zh' ? verdict : VERDICT_EN[verdict]);


/** Coal boilers by audit verdict (clauses 十一, 十三, 二十三) over heating coverage, pipelines, built-up areas and no-burn zones. */
export const boilerLayer: LayerDefinition = {
  key: 'boilers',
  title: { zh: '燃煤锅炉审计', en: 'Boiler audit' },
  defaultVisible: true,
  defaultOpacity: 1,
  legend: () => [
    ...BOILER_VERDICTS.map((v): LegendItem => ({ kind: 'fill', color: hexColor(BOILER_VERDICT_COLORS[v]), label: { zh: v, en: VERDICT_EN[v] } })),
    { kind: 'fill', color: hexColor(BOILER_LAYER_COLORS.coverage), label: { zh: '供热管网覆盖范围', en: 'Heating-network coverage' } },
    { kind: 'line', color: hexColor(BOILER_LAYER_COLORS.pipelines), label: { zh: '供热管网及服务半径（假定）', en: 'Pipelines and service radius (assumed)' } },
    { kind: 'line', color: hexColor(BOILER_LAYER_COLORS.builtUp), label: { zh: '建成区', en: 'Built-up area' } },
    ...(['Ⅲ', 'Ⅱ', 'Ⅰ'] as const).map((c): LegendItem => ({ kind: 'fill', color: hexColor(BOILER_LAYER_COLORS.zones[c]), label: { zh: `${c}类禁燃区`, en: `No-burn zone ${c}` } })),
  ],
  loadDeckLayers: () => import('./boiler-deck-layers.ts').then((module) => module.boilerDeckLayers),
};
