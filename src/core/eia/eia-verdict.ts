import type { MultiPolygon, Polygon, Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import type { Locator } from '../geo/create-locator.ts';
import { createGeodesicPolylineIndex, type GeodesicPolylineIndex, type NearestOnPolyline } from '../geo/geodesic-polyline-index.ts';
import type { BorderProperties, ProvincialBorder } from './provincial-border.ts';
import { pointInRing } from '../geo/point-in-ring.ts';
import { findRingSelfIntersections, segmentIntersection } from '../geo/ring-self-intersections.ts';
import { text, TextError, type Text } from '../text/text.ts';

const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;

/** The provincial border prepared for verdicts: the lines, their properties and a geodesic nearest-point index. */
export interface BorderIndex {
  pieces: BorderProperties[];
  index: GeodesicPolylineIndex;
  /** Neighbouring province names, in data order. */
  neighbors: string[];
  /** The home province (黑龙江省). */
  home: string;
}

/**
 * Prepares the provincial border for verdicts.
 *
 * @param border - public/data/provincial-border.geojson, parsed.
 * @param home - The province the border belongs to.
 * @returns A {@link BorderIndex}.
 * @example
 * const borderIndex = createBorderIndex(border);
 * borderIndex.neighbors; // ['吉林省', '内蒙古自治区']
 */
export function createBorderIndex(border: ProvincialBorder, home = '黑龙江省'): BorderIndex {
  const pieces = border.features.map((f) => f.properties);
  return {
    pieces,
    index: createGeodesicPolylineIndex(border.features.map((f) => f.geometry.coordinates)),
    neighbors: [...new Set(pieces.map((p) => p.neighbor))],
    home,
  };
}

/** A project site: a point or a polygon (WGS84 degrees). */
export type EiaSite = { kind: 'point'; lon: number; lat: number } | { kind: 'polygon'; geometry: Polygon | MultiPolygon };

/** A downwind sector for an elevated source: wind from `windFrom` degrees (0 = north, clockwise), `lengthKm` long. */
export interface DownwindSectorInput {
  windFrom: number;
  lengthKm: number;
  /** Half the opening angle, degrees (22.5 = one of 16 compass sectors each side). */
  halfAngle?: number;
  /** Stack height in metres, recorded with the verdict. */
  stackHeightM?: number;
}

/** The screening result of a downwind sector. */
export interface DownwindSector {
  input: Required<Omit<DownwindSectorInput, 'stackHeightM'>> & { stackHeightM: number | null };
  /** The sector as a closed ring of [lon, lat]: apex at the site, arc built with geodesic Direct. */
  ring: Position[];
  /** Neighbouring provinces whose border the sector crosses; empty when it stays on this side. */
  reaches: string[];
}

/** Distance from a site to one neighbouring province's border; null beyond the threshold (not searched further). */
export interface NeighborDistance {
  neighbor: string;
  distanceM: number | null;
  borderPoint: [number, number] | null;
}

/** The verdict of clause 二十七 for one site. */
export interface EiaVerdict {
  /** Within the consultation distance of the provincial border (on either side). */
  withinConsultationZone: boolean;
  thresholdM: number;
  /** Exact geodesic distance (GeographicLib, WGS84) from the site's nearest part to the border; 0 when the site touches it. */
  distanceM: number;
  /** The nearest border point and the site point it is nearest to. */
  nearestBorderPoint: [number, number];
  nearestSitePoint: [number, number];
  /** The border piece that holds the nearest point (neighbouring province and cities on both sides). */
  nearestPiece: BorderProperties;
  /** Neighbouring provinces whose border lies within the threshold (empty outside the zone). */
  neighborProvinces: string[];
  /** Who consults whom: for a Heilongjiang site the neighbours in range, for a site across the border Heilongjiang. */
  consultProvinces: string[];
  /** Distance to each neighbouring province's border: exact for the nearest one, and for the others when within the threshold. */
  byNeighbor: NeighborDistance[];
  /** Where the site is (a polygon: its representative point), from the boundary data. */
  province: string | null;
  city: string | null;
  county: string | null;
  adcode: string | null;
  /** Set when a downwind sector was asked for. */
  downwind: DownwindSector | null;
}

/** Options of {@link eiaVerdict}. */
export interface EiaOptions {
  /** The consultation distance in km (clause 二十七: 20). */
  thresholdKm: number;
  downwind?: DownwindSectorInput;
}

/** A site polygon that cannot be judged: what is wrong (a catalogue text; `message` is its English) and where. */
export class SiteGeometryError extends TextError {
  constructor(
    value: Text,
    readonly where: [number, number] | null,
  ) {
    super(value);
    this.name = 'SiteGeometryError';
  }
}


function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Checks a site polygon before it is judged: enough vertices, closed rings, coordinates in range, no
 * self-intersection. Never repairs: the reviewer must fix the file or the drawing.
 *
 * @param geometry - The site outline.
 * @throws {@link SiteGeometryError} naming the part, ring and where.
 * @example
 * validateSitePolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }); // throws: ring crosses itself at 0.5, 0.5
 */
