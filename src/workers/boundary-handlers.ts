import { decodeBoundaries, type Boundaries, type BoundaryTopology } from '../core/geo/boundaries.ts';
import { describeCounty, summarizeBoundaries } from '../core/geo/boundary-summary.ts';
import { createLocator, type Locator } from '../core/geo/create-locator.ts';
import { proposeZoneFromCoverage } from '../core/zones/propose-zone.ts';
import { suggestZoneRepair } from '../core/zones/repair-zone.ts';
import { createBoundaryEdgeIndex } from '../core/geo/snap-index.ts';
import { createZoneValidator, type ZoneValidator } from '../core/zones/validate-zones.ts';
import type { BoundaryWorkerApi, RegionRef } from './boundary-messages.ts';
import type { WorkerHandlers } from './worker-protocol.ts';
import { createBoundaryTiles, type BoundaryTiles } from './boundary-tiles.ts';

interface Loaded {
  boundaries: Boundaries;
  tiles: BoundaryTiles;
  /** Built on the first lookup: start-up needs only the tiles. */
  locator?: Locator;
  /** Built on the first snapping request: only the zone editor needs it. */
  edges?: ReturnType<typeof createBoundaryEdgeIndex>;
  /** Built on the first validation: keeps each zone's checks, so an edit rechecks only the edited zone. */
  zoneValidator?: ZoneValidator;
}

/** The outline of a city or county, or an error naming what was asked for. */
function regionOutline(boundaries: Boundaries, region: RegionRef) {
  const feature =
    region.kind === 'city'
      ? boundaries.cities.features.find((f) => f.properties.name === region.name)
      : boundaries.counties.features.find((f) => f.properties.adcode === region.adcode);
  if (!feature) throw new Error(region.kind === 'city' ? `no city named ${region.name} in the shipped boundaries` : `no county with adcode ${region.adcode} in the shipped boundaries`);
  return feature.geometry;
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
    async validateZones({ zones }) {
      const data = await loaded();
      data.locator ??= createLocator(data.boundaries);
      data.zoneValidator ??= createZoneValidator(data.boundaries, data.locator);
      return data.zoneValidator.validate(zones);
    },
    async repairZone({ index, zones, report }) {
      return suggestZoneRepair(index, zones, report, (await loaded()).boundaries);
    },
    async proposeZone({ coverage, region }) {
      return proposeZoneFromCoverage(coverage, regionOutline((await loaded()).boundaries, region));
    },
    async boundaryEdges({ west, south, east, north, limit }) {
      const data = await loaded();
      data.edges ??= createBoundaryEdgeIndex(data.boundaries);
      return data.edges.edgesIn(west, south, east, north, limit);
    },
  };
}
