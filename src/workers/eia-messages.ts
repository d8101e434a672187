import type { MultiPolygon, Polygon } from 'geojson';
import type { DownwindSectorInput, EiaSite, EiaVerdict } from '../core/eia/eia-verdict.ts';
import type { ProvincialBorder } from '../core/eia/provincial-border.ts';
import type { JudgedRecord } from '../io/formats/judge-sites-table.ts';
import type { CoordinateSystem } from '../io/formats/parse-site-location.ts';

/** One row of a batch check (see judgeSitesTable). */
export type BatchSite = JudgedRecord;

/** A batch check: every input row in file order with its verdict, and the export table (input columns + verdict columns). */
export interface BatchResult {
  fileName: string;
  sites: BatchSite[];
  header: string[];
  rows: string[][];
  rejectedCount: number;
  withinCount: number;
  milliseconds: number;
}

/** Every message the EIA worker answers. */
export type EiaWorkerApi = {
  /** Fetch the border lines and the boundaries; answers the lines for drawing. */
  load: { params: { borderUrl: string; boundariesUrl: string }; result: { border: ProvincialBorder; lengthKm: Record<string, number> } };
  /** The two-sided buffer polygon at a distance (display and area queries only; verdicts never use it). */
  buffer: { params: { distanceKm: number }; result: { polygon: MultiPolygon; vertices: number; milliseconds: number } };
  /** The clause 二十七 verdict of one site. */
  verdict: { params: { site: EiaSite; thresholdKm: number; downwind?: DownwindSectorInput }; result: EiaVerdict };
  /** The first polygon of a GeoJSON, KML or Shapefile zip, as a site outline. */
  readOutline: {
    params: { file: Blob; fileName: string };
    result: { geometry: Polygon | MultiPolygon; name: string; crs: string; polygonCount: number; rejectedCount: number };
  };
  /** Verdicts for every site of a CSV or XLSX table. */
  batch: { params: { file: Blob; fileName: string; system?: CoordinateSystem; epsg?: number; thresholdKm: number }; result: BatchResult };
};
