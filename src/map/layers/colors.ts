import type { BoilerVerdict, NoBurnCategory } from '../../core/boilers/boiler.ts';
import { CONFIDENCE_CLASS } from '../../core/fires/fire-points.ts';

/** An RGB triple, as deck.gl takes colours. */
export type Rgb = [number, number, number];

/** `#rrggbb` of an RGB triple, for legend swatches and maplibre paint. */
export const hexColor = ([r, g, b]: readonly number[]): string => `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;

/** Fill colours of Heilongjiang's 13 cities, by city adcode: muted, distinct neighbours, dark text stays readable. */
export const CITY_COLORS: Readonly<Record<string, string>> = {
  '230100': '#f4c7a1', // 哈尔滨市
  '230200': '#c9dfa8', // 齐齐哈尔市
  '230300': '#b9d3ee', // 鸡西市
  '230400': '#f2e4a3', // 鹤岗市
  '230500': '#d7c2e8', // 双鸭山市
  '230600': '#a9dcd1', // 大庆市
  '230700': '#cfe5b8', // 伊春市
  '230800': '#f5b9b9', // 佳木斯市
  '230900': '#e8d3b3', // 七台河市
  '231000': '#b3cde0', // 牡丹江市
  '231100': '#e0e0a8', // 黑河市
  '231200': '#e7bfd8', // 绥化市
  '232700': '#bfe0c5', // 大兴安岭地区
};
export const FALLBACK_CITY_COLOR = '#dddddd';

/** Russia and the neighbouring provinces: context, muted. */
export const BOUNDARY_COLORS = {
  russia: '#cfcfcf',
  russiaLine: '#9a9a9a',
  neighbourFill: '#f3f1ec',
  neighbourLine: '#b5aea3',
  neighbourProvinceLine: '#8d857a',
  countyLine: '#ffffff',
  selectedCounty: '#d7301f',
  cityLine: '#5b5b5b',
  provinceLine: '#2b2b2b',
};

/** What the user chose in a table (a patrol cluster, a batch site, a boiler): drawn as a ring over everything. */
export const HIGHLIGHT_COLOR: Rgb = [20, 20, 20];

/** Fire points by confidence class. */
export const FIRE_CONFIDENCE_COLORS: Record<number, Rgb> = {
  [CONFIDENCE_CLASS.unknown]: [120, 120, 120],
  [CONFIDENCE_CLASS.low]: [253, 204, 138],
  [CONFIDENCE_CLASS.nominal]: [252, 141, 89],
  [CONFIDENCE_CLASS.high]: [215, 48, 31],
};

/** FRP colour ramp stops (MW): yellow to dark red on a log scale. */
export const FRP_STOPS: [number, Rgb][] = [
  [1, [255, 237, 160]],
  [5, [254, 178, 76]],
  [20, [240, 59, 32]],
  [100, [128, 0, 38]],
];

/** The colour of an FRP value on the {@link FRP_STOPS} ramp. */
export function frpColor(frp: number): Rgb {
  if (!(frp > FRP_STOPS[0]![0])) return FRP_STOPS[0]![1];
  for (let k = 1; k < FRP_STOPS.length; k++) {
    const [x1, c1] = FRP_STOPS[k]!;
    const [x0, c0] = FRP_STOPS[k - 1]!;
    if (frp <= x1) {
      const t = Math.log(frp / x0) / Math.log(x1 / x0);
      return [0, 1, 2].map((j) => Math.round(c0[j]! + (c1[j]! - c0[j]!) * t)) as Rgb;
    }
  }
  return FRP_STOPS[FRP_STOPS.length - 1]![1];
}

/** Colours of the border pieces by neighbouring province, the consultation zone, and sites. */
export const EIA_COLORS = {
  jilin: [215, 48, 31] as Rgb,
  innerMongolia: [123, 50, 148] as Rgb,
  buffer: [255, 140, 0] as Rgb,
  site: [33, 102, 172] as Rgb,
  within: [215, 48, 31] as Rgb,
  outside: [26, 152, 80] as Rgb,
};

/** Boiler colours by verdict, in BOILER_VERDICTS order. */
export const BOILER_VERDICT_COLORS: Record<BoilerVerdict, Rgb> = {
  淘汰: [215, 25, 28],
  不予新建: [128, 0, 38],
  违反禁燃区规定: [118, 42, 131],
  超低排放改造: [253, 141, 60],
  低氮燃烧改造: [230, 200, 0],
  需核实: [99, 99, 99],
  合规: [26, 152, 80],
};

/** Colours of the boiler audit layers and of no-burn zones by category. */
export const BOILER_LAYER_COLORS = {
  coverage: [49, 130, 189] as Rgb,
  pipelines: [8, 81, 156] as Rgb,
  builtUp: [90, 90, 90] as Rgb,
  zones: { Ⅰ: [254, 217, 118], Ⅱ: [253, 141, 60], Ⅲ: [189, 0, 38] } as Record<NoBurnCategory, Rgb>,
};

/** Colour of validation problems drawn on the map, and of a suggested repair. */
export const ZONE_PROBLEM_COLOR: Rgb = [220, 0, 120];
export const ZONE_REPAIR_COLOR: Rgb = [0, 140, 90];
