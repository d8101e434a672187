/** Where a patrol stands, as the coordinator sets it; the first is the default of a cluster nobody has marked. */
export const PATROL_STATUSES = ['待核查', '已派出', '已核实', '误报'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

/** One status the coordinator set, with when. */
export interface PatrolMark {
  status: PatrolStatus;
  /** ms since the epoch. */
  at: number;
}

/**
 * Statuses kept on the detections they were set on, not on cluster numbers: a cluster's identity is its detections, so
 * a status survives any filter, a reload and re-clustering with other distances.
 */
export interface PatrolMarks {
  /** Per point: 0 = never marked, k = `marks[k - 1]`. */
  markOfPoint: Uint32Array;
  marks: PatrolMark[];
}

/** What a cluster's status is and where it came from. */
export interface ClusterStatus {
  status: PatrolStatus;
  /** When it was set (ms), NaN when nobody has marked any of its detections. */
  at: number;
  /** Its detections carry marks with different statuses (clusters that were marked apart are one now): the latest wins. */
  merged: boolean;
  /** A mark it carries is carried by detections of another cluster too (a marked cluster was split). */
  split: boolean;
}

/**
 * No marks on `count` points.
 *
 * @param count - Number of fire points.
 * @returns Empty marks.
 * @example
 * const marks = emptyPatrolMarks(points.count);
 */
export function emptyPatrolMarks(count: number): PatrolMarks {
  return { markOfPoint: new Uint32Array(count), marks: [] };
}

/**
 * Sets a status on every detection of a cluster (those the filter hides too), as a new mark. The input is not changed.
 *
 * @param marks - The marks so far.
 * @param clusterId - Patrol cluster of each point (from the analysis).
 * @param cluster - The cluster the coordinator set the status on.
 * @param status - The status.
 * @param at - When (ms).
 * @returns New marks.
 * @example
 * marks = markCluster(marks, analysis.clusterId, 12, '已派出', Date.now());
 */
export function markCluster(marks: PatrolMarks, clusterId: Int32Array, cluster: number, status: PatrolStatus, at: number): PatrolMarks {
  const markOfPoint = marks.markOfPoint.slice();
  const id = marks.marks.length + 1;
  for (let i = 0; i < clusterId.length; i++) if (clusterId[i] === cluster) markOfPoint[i] = id;
  return { markOfPoint, marks: [...marks.marks, { status, at }] };
}

/**
 * The status of every cluster from the marks on its detections: the latest mark among them, with `merged` and `split`
 * saying when re-clustering joined or divided marked clusters. One pass over the points.
 *
 * @param clusterId - Patrol cluster of each point (ids 0…k−1).
 * @param marks - The marks.
 * @returns Status by cluster id; clusters without a mark are {@link PATROL_STATUSES}[0] with `at` NaN.
 * @example
 * clusterStatuses(analysis.clusterId, marks)[12]!.status; // '已派出'
 */
export function clusterStatuses(clusterId: Int32Array, marks: PatrolMarks): ClusterStatus[] {
  let k = 0;
  for (let i = 0; i < clusterId.length; i++) if (clusterId[i]! + 1 > k) k = clusterId[i]! + 1;
  const latest = new Int32Array(k); // mark id, 0 = none
  const merged = new Uint8Array(k);
  const firstCluster = new Int32Array(marks.marks.length + 1).fill(-1);
  const markSplit = new Uint8Array(marks.marks.length + 1);
  const { markOfPoint } = marks;
  for (let i = 0; i < clusterId.length && i < markOfPoint.length; i++) {
    const m = markOfPoint[i]!;
    if (m === 0) continue;
    const c = clusterId[i]!;
    if (firstCluster[m] === -1) firstCluster[m] = c;
    else if (firstCluster[m] !== c) markSplit[m] = 1;
    const current = latest[c]!;
    if (current === 0) latest[c] = m;
    else if (current !== m) {
      if (marks.marks[current - 1]!.status !== marks.marks[m - 1]!.status) merged[c] = 1;
      if (marks.marks[m - 1]!.at > marks.marks[current - 1]!.at) latest[c] = m;
    }
  }
  const split = new Uint8Array(k);
  for (let i = 0; i < clusterId.length && i < markOfPoint.length; i++) if (markSplit[markOfPoint[i]!]) split[clusterId[i]!] = 1;
  const result: ClusterStatus[] = new Array(k);
  for (let c = 0; c < k; c++) {
    const mark = latest[c] === 0 ? null : marks.marks[latest[c]! - 1]!;
    result[c] = { status: mark?.status ?? PATROL_STATUSES[0], at: mark?.at ?? Number.NaN, merged: merged[c] === 1, split: split[c] === 1 };
  }
  return result;
}
