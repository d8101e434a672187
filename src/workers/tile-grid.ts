/** Source layers of the boundary vector tiles (one per boundary object), in the order they are encoded. */
export const BOUNDARY_TILE_LAYERS = ['russia', 'neighbourCities', 'neighbourProvinces', 'counties', 'cities', 'province'] as const;

/** Deepest zoom tiled; maplibre overzooms beyond it. */
export const BOUNDARY_TILE_MAX_ZOOM = 12;

/**
 * Tiles up to this zoom are written at data build time (public/data/tiles, the same tiler and settings), so the first
 * view is drawn without waiting for the worker to decode the boundaries; deeper tiles come from the worker.
 */
export const STATIC_TILE_MAX_ZOOM = 6;

/** The box every static tile lies in (the map's maxBounds): west, south, east, north. */
export const STATIC_TILE_BOUNDS = [95, 35, 150, 60] as const;

/**
 * The tile x and y ranges of {@link STATIC_TILE_BOUNDS} at a zoom (Web Mercator, inclusive).
 *
 * @param z - Zoom, 0…{@link STATIC_TILE_MAX_ZOOM}.
 * @returns x and y ranges.
 */
export function staticTileRange(z: number): { x: [number, number]; y: [number, number] } {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const rad = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  };
  const [west, south, east, north] = STATIC_TILE_BOUNDS;
  return { x: [x(west), x(east)], y: [y(north), y(south)] };
}

/** Whether tile z/x/y is one of the static tiles (public/data/tiles/z/x/y.pbf; an empty tile is an empty file). */
export function isStaticTile(z: number, x: number, y: number): boolean {
  if (z > STATIC_TILE_MAX_ZOOM) return false;
  const range = staticTileRange(z);
  return x >= range.x[0] && x <= range.x[1] && y >= range.y[0] && y <= range.y[1];
}
