import { beijingDay } from './beijing-time.ts';
import { clusterPoints } from './cluster-points.ts';
import type { Locator } from '../geo/create-locator.ts';
import type { FirePoints } from './fire-points.ts';

/** Defaults of the patrol coordinator's settings (all editable). */
export const FIRE_ANALYSIS_DEFAULTS = {
  /** Same-fire merging: detections within 1 km and 2 h are one fire (S-NPP, NOAA-20 and NOAA-21 pass within about an hour). */
  sameFireDistanceM: 1000,
  sameFireWindowMs: 2 * 3600 * 1000,
  /** Patrol clusters: fires within 3 km and 3 days form one place to send a patrol. */
  clusterDistanceM: 3000,
  clusterWindowMs: 3 * 86400 * 1000,
} as const;

export type FireAnalysisOptions = { -readonly [K in keyof typeof FIRE_ANALYSIS_DEFAULTS]: number };

/** Per-point results of {@link analyzeFires}, index-aligned with the input points. */
export interface FireAnalysis {
  /** Index into the boundaries' counties, -1 outside Heilongjiang. */
  county: Int32Array;
  /** Index into the boundaries' cities, -1 outside Heilongjiang. */
  city: Int32Array;
  /** Beijing day number (days since 1970-01-01, Beijing time); NaN-time points get -1. */
  beijingDay: Int32Array;
  /** Same-fire group, 0…k−1. */
  fireId: Int32Array;
  /** Patrol cluster, 0…k−1. */
  clusterId: Int32Array;
}

/**
 * Attributes fire points to county and city, dates them in Beijing time, merges detections of the same
 * fire and groups fires into patrol clusters.
 *
 * @param points - Fire points.
 * @param locator - From `createLocator(boundaries)`.
 * @param options - Merging and clustering distances and windows; defaults in {@link FIRE_ANALYSIS_DEFAULTS}.
 * @returns Typed arrays aligned with the points.
 * @example
 * const result = analyzeFires(file.points, createLocator(boundaries));
 * result.county[0]; // index of the county of the first point
 */
export function analyzeFires(points: FirePoints, locator: Locator, options: Partial<FireAnalysisOptions> = {}): FireAnalysis {
  const settings = { ...FIRE_ANALYSIS_DEFAULTS, ...options };
  const county = locator.countyIndicesAt(points.lon, points.lat);
  const city = new Int32Array(points.count);
  const day = new Int32Array(points.count);
  for (let i = 0; i < points.count; i++) {
    city[i] = county[i]! === -1 ? -1 : locator.cityOfCounty[county[i]!]!;
    const t = points.time[i]!;
    day[i] = Number.isNaN(t) ? -1 : beijingDay(t);
  }
  const fireId = clusterPoints(points.lon, points.lat, points.time, { distanceM: settings.sameFireDistanceM, windowMs: settings.sameFireWindowMs });
  const clusterId = clusterPoints(points.lon, points.lat, points.time, { distanceM: settings.clusterDistanceM, windowMs: settings.clusterWindowMs });
  return { county, city, beijingDay: day, fireId, clusterId };
}
