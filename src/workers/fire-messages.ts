import type { FireAnalysis, FireAnalysisOptions } from '../core/fires/analyze-fires.ts';
import type { FirePoints } from '../core/fires/fire-points.ts';
import type { FireColumns, FireFile, Rejection } from '../io/formats/read-fire-file.ts';

/** What the main thread gets back from an import: the points and their analysis, and what was rejected. */
export interface FireImportResult {
  fileName: string;
  format: FireFile['format'];
  encoding: FireFile['encoding'];
  header: string[];
  columns: FireColumns;
  timeZone: FireFile['timeZone'];
  recordCount: number;
  points: FirePoints;
  analysis: FireAnalysis;
  /** The first rejections (all of them are in the rejected-rows download). */
  rejected: Rejection[];
  rejectedCount: number;
  rejectedByReason: [string, number][];
}

/** Every message the fire worker answers. */
export type FireWorkerApi = {
  /** Read a fire-point file and analyse it (attribution, Beijing dates, same-fire merging, patrol clusters). */
  import: {
    /** `file` is passed as a Blob, so the worker, not the main thread, reads its bytes. */
    params: { file: Blob; fileName: string; columns?: Partial<FireColumns>; options: FireAnalysisOptions; boundariesUrl: string };
    result: FireImportResult;
  };
  /** Re-run merging and clustering with new settings on the imported file. */
  analyze: { params: { options: FireAnalysisOptions }; result: FireAnalysis };
  /** The original fields of one point, for the point's details panel. */
  record: { params: { index: number }; result: { header: string[]; fields: string[]; line: number } };
  /** CSV of points (all, or the given indices) with their attribution, as the `fires` command writes. */
  exportPoints: { params: { indices: Uint32Array | null }; result: string };
  /** CSV of every rejected row with its line, field and reason. */
  exportRejected: { params: Record<string, never>; result: string };
};
