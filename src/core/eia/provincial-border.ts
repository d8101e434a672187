import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import type { BoundaryTopology } from '../geo/boundaries.ts';

/** Properties of one piece of the Heilongjiang provincial border, as shipped in public/data/provincial-border.geojson. */
export interface BorderProperties {
  /** The neighbouring province's name (吉林省 or 内蒙古自治区). */
  neighbor: string;
  neighborEn: string;
  neighborAdcode: string;
  /** The Heilongjiang city on this side, or '' where the city outlines leave the piece untagged. */
  city: string;
  cityAdcode: string;
  /** The neighbouring province's city on the other side, or ''. */
  neighborCity: string;
  neighborCityAdcode: string;
}

/** The provincial border lines: LineStrings in WGS84 degrees, one per run of the same city pair. */
export type ProvincialBorder = FeatureCollection<LineString, BorderProperties> & {
  /** What the derivation had to do beyond reading shared arcs, for provenance (not in the shipped file). */
  repairs?: { bridgedGaps: number; bridgedMetres: number; untaggedSegments: number };
};

/** Line ends closer than this (metres, rough) are the same point with a source gap between them. */
const GAP_METRES = 1000;

type Geometry = GeometryObject<Record<string, string>> & { properties: Record<string, string> };

const key = (a: Position, b: Position) => `${a[0]},${a[1]},${b[0]},${b[1]}`;
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

const roughMetres = (a: Position, b: Position) => Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_950);

/**
 * Joins lines whose ends lie within {@link GAP_METRES}: where the two provinces' source outlines do not
 * share a stretch of vertices the shared-arc mesh breaks, and a straight segment closes the gap.
 */
function bridgeGaps(lines: Position[][], repairs: NonNullable<ProvincialBorder['repairs']>): Position[][] {
  const open = lines.filter((l) => roughMetres(l[0]!, l.at(-1)!) > 0);
  const closed = lines.filter((l) => roughMetres(l[0]!, l.at(-1)!) === 0);
  for (let merged = true; merged; ) {
    merged = false;
    search: for (let i = 0; i < open.length; i++) {
      for (let j = 0; j < open.length; j++) {
        if (i === j) continue;
        // Orient line i to end, and line j to start, at the closest pair of ends.
        for (const [a, b] of [[open[i]!, open[j]!], [open[i]!, [...open[j]!].reverse()], [[...open[i]!].reverse(), open[j]!]] as const) {
          const gap = roughMetres(a.at(-1)!, b[0]!);
          if (gap <= GAP_METRES) {
            if (gap > 0) {
              repairs.bridgedGaps++;
              repairs.bridgedMetres += gap;
            }
            open[i] = [...a, ...(gap > 0 ? b : b.slice(1))];
            open.splice(j, 1);
            merged = true;
            break search;
          }
        }
      }
    }
  }
  return [...open, ...closed];
}

function meshBetween(topology: BoundaryTopology, a: Geometry, b: Geometry): MultiLineString {
  // A mesh of the two geometries keeping only arcs used by both: their shared boundary.
  return mesh(topology, { type: 'GeometryCollection', geometries: [a, b] }, (x, y) => x !== y);
}

/**
 * Derives the Heilongjiang–Jilin and Heilongjiang–Inner Mongolia boundary lines from the boundary
 * topology: the arcs the Heilongjiang outline shares with each neighbouring province's outline. The
 * national border with Russia is not among them; the outline of the 加格达奇/松岭 area inside Inner
 * Mongolia is. Each run of segments with the same Heilongjiang city and neighbouring city becomes one
 * LineString, so pieces carry both cities. Coordinates are rounded to 1e-6° (0.1 m). Line ends within
 * 1 km of each other (gaps where the source outlines do not share vertices) are joined by a straight
 * segment, and the result says how many and how long in `repairs`.
 *
 * @param topology - The parsed public/data/boundaries.topo.json.
 * @returns The border pieces, Jilin first, in topology order.
 * @example
 * const border = deriveProvincialBorder(topology);
 * border.features[0].properties.neighbor; // '吉林省'
 */
export function deriveProvincialBorder(topology: BoundaryTopology): ProvincialBorder {
  const { province, neighbourProvinces, cities, neighbourCities } = topology.objects;
  const home = province.geometries[0] as Geometry | undefined;
  if (!home) throw new Error('boundary data has no Heilongjiang outline; rebuild it with `npm run data:build`');

  // Which city pair owns each border segment, looked up by its rounded end points in either direction.
  const cityPairOf = new Map<string, Pick<BorderProperties, 'city' | 'cityAdcode' | 'neighborCity' | 'neighborCityAdcode'>>();
  for (const city of cities.geometries as Geometry[]) {
    for (const other of neighbourCities.geometries as Geometry[]) {
      const shared = meshBetween(topology, city, other);
      const pair = { city: city.properties.name!, cityAdcode: city.properties.adcode!, neighborCity: other.properties.name!, neighborCityAdcode: other.properties.adcode! };
      for (const line of shared.coordinates) {
        for (let i = 1; i < line.length; i++) {
          const a = line[i - 1]!.map(round6);
          const b = line[i]!.map(round6);
          cityPairOf.set(key(a, b), pair);
          cityPairOf.set(key(b, a), pair);
        }
      }
    }
  }

  const features: Feature<LineString, BorderProperties>[] = [];
  const repairs = { bridgedGaps: 0, bridgedMetres: 0, untaggedSegments: 0 };
  for (const neighbour of neighbourProvinces.geometries as Geometry[]) {
    const { name = '', nameEn = '', adcode = '' } = neighbour.properties;
    const lines = meshBetween(topology, home, neighbour).coordinates.map((line) => line.map((p) => p.map(round6)));
    for (const points of bridgeGaps(lines, repairs)) {
      let run: Position[] = [points[0]!];
      let runPair = cityPairOf.get(key(points[0]!, points[1]!));
      const flush = () => {
        const pair = runPair ?? { city: '', cityAdcode: '', neighborCity: '', neighborCityAdcode: '' };
        features.push({ type: 'Feature', properties: { neighbor: name, neighborEn: nameEn, neighborAdcode: adcode, ...pair }, geometry: { type: 'LineString', coordinates: run } });
      };
      for (let i = 1; i < points.length; i++) {
        let pair = cityPairOf.get(key(points[i - 1]!, points[i]!));
        // A segment no city pair shares (one source quantum at a city junction, or a bridged gap) stays with the piece before it.
        if (!pair && runPair) {
          repairs.untaggedSegments++;
          pair = runPair;
        }
        if (pair !== runPair) {
          flush();
          run = [points[i - 1]!];
          runPair = pair;
        }
        run.push(points[i]!);
      }
      flush();
    }
  }
  repairs.bridgedMetres = Math.round(repairs.bridgedMetres);
  return { type: 'FeatureCollection', features, repairs };
}
