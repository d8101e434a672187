import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { NoBurnCategory } from '../../core/boilers/boiler.ts';
import type { ZoneFeature } from './zone-layer-data.ts';
import { DECK_LAYER } from '../ids.ts';
import type { LayerContext } from '../layer-types.ts';
import { BOILER_LAYER_COLORS, ZONE_PROBLEM_COLOR, ZONE_REPAIR_COLOR } from './colors.ts';

const categoryColor = (f: ZoneFeature) => BOILER_LAYER_COLORS.zones[f.properties.category as NoBurnCategory];

/**
 * The zone editor's deck.gl layers: zones filled by category (pickable, so a click selects one), the selected
 * zone's outline, a marker at every validation problem, and the outline of a suggested repair (dashed look by a
 * thicker translucent line). The zone being edited is drawn by terra-draw, with only a thin outline here so its holes show.
 */
export function zoneDeckLayers({ data, opacity }: LayerContext): Layer[] {
  const zones = data.zones;
  if (!zones) return [];
  const layers: Layer[] = [
    new GeoJsonLayer({
      id: DECK_LAYER.zoneFill,
      data: zones.features as never,
      pickable: true,
      getFillColor: ((f: ZoneFeature) => [...categoryColor(f), 80]) as never,
      getLineColor: ((f: ZoneFeature) => [...categoryColor(f), 255]) as never,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      opacity,
    }) as unknown as Layer,
  ];
  // Outlines only: the selected zone, and the zone under terra-draw's handles (so its holes stay visible).
  const outline = (id: string, feature: ZoneFeature | null, color: [number, number, number, number], width: number) =>
    feature &&
    layers.push(
      new GeoJsonLayer({ id, data: [feature] as never, filled: false, getLineColor: color, lineWidthUnits: 'pixels', getLineWidth: width, opacity }) as unknown as Layer,
    );
  outline(DECK_LAYER.zoneSelected, zones.selected, [20, 20, 20, 255], 3);
  outline(DECK_LAYER.zoneEditing, zones.editing, [60, 60, 60, 200], 1);
  if (zones.repair) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.zoneRepair,
        data: [zones.repair] as never,
        getFillColor: [...ZONE_REPAIR_COLOR, 60],
        getLineColor: [...ZONE_REPAIR_COLOR, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (zones.problems.length > 0) {
    layers.push(
      new ScatterplotLayer({
        id: DECK_LAYER.zoneProblems,
        data: zones.problems,
        getPosition: (p: { where: [number, number] }) => p.where,
        radiusUnits: 'pixels',
        getRadius: 7,
        filled: false,
        stroked: true,
        getLineColor: [...ZONE_PROBLEM_COLOR, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        opacity,
      }) as unknown as Layer,
    );
  }
  return layers;
}
