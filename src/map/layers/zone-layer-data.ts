import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { NoBurnZone } from '../../core/zones/no-burn-zone.ts';
import type { ZoneRepair } from '../../core/zones/repair-zone.ts';
import type { ZoneProblemKind, ZoneReport } from '../../core/zones/validate-zones.ts';
import type { MapMode } from '../../state/map-slice.ts';
import { memo } from '../../state/memo.ts';

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

/**
 * The zone layer's data, rebuilt only when the zones, reports, selection, mode or repair preview change. The zone being
 * edited on the map is left out: terra-draw draws it with its handles.
 *
 * @returns The layer data, or null when there are no zones and nothing to preview.
 */
export const zoneLayerData = memo(
  (zones: readonly NoBurnZone[], reports: Readonly<Record<string, ZoneReport>>, selectedId: string | null, mode: MapMode, repair: { id: string; repair: ZoneRepair } | null): ZoneLayerData | null => {
    if (zones.length === 0 && !repair) return null;
    const editing = mode.kind === 'zone-edit' ? mode.id : null;
    const shown = zones.filter((z) => z.id !== editing);
    const selectedZone = zones.find((z) => z.id === selectedId && z.id !== editing);
    const edited = editing === null ? undefined : zones.find((z) => z.id === editing);
    return {
      features: shown.map(featureOf),
      ids: shown.map((z) => z.id),
      selected: selectedZone ? featureOf(selectedZone) : null,
      editing: edited ? featureOf(edited) : null,
      problems: zones.flatMap((z) => (reports[z.id]?.problems ?? []).map((p) => ({ where: p.where, kind: p.kind }))),
      repair: repair ? { type: 'Feature', properties: {}, geometry: repair.repair.geometry } : null,
    };
  },
);
