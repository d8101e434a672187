import type { Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';

const { Geodesic } = geographiclib;

/**
 * Length of a line on the WGS84 ellipsoid (GeographicLib), vertices joined by geodesics.
 *
 * @param line - Positions as [lon, lat] degrees.
 * @returns Metres.
 * @example
 * geodesicLength([[126, 46], [126.5, 46]]); // 38,731.59
 */
export function geodesicLength(line: ReadonlyArray<Position>): number {
  let metres = 0;
  for (let i = 1; i < line.length; i++) {
    metres += Geodesic.WGS84.Inverse(line[i - 1]![1]!, line[i - 1]![0]!, line[i]![1]!, line[i]![0]!, Geodesic.DISTANCE).s12!;
  }
  return metres;
}
