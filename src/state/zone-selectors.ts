import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { ZoneReport } from '../core/zones/validate-zones.ts';
import { memo } from './memo.ts';

/** One row of the zone list. */
export interface ZoneRow {
  zone: NoBurnZone;
  report: ZoneReport | null;
}

/**
 * The zones with their latest validation, in drawing order.
 *
 * @param zones - The current zones.
 * @param reports - The latest reports by zone id.
 * @returns One row per zone; `report` is null until the first validation of that zone has answered.
 */
export const selectZoneRows = memo((zones: readonly NoBurnZone[], reports: Readonly<Record<string, ZoneReport>>): ZoneRow[] =>
  zones.map((zone) => ({ zone, report: reports[zone.id] ?? null })),
);
