import { geodesicArea } from '../core/geodesic-area.ts';
import type { AppState } from './store.ts';

/** What the county panel shows for the selected county. */
export interface CountyDetails {
  name: string;
  city: string;
  adcode: string;
  areaKm2: number;
}

const areaCache = new WeakMap<object, number>();

/** Details of the selected county, or null; the geodesic area is computed once per county. */
export function selectCountyDetails(state: AppState): CountyDetails | null {
  if (state.selection.kind !== 'county' || state.boundaries.kind !== 'ready') return null;
  const county = state.boundaries.boundaries.counties.features[state.selection.index];
  if (!county) return null;
  let areaM2 = areaCache.get(county);
  if (areaM2 === undefined) {
    areaM2 = geodesicArea(county.geometry);
    areaCache.set(county, areaM2);
  }
  const { name, city, adcode } = county.properties;
  return { name, city, adcode, areaKm2: areaM2 / 1e6 };
}
