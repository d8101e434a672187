import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { EiaLayerData } from './layers/eia-layer-data.ts';

/** SVG path data for a printable map (no WebGL: prints crisp and needs no tiles). */
export interface ReportMap {
  width: number;
  height: number;
  /** Border pieces: path data and neighbour (English name, for the colour). */
  border: { d: string; neighborEn: string }[];
  buffer: string;
  site: string;
  sitePoint: [number, number] | null;
  nearest: [[number, number], [number, number]] | null;
  sector: string;
  /** Scale bar: length in px and the km it stands for. */
  scale: { px: number; km: number };
}

/**
 * Projects the EIA layer data around a site into an SVG box (equirectangular at the site's latitude,
 * which is conformal enough at this size), in a window `spanKm` wide that the SVG viewport clips.
 *
 * @param data - The EIA layer data (border, buffer, site, nearest line, sector).
 * @param centre - The window's centre (the site).
 * @param spanKm - Width of the window in km.
 * @returns Path data in a 600 × 420 box.
 */
export function reportMap(data: EiaLayerData, centre: [number, number], spanKm: number): ReportMap {
  const width = 600;
  const height = 420;
  const kmPerDegreeLon = 111.32 * Math.cos((centre[1] * Math.PI) / 180);
  const pxPerKm = width / spanKm;
  const project = ([lon, lat]: Position): [number, number] => [
    width / 2 + (lon! - centre[0]) * kmPerDegreeLon * pxPerKm,
    height / 2 - (lat! - centre[1]) * 110.95 * pxPerKm,
  ];
  // Whole lines are kept: the SVG viewport clips them, and polygons stay closed for the fill.
  const path = (line: Position[], close = false) => {
    const d = line.map((position, i) => {
      const [x, y] = project(position);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    return d.length ? `${d.join('')}${close ? 'Z' : ''}` : '';
  };
  const area = (geometry: Polygon | MultiPolygon | null) =>
    !geometry ? '' : (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flatMap((rings) => rings.map((ring) => path(ring, true))).join('');
  const scaleKm = [1, 2, 5, 10, 20, 50, 100].find((km) => km * pxPerKm >= 80) ?? 100;
  return {
    width,
    height,
    border: (data.border?.features ?? []).map((f) => ({ d: path(f.geometry.coordinates), neighborEn: f.properties.neighborEn })).filter((b) => b.d),
    buffer: area(data.buffer),
    site: area(data.site),
    sitePoint: data.sitePoint ? project(data.sitePoint) : null,
    nearest: data.nearest ? [project(data.nearest[0]), project(data.nearest[1])] : null,
    sector: data.sector ? path(data.sector, true) : '',
    scale: { px: scaleKm * pxPerKm, km: scaleKm },
  };
}
