import { TextLayer } from '@deck.gl/layers';
import type { CityProperties, CountyProperties } from '../../core/boundaries.ts';
import { DECK_LAYER } from '../ids.ts';
import type { LayerDefinition } from '../layer-registry.ts';

/** System CJK fonts found on Windows, macOS and Linux: labels render offline with no glyph server. */
export const LABEL_FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

/** County names appear from this zoom on, so labels do not pile up over the whole province. */
export const COUNTY_LABEL_MIN_ZOOM = 7;

/** City and county names drawn by deck.gl from local fonts (maplibre text would need a glyph server). */
export const labelLayer: LayerDefinition = {
  key: 'labels',
  title: { zh: '地名标注', en: 'Place names' },
  defaultVisible: true,
  defaultOpacity: 1,
  legend: () => [],
  deckLayers: ({ boundaries, language, zoom, opacity }) => [
    new TextLayer<{ properties: CityProperties }>({
      id: DECK_LAYER.cityLabels,
      data: boundaries.cities.features,
      getPosition: (f) => [f.properties.labelLon, f.properties.labelLat],
      getText: (f) => (language === 'en' ? f.properties.nameEn : f.properties.name),
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
    new TextLayer<{ properties: CountyProperties }>({
      id: DECK_LAYER.countyLabels,
      data: boundaries.counties.features,
      visible: zoom >= COUNTY_LABEL_MIN_ZOOM,
      getPosition: (f) => [f.properties.labelLon, f.properties.labelLat],
      getText: (f) => f.properties.name,
      getSize: 12,
      getColor: [70, 70, 70, 255],
      fontFamily: LABEL_FONT_FAMILY,
      characterSet: 'auto',
      outlineWidth: 2,
      outlineColor: [255, 255, 255, 220],
      fontSettings: { sdf: true },
      opacity,
    }),
  ],
};
