import type { NoBurnZone } from '../core/zones/no-burn-zone.ts';
import type { ZoneProblem, ZoneReport } from '../core/zones/validate-zones.ts';

/** What each kind of zone problem is called. */
export const PROBLEM_LABEL: Record<ZoneProblem['kind'], { zh: string; en: string }> = {
  self_intersection: { zh: '边界自相交', en: 'Outline crosses itself' },
  overlap: { zh: '与其他区域重叠', en: 'Overlaps another zone' },
  outside_city: { zh: '超出所在市', en: 'Outside its city' },
  sliver: { zh: '狭长碎片或过小', en: 'Sliver or too small' },
  invalid_ring: { zh: '内环无效', en: 'Invalid hole' },
};

/** A problem in words: what, how much, where; `zones` are those the report was computed for. */
export function problemText(problem: ZoneProblem, zones: readonly NoBurnZone[], report: ZoneReport, language: 'zh' | 'en'): string {
  const label = PROBLEM_LABEL[problem.kind][language];
  const other = problem.other !== undefined ? zones[problem.other]?.name : undefined;
  const area = problem.areaKm2 !== undefined ? ` ${problem.areaKm2} km²` : '';
  const where = `（${problem.where[0].toFixed(5)}, ${problem.where[1].toFixed(5)}）`;
  if (language === 'en') return `${label}: ${problem.message} ${where}`;
  if (problem.kind === 'overlap') return `${label}「${other ?? ''}」${area}${where}`;
  if (problem.kind === 'outside_city') return `${area.trim()} 位于${report.city ?? ''}之外${where}`;
  return `${label}${area}${where}`;
}

