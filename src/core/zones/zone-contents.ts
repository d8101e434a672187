import type { MultiPolygon, Polygon } from 'geojson';
import { createBoilerAuditor, type BoilerPlace } from '../boilers/audit-boiler.ts';
import type { Boiler, NoBurnCategory } from '../boilers/boiler.ts';
import { geodesicArea } from '../geo/geodesic-area.ts';
import { createPolygonGridIndex } from '../geo/polygon-grid-index.ts';
import type { RuleBook } from '../rules.ts';

/** What lies inside one no-burn zone. */
export interface ZoneContents {
  /** Geodesic area of the zone, km². */
  areaKm2: number;
  /** Indices of boilers inside whose fuel the zone's category bans (rule R13-no-burn-zone-fuel matches). */
  banned: number[];
  /** Indices of boilers inside that R13 cannot decide without a fact (fuel, status, capacity, coal quality, oil type…). */
  toVerify: number[];
  /** Indices of fire points inside. */
  fires: number[];
}

const R13 = 'R13-no-burn-zone-fuel';

/**
 * What lies inside a no-burn zone (plan clause 十三): its area, the boilers whose fuel its category bans, the
 * boilers to verify, and the fire points. Boilers are judged by the boiler auditor itself, with this zone as the
 * only zone and every other layer unknown, so the editor and the audit never disagree. Holes are outside; a
 * point exactly on an edge may go either way.
 *
 * @param zone - Name, fuel category and WGS84 geometry of the zone.
 * @param boilers - The boiler inventory; a boiler with a non-finite location is skipped.
 * @param fires - Fire points as parallel longitude and latitude arrays, or null.
 * @param book - seeds/rules.json.
 * @returns Area and index lists, each in ascending order.
 * @example
 * const contents = zoneContents({ name: '南岗禁燃区', category: 'Ⅲ', geometry }, boilers, fires, book);
 * contents.banned.map((i) => boilers[i].name); // the coal boilers inside
 */
export function zoneContents(
  zone: { name: string; category: NoBurnCategory; geometry: Polygon | MultiPolygon },
  boilers: ReadonlyArray<Boiler>,
  fires: { lon: Float64Array | ArrayLike<number>; lat: ArrayLike<number> } | null,
  book: RuleBook,
): ZoneContents {
  const index = createPolygonGridIndex([zone.geometry]);
  const audit = createBoilerAuditor(book);
  // Only R13 is read from the audit, so the other facts stay unknown rather than guessed.
  const place: BoilerPlace = { city: null, county: null, coverage: null, builtUpArea: null, zones: [{ name: zone.name, category: zone.category }] };
  const banned: number[] = [];
  const toVerify: number[] = [];
  boilers.forEach((boiler, i) => {
    if (!(Number.isFinite(boiler.lon) && Number.isFinite(boiler.lat)) || index.locate(boiler.lon, boiler.lat) < 0) return;
    const result = audit(boiler, place);
    if (result.matches.some((match) => match.ruleId === R13)) banned.push(i);
    else if (result.toVerify.some((item) => item.ruleId === R13)) toVerify.push(i);
  });
  const inside: number[] = [];
  if (fires) {
    const located = index.locateMany(fires.lon, fires.lat);
    for (let i = 0; i < located.length; i++) if (located[i]! >= 0) inside.push(i);
  }
  return { areaKm2: geodesicArea(zone.geometry) / 1e6, banned, toVerify, fires: inside };
}
