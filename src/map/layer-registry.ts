import type { LayerKey } from '../state/settings-slice.ts';
import type { LayerDefinition } from './layer-types.ts';
import { boilerLayer } from './layers/boiler-layers.ts';
import { boundaryLayers } from './layers/boundary-layers.ts';
import { eiaLayer } from './layers/eia-layers.ts';
import { fireLayer } from './layers/fire-layers.ts';
import { labelLayer } from './layers/label-layers.ts';
import { zoneLayer } from './layers/zone-layers.ts';

/** Every layer the map draws; the drawing order and visibility are the user's (state/settings-slice.ts). */
export const LAYER_REGISTRY: readonly LayerDefinition[] = [...boundaryLayers, eiaLayer, boilerLayer, zoneLayer, fireLayer, labelLayer];

/** The registry entry for a key. */
export function layerDefinition(key: LayerKey): LayerDefinition {
  const definition = LAYER_REGISTRY.find((d) => d.key === key);
  if (!definition) throw new Error(`layer ${key} is not in the layer registry`);
  return definition;
}
