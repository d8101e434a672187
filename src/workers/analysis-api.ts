import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { BoilerAudit, BoilerPlace } from '../core/boilers/audit-boiler.ts';
import type { Boiler, NoBurnCategory } from '../core/boilers/boiler.ts';
import type { DownwindSectorInput, EiaSite, EiaVerdict } from '../core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import type { FireAnalysis, FireAnalysisOptions } from '../core/fires/analyze-fires.ts';
import type { FirePoints } from '../core/fires/fire-points.ts';
import type { BoundarySummary, CountyDetails } from '../core/geo/boundary-summary.ts';
import type { Text } from '../core/text/text.ts';
import type { ZoneProposal } from '../core/zones/propose-zone.ts';
import type { ZoneRepair } from '../core/zones/repair-zone.ts';
import type { ZoneInput, ZoneReport } from '../core/zones/validate-zones.ts';
import type { AuditedRecord } from '../io/formats/audit-boilers-table.ts';
import type { JudgedRecord } from '../io/formats/judge-sites-table.ts';
import type { CoordinateSystem } from '../io/formats/parse-site-location.ts';
import type { FireColumns, FireFile } from '../io/formats/read-fire-file.ts';
import type { RowRejection } from '../io/formats/row-rejection.ts';

/** A city (by name) or a county (by adcode) of the shipped boundaries. */
export type RegionRef = { kind: 'city'; name: string } | { kind: 'county'; adcode: string };

/** A no-burn zone as the worker holds it: what validation needs, and the category the boiler audit needs. */
export interface EditorZone extends ZoneInput {
  category: NoBurnCategory;
}

/** What the main thread gets back from a fire import: the points and their analysis, and what was rejected. */
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
  rejected: RowRejection[];
  rejectedCount: number;
  /** How many rows each reason rejected, counted by the English sentence. */
  rejectedByReason: [Text, number][];
}

/** One row of an EIA batch check (see judgeSitesTable). */
export type BatchSite = JudgedRecord;

/** An EIA batch check: every input row in file order with its verdict, and the export table (input columns + verdict columns). */
export interface BatchResult {
  fileName: string;
  sites: BatchSite[];
  header: string[];
  rows: string[][];
  rejectedCount: number;
  withinCount: number;
  milliseconds: number;
}

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
  rejected: RowRejection[];
  crs: Text;
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

/**
 * Every message the analysis worker answers: type → params and result. One worker holds the decoded boundaries and the
 * data of every workspace (fires, the border, boiler layers and inventory, the editor's zones).
 */
export type AnalysisApi = {
  /** Fetch and decode the shipped boundaries and tile them; answers names and label points for the main thread. */
  'boundaries.load': { params: { url: string }; result: BoundarySummary };
  /** One vector tile with every boundary layer. */
  'boundaries.tile': { params: { z: number; x: number; y: number }; result: ArrayBuffer };
  /** The county at a WGS84 point (gaps between source counties snap to the nearest), or null. */
  'boundaries.countyAt': { params: { lon: number; lat: number }; result: CountyDetails | null };
  /** County and city outline segments in a box, [lon1, lat1, lon2, lat2, …], for snapping in the current view. */
  'boundaries.edges': { params: { west: number; south: number; east: number; north: number; limit: number }; result: Float64Array };

  /** Read a fire-point file and analyse it; it replaces the file held only when it succeeds. Cancellable. */
  'fires.import': { params: { file: Blob; fileName: string; columns?: Partial<FireColumns>; options: FireAnalysisOptions }; result: FireImportResult };
  /** Re-run merging and clustering with new settings on the file held. */
  'fires.analyze': { params: { options: FireAnalysisOptions }; result: FireAnalysis };
  /** The original fields of one point, for the point's card. */
  'fires.record': { params: { index: number }; result: { header: string[]; fields: string[]; line: number } };
  /** CSV of points (all, or the given indices) with their attribution, as the `fires` command writes. */
  'fires.exportPoints': { params: { indices: Uint32Array | null }; result: string };
  /** CSV of every rejected row with its line, field and reason. */
  'fires.exportRejected': { params: Record<string, never>; result: string };

  /** Fetch the border lines; answers them for drawing, with their lengths by neighbour. */
  'eia.load': { params: { borderUrl: string }; result: { border: ProvincialBorder; lengthKm: Record<string, number> } };
  /** The two-sided buffer polygon at a distance (display and area queries only; verdicts never use it). */
  'eia.buffer': { params: { distanceKm: number }; result: { polygon: MultiPolygon; vertices: number; milliseconds: number } };
  /** The clause 二十七 verdict of one site. */
  'eia.verdict': { params: { site: EiaSite; thresholdKm: number; downwind?: DownwindSectorInput }; result: EiaVerdict };
  /** The first polygon of a GeoJSON, KML or Shapefile zip, as a site outline. */
  'eia.readOutline': {
    params: { file: Blob; fileName: string };
    result: { geometry: Polygon | MultiPolygon; name: string; crs: Text; polygonCount: number; rejectedCount: number };
  };
  /** Verdicts for every site of a CSV or XLSX table. Cancellable. */
  'eia.batch': { params: { file: Blob; fileName: string; system?: CoordinateSystem; epsg?: number; thresholdKm: number }; result: BatchResult };

  /** Read a layer file; it replaces the layer of that kind only when it has something usable. */
  'boilers.readLayer': { params: { kind: BoilerLayerKind; file: Blob; fileName: string; synthetic: boolean }; result: LoadedBoilerLayer };
  /** The zones the editor last sent, as the audit's zones layer (a reference inside the worker, no file round trip). */
  'boilers.useEditorZones': { params: { fileName: string }; result: LoadedBoilerLayer };
  'boilers.clearLayer': { params: { kind: BoilerLayerKind }; result: { ok: true } };
  /** Audit an inventory file, or without a file the inventory read last (after a layer or the radius changed). Cancellable. */
  'boilers.audit': { params: { file?: Blob; fileName?: string; synthetic?: boolean; serviceRadiusM: number }; result: BoilerAuditResult };
  /** One boiler, e.g. a planned one placed on the map: where it stands and its audit. */
  'boilers.check': { params: { boiler: Boiler; serviceRadiusM: number }; result: { place: BoilerPlace; audit: BoilerAudit } };

  /** Validates the editor's zones against each other and the city outlines, and keeps them as the editor's zones. */
  'zones.validate': { params: { zones: EditorZone[] }; result: ZoneReport[] };
  /** Validates zones about to be imported among the editor's zones, without keeping them. */
  'zones.validateImport': { params: { zones: EditorZone[] }; result: ZoneReport[] };
  /** A suggested repair of zone `index` for the problems of its report, or null; the zones are not changed. */
  'zones.repair': { params: { index: number; zones: ZoneInput[]; report: ZoneReport }; result: ZoneRepair | null };
  /** The boiler audit's coverage layer clipped to a city or county: a draft zone (clause 十三), or null when nothing lies there. */
  'zones.propose': { params: { region: RegionRef }; result: ZoneProposal | null };
};

/** The port through which the store reaches the analysis worker. */
export type { WorkerPort } from './protocol.ts';
