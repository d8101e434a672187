import { describe, expect, it } from 'vitest';
import { clusterStatuses, emptyPatrolMarks, markCluster, PATROL_STATUSES } from '../../../src/core/fires/patrol-status.ts';

// Six detections. Clustering A (the defaults): {0,1,2} {3,4} {5}.
const A = Int32Array.from([0, 0, 0, 1, 1, 2]);

describe('patrol statuses kept on detections', () => {
  it('gives every detection of the cluster the mark and leaves the input unchanged', () => {
    const none = emptyPatrolMarks(6);
    const marks = markCluster(none, A, 1, '已派出', 1000);
    expect([...none.markOfPoint]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(none.marks).toEqual([]);
    expect([...marks.markOfPoint]).toEqual([0, 0, 0, 1, 1, 0]);
    expect(marks.marks).toEqual([{ status: '已派出', at: 1000 }]);
  });

  it('says 待核查 with no time for a cluster nobody marked, and the latest mark for one marked twice', () => {
    let marks = markCluster(emptyPatrolMarks(6), A, 0, '已派出', 1000);
    marks = markCluster(marks, A, 0, '已核实', 2000);
    const statuses = clusterStatuses(A, marks);
    expect(statuses[0]).toEqual({ status: '已核实', at: 2000, merged: false, split: false });
    expect(statuses[1]!.status).toBe(PATROL_STATUSES[0]);
    expect(statuses[1]!.at).toBeNaN();
    expect(statuses).toHaveLength(3);
  });

  it('keeps a status on its detections when the clusters are numbered differently (a filter or a reload)', () => {
    const marks = markCluster(emptyPatrolMarks(6), A, 1, '误报', 1000);
    const renumbered = Int32Array.from([2, 2, 2, 0, 0, 1]);
    expect(clusterStatuses(renumbered, marks).map((s) => s.status)).toEqual(['误报', '待核查', '待核查']);
  });

  it('carries statuses into a merged cluster, the latest winning, and says the marks disagreed', () => {
    let marks = markCluster(emptyPatrolMarks(6), A, 0, '已派出', 1000);
    marks = markCluster(marks, A, 1, '误报', 2000);
    // A longer cluster distance joins {0,1,2} and {3,4}.
    const merged = Int32Array.from([0, 0, 0, 0, 0, 1]);
    expect(clusterStatuses(merged, marks)[0]).toEqual({ status: '误报', at: 2000, merged: true, split: false });
    // Two marks with the same status are not a disagreement.
    let same = markCluster(emptyPatrolMarks(6), A, 0, '已派出', 1000);
    same = markCluster(same, A, 1, '已派出', 2000);
    expect(clusterStatuses(merged, same)[0]).toMatchObject({ status: '已派出', merged: false });
  });

  it('carries a status into both parts of a split cluster and says so on each', () => {
    const marks = markCluster(emptyPatrolMarks(6), A, 0, '已派出', 1000);
    // A shorter distance divides {0,1,2} into {0} and {1,2}.
    const split = Int32Array.from([0, 1, 1, 2, 2, 3]);
    const statuses = clusterStatuses(split, marks);
    expect(statuses[0]).toEqual({ status: '已派出', at: 1000, merged: false, split: true });
    expect(statuses[1]).toEqual({ status: '已派出', at: 1000, merged: false, split: true });
    expect(statuses[2]).toMatchObject({ status: '待核查', split: false });
  });

  it('marks detections the date filter hides too, since a cluster is all its detections', () => {
    // The coordinator sees only points 3 and 4 of cluster 1 today; a later day's view still shows the status.
    const marks = markCluster(emptyPatrolMarks(6), A, 1, '已派出', 1000);
    expect(marks.markOfPoint[3]).toBe(1);
    expect(marks.markOfPoint[4]).toBe(1);
  });
});
