import type { MultiPolygon, Polygon } from 'geojson';
import type { CategorisedZone, NamedArea, NamedPipeline } from '../core/boilers/boiler-places.ts';
import type { BoilerLayerKind, EditorZone } from './analysis-api.ts';

/** What the worker holds of one audit layer. */
export interface LayerContent {
  areas: NamedArea[];
  pipelines: NamedPipeline[];
  zones: CategorisedZone[];
}

/** The audit layers the worker holds, by kind (the boiler audit reads them; zone drafts read the coverage). */
export type BoilerLayerStore = Map<BoilerLayerKind, LayerContent>;

/** The editor's zones as the worker last received them (the boiler audit can take them as its zones layer). */
export interface ZoneWorkspace {
  /** The zones of the editor's last validation, in its order. */
  editorZones: readonly EditorZone[];
}

/** The coverage polygons of the held coverage layer (for zone drafts), or null when none is loaded. */
export function coveragePolygons(layers: BoilerLayerStore): (Polygon | MultiPolygon)[] | null {
  const coverage = layers.get('coverage');
  return coverage ? coverage.areas.map((area) => area.geometry) : null;
}
