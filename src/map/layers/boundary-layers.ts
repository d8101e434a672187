import type { ExpressionSpecification } from 'maplibre-gl';
import { CITY_COLORS, FALLBACK_CITY_COLOR } from '../city-colors.ts';
import { MAP_LAYER, SOURCE } from '../ids.ts';
import type { LayerDefinition } from '../layer-registry.ts';

const cityColorExpression = [
  'match',
  ['get', 'cityAdcode'],
  ...Object.entries(CITY_COLORS).flat(),
  FALLBACK_CITY_COLOR,
] as unknown as ExpressionSpecification;

const RUSSIA_GREY = '#cfcfcf';
const NEIGHBOUR_FILL = '#f3f1ec';
const NEIGHBOUR_LINE = '#b5aea3';

/** Russia, the neighbouring provinces, counties, city borders and the province outline. */
export const boundaryLayers: LayerDefinition[] = [
  {
    key: 'russia',
    title: { zh: '俄罗斯（国界外，仅作参照）', en: 'Russia (context only)' },
    defaultVisible: true,
    defaultOpacity: 1,
    legend: () => [{ kind: 'fill', color: RUSSIA_GREY, label: { zh: '俄罗斯', en: 'Russia' } }],
    mapLayers: [
      { id: MAP_LAYER.russiaFill, type: 'fill', source: SOURCE.boundaries, 'source-layer': 'russia', paint: { 'fill-color': RUSSIA_GREY, 'fill-opacity': 0.9 } },
      { id: MAP_LAYER.russiaLine, type: 'line', source: SOURCE.boundaries, 'source-layer': 'russia', paint: { 'line-color': '#9a9a9a', 'line-width': 1, 'line-opacity': 1 } },
    ],
  },
  {
    key: 'neighbours',
    title: { zh: '邻省（吉林省、内蒙古自治区）', en: 'Neighbouring provinces (Jilin, Inner Mongolia)' },
    defaultVisible: true,
    defaultOpacity: 1,
    legend: () => [
      { kind: 'fill', color: NEIGHBOUR_FILL, label: { zh: '邻省市（州、盟）', en: 'Neighbouring prefectures' } },
      { kind: 'line', color: NEIGHBOUR_LINE, label: { zh: '邻省市界', en: 'Prefecture border' } },
    ],
    mapLayers: [
      { id: MAP_LAYER.neighbourFill, type: 'fill', source: SOURCE.boundaries, 'source-layer': 'neighbourCities', paint: { 'fill-color': NEIGHBOUR_FILL, 'fill-opacity': 1 } },
      {
        id: MAP_LAYER.neighbourCityLine,
        type: 'line',
        source: SOURCE.boundaries, 'source-layer': 'neighbourCities',
        paint: { 'line-color': NEIGHBOUR_LINE, 'line-width': 0.8, 'line-opacity': 1 },
      },
      {
        id: MAP_LAYER.neighbourProvinceLine,
        type: 'line',
        source: SOURCE.boundaries, 'source-layer': 'neighbourProvinces',
        paint: { 'line-color': '#8d857a', 'line-width': 1.5, 'line-opacity': 1 },
      },
    ],
  },
  {
    key: 'counties',
    title: { zh: '区县（按市着色）', en: 'Counties (coloured by city)' },
    defaultVisible: true,
    defaultOpacity: 1,
    legend: ({ summary, language }) =>
      summary.cities.map((city) => ({
        kind: 'fill' as const,
        color: CITY_COLORS[city.adcode] ?? FALLBACK_CITY_COLOR,
        label: { zh: city.name, en: language === 'en' ? city.nameEn : city.name },
      })),
    mapLayers: [
      { id: MAP_LAYER.countyFill, type: 'fill', source: SOURCE.boundaries, 'source-layer': 'counties', paint: { 'fill-color': cityColorExpression, 'fill-opacity': 0.85 } },
      {
        id: MAP_LAYER.countyLine,
        type: 'line',
        source: SOURCE.boundaries, 'source-layer': 'counties',
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1.2], 'line-opacity': 0.9 },
      },
      {
        id: MAP_LAYER.countySelected,
        type: 'line',
        source: SOURCE.boundaries, 'source-layer': 'counties',
        filter: ['==', ['get', 'adcode'], ''],
        paint: { 'line-color': '#d7301f', 'line-width': 3, 'line-opacity': 1 },
      },
    ],
  },
  {
    key: 'cities',
    title: { zh: '市界', en: 'City borders' },
    defaultVisible: true,
    defaultOpacity: 1,
    legend: () => [{ kind: 'line', color: '#5b5b5b', label: { zh: '市（地区）界', en: 'City border' } }],
    mapLayers: [
      {
        id: MAP_LAYER.cityLine,
        type: 'line',
        source: SOURCE.boundaries, 'source-layer': 'cities',
        paint: { 'line-color': '#5b5b5b', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 9, 2.2], 'line-opacity': 1 },
      },
    ],
  },
  {
    key: 'province',
    title: { zh: '省界', en: 'Provincial border' },
    defaultVisible: true,
    defaultOpacity: 1,
    legend: () => [{ kind: 'line', color: '#2b2b2b', label: { zh: '黑龙江省界', en: 'Heilongjiang border' } }],
    mapLayers: [
      {
        id: MAP_LAYER.provinceLine,
        type: 'line',
        source: SOURCE.boundaries, 'source-layer': 'province',
        paint: { 'line-color': '#2b2b2b', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.8, 9, 3.5], 'line-opacity': 1 },
      },
    ],
  },
];
