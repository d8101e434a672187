import type { ExpressionSpecification } from 'maplibre-gl';
import { text } from '../../core/text/text.ts';
import { MAP_LAYER, SOURCE } from '../ids.ts';
import type { LayerDefinition } from '../layer-types.ts';
import { BOUNDARY_COLORS as C, CITY_COLORS, FALLBACK_CITY_COLOR } from './colors.ts';

const cityColorExpression = ['match', ['get', 'cityAdcode'], ...Object.entries(CITY_COLORS).flat(), FALLBACK_CITY_COLOR] as unknown as ExpressionSpecification;

/** Russia, the neighbouring provinces, counties, city borders and the province outline. */
export const boundaryLayers: LayerDefinition[] = [
  {
    key: 'russia',
    title: text('layerRussia'),
    legend: () => [{ kind: 'fill', color: C.russia, label: text('legendRussia') }],
    mapLayers: [
      { id: MAP_LAYER.russiaFill, type: 'fill', source: SOURCE.boundaries, 'source-layer': 'russia', paint: { 'fill-color': C.russia, 'fill-opacity': 0.9 } },
      { id: MAP_LAYER.russiaLine, type: 'line', source: SOURCE.boundaries, 'source-layer': 'russia', paint: { 'line-color': C.russiaLine, 'line-width': 1, 'line-opacity': 1 } },
    ],
  },
  {
    key: 'neighbours',
    title: text('layerNeighbours'),
    legend: () => [
      { kind: 'fill', color: C.neighbourFill, label: text('legendNeighbourCities') },
      { kind: 'line', color: C.neighbourLine, label: text('legendNeighbourCityBorder') },
    ],
    mapLayers: [
      { id: MAP_LAYER.neighbourFill, type: 'fill', source: SOURCE.boundaries, 'source-layer': 'neighbourCities', paint: { 'fill-color': C.neighbourFill, 'fill-opacity': 1 } },
      { id: MAP_LAYER.neighbourCityLine, type: 'line', source: SOURCE.boundaries, 'source-layer': 'neighbourCities', paint: { 'line-color': C.neighbourLine, 'line-width': 0.8, 'line-opacity': 1 } },
      { id: MAP_LAYER.neighbourProvinceLine, type: 'line', source: SOURCE.boundaries, 'source-layer': 'neighbourProvinces', paint: { 'line-color': C.neighbourProvinceLine, 'line-width': 1.5, 'line-opacity': 1 } },
    ],
  },
  {
    key: 'counties',
    title: text('layerCounties'),
    legend: ({ summary }) =>
      summary.cities.map((city) => ({ kind: 'fill' as const, color: CITY_COLORS[city.adcode] ?? FALLBACK_CITY_COLOR, label: { zh: city.name, en: city.nameEn } })),
    mapLayers: [
      { id: MAP_LAYER.countyFill, type: 'fill', source: SOURCE.boundaries, 'source-layer': 'counties', paint: { 'fill-color': cityColorExpression, 'fill-opacity': 0.85 } },
      {
        id: MAP_LAYER.countyLine,
        type: 'line',
        source: SOURCE.boundaries,
        'source-layer': 'counties',
        paint: { 'line-color': C.countyLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1.2], 'line-opacity': 0.9 },
      },
      {
        id: MAP_LAYER.countySelected,
        type: 'line',
        source: SOURCE.boundaries,
        'source-layer': 'counties',
        filter: ['==', ['get', 'adcode'], ''],
        paint: { 'line-color': C.selectedCounty, 'line-width': 3, 'line-opacity': 1 },
      },
    ],
  },
  {
    key: 'cities',
    title: text('layerCities'),
    legend: () => [{ kind: 'line', color: C.cityLine, label: text('legendCityBorder') }],
    mapLayers: [
      {
        id: MAP_LAYER.cityLine,
        type: 'line',
        source: SOURCE.boundaries,
        'source-layer': 'cities',
        paint: { 'line-color': C.cityLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 9, 2.2], 'line-opacity': 1 },
      },
    ],
  },
  {
    key: 'province',
    title: text('layerProvince'),
    legend: () => [{ kind: 'line', color: C.provinceLine, label: text('legendProvinceBorder') }],
    mapLayers: [
      {
        id: MAP_LAYER.provinceLine,
        type: 'line',
        source: SOURCE.boundaries,
        'source-layer': 'province',
        paint: { 'line-color': C.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.8, 9, 3.5], 'line-opacity': 1 },
      },
    ],
  },
];
