import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Geometry, MultiLineString } from 'geojson';
import { BOILER_VERDICTS, type NoBurnCategory } from '../../core/boilers/boiler.ts';
import { DECK_LAYER } from '../ids.ts';
import type { LayerContext } from '../layer-types.ts';
import { BOILER_LAYER_COLORS, BOILER_VERDICT_COLORS, HIGHLIGHT_COLOR } from './colors.ts';

type Properties = { name: string; category?: string; line?: boolean };

/** Pipelines of the coverage and pipeline layers, as paths. */
function pipelinePaths(features: Feature<Geometry, Properties>[]): number[][][] {
  return features.filter((f) => f.properties.line).flatMap((f) => (f.geometry as MultiLineString).coordinates);
}

/**
 * The boiler layer's deck.gl layers: built-up outlines, coverage, pipelines with their assumed service radius
 * (a path as wide as the radius on each side, for display; verdicts use exact geodesic distances), no-burn
 * zones by category, boilers by verdict (pickable), the selected boiler and the planned boiler of a check.
 */
export function boilerDeckLayers({ data, opacity }: LayerContext): Layer[] {
  const boilers = data.boilers;
  if (!boilers) return [];
  const layers: Layer[] = [];
  const { coverage, pipelines, builtUp, zones } = boilers.layers;
  const areas = (features: Feature<Geometry, Properties>[]) => features.filter((f) => !f.properties.line);
  if (coverage) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.boilerCoverage,
        data: areas(coverage.features) as never,
        getFillColor: [...BOILER_LAYER_COLORS.coverage, 50],
        getLineColor: [...BOILER_LAYER_COLORS.coverage, 200],
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        opacity,
      }) as unknown as Layer,
    );
  }
  const paths = [...pipelinePaths(coverage?.features ?? []), ...pipelinePaths(pipelines?.features ?? [])];
  if (paths.length > 0) {
    layers.push(
      new PathLayer({
        id: DECK_LAYER.boilerServiceArea,
        data: paths,
        getPath: (path: number[][]) => path as [number, number][],
        getColor: [...BOILER_LAYER_COLORS.coverage, 45],
        widthUnits: 'meters',
        getWidth: 2 * boilers.serviceRadiusM,
        capRounded: true,
        jointRounded: true,
        updateTriggers: { getWidth: boilers.serviceRadiusM },
        opacity,
      }) as unknown as Layer,
      new PathLayer({
        id: DECK_LAYER.boilerPipelines,
        data: paths,
        getPath: (path: number[][]) => path as [number, number][],
        getColor: [...BOILER_LAYER_COLORS.pipelines, 255],
        widthUnits: 'pixels',
        getWidth: 2,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (builtUp) {
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.boilerBuiltUp,
        data: areas(builtUp.features) as never,
        filled: false,
        getLineColor: [...BOILER_LAYER_COLORS.builtUp, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (zones) {
    const color = (f: Feature<Geometry, Properties>) => BOILER_LAYER_COLORS.zones[(f.properties.category ?? 'Ⅰ') as NoBurnCategory];
    layers.push(
      new GeoJsonLayer({
        id: DECK_LAYER.boilerZones,
        data: zones.features as never,
        getFillColor: (f: Feature<Geometry, Properties>) => [...color(f), 70],
        getLineColor: (f: Feature<Geometry, Properties>) => [...color(f), 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        opacity,
      }) as unknown as Layer,
    );
  }
  if (boilers.verdicts.length > 0) {
    const colors = new Uint8Array(boilers.verdicts.length * 4);
    boilers.verdicts.forEach((v, i) => colors.set([...BOILER_VERDICT_COLORS[BOILER_VERDICTS[v]!], 235], 4 * i));
    layers.push(
      new ScatterplotLayer({
        id: DECK_LAYER.boilerPoints,
        data: { length: boilers.verdicts.length, attributes: { getPosition: { value: boilers.positions, size: 2 }, getFillColor: { value: colors, size: 4 } } },
        pickable: true,
        radiusUnits: 'pixels',
        getRadius: 5,
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        opacity,
      }) as unknown as Layer,
    );
  }
  const markers = [
    ...(boilers.selected ? [{ position: boilers.selected, color: HIGHLIGHT_COLOR as number[] }] : []),
    ...(boilers.newBuild ? [{ position: boilers.newBuild.position, color: boilers.newBuild.refused ? BOILER_VERDICT_COLORS.不予新建 : BOILER_VERDICT_COLORS.合规 }] : []),
  ];
  if (markers.length > 0) {
    layers.push(
      new ScatterplotLayer({
        id: DECK_LAYER.boilerMarkers,
        data: markers,
        getPosition: (m: { position: [number, number] }) => m.position,
        getFillColor: [0, 0, 0, 0],
        getLineColor: (m: { color: number[] }) => [...m.color, 255] as [number, number, number, number],
        stroked: true,
        filled: false,
        radiusUnits: 'pixels',
        getRadius: 10,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }) as unknown as Layer,
    );
  }
  return layers;
}
