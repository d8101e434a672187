import type { Boundaries } from '../core/geo/boundaries.ts';
import { describeCounty, summarizeBoundaries } from '../core/geo/boundary-summary.ts';
import { createBoundaryEdgeIndex } from '../core/geo/snap-index.ts';
import type { AnalysisApi } from './analysis-api.ts';
import type { AnalysisData } from './analysis-data.ts';
import { createBoundaryTiles, type BoundaryTiles } from './boundary-tiles.ts';
import type { WorkerHandlers } from './protocol.ts';

type BoundaryMessages = Pick<AnalysisApi, 'boundaries.load' | 'boundaries.tile' | 'boundaries.countyAt' | 'boundaries.edges'>;

/**
 * Boundary messages: the one tiling maplibre draws from, county lookups and snapping edges. Tile and lookup requests
 * that arrive before the data has loaded wait for it.
 */
export function createBoundaryHandlers(data: AnalysisData): WorkerHandlers<BoundaryMessages> {
  let tiling: Promise<BoundaryTiles> | null = null;
  let edges: ReturnType<typeof createBoundaryEdgeIndex> | null = null;
  const tiles = () => (tiling ??= data.boundaries().then(createBoundaryTiles));
  return {
    async 'boundaries.load'({ url }) {
      const boundaries: Boundaries = await data.loadBoundaries(url);
      await tiles();
      return summarizeBoundaries(boundaries);
    },
    async 'boundaries.tile'({ z, x, y }) {
      const bytes = (await tiles()).tile(z, x, y);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    async 'boundaries.countyAt'({ lon, lat }) {
      const index = (await data.locator()).countyIndexAt(lon, lat);
      return index === -1 ? null : describeCounty(await data.boundaries(), index);
    },
    async 'boundaries.edges'({ west, south, east, north, limit }) {
      edges ??= createBoundaryEdgeIndex(await data.boundaries());
      return edges.edgesIn(west, south, east, north, limit);
    },
  };
}
