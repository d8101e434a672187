import type { MultiPolygon, Polygon } from 'geojson';
import type { NoBurnCategory } from '../boilers/boiler.ts';
import { findRule, type RuleBook } from '../rules.ts';

/** What a planner types about a zone. */
export interface ZoneAttributes {
  /** 禁燃区名称. */
  name: string;
  /** Fuel category of 国环规大气〔2017〕2号《高污染燃料目录》: Ⅰ general, Ⅱ stricter, Ⅲ strictest. */
  category: NoBurnCategory;
  /** 文号 of the document that designates the zone, e.g. 哈政规〔2024〕3号; '' when not yet issued. */
  documentNumber: string;
  /** 生效日期 as YYYY-MM-DD; '' when not yet known. */
  effectiveDate: string;
  /** 备注. */
  notes: string;
}

/** Where a zone came from: drawn here, imported from a file, or proposed from heating coverage. */
export interface ZoneProvenance {
  origin: 'drawn' | 'imported' | 'proposed';
  /** The file name of an import, or what a proposal was made from; '' for a drawing. */
  source: string;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
}

/**
 * One high-pollution-fuel no-burn zone (高污染燃料禁燃区, plan clause 十三) as the editor keeps it. City, county
 * and area are derived from the geometry when shown or exported, never stored, so they cannot go stale.
 */
export interface NoBurnZone extends ZoneAttributes {
  /** Stable id, kept through edits, versions, export and import. */
  id: string;
  /** WGS84. */
  geometry: Polygon | MultiPolygon;
  provenance: ZoneProvenance;
}

/** Attributes of a new zone before the planner has typed anything. */
export const EMPTY_ZONE_ATTRIBUTES: ZoneAttributes = { name: '', category: 'Ⅲ', documentNumber: '', effectiveDate: '', notes: '' };

/** The attribute keys, in the order forms and exports show them. */
export const ZONE_ATTRIBUTE_KEYS = ['name', 'category', 'documentNumber', 'effectiveDate', 'notes'] as const satisfies readonly (keyof ZoneAttributes)[];

/**
 * What a fuel category bans, in the words of seeds/rules.json (R13-no-burn-zone-fuel).
 *
 * @param book - seeds/rules.json.
 * @param category - Ⅰ, Ⅱ or Ⅲ.
 * @returns The banned fuels, and the capacity exception where the category has one (Ⅱ: coal at ≥ 20 t/h is allowed).
 * @example
 * categoryBans(book, 'Ⅲ').bans.includes('煤炭及其制品'); // true
 */
export function categoryBans(book: RuleBook, category: NoBurnCategory): { bans: string[]; exceptCapacityTph: number | null; source: string } {
  const { rule } = findRule(book, 'R13-no-burn-zone-fuel');
  const categories = rule.categories as Record<NoBurnCategory, { bans: string[]; exceptCapacityTph?: { gte: number } }>;
  const entry = categories[category];
  return { bans: [...entry.bans], exceptCapacityTph: entry.exceptCapacityTph?.gte ?? null, source: String(rule.categorySource ?? '') };
}
