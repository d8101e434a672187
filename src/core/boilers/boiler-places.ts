import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BoilerPlace, CoverageHit, ZoneHit } from './audit-boiler.ts';
import { NO_BURN_CATEGORIES, type NoBurnCategory } from './boiler.ts';
import type { Locator } from '../geo/create-locator.ts';
import { createGeodesicPolylineIndex, type GeodesicPolylineIndex } from '../geo/geodesic-polyline-index.ts';
import { createPolygonGridIndex, type PolygonGridIndex } from '../geo/polygon-grid-index.ts';

/** A named polygon of a layer (coverage, built-up area). */
export interface NamedArea {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** A named heating pipeline: one or more lines of [lon, lat]. */
export interface NamedPipeline {
  name: string;
  lines: Position[][];
}

/** A no-burn zone with its fuel category. */
export interface CategorisedZone extends NamedArea {
  category: NoBurnCategory;
}

/**
 * The layers a boiler audit can use. A layer left out is unknown, not empty: rules that need it report
 * 需核实 instead of passing (no-burn zones: rule R13 is not evaluated at all).
 */
export interface BoilerLayers {
  coverage?: NamedArea[];
  /** Pipelines count as coverage within `serviceRadiusM`: an explicit assumption, shown in every reason. */
  pipelines?: NamedPipeline[];
  serviceRadiusM?: number;
  builtUp?: NamedArea[];
  zones?: CategorisedZone[];
}

/** Finds each boiler's place: city and county, coverage, built-up area, no-burn zones. */
export interface BoilerPlaceFinder {
  /** The place of one boiler at WGS84 lon/lat. */
  placeOf(lon: number, lat: number): BoilerPlace;
  /** Places of many boilers; polygon layers are answered in bulk (about 25 M points/s per layer). */
  placeMany(lons: ArrayLike<number>, lats: ArrayLike<number>): BoilerPlace[];
}

/**
 * Prepares the audit layers for point queries: one grid index per polygon layer (and per zone category, so
 * overlapping zones of different categories are all seen) and a geodesic index over pipelines, whose
 * distances are exact (GeographicLib), so the service radius is met to the millimetre.
 *
 * @param layers - Coverage polygons, pipelines with a service radius, built-up areas, no-burn zones.
 * @param locator - City and county from the shipped boundaries.
 * @returns A {@link BoilerPlaceFinder}.
 * @throws Error when pipelines are given without a positive service radius.
 * @example
 * const finder = createBoilerPlaceFinder({ coverage, builtUp }, locator);
 * finder.placeOf(126.63, 45.75); // { city: '哈尔滨市', county: '南岗区', coverage: { by: 'polygon', name: '…' }, builtUpArea: '…', zones: null }
 */
export function createBoilerPlaceFinder(layers: BoilerLayers, locator: Locator): BoilerPlaceFinder {
  const radius = layers.serviceRadiusM;
  const pipelines = layers.pipelines ?? [];
  if (pipelines.length > 0 && !(typeof radius === 'number' && radius > 0 && Number.isFinite(radius))) {
    throw new Error(`${pipelines.length} pipelines were given without a service radius: state the distance in metres a pipeline serves`);
  }
  const coverage = layers.coverage ?? [];
  const coverageIndex = coverage.length > 0 ? createPolygonGridIndex(coverage.map((area) => area.geometry)) : null;
  const pipelineLineNames: string[] = [];
  const pipelineLines: Position[][] = [];
  for (const pipeline of pipelines) {
    for (const line of pipeline.lines) {
      pipelineLines.push(line);
      pipelineLineNames.push(pipeline.name);
    }
  }
  const pipelineIndex: GeodesicPolylineIndex | null = pipelineLines.length > 0 ? createGeodesicPolylineIndex(pipelineLines) : null;
  const coverageKnown = layers.coverage !== undefined || layers.pipelines !== undefined;
  const builtUp = layers.builtUp;
  const builtUpIndex = builtUp && builtUp.length > 0 ? createPolygonGridIndex(builtUp.map((area) => area.geometry)) : null;
  // Strictest category first, as BoilerPlace.zones promises.
  const zoneGroups = layers.zones
    ? [...NO_BURN_CATEGORIES].reverse().map((category) => {
        const zones = layers.zones!.filter((zone) => zone.category === category);
        return { category, zones, index: zones.length > 0 ? createPolygonGridIndex(zones.map((zone) => zone.geometry)) : null };
      })
    : null;

  const pipelineHit = (lon: number, lat: number): CoverageHit | false => {
    if (!pipelineIndex) return false;
    const nearest = pipelineIndex.nearest(lon, lat, { maxDistance: radius! });
    return nearest && nearest.distance <= radius! ? { by: 'pipeline', name: pipelineLineNames[nearest.line]!, distanceM: nearest.distance, radiusM: radius! } : false;
  };

  // Hits are shared (frozen) per polygon and zone: a table of 100,000 places then holds one small object each.
  const coverageHits = coverage.map((area): CoverageHit => Object.freeze({ by: 'polygon', name: area.name }));
  const zoneHits = zoneGroups?.map((group) => group.zones.map((zone): ZoneHit => Object.freeze({ name: zone.name, category: group.category })));
  const noZones: ZoneHit[] = Object.freeze([]) as unknown as ZoneHit[];

  const build = (lon: number, lat: number, coverageAt: number, builtUpAt: number, zoneAt: (group: number) => number): BoilerPlace => {
    // A neighbour province's prefecture is not a Heilongjiang city: the audit warns instead.
    const location = locator.where(lon, lat);
    const city = location.county !== null ? location.city : null;
    const county = location.county;
    let hit: CoverageHit | false | null = null;
    if (coverageKnown) hit = coverageAt >= 0 ? coverageHits[coverageAt]! : pipelineHit(lon, lat);
    let zones: ZoneHit[] | null = null;
    if (zoneHits) {
      for (let g = 0; g < zoneHits.length; g++) {
        const z = zoneAt(g);
        if (z >= 0) (zones ??= []).push(zoneHits[g]![z]!);
      }
      zones ??= noZones;
    }
    return { city, county, coverage: hit, builtUpArea: builtUp ? (builtUpAt >= 0 ? builtUp[builtUpAt]!.name : false) : null, zones };
  };

  return {
    placeOf(lon, lat) {
      return build(lon, lat, coverageIndex?.locate(lon, lat) ?? -1, builtUpIndex?.locate(lon, lat) ?? -1, (g) => zoneGroups![g]!.index?.locate(lon, lat) ?? -1);
    },
    placeMany(lons, lats) {
      const none = new Int32Array(lons.length).fill(-1);
      const coverageAt = coverageIndex?.locateMany(lons, lats) ?? none;
      const builtUpAt = builtUpIndex?.locateMany(lons, lats) ?? none;
      const zoneAt = zoneGroups?.map((group) => group.index?.locateMany(lons, lats) ?? none) ?? [];
      const places: BoilerPlace[] = new Array(lons.length);
      for (let i = 0; i < lons.length; i++) places[i] = build(lons[i]!, lats[i]!, coverageAt[i]!, builtUpAt[i]!, (g) => zoneAt[g]![i]!);
      return places;
    },
  };
}
