import { decodeBoundaries, type Boundaries, type BoundaryTopology } from '../core/boundaries.ts';
import { describeCounty, summarizeBoundaries } from '../core/boundary-summary.ts';
import { createLocator, type Locator } from '../core/create-locator.ts';
import type { BoundaryWorkerApi } from './boundary-messages.ts';
import type { WorkerHandlers } from './worker-protocol.ts';
import { createBoundaryTiles, type BoundaryTiles } from './boundary-tiles.ts';

interface Loaded {
  boundaries: Boundaries;
  tiles: BoundaryTiles;
  /** Built on the first lookup: start-up needs only the tiles. */
  locator?: Locator;
}


/**
 * The boundary worker's handlers, one per message. Tile and lookup requests that arrive before the
 * data has loaded wait for it. Kept apart from the worker entry so Node tests can call them directly.
 */
export function createBoundaryHandlers(fetchText: (url: string) => Promise<string>): WorkerHandlers<BoundaryWorkerApi> {
  let loading: Promise<Loaded> | null = null;
  const loaded = () => {
    if (!loading) throw new Error('boundary data was not loaded: send "load" first');
    return loading;
  };
  return {
    async load({ url }) {
      loading ??= fetchText(url).then((text) => {
        const boundaries = decodeBoundaries(JSON.parse(text) as BoundaryTopology);
        return { boundaries, tiles: createBoundaryTiles(boundaries) } as Loaded;
      });
      return summarizeBoundaries((await loading).boundaries);
    },
    async tile({ z, x, y }) {
      const bytes = (await loaded()).tiles.tile(z, x, y);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    async countyAt({ lon, lat }) {
      const data = await loaded();
      data.locator ??= createLocator(data.boundaries);
      const index = data.locator.countyIndexAt(lon, lat);
      return index === -1 ? null : describeCounty(data.boundaries, index);
    },
  };
}
