import type { MultiPolygon, Polygon } from 'geojson';
import type { BoundarySummary, CountyDetails } from '../core/geo/boundary-summary.ts';
import type { ZoneProposal } from '../core/zones/propose-zone.ts';
import type { ZoneRepair } from '../core/zones/repair-zone.ts';
import type { ZoneInput, ZoneReport } from '../core/zones/validate-zones.ts';

/** A city (by name) or a county (by adcode) of the shipped boundaries. */
export type RegionRef = { kind: 'city'; name: string } | { kind: 'county'; adcode: string };

/** Every message the boundary worker answers: type → params and result. */
export type BoundaryWorkerApi = {
  /** Fetch and decode the boundary data and build the tiling. */
  load: { params: { url: string }; result: BoundarySummary };
  /** One vector tile with every boundary layer. */
  tile: { params: { z: number; x: number; y: number }; result: ArrayBuffer };
  /** The county at a WGS84 point (gaps between source counties snap to the nearest), or null. */
  countyAt: { params: { lon: number; lat: number }; result: CountyDetails | null };
  /** Validates no-burn zones against each other and the city outlines (the editor's live check). */
  validateZones: { params: { zones: ZoneInput[] }; result: ZoneReport[] };
  /** A suggested repair of zone `index` for the problems of its report, or null; the zones are not changed. */
  repairZone: { params: { index: number; zones: ZoneInput[]; report: ZoneReport }; result: ZoneRepair | null };
  /** Heating coverage clipped to a city or county: a draft zone (clause 十三), or null when nothing lies there. */
  proposeZone: { params: { coverage: (Polygon | MultiPolygon)[]; region: RegionRef }; result: ZoneProposal | null };
  /** County and city outline segments in a box, [lon1, lat1, lon2, lat2, …], for snapping in the current view. */
  boundaryEdges: { params: { west: number; south: number; east: number; north: number; limit: number }; result: Float64Array };
};
