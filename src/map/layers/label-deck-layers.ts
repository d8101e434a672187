import { TextLayer } from '@deck.gl/layers';
import type { CityProperties, CountyProperties } from '../../core/geo/boundaries.ts';
import { DECK_LAYER } from '../ids.ts';
import type { LayerContext } from '../layer-types.ts';
import { COUNTY_LABEL_MIN_ZOOM, LABEL_FONT_FAMILY } from './label-style.ts';

/** deck.gl TextLayers for city names (always) and county names (from {@link COUNTY_LABEL_MIN_ZOOM}). */
export function labelDeckLayers({ summary, language, zoom, opacity }: LayerContext) {
  return [
    new TextLayer<CityProperties>({
      id: DECK_LAYER.cityLabels,
      data: summary.cities,
      getPosition: (city) => [city.labelLon, city.labelLat],
      getText: (city) => (language === 'en' ? city.nameEn : city.name),
      getSize: 15,
      getColor: [40, 40, 40, 255],
      fontFamily: LABEL_FONT_FAMILY,
      fontWeight: 600,
      characterSet: 'auto',
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 230],
      fontSettings: { sdf: true },
      opacity,
      updateTriggers: { getText: language },
    }),
    new TextLayer<CountyProperties>({
      id: DECK_LAYER.countyLabels,
      data: summary.counties,
      visible: zoom >= COUNTY_LABEL_MIN_ZOOM,
      getPosition: (county) => [county.labelLon, county.labelLat],
      getText: (county) => (language === 'en' ? county.nameEn : county.name),
      getSize: 12,
      getColor: [70, 70, 70, 255],
      fontFamily: LABEL_FONT_FAMILY,
      characterSet: 'auto',
      outlineWidth: 2,
      outlineColor: [255, 255, 255, 220],
      fontSettings: { sdf: true },
      opacity,
      updateTriggers: { getText: language },
    }),
  ];
}
