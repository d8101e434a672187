import type { Boundaries, CityProperties, CountyProperties } from './boundaries.ts';
import { geodesicArea } from './geodesic-area.ts';

/**
 * The small part of the boundary data the main thread needs (names and label points), so the big
 * geometry can stay in the worker.
 */
export interface BoundarySummary {
  province: string;
  cities: CityProperties[];
  counties: CountyProperties[];
  /** English (pinyin) name of every place the data names, by its Chinese name: provinces, cities, counties, neighbouring cities. */
  names: Record<string, string>;
}

/** What the county panel shows. */
export interface CountyDetails {
  name: string;
  nameEn: string;
  city: string;
  cityEn: string;
  adcode: string;
  /** Geodesic area on the WGS84 ellipsoid, km². */
  areaKm2: number;
}

/**
 * Names and label points of the province, its cities and its counties.
 *
 * @param boundaries - Decoded boundary data.
 * @returns The summary.
 * @example
 * summarizeBoundaries(boundaries).cities.length; // 13
 */
export function summarizeBoundaries(boundaries: Boundaries): BoundarySummary {
  const names: Record<string, string> = {};
  for (const collection of [boundaries.province, boundaries.neighbourProvinces, boundaries.cities, boundaries.neighbourCities, boundaries.counties] as const) {
    for (const { properties } of collection.features as { properties: { name: string; nameEn: string } }[]) names[properties.name] = properties.nameEn;
  }
  return {
    province: boundaries.province.features[0]?.properties.name ?? '',
    cities: boundaries.cities.features.map((f) => f.properties),
    counties: boundaries.counties.features.map((f) => f.properties),
    names,
  };
}

/**
 * Name, city, adcode and geodesic area of one county.
 *
 * @param boundaries - Decoded boundary data.
 * @param index - Index into `boundaries.counties.features`.
 * @returns The details.
 * @example
 * describeCounty(boundaries, locator.countyIndexAt(126.65, 45.75)).name; // '南岗区'
 */
export function describeCounty(boundaries: Boundaries, index: number): CountyDetails {
  const county = boundaries.counties.features[index];
  if (!county) throw new Error(`county index ${index} is out of range 0…${boundaries.counties.features.length - 1}`);
  const { name, nameEn, city, cityAdcode, adcode } = county.properties;
  const cityEn = boundaries.cities.features.find((f) => f.properties.adcode === cityAdcode)?.properties.nameEn ?? city;
  return { name, nameEn, city, cityEn, adcode, areaKm2: geodesicArea(county.geometry) / 1e6 };
}
