import { countByCountyDay, countFires, filterFires, summarizeClusters, totalsBy, type CountTotal, type CountyDayCount, type FireFilter, type PatrolCluster } from '../core/fires/fire-summaries.ts';
import type { CountyProperties } from '../core/geo/boundaries.ts';
import { CONFIDENCE_CLASS } from '../core/fires/fire-points.ts';
import type { FireData, FireStyle } from './fires-slice.ts';

/** Remembers the last answer for the same inputs (by reference), so React renders do not recompute. */
function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (!lastArgs || args.length !== lastArgs.length || args.some((a, i) => a !== lastArgs![i])) {
      last = compute(...args);
      lastArgs = args;
    }
    return last;
  };
}

/** Indices of the points passing the filter. */
export const selectVisibleFires = memo((data: FireData | null, filter: FireFilter): Uint32Array =>
  data ? filterFires(data.points, data.analysis, filter) : new Uint32Array(0),
);

const selectAllFireCounts = memo((data: FireData) => countFires(null, data.analysis));

export const selectFireCounts = memo((data: FireData | null, visible: Uint32Array) =>
  data ? { all: selectAllFireCounts(data), visible: countFires(visible, data.analysis) } : null,
);

/** First and last Beijing day with data, for the day slider; null when nothing is dated. */
export const selectFireDayRange = memo((data: FireData | null): { first: number; last: number } | null => {
  if (!data) return null;
  let first = Infinity;
  let last = -Infinity;
  const days = data.analysis.beijingDay;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (day < 0) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return Number.isFinite(first) ? { first, last } : null;
});

export const selectPatrolClusters = memo((data: FireData | null, visible: Uint32Array): PatrolCluster[] =>
  data ? summarizeClusters(visible, data.points, data.analysis) : [],
);

export const selectCountyDayCounts = memo((data: FireData | null, visible: Uint32Array): CountyDayCount[] => (data ? countByCountyDay(visible, data.analysis) : []));

/** Totals per county (ranking), per Beijing day (daily chart, in day order) and per city name. */
export const selectFireTotals = memo(
  (rows: CountyDayCount[], counties: readonly CountyProperties[], outside: string): { byCounty: CountTotal<number>[]; byDay: CountTotal<number>[]; byCity: CountTotal<string>[] } => ({
    byCounty: totalsBy(rows, (row) => row.county),
    byDay: totalsBy(rows, (row) => row.day).filter((total) => total.key >= 0).sort((a, b) => a.key - b.key),
    byCity: totalsBy(rows, (row) => (row.county === -1 ? outside : (counties[row.county]?.city ?? outside))),
  }),
);

/** What the fire layer draws: positions and colours of the visible points, ready for deck.gl binary attributes. */
export interface FireLayerData {
  style: FireStyle;
  count: number;
  positions: Float32Array;
  colors: Uint8Array;
  /** FRP (MW, 0 when unknown) as heatmap and hexbin weight. */
  weights: Float32Array;
}

const CONFIDENCE_COLORS: Record<number, [number, number, number]> = {
  [CONFIDENCE_CLASS.unknown]: [120, 120, 120],
  [CONFIDENCE_CLASS.low]: [253, 204, 138],
  [CONFIDENCE_CLASS.nominal]: [252, 141, 89],
  [CONFIDENCE_CLASS.high]: [215, 48, 31],
};
export const FIRE_CONFIDENCE_COLORS = CONFIDENCE_COLORS;

/** FRP colour ramp stops (MW): yellow to dark red on a log scale. */
export const FRP_STOPS: [number, [number, number, number]][] = [
  [1, [255, 237, 160]],
  [5, [254, 178, 76]],
  [20, [240, 59, 32]],
  [100, [128, 0, 38]],
];

function frpColor(frp: number): [number, number, number] {
  if (!(frp > FRP_STOPS[0]![0])) return FRP_STOPS[0]![1];
  for (let k = 1; k < FRP_STOPS.length; k++) {
    const [x1, c1] = FRP_STOPS[k]!;
    const [x0, c0] = FRP_STOPS[k - 1]!;
    if (frp <= x1) {
      const t = Math.log(frp / x0) / Math.log(x1 / x0);
      return [0, 1, 2].map((j) => Math.round(c0[j]! + (c1[j]! - c0[j]!) * t)) as [number, number, number];
    }
  }
  return FRP_STOPS[FRP_STOPS.length - 1]![1];
}

export const selectFireLayerData = memo((data: FireData | null, visible: Uint32Array, style: FireStyle): FireLayerData | null => {
  if (!data) return null;
  const n = visible.length;
  const positions = new Float32Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const weights = new Float32Array(n);
  const { lon, lat, confidenceClass, frp } = data.points;
  for (let k = 0; k < n; k++) {
    const i = visible[k]!;
    positions[2 * k] = lon[i]!;
    positions[2 * k + 1] = lat[i]!;
    const color = style === 'frp' ? frpColor(frp[i]!) : CONFIDENCE_COLORS[confidenceClass[i]!]!;
    colors[4 * k] = color[0];
    colors[4 * k + 1] = color[1];
    colors[4 * k + 2] = color[2];
    colors[4 * k + 3] = 230;
    weights[k] = Number.isNaN(frp[i]!) ? 0 : frp[i]!;
  }
  return { style, count: n, positions, colors, weights };
});
