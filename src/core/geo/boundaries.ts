import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A Heilongjiang county-level unit as shipped in public/data/boundaries.topo.json. */
export interface CountyProperties {
  adcode: string;
  name: string;
  /** English name: pinyin and the unit's kind ('Nangang District'). */
  nameEn: string;
  cityAdcode: string;
  city: string;
  labelLon: number;
  labelLat: number;
}

/** A Heilongjiang prefecture-level unit (市 or 地区). */
export interface CityProperties {
  adcode: string;
  name: string;
  nameEn: string;
  labelLon: number;
  labelLat: number;
}

/** A prefecture-level unit of a neighbouring province (Jilin or Inner Mongolia). */
export interface NeighbourCityProperties {
  adcode: string;
  name: string;
  nameEn: string;
  provinceAdcode: string;
  province: string;
}

/** A province outline. */
export interface ProvinceProperties {
  adcode: string;
  name: string;
  nameEn: string;
}

type Area = Polygon | MultiPolygon;

/** The decoded boundary data: every layer as a GeoJSON FeatureCollection in WGS84 degrees. */
export interface Boundaries {
  counties: FeatureCollection<Area, CountyProperties>;
  cities: FeatureCollection<Area, CityProperties>;
  province: FeatureCollection<Area, ProvinceProperties>;
  neighbourCities: FeatureCollection<Area, NeighbourCityProperties>;
  neighbourProvinces: FeatureCollection<Area, ProvinceProperties>;
  russia: FeatureCollection<Area, { name: string; nameEn: string }>;
}

/** The TopoJSON objects the data build writes. */
export type BoundaryTopology = Topology<{ [K in keyof Boundaries]: GeometryCollection }>;

const OBJECTS: ReadonlyArray<keyof Boundaries> = ['counties', 'cities', 'province', 'neighbourCities', 'neighbourProvinces', 'russia'];

/**
 * Decodes the shipped boundary topology into GeoJSON collections, checking every expected object is there.
 *
 * @param topology - The parsed contents of public/data/boundaries.topo.json.
 * @returns The boundaries as FeatureCollections.
 * @example
 * const boundaries = decodeBoundaries(JSON.parse(text));
 * boundaries.cities.features.length; // 13
 */
export function decodeBoundaries(topology: BoundaryTopology): Boundaries {
  if (topology?.type !== 'Topology' || typeof topology.objects !== 'object') {
    throw new Error('boundary data is not a TopoJSON Topology; rebuild it with `npm run data:build`');
  }
  const decoded = {} as Record<keyof Boundaries, FeatureCollection<Area>>;
  for (const name of OBJECTS) {
    const object = topology.objects[name];
    if (!object) throw new Error(`boundary data has no "${name}" object; rebuild it with \`npm run data:build\``);
    const collection = feature(topology, object) as FeatureCollection<Area> | Feature<Area>;
    decoded[name] = collection.type === 'FeatureCollection' ? collection : { type: 'FeatureCollection', features: [collection] };
  }
  return decoded as unknown as Boundaries;
}
