import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { ZoneProblem, ZoneReport } from '../core/zones/validate-zones.ts';
import type { MessageKey } from '../core/text/messages.ts';
import { render, text, type Language, type Localized, type Text } from '../core/text/text.ts';

/** What each kind of zone problem is called (catalogue keys). */
export const PROBLEM_LABEL: Record<ZoneProblem['kind'], MessageKey> = {
  self_intersection: 'problemSelfIntersection',
  overlap: 'problemOverlap',
  outside_city: 'problemOutsideCity',
  sliver: 'problemSliver',
  invalid_ring: 'problemInvalidRing',
};

/**
 * A problem as a text: what, how much, where; `zones` are those the report was computed for (a problem's `other`
 * indexes them).
 */
export function problemText(problem: ZoneProblem, zones: readonly NoBurnZone[], report: ZoneReport, placeOf: (zh: string) => Localized): Text {
  const label = text(PROBLEM_LABEL[problem.kind]);
  const area = problem.areaKm2 !== undefined ? ` ${problem.areaKm2} km²` : '';
  const lon = problem.where[0].toFixed(5);
  const lat = problem.where[1].toFixed(5);
  if (problem.kind === 'overlap') return text('zoneProblemOverlap', { label, other: zones[problem.other ?? -1]?.name ?? '', area, lon, lat });
  if (problem.kind === 'outside_city') return text('zoneProblemOutsideCity', { area: area.trim(), city: report.city ? placeOf(report.city) : '', lon, lat });
  return text('zoneProblemAt', { label, area, lon, lat });
}

/** The label of a problem kind in a language. */
export const problemLabel = (kind: ZoneProblem['kind'], language: Language): string => render(text(PROBLEM_LABEL[kind]), language);