export function validateSitePolygon(geometry: Polygon | MultiPolygon): void {
  polygonsOf(geometry).forEach((polygon, p) => {
    polygon.forEach((ring, r) => {
      const own = r === 0 ? text('eiaSiteOuterRing') : text('eiaSiteHole', { n: r });
      const name = geometry.type === 'MultiPolygon' ? text('eiaSitePartRing', { part: p + 1, ring: own }) : own;
      if (ring.length < 4) throw new SiteGeometryError(text('eiaSiteRingTooShort', { ring: name, n: ring.length }), null);
      for (const position of ring) {
        const [lon, lat] = position as [number, number];
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          throw new SiteGeometryError(text('eiaSiteCoordinateOutOfRange', { ring: name, lon: String(lon), lat: String(lat) }), null);
        }
      }
      const first = ring[0]!;
      const last = ring.at(-1)!;
      if (first[0] !== last[0] || first[1] !== last[1]) throw new SiteGeometryError(text('eiaSiteRingNotClosed', { ring: name }), [first[0]!, first[1]!]);
      const [crossing] = findRingSelfIntersections(ring, 1);
      if (crossing) {
        const at = { lon: crossing.lon.toFixed(6), lat: crossing.lat.toFixed(6), a: crossing.edges[0] + 1, b: crossing.edges[1] + 1 };
        throw new SiteGeometryError(text('eiaSiteSelfCrossing', { ring: name, ...at }), [crossing.lon, crossing.lat]);
      }
    });
  });
}

function pointInPolygons(lon: number, lat: number, polygons: Position[][][]): boolean {
  return polygons.some((rings) => pointInRing(lon, lat, rings[0]!) && !rings.slice(1).some((hole) => pointInRing(lon, lat, hole)));
}

/** A point inside the polygon to locate it: the vertex-average when inside, else the middle of the widest horizontal chord. */
function representativePoint(polygons: Position[][][]): [number, number] {
  const outer = polygons[0]![0]!;
  let sumLon = 0;
  let sumLat = 0;
  for (let i = 0; i < outer.length - 1; i++) {
    sumLon += outer[i]![0]!;
    sumLat += outer[i]![1]!;
  }
  const n = Math.max(1, outer.length - 1);
  const centre: [number, number] = [sumLon / n, sumLat / n];
  if (pointInPolygons(centre[0], centre[1], polygons)) return centre;
  // Scan line through the centre latitude: the midpoint of the widest inside interval.
  const xs: number[] = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1] as [number, number];
        const [x2, y2] = ring[i] as [number, number];
        if (y1 > centre[1] !== y2 > centre[1]) xs.push(x1 + ((centre[1] - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [outer[0]![0]!, outer[0]![1]!];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > widest) {
      widest = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, centre[1]];
    }
  }
  return best;
}

interface SiteNearest {
  distance: number;
  border: [number, number];
  site: [number, number];
  segment: number;
}

/** Nearest approach of a point site to the border lines accepted by `lines`. */
function nearestToPoint(border: BorderIndex, lon: number, lat: number, lines?: (line: number) => boolean, maxDistance?: number): SiteNearest | null {
  const found = border.index.nearest(lon, lat, { lines, maxDistance });
  return found && { distance: found.distance, border: [found.lon, found.lat], site: [lon, lat], segment: found.segment };
}

