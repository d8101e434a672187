import type { RasterSourceSpecification } from 'maplibre-gl';
import type { BasemapSettings } from '../state/settings-slice.ts';

function tiandituSource(layer: string, key: string): RasterSourceSpecification {
  // Web Mercator (_w) sets only; the eight hosts t0…t7 are listed explicitly.
  const tiles = Array.from({ length: 8 }, (_, i) =>
    `https://t${i}.tianditu.gov.cn/DataServer?T=${layer}_w&x={x}&y={y}&l={z}&tk=${encodeURIComponent(key)}`,
  );
  return { type: 'raster', tiles, tileSize: 256, maxzoom: 18, attribution: '© 天地图 Tianditu' };
}

/**
 * Raster sources for a basemap choice: the base and, for Tianditu, its label overlay.
 * Returns null when nothing should be fetched (offline, or Tianditu without a key).
 */
export function basemapSources(settings: BasemapSettings): { base: RasterSourceSpecification; labels?: RasterSourceSpecification } | null {
  const key = settings.tiandituKey.trim();
  switch (settings.kind) {
    case 'none':
      return null;
    case 'osm':
      return {
        base: { type: 'raster', tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 19, attribution: '© OpenStreetMap contributors' },
      };
    case 'tianditu-vector':
      return key ? { base: tiandituSource('vec', key), labels: tiandituSource('cva', key) } : null;
    case 'tianditu-imagery':
      return key ? { base: tiandituSource('img', key), labels: tiandituSource('cia', key) } : null;
  }
}
