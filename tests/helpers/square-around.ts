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
