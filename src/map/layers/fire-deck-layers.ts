import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { DECK_LAYER } from '../ids.ts';
import type { LayerContext } from '../layer-types.ts';
import { highlightRing } from './highlight.ts';

/**
 * The fire layer's deck.gl layers, from binary attributes (no per-point objects), so a million points
 * stay pannable. Points are pickable; the pick index is the position in the visible list.
 */
export function fireDeckLayers({ data, opacity }: LayerContext): Layer[] {
  const fires = data.fires;
  const ring = data.patrolSelected ? [highlightRing(DECK_LAYER.patrolHighlight, data.patrolSelected)] : [];
  if (!fires || fires.count === 0) return ring;
  if (fires.style === 'heatmap') {
    return [
      new HeatmapLayer({
        id: DECK_LAYER.fireHeatmap,
        data: { length: fires.count, attributes: { getPosition: { value: fires.positions, size: 2 }, getWeight: { value: fires.weights, size: 1 } } },
        radiusPixels: 25,
        opacity,
      }) as unknown as Layer,
      ...ring,
    ];
  }
  if (fires.style === 'hexbin') {
    // Hexagon bins aggregate on the CPU from accessors, so they read the binary columns by index.
    const indices = Array.from({ length: fires.count }, (_, k) => k);
    return [
      new HexagonLayer<number>({
        id: DECK_LAYER.fireHexbin,
        data: indices,
        getPosition: (k) => [fires.positions[2 * k]!, fires.positions[2 * k + 1]!],
        getColorWeight: (k) => fires.weights[k]!,
        colorAggregation: 'SUM',
        radius: 5000,
        extruded: false,
        opacity: 0.8 * opacity,
        colorRange: [[255, 255, 178], [254, 217, 118], [254, 178, 76], [253, 141, 60], [240, 59, 32], [189, 0, 38]],
        updateTriggers: { getPosition: fires.positions, getColorWeight: fires.weights },
      }) as unknown as Layer,
      ...ring,
    ];
  }
  return [
    new ScatterplotLayer({
      id: DECK_LAYER.firePoints,
      data: { length: fires.count, attributes: { getPosition: { value: fires.positions, size: 2 }, getFillColor: { value: fires.colors, size: 4 } } },
      radiusUnits: 'pixels',
      getRadius: 3,
      radiusMinPixels: 2,
      stroked: false,
      pickable: true,
      opacity,
    }) as unknown as Layer,
    ...ring,
  ];
}
