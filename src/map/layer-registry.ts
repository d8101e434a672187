import type { Layer } from '@deck.gl/core';
import type { LayerSpecification } from 'maplibre-gl';
import type { BoundarySummary } from '../core/geo/boundary-summary.ts';
import type { BoilerLayerData } from '../state/boiler-selectors.ts';
import type { EiaLayerData } from '../state/eia-selectors.ts';
import type { FireLayerData } from '../state/fire-selectors.ts';
import type { FireStyle } from '../state/fires-slice.ts';
import type { ZoneLayerData } from '../state/zone-selectors.ts';
import type { LayerKey } from './ids.ts';
import type { Language, Localized } from './localized.ts';
import { boilerLayer } from './layers/boiler-layers.ts';
import { boundaryLayers } from './layers/boundary-layers.ts';
import { eiaLayer } from './layers/eia-layers.ts';
import { fireLayer } from './layers/fire-layers.ts';
import { labelLayer } from './layers/label-layers.ts';
import { zoneLayer } from './layers/zone-layers.ts';

/** Data handed to the map for layers that draw app data (set with `MapController.setLayerData`). */
export interface LayerDataMap {
  fires?: FireLayerData | null;
  eia?: EiaLayerData | null;
  boilers?: BoilerLayerData | null;
  zones?: ZoneLayerData | null;
}

/** What a layer's drawing functions may read. */
export interface LayerContext {
  summary: BoundarySummary;
  data: LayerDataMap;
  language: Language;
  zoom: number;
  opacity: number;
}

/** What a legend may depend on: cheap state only, never the layer's data. */
export interface LegendContext {
  summary: BoundarySummary;
  language: Language;
  /** How fire points are drawn, or null when none are loaded. */
  fireStyle: FireStyle | null;
}

/** One swatch in the layer panel legend. */
export interface LegendItem {
  kind: 'fill' | 'line';
  color: string;
  label: Localized;
}

/**
 * A user-facing layer: a title, a legend, and the maplibre layers and/or deck.gl layers that draw it.
 * Later layers (fire points, zones, buffers, boilers) plug in by adding an entry to {@link LAYER_REGISTRY}.
 */
export interface LayerDefinition {
  key: LayerKey;
  title: Localized;
  defaultVisible: boolean;
  defaultOpacity: number;
  legend: (context: LegendContext) => LegendItem[];
  /** maplibre layers on the boundary vector source (or others the controller adds); their opacity paint values are multiplied by the layer opacity. */
  mapLayers?: LayerSpecification[];
  /**
   * Loads the function that builds this entry's deck.gl layers (rebuilt whenever their context changes).
   * Loaded after the first render, so deck.gl stays off the start-up path.
   */
  loadDeckLayers?: () => Promise<(context: LayerContext) => Layer[]>;
}

/** The layers in their default drawing order, bottom first. */
export const LAYER_REGISTRY: readonly LayerDefinition[] = [...boundaryLayers, eiaLayer, boilerLayer, zoneLayer, fireLayer, labelLayer];

/** The registry entry for a key. */
export function layerDefinition(key: LayerKey): LayerDefinition {
  const definition = LAYER_REGISTRY.find((d) => d.key === key);
  if (!definition) throw new Error(`layer ${key} is not in the layer registry`);
  return definition;
}
