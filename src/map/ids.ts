/** Every maplibre source id and layer id, and every registry layer key, lives here. */
export const SOURCE = {
  counties: 'counties',
  cities: 'cities',
  province: 'province',
  neighbourCities: 'neighbour-cities',
  neighbourProvinces: 'neighbour-provinces',
  russia: 'russia',
  basemap: 'basemap',
  basemapLabels: 'basemap-labels',
} as const;

export const MAP_LAYER = {
  background: 'background',
  basemap: 'basemap-raster',
  basemapLabels: 'basemap-labels-raster',
  russiaFill: 'russia-fill',
  russiaLine: 'russia-line',
  neighbourFill: 'neighbour-fill',
  neighbourCityLine: 'neighbour-city-line',
  neighbourProvinceLine: 'neighbour-province-line',
  countyFill: 'county-fill',
  countyLine: 'county-line',
  countySelected: 'county-selected',
  cityLine: 'city-line',
  provinceLine: 'province-line',
} as const;

export const DECK_LAYER = {
  cityLabels: 'city-labels',
  countyLabels: 'county-labels',
} as const;

/** Keys of the user-facing layers in the layer panel (one entry may draw several map layers). */
export type LayerKey = 'russia' | 'neighbours' | 'counties' | 'cities' | 'province' | 'labels';
