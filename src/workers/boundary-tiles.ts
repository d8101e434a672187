import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { Boundaries } from '../core/geo/boundaries.ts';
import { BOUNDARY_TILE_LAYERS, BOUNDARY_TILE_MAX_ZOOM } from './tile-grid.ts';

/** Serves Mapbox Vector Tiles of every boundary layer from one geojson-vt tiling per layer. */
export interface BoundaryTiles {
  /** PBF bytes of tile z/x/y with one layer per boundary object; empty when the tile holds nothing. */
  tile(z: number, x: number, y: number): Uint8Array;
}

/**
 * Tiles the boundary layers once (geojson-vt) so maplibre never re-tiles them on the main thread.
 *
 * @param boundaries - Decoded boundary data.
 * @returns A {@link BoundaryTiles} that encodes tiles on demand.
 */
export function createBoundaryTiles(boundaries: Boundaries): BoundaryTiles {
  const indexes = BOUNDARY_TILE_LAYERS.map(
    (name) => [name, new GeoJSONVT(boundaries[name], { maxZoom: BOUNDARY_TILE_MAX_ZOOM, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 })] as const,
  );
  return {
    tile(z, x, y) {
      const layers: Record<string, unknown> = {};
      for (const [name, index] of indexes) {
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length > 0) layers[name] = tile;
      }
      return Object.keys(layers).length === 0 ? new Uint8Array(0) : fromGeojsonVt(layers, { version: 2, extent: 4096 });
    },
  };
}

