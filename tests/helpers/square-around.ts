import type { Polygon, Position } from 'geojson';

/** A closed ring around [lon, lat], `half` degrees each way, counter-clockwise. */
export const ringAround = (lon: number, lat: number, half: number): Position[] => [
  [lon - half, lat - half],
  [lon + half, lat - half],
  [lon + half, lat + half],
  [lon - half, lat + half],
  [lon - half, lat - half],
];

/** A square polygon around [lon, lat], `half` degrees each way. */
export const squareAround = (lon: number, lat: number, half: number): Polygon => ({ type: 'Polygon', coordinates: [ringAround(lon, lat, half)] });

/** A closed square ring from its south-west corner, `size` degrees a side, counter-clockwise. */
export const squareRing = (west: number, south: number, size: number): Position[] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

/** A named zone for validateZones: an outline and optional holes. */
export const ringsZone = (name: string, ...rings: Position[][]): { name: string; geometry: Polygon } => ({ name, geometry: { type: 'Polygon', coordinates: rings } });
