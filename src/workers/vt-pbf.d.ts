declare module 'vt-pbf' {
  /** Encodes geojson-vt tiles, one per layer name, into a Mapbox Vector Tile (PBF). */
  export function fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
}
