import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DECK_LAYER } from '../ids.ts';
import type { LayerContext } from '../layer-types.ts';
import { EIA_COLORS } from './colors.ts';
import { highlightRing } from './highlight.ts';

/** The EIA layer's deck.gl layers: buffer, border lines by neighbour, downwind sector, site, nearest-point line, draft, batch sites. */
export function eiaDeckLayers({ data, opacity }: LayerContext): Layer[] {
  const eia = data.eia;
  if (!eia) return [];
  const layers: Layer[] = [];
  if (eia.buffer) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.eiaBuffer,
        data: { type: 'Feature', properties: {}, geometry: eia.buffer } as never,
        filled: true,
        stroked: true,
        getFillColor: [...EIA_COLORS.buffer, 45],
        getLineColor: [...EIA_COLORS.buffer, 220],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (eia.border) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.eiaBorder,
        data: eia.border as never,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: (f: { properties: { neighborEn: string } }) => (f.properties.neighborEn === 'Jilin' ? EIA_COLORS.jilin : EIA_COLORS.innerMongolia),
        opacity,
      }) as unknown as Layer,
    );
  }
  if (eia.sector) {
    layers.push(
      new PolygonLayer({
        id: DECK_LAYER.eiaSector,
        data: [eia.sector],
        getPolygon: (ring: number[][]) => ring,
        getFillColor: [255, 215, 0, 70],
        getLineColor: [180, 140, 0, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (eia.site) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.eiaSite,
        data: { type: 'Feature', properties: {}, geometry: eia.site } as never,
        getFillColor: [...EIA_COLORS.site, 90],
        getLineColor: [...EIA_COLORS.site, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (eia.nearest) {
    layers.push(
      new PathLayer({
        id: DECK_LAYER.eiaNearest,
        data: [eia.nearest],
        getPath: (path: number[][]) => path as [number, number][],
        getColor: [20, 20, 20, 255],
        widthUnits: 'pixels',
        getWidth: 2,
        opacity,
      }) as unknown as Layer,
      new ScatterplotLayer({
        id: `${DECK_LAYER.eiaNearest}-ends`,
        data: eia.sitePoint ? [eia.sitePoint, eia.nearest[1]] : [eia.nearest[1]],
        getPosition: (p: number[]) => p as [number, number],
        getFillColor: (p: number[]) => (p === eia.sitePoint ? [...EIA_COLORS.site, 255] : [20, 20, 20, 255]),
        radiusUnits: 'pixels',
        getRadius: (p: number[]) => (p === eia.sitePoint ? 7 : 4),
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (eia.draft.length) {
    layers.push(
      new PathLayer({
        id: DECK_LAYER.eiaDraft,
        data: [eia.draft],
        getPath: (path: number[][]) => path as [number, number][],
        getColor: [...EIA_COLORS.site, 255],
        widthUnits: 'pixels',
        getWidth: 2,
      }) as unknown as Layer,
      new ScatterplotLayer({
        id: `${DECK_LAYER.eiaDraft}-vertices`,
        data: eia.draft,
        getPosition: (p: number[]) => p as [number, number],
        getFillColor: [255, 255, 255, 255],
        getLineColor: [...EIA_COLORS.site, 255],
        stroked: true,
        radiusUnits: 'pixels',
        getRadius: 4,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }) as unknown as Layer,
    );
  }
  if (eia.batchWithin.length) {
    const colors = new Uint8Array(eia.batchWithin.length * 4);
    eia.batchWithin.forEach((within, i) => colors.set([...(within ? EIA_COLORS.within : EIA_COLORS.outside), 230], 4 * i));
    layers.push(
      new ScatterplotLayer({
        id: DECK_LAYER.eiaBatch,
        data: { length: eia.batchWithin.length, attributes: { getPosition: { value: eia.batchPositions, size: 2 }, getFillColor: { value: colors, size: 4 } } },
        radiusUnits: 'pixels',
        getRadius: 4,
        stroked: false,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (eia.batchSelected) layers.push(highlightRing(DECK_LAYER.eiaBatchHighlight, eia.batchSelected));
  return layers;
}
