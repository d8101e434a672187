import type { BoundarySummary, CountyDetails } from '../core/boundary-summary.ts';

/** Every message the boundary worker answers: type → params and result. */
export type BoundaryWorkerApi = {
  /** Fetch and decode the boundary data and build the tiling. */
  load: { params: { url: string }; result: BoundarySummary };
  /** One vector tile with every boundary layer. */
  tile: { params: { z: number; x: number; y: number }; result: ArrayBuffer };
  /** The county at a WGS84 point (gaps between source counties snap to the nearest), or null. */
  countyAt: { params: { lon: number; lat: number }; result: CountyDetails | null };
};
