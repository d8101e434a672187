import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { ZoneProblemKind, ZoneReport } from '../core/zones/validate-zones.ts';
import type { ZonesSlice } from './zones-slice.ts';

/** A zone as the map draws it. */
export type ZoneFeature = Feature<Polygon | MultiPolygon, { id: string; name: string; category: string }>;

/** What the zone layer draws. */
export interface ZoneLayerData {
  features: ZoneFeature[];
  /** Zone id of each feature, for picking. */
  ids: string[];
  selected: ZoneFeature | null;
  /** The zone under terra-draw's handles, outlined only: its holes, which terra-draw does not draw, stay visible. */
  editing: ZoneFeature | null;
  problems: { where: [number, number]; kind: ZoneProblemKind }[];
  repair: Feature<Polygon | MultiPolygon> | null;
}

const featureOf = (zone: NoBurnZone): ZoneFeature => ({ type: 'Feature', properties: { id: zone.id, name: zone.name, category: zone.category }, geometry: zone.geometry });

let lastLayer: { inputs: unknown[]; data: ZoneLayerData | null } | null = null;

/**
 * The zone layer's data, rebuilt only when the zones, reports, selection, mode or repair preview change. The zone
 * being edited on the map is left out: terra-draw draws it with its handles.
 *
 * @param state - The zones slice.
 * @returns The layer data, or null when there are no zones and nothing to preview.
 */
export function selectZoneLayerData(state: ZonesSlice): ZoneLayerData | null {
  const inputs = [state.zoneHistory.present, state.zoneReports, state.zoneSelected, state.zoneMode, state.zoneRepair];
  if (lastLayer && lastLayer.inputs.every((value, i) => value === inputs[i])) return lastLayer.data;
  const zones = state.zoneHistory.present;
  const editing = state.zoneMode.kind === 'edit' ? state.zoneMode.id : null;
  const shown = zones.filter((z) => z.id !== editing);
  const selectedZone = zones.find((z) => z.id === state.zoneSelected && z.id !== editing);
  const data: ZoneLayerData | null =
    zones.length === 0 && !state.zoneRepair
      ? null
      : {
          features: shown.map(featureOf),
          ids: shown.map((z) => z.id),
          selected: selectedZone ? featureOf(selectedZone) : null,
          editing: editing === null ? null : ((zone) => (zone ? featureOf(zone) : null))(zones.find((z) => z.id === editing)),
          problems: zones.flatMap((z) => (state.zoneReports[z.id]?.problems ?? []).map((p) => ({ where: p.where, kind: p.kind }))),
          repair: state.zoneRepair ? { type: 'Feature', properties: {}, geometry: state.zoneRepair.repair.geometry } : null,
        };
  lastLayer = { inputs, data };
  return data;
}

/** One row of the zone list. */
export interface ZoneRow {
  zone: NoBurnZone;
  report: ZoneReport | null;
}

/**
 * The zones with their latest validation, in drawing order (call inside `useMemo`: it builds a new array).
 *
 * @param zones - The current zones.
 * @param reports - The latest reports by zone id.
 * @returns One row per zone; `report` is null until the first validation of that zone has answered.
 */
export function selectZoneRows(zones: readonly NoBurnZone[], reports: Readonly<Record<string, ZoneReport>>): ZoneRow[] {
  return zones.map((zone) => ({ zone, report: reports[zone.id] ?? null }));
}