/**
 * Nearest approach of a polygon site to the border: 0 where the border enters or crosses the polygon,
 * otherwise the least of (site vertices → border) and (border vertices near the site → site outline);
 * between two sets of geodesic segments that do not cross, the least distance has an end point on one side.
 */
function nearestToPolygon(border: BorderIndex, polygons: Position[][][], lines?: (line: number) => boolean): SiteNearest | null {
  const { index } = border;
  let best: SiteNearest | null = null;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const [lon, lat] of ring as [number, number][]) {
        const candidate = nearestToPoint(border, lon, lat, lines);
        if (candidate && (!best || candidate.distance < best.distance)) best = candidate;
      }
    }
  }
  if (!best) return null;
  // Border segments near the site: those that enter or cross it give distance 0.
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const rings of polygons) {
    for (const [lon, lat] of rings[0] as [number, number][]) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  const padLat = best.distance / 110_574;
  const padLon = best.distance / (111_319 * Math.cos((Math.min(89, Math.max(Math.abs(north), Math.abs(south)) + padLat) * Math.PI) / 180) * 0.993);
  const nearby = index.segmentsIn(west - padLon, south - padLat, east + padLon, north + padLat).filter((k) => !lines || lines(index.lineOfSegment[k]!));
  const outline = createGeodesicPolylineIndex(polygons.flat());
  for (const k of nearby) {
    const a: [number, number] = [index.starts[2 * k]!, index.starts[2 * k + 1]!];
    const b: [number, number] = [index.ends[2 * k]!, index.ends[2 * k + 1]!];
    if (pointInPolygons(a[0], a[1], polygons)) return { distance: 0, border: a, site: a, segment: k };
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) {
          const crossing = segmentIntersection(a, b, ring[i - 1]!, ring[i]!);
          if (crossing) return { distance: 0, border: crossing, site: crossing, segment: k };
        }
      }
    }
    for (const vertex of [a, b]) {
      const toOutline = outline.nearest(vertex[0], vertex[1]);
      if (toOutline && toOutline.distance < best.distance) best = { distance: toOutline.distance, border: vertex, site: [toOutline.lon, toOutline.lat], segment: k };
    }
  }
  return best;
}

/** The downwind sector ring and the neighbouring provinces whose border it crosses. */
function downwindSector(border: BorderIndex, apex: [number, number], input: DownwindSectorInput): DownwindSector {
  const halfAngle = input.halfAngle ?? 22.5;
  const lengthM = input.lengthKm * 1000;
  const toward = (input.windFrom + 180) % 360;
  const ring: Position[] = [apex];
  const steps = Math.max(4, Math.ceil((2 * halfAngle) / 2.5));
  for (let i = 0; i <= steps; i++) {
    const azimuth = toward - halfAngle + (2 * halfAngle * i) / steps;
    const end = WGS84.Direct(apex[1], apex[0], azimuth, lengthM);
    ring.push([end.lon2!, end.lat2!]);
  }
  ring.push(apex);
  // A border segment is reached when one of its ends lies in the sector or it crosses the sector's outline.
  const polygon = [[ring]];
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const { index } = border;
  const reached = new Set<string>();
  for (const k of index.segmentsIn(Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats))) {
    const a: Position = [index.starts[2 * k]!, index.starts[2 * k + 1]!];
    const b: Position = [index.ends[2 * k]!, index.ends[2 * k + 1]!];
    const neighbor = border.pieces[index.lineOfSegment[k]!]!.neighbor;
    if (reached.has(neighbor)) continue;
    let hit = pointInPolygons(a[0]!, a[1]!, polygon) || pointInPolygons(b[0]!, b[1]!, polygon);
    for (let i = 1; !hit && i < ring.length; i++) hit = segmentIntersection(a, b, ring[i - 1]!, ring[i]!) !== null;
    if (hit) reached.add(neighbor);
  }
  return {
    input: { windFrom: input.windFrom, lengthKm: input.lengthKm, halfAngle, stackHeightM: input.stackHeightM ?? null },
    ring,
    reaches: border.neighbors.filter((n) => reached.has(n)),
  };
}

