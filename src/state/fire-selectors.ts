import { countByCountyDay, countFires, filterFires, summarizeClusters, totalsBy, type CountTotal, type CountyDayCount, type FireFilter, type PatrolCluster } from '../core/fires/fire-summaries.ts';
import type { CountyProperties } from '../core/geo/boundaries.ts';
import { clusterStatuses, type ClusterStatus, type PatrolMarks } from '../core/fires/patrol-status.ts';
import type { FireData } from './fires-slice.ts';
import { memo } from './memo.ts';


/** Indices of the points passing the filter. */
export const selectVisibleFires = memo((data: FireData | null, filter: FireFilter): Uint32Array =>
  data ? filterFires(data.points, data.analysis, filter) : new Uint32Array(0),
);

const selectAllFireCounts = memo((data: FireData) => countFires(null, data.analysis));

export const selectFireCounts = memo((data: FireData | null, visible: Uint32Array) =>
  data ? { all: selectAllFireCounts(data), visible: countFires(visible, data.analysis) } : null,
);

/** First and last Beijing day with data, for the day slider; null when nothing is dated. */
export const selectFireDayRange = memo((data: FireData | null): { first: number; last: number } | null => {
  if (!data) return null;
  let first = Infinity;
  let last = -Infinity;
  const days = data.analysis.beijingDay;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (day < 0) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return Number.isFinite(first) ? { first, last } : null;
});

export const selectPatrolClusters = memo((data: FireData | null, visible: Uint32Array): PatrolCluster[] =>
  data ? summarizeClusters(visible, data.points, data.analysis) : [],
);

export const selectCountyDayCounts = memo((data: FireData | null, visible: Uint32Array): CountyDayCount[] => (data ? countByCountyDay(visible, data.analysis) : []));

/** Totals per county (ranking), per Beijing day (daily chart, in day order) and per city name. */
export const selectFireTotals = memo(
  (rows: CountyDayCount[], counties: readonly CountyProperties[], outside: string): { byCounty: CountTotal<number>[]; byDay: CountTotal<number>[]; byCity: CountTotal<string>[] } => ({
    byCounty: totalsBy(rows, (row) => row.county),
    byDay: totalsBy(rows, (row) => row.day).filter((total) => total.key >= 0).sort((a, b) => a.key - b.key),
    byCity: totalsBy(rows, (row) => (row.county === -1 ? outside : (counties[row.county]?.city ?? outside))),
  }),
);

/** A patrol cluster with the status the coordinator set on its detections. */
export interface PatrolRow extends PatrolCluster {
  status: ClusterStatus;
}

const selectClusterStatuses = memo((data: FireData, marks: PatrolMarks | null): ClusterStatus[] | null => (marks ? clusterStatuses(data.analysis.clusterId, marks) : null));

/** The patrol list: clusters of the visible points, most detections first, each with its status. */
export const selectPatrolRows = memo((data: FireData | null, visible: Uint32Array, marks: PatrolMarks | null): PatrolRow[] => {
  if (!data) return [];
  const statuses = selectClusterStatuses(data, marks);
  const unmarked: ClusterStatus = { status: '待核查', at: Number.NaN, merged: false, split: false };
  return selectPatrolClusters(data, visible).map((cluster) => ({ ...cluster, status: statuses?.[cluster.cluster] ?? unmarked }));
});
