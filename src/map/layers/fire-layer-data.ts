import type { FireData, FireStyle } from '../../state/fires-slice.ts';
import { memo } from '../../state/memo.ts';
import { FIRE_CONFIDENCE_COLORS, frpColor } from './colors.ts';

/** What the fire layer draws: positions and colours of the visible points, ready for deck.gl binary attributes. */
export interface FireLayerData {
  style: FireStyle;
  count: number;
  positions: Float32Array;
  colors: Uint8Array;
  /** FRP (MW, 0 when unknown) as heatmap and hexbin weight. */
  weights: Float32Array;
}

/** The fire layer's binary attributes for the visible points, rebuilt only when the data, the filter result or the style change. */
export const fireLayerData = memo((data: FireData | null, visible: Uint32Array, style: FireStyle): FireLayerData | null => {
  if (!data) return null;
  const n = visible.length;
  const positions = new Float32Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const weights = new Float32Array(n);
  const { lon, lat, confidenceClass, frp } = data.points;
  for (let k = 0; k < n; k++) {
    const i = visible[k]!;
    positions[2 * k] = lon[i]!;
    positions[2 * k + 1] = lat[i]!;
    const color = style === 'frp' ? frpColor(frp[i]!) : FIRE_CONFIDENCE_COLORS[confidenceClass[i]!]!;
    colors[4 * k] = color[0];
    colors[4 * k + 1] = color[1];
    colors[4 * k + 2] = color[2];
    colors[4 * k + 3] = 230;
    weights[k] = Number.isNaN(frp[i]!) ? 0 : frp[i]!;
  }
  return { style, count: n, positions, colors, weights };
});
