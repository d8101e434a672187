import type { FeatureCollection, Geometry } from 'geojson';
import type { BoilerAudit, BoilerPlace } from '../core/boilers/audit-boiler.ts';
import type { Boiler } from '../core/boilers/boiler.ts';
import type { AuditedRecord } from '../io/formats/audit-boilers-table.ts';
import type { VectorRejection } from '../io/formats/read-vector-file.ts';

/** The audit layers a user can load: coverage (polygons, and lines as pipelines), pipelines, built-up areas, no-burn zones. */
export type BoilerLayerKind = 'coverage' | 'pipelines' | 'builtUp' | 'zones';
export const BOILER_LAYER_KINDS: readonly BoilerLayerKind[] = ['coverage', 'pipelines', 'builtUp', 'zones'];

/** A loaded audit layer: what the map draws and what was left out. */
export interface LoadedBoilerLayer {
  kind: BoilerLayerKind;
  fileName: string;
  synthetic: boolean;
  /** Features drawn on the map; properties `name` and, for zones, `category`; `line` is true for pipelines. */
  features: FeatureCollection<Geometry, { name: string; category?: string; line?: boolean }>;
  areaCount: number;
  pipelineCount: number;
  rejected: VectorRejection[];
  crs: string;
}

/** An audited inventory: every row in file order, and the export table (input columns + audit columns). */
export interface BoilerAuditResult {
  fileName: string;
  synthetic: boolean;
  records: AuditedRecord[];
  header: string[];
  rows: string[][];
  rejectedCount: number;
  noteCount: number;
  milliseconds: number;
  /** Which layers the audit had, and the pipeline service radius it assumed (null without pipelines). */
  layers: Record<BoilerLayerKind, boolean>;
  serviceRadiusM: number | null;
}

/** Every message the boiler worker answers. */
export type BoilerWorkerApi = {
  /** Fetch and decode the boundaries (city and county of every boiler). */
  load: { params: { boundariesUrl: string }; result: { ok: true } };
  /** Read a layer file; it replaces the layer of that kind only when it has something usable. */
  readLayer: { params: { kind: BoilerLayerKind; file: Blob; fileName: string; synthetic: boolean }; result: LoadedBoilerLayer };
  clearLayer: { params: { kind: BoilerLayerKind }; result: { ok: true } };
  /** Audit an inventory file, or without a file the inventory read last (after a layer or the radius changed). */
  audit: { params: { file?: Blob; fileName?: string; synthetic?: boolean; serviceRadiusM: number }; result: BoilerAuditResult };
  /** One boiler, e.g. a planned one placed on the map: where it stands and its audit. */
  check: { params: { boiler: Boiler; serviceRadiusM: number }; result: { place: BoilerPlace; audit: BoilerAudit } };
};
