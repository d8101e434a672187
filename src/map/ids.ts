/** Every maplibre source id and layer id lives here (registry layer keys are the user's settings: state/settings-slice.ts). */
export const SOURCE = {
  /** One vector source: every boundary layer as a source-layer, tiled once in the boundary worker. */
  boundaries: 'boundaries',
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

/** Custom protocol through which maplibre asks the boundary worker for tiles. */
export const BOUNDARY_TILE_PROTOCOL = 'hlj-boundaries';

/** Source layers and deepest zoom of the boundary tiles, as the worker tiles them. */
export { BOUNDARY_TILE_LAYERS, BOUNDARY_TILE_MAX_ZOOM } from '../workers/tile-grid.ts';

export const DECK_LAYER = {
  cityLabels: 'city-labels',
  countyLabels: 'county-labels',
  firePoints: 'fire-points',
  patrolHighlight: 'patrol-highlight',
  fireHeatmap: 'fire-heatmap',
  fireHexbin: 'fire-hexbin',
  eiaBuffer: 'eia-buffer',
  eiaBorder: 'eia-border',
  eiaSector: 'eia-sector',
  eiaSite: 'eia-site',
  eiaNearest: 'eia-nearest',
  eiaDraft: 'eia-draft',
  eiaBatch: 'eia-batch',
  eiaBatchHighlight: 'eia-batch-highlight',
  boilerCoverage: 'boiler-coverage',
  boilerServiceArea: 'boiler-service-area',
  boilerPipelines: 'boiler-pipelines',
  boilerBuiltUp: 'boiler-built-up',
  boilerZones: 'boiler-zones',
  boilerPoints: 'boiler-points',
  boilerMarkers: 'boiler-markers',
  zoneFill: 'zone-fill',
  zoneSelected: 'zone-selected',
  zoneEditing: 'zone-editing',
  zoneProblems: 'zone-problems',
  zoneRepair: 'zone-repair',
} as const;