/**
 * The clause 二十七 verdict for a site: the exact geodesic distance (GeographicLib, WGS84; segments are
 * geodesics between border vertices) from the site's nearest part to the Heilongjiang–Jilin and
 * Heilongjiang–Inner Mongolia border, never a test against a buffer polygon.
 *
 * @param site - A point or a polygon in WGS84 degrees.
 * @param border - From {@link createBorderIndex}.
 * @param locator - Locates the site's province, city and county.
 * @param options - The threshold in km and an optional downwind sector.
 * @returns An {@link EiaVerdict}.
 * @throws {@link SiteGeometryError} for a polygon that cannot be judged (self-intersecting, unclosed…).
 * @example
 * const verdict = eiaVerdict({ kind: 'point', lon: 124.0, lat: 46.4 }, borderIndex, locator, { thresholdKm: 20 });
 * verdict.withinConsultationZone; verdict.distanceM; verdict.neighborProvinces; // true, 12,345.6, ['吉林省']
 */
export function eiaVerdict(site: EiaSite, border: BorderIndex, locator: Locator, options: EiaOptions): EiaVerdict {
  const thresholdM = options.thresholdKm * 1000;
  let polygons: Position[][][] | null = null;
  if (site.kind === 'polygon') {
    validateSitePolygon(site.geometry);
    polygons = polygonsOf(site.geometry);
  } else if (!Number.isFinite(site.lon) || !Number.isFinite(site.lat) || Math.abs(site.lon) > 180 || Math.abs(site.lat) > 90) {
    throw new SiteGeometryError(text('eiaSitePointOutOfRange', { lon: String(site.lon), lat: String(site.lat) }), null);
  }
  // maxDistance bounds the search for a point; a polygon's vertices may all lie beyond it while an edge does not.
  const nearest = (lines?: (line: number) => boolean, maxDistance?: number) =>
    polygons ? nearestToPolygon(border, polygons, lines) : nearestToPoint(border, (site as { lon: number }).lon, (site as { lat: number }).lat, lines, maxDistance);

  const overall = nearest();
  if (!overall) throw new Error('the provincial border data holds no lines');
  const within = overall.distance <= thresholdM;
  const byNeighbor: NeighborDistance[] = border.neighbors.map((neighbor) => {
    if (border.pieces[border.index.lineOfSegment[overall.segment]!]!.neighbor === neighbor) return { neighbor, distanceM: overall.distance, borderPoint: overall.border };
    // Another neighbour matters only within the threshold: outside the zone it is not searched (half the cost of a batch).
    const own = within ? nearest((line) => border.pieces[line]!.neighbor === neighbor, thresholdM) : null;
    return own && own.distance <= thresholdM ? { neighbor, distanceM: own.distance, borderPoint: own.border } : { neighbor, distanceM: null, borderPoint: null };
  });
  const neighborProvinces = within ? byNeighbor.filter((n) => n.distanceM !== null && n.distanceM <= thresholdM).map((n) => n.neighbor) : [];
  const [lon, lat] = polygons ? representativePoint(polygons) : [(site as { lon: number }).lon, (site as { lat: number }).lat];
  const place = locator.where(lon, lat);
  const consultProvinces = !within ? [] : place.province === border.home ? neighborProvinces : border.neighbors.includes(place.province ?? '') ? [border.home] : neighborProvinces;
  return {
    withinConsultationZone: within,
    thresholdM,
    distanceM: overall.distance,
    nearestBorderPoint: overall.border,
    nearestSitePoint: overall.site,
    nearestPiece: border.pieces[border.index.lineOfSegment[overall.segment]!]!,
    neighborProvinces,
    consultProvinces,
    byNeighbor,
    province: place.province,
    city: place.city,
    county: place.county,
    adcode: place.adcode,
    downwind: options.downwind ? downwindSector(border, [lon, lat], options.downwind) : null,
  };
}

export type { NearestOnPolyline };
