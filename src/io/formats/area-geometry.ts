import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The area of a feature's geometry: a Polygon or MultiPolygon as it is, and a collection of only polygons (how KML
 * writes a MultiGeometry, e.g. a zone in two parts from Google Earth) as one MultiPolygon. Vertices are not changed.
 *
 * @param geometry - A geometry as read from a vector file.
 * @returns The polygons, or null for a point, a line, or a collection holding anything else.
 * @example
 * areaGeometry({ type: 'GeometryCollection', geometries: [square1, square2] }); // { type: 'MultiPolygon', coordinates: [...] }
 */
export function areaGeometry(geometry: Geometry): Polygon | MultiPolygon | null {
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return geometry;
  if (geometry.type !== 'GeometryCollection') return null;
  const parts: Position[][][] = [];
  for (const member of geometry.geometries) {
    const polygon = areaGeometry(member);
    if (!polygon) return null;
    if (polygon.type === 'Polygon') parts.push(polygon.coordinates);
    else parts.push(...polygon.coordinates);
  }
  return parts.length === 0 ? null : { type: 'MultiPolygon', coordinates: parts };
}
