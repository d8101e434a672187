/** VIIRS confidence classes; MODIS percentages map to them with FIRMS' thresholds (< 30 low, ≥ 80 high). */
export const CONFIDENCE_CLASS = { unknown: 0, low: 1, nominal: 2, high: 3 } as const;
export const DAY_NIGHT = { unknown: 0, day: 1, night: 2 } as const;

/**
 * Fire points in columns (typed arrays), so a million of them filter, count and cross to a worker cheaply.
 * Index i of every array describes the same point.
 */
export interface FirePoints {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Acquisition instant, ms since the epoch (UTC). */
  time: Float64Array;
  /** 0–100 where the source gives a percentage (MODIS, official sheets), else NaN. */
  confidence: Float32Array;
  /** {@link CONFIDENCE_CLASS}: VIIRS l/n/h, or derived from the percentage. */
  confidenceClass: Uint8Array;
  /** Fire radiative power, MW; NaN when not given. */
  frp: Float32Array;
  /** Index into `satellites`; 0 is '' (not given). */
  satellite: Uint16Array;
  satellites: string[];
  /** {@link DAY_NIGHT}. */
  dayNight: Uint8Array;
}

/**
 * Allocates empty columns for `count` points.
 *
 * @param count - Number of points.
 * @returns Zeroed columns (NaN for confidence and FRP).
 * @example
 * const points = createFirePoints(2);
 */
export function createFirePoints(count: number): FirePoints {
  return {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    time: new Float64Array(count),
    confidence: new Float32Array(count).fill(Number.NaN),
    confidenceClass: new Uint8Array(count),
    frp: new Float32Array(count).fill(Number.NaN),
    satellite: new Uint16Array(count),
    satellites: [''],
    dayNight: new Uint8Array(count),
  };
}

/**
 * Confidence class of a MODIS/official percentage (FIRMS: low < 30 ≤ nominal < 80 ≤ high).
 *
 * @param percent - 0–100, NaN when unknown.
 * @returns A {@link CONFIDENCE_CLASS} value.
 * @example
 * confidenceClassOf(85); // CONFIDENCE_CLASS.high
 */
export function confidenceClassOf(percent: number): number {
  if (!Number.isFinite(percent)) return CONFIDENCE_CLASS.unknown;
  return percent < 30 ? CONFIDENCE_CLASS.low : percent < 80 ? CONFIDENCE_CLASS.nominal : CONFIDENCE_CLASS.high;
}
