import type { Layer } from '@deck.gl/core';
import type { LayerSpecification } from 'maplibre-gl';
import type { BoundarySummary } from '../core/geo/boundary-summary.ts';
import type { Language, Localized, Text } from '../core/text/text.ts';
import type { FireStyle } from '../state/fires-slice.ts';
import type { LayerKey } from '../state/settings-slice.ts';
import type { BoilerLayerData } from './layers/boiler-layer-data.ts';
import type { EiaLayerData } from './layers/eia-layer-data.ts';
import type { FireLayerData } from './layers/fire-layer-data.ts';
import type { ZoneLayerData } from './layers/zone-layer-data.ts';

/** App data the layers draw, built from the store by the layer-data builders in layers/. */
export interface LayerDataMap {
  fires: FireLayerData | null;
  /** The patrol cluster chosen in the list, as a point to ring. */
  patrolSelected: [number, number] | null;
  eia: EiaLayerData | null;
  boilers: BoilerLayerData | null;
  zones: ZoneLayerData | null;
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
  label: Text | Localized;
}

/**
 * A user-facing layer: a title, a legend, and the maplibre layers and/or deck.gl layers that draw it. A new layer plugs
 * in by adding an entry to the registry (layer-registry.ts) and its key to the settings (state/settings-slice.ts).
 */
export interface LayerDefinition {
  key: LayerKey;
  title: Text;
  legend: (context: LegendContext) => LegendItem[];
  /** maplibre layers on the boundary vector source; their opacity paint values are multiplied by the layer opacity. */
  mapLayers?: LayerSpecification[];
  /**
   * Loads the function that builds this entry's deck.gl layers (rebuilt whenever their context changes).
   * Loaded after the first render, so deck.gl stays off the start-up path.
   */
  loadDeckLayers?: () => Promise<(context: LayerContext) => Layer[]>;
}
