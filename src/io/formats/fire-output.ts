import type { FireAnalysis } from '../../core/fires/analyze-fires.ts';
import { beijingDate } from '../../core/fires/beijing-time.ts';
import type { CountyProperties } from '../../core/geo/boundaries.ts';
import type { FireFile } from './read-fire-file.ts';

/** Columns appended to the input columns when attributed fire points are written out. */
export const FIRE_OUTPUT_COLUMNS = ['attributed_city', 'attributed_county', 'attributed_adcode', 'beijing_date', 'fire_id', 'cluster_id'];

/**
 * The output rows of attributed fire points: every input column, then {@link FIRE_OUTPUT_COLUMNS}
 * (ids 1-based). Used by the `fires` command and the app's export alike.
 *
 * @example
 * toCsv([...file.header, ...FIRE_OUTPUT_COLUMNS], fireOutputRows(file, analysis, counties));
 */
export function* fireOutputRows(file: FireFile, analysis: FireAnalysis, counties: readonly CountyProperties[], only?: ArrayLike<number>): Generator<string[]> {
  const count = only ? only.length : file.points.count;
  for (let k = 0; k < count; k++) {
    const i = only ? only[k]! : k;
    const c = analysis.county[i]!;
    const county = c === -1 ? null : counties[c]!;
    const time = file.points.time[i]!;
    yield [
      ...file.record(file.recordOfPoint[i]!),
      county?.city ?? '',
      county?.name ?? '',
      county?.adcode ?? '',
      Number.isNaN(time) ? '' : beijingDate(time),
      String(analysis.fireId[i]! + 1),
      String(analysis.clusterId[i]! + 1),
    ];
  }
}
