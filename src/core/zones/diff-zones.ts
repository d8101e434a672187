import type { MultiPolygon, Polygon } from 'geojson';
import type { NoBurnZone } from './no-burn-zone.ts';

/** A part of a zone a planner can change; provenance is not one (its timestamps move on every save). */
export type ZoneField = 'geometry' | 'name' | 'category' | 'documentNumber' | 'effectiveDate' | 'notes';

/** What changed between two sets of zones, matched by id. */
export interface ZoneDiff {
  /** Zones only in `after`, in `after` order. */
  added: NoBurnZone[];
  /** Zones only in `before`, in `before` order. */
  removed: NoBurnZone[];
  /** Zones in both whose geometry or attributes differ, in `after` order, with the fields that differ (in {@link ZONE_FIELDS} order). */
  changed: { before: NoBurnZone; after: NoBurnZone; fields: ZoneField[] }[];
  /** How many zones are in both and equal. */
  unchanged: number;
}

/** The fields {@link diffZones} compares, in the order it reports them. */
export const ZONE_FIELDS = ['geometry', 'name', 'category', 'documentNumber', 'effectiveDate', 'notes'] as const satisfies readonly ZoneField[];

/**
 * Compares two sets of no-burn zones (e.g. two named versions, or a version and the current edit), matching zones
 * by id. Geometry is equal when its type and every coordinate are exactly equal (structurally, not by reference);
 * provenance is ignored, so a zone saved again without an edit is unchanged. Ids are expected to be unique in each
 * set (the editor keeps them so); with duplicates the first zone of an id in `before` is the one compared.
 *
 * @param before - The older zones.
 * @param after - The newer zones.
 * @returns Added (in `after` order), removed (in `before` order), changed (in `after` order, with the fields) and the count unchanged.
 * @example
 * const d = diffZones([a, b], [{ ...a, name: '新名' }, c]);
 * d.added.map((z) => z.id); // [c.id]
 * d.removed.map((z) => z.id); // [b.id]
 * d.changed[0].fields; // ['name']
 */
export function diffZones(before: readonly NoBurnZone[], after: readonly NoBurnZone[]): ZoneDiff {
  const beforeById = new Map<string, NoBurnZone>();
  for (const zone of before) if (!beforeById.has(zone.id)) beforeById.set(zone.id, zone);
  const afterIds = new Set(after.map((zone) => zone.id));

  const diff: ZoneDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const zone of after) {
    const old = beforeById.get(zone.id);
    if (old === undefined) {
      diff.added.push(zone);
      continue;
    }
    const fields = ZONE_FIELDS.filter((field) => (field === 'geometry' ? !sameGeometry(old.geometry, zone.geometry) : old[field] !== zone[field]));
    if (fields.length > 0) diff.changed.push({ before: old, after: zone, fields });
    else diff.unchanged += 1;
  }
  for (const zone of beforeById.values()) if (!afterIds.has(zone.id)) diff.removed.push(zone);
  return diff;
}

function sameGeometry(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  return a === b || (a.type === b.type && sameNested(a.coordinates, b.coordinates));
}

// Coordinates are nested arrays of numbers; compare them element by element, exactly.
function sameNested(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameNested(a[i], b[i])) return false;
  return true;
}
