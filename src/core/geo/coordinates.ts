import proj4 from 'proj4';
import { centralMeridianOf, falseEastingOf, gaussKrugerDefinition, gaussKrugerEpsgOfZone } from './gauss-kruger-zones.ts';

/** CGCS2000 3° Gauss-Krüger coordinates with the zone number as the easting prefix. */
export interface GaussKruger {
  /** 3° zone number (central meridian = 3 × zone). */
  zone: number;
  /** EPSG code of the CGCS2000 3° zone with prefix (4513–4533), or null west of 73.5°E or east of 136.5°E (no such code). */
  epsg: number | null;
  /** X: northing in metres (Chinese surveying order puts it first). */
  x: number;
  /** Y: easting in metres, with the zone prefix (zone × 10⁶ + 500,000 + offset). */
  y: number;
}

const converters = new Map<number, proj4.Converter>();

function gaussKrugerConverter(zone: number): proj4.Converter {
  let converter = converters.get(zone);
  if (!converter) {
    converter = proj4('EPSG:4326', gaussKrugerDefinition({ centralMeridian: centralMeridianOf(3, zone), falseEasting: falseEastingOf(zone, true) }));
    converters.set(zone, converter);
  }
  return converter;
}

/**
 * Converts WGS84/CGCS2000 degrees to CGCS2000 3° Gauss-Krüger with the zone prefix.
 *
 * @param lon - Longitude in degrees.
 * @param lat - Latitude in degrees.
 * @returns Zone, EPSG code, X (northing) and Y (prefixed easting) in metres.
 * @example
 * toGaussKruger3(129, 45); // { zone: 43, epsg: 4531, x: 4984944.38, y: 43500000 }
 */
export function toGaussKruger3(lon: number, lat: number): GaussKruger {
  const zone = Math.round(lon / 3);
  const [y, x] = gaussKrugerConverter(zone).forward([lon, lat]) as [number, number];
  return { zone, epsg: gaussKrugerEpsgOfZone(3, zone, true), x, y };
}

/**
 * Formats an angle as degrees, minutes and seconds with a hemisphere letter.
 *
 * @param value - Angle in decimal degrees.
 * @param axis - `lon` (E/W) or `lat` (N/S).
 * @param secondDigits - Decimal places of the seconds.
 * @returns Text such as `126°38'12.50"E`.
 * @example
 * formatDms(126.636806, 'lon'); // "126°38'12.50\"E"
 */
export function formatDms(value: number, axis: 'lon' | 'lat', secondDigits = 2): string {
  const hemisphere = axis === 'lon' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  const scale = 10 ** secondDigits;
  // Round once in the smallest unit so 59.999" carries into the minutes instead of printing 60".
  const totalSeconds = Math.round(Math.abs(value) * 3600 * scale) / scale;
  const degrees = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds - degrees * 3600) / 60);
  const seconds = totalSeconds - degrees * 3600 - minutes * 60;
  return `${degrees}°${String(minutes).padStart(2, '0')}'${seconds.toFixed(secondDigits).padStart(secondDigits + 3, '0')}"${hemisphere}`;
}
