import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { HIGHLIGHT_COLOR } from './colors.ts';

/**
 * A ring around what the user chose in a table (a patrol cluster, a batch site, a boiler), drawn above its layer.
 *
 * @param id - The deck.gl layer id (from DECK_LAYER).
 * @param position - Where, lon/lat.
 * @returns The layer.
 */
export function highlightRing(id: string, position: [number, number]): Layer {
  return new ScatterplotLayer({
    id,
    data: [position],
    getPosition: (p: [number, number]) => p,
    filled: false,
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: 14,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    getLineColor: [...HIGHLIGHT_COLOR, 255],
  }) as unknown as Layer;
}
