import { analyzeFires, type FireAnalysis } from '../core/fires/analyze-fires.ts';
import { decodeBoundaries, type Boundaries, type BoundaryTopology } from '../core/geo/boundaries.ts';
import { createLocator, type Locator } from '../core/geo/create-locator.ts';
import type { FirePoints } from '../core/fires/fire-points.ts';
import { FIRE_OUTPUT_COLUMNS, fireOutputRows } from '../io/formats/fire-output.ts';
import { loadFireFile } from '../io/formats/load-fire-file.ts';
import type { FireFile } from '../io/formats/read-fire-file.ts';
import { toCsv } from '../io/formats/write-csv.ts';
import type { FireWorkerApi } from './fire-messages.ts';
import type { WorkerHandlers } from './worker-protocol.ts';

/** How many rejections travel with the import result; the download has them all. */
const REJECTIONS_SHOWN = 1000;

const copyPoints = (p: FirePoints): FirePoints => ({
  ...p,
  lon: p.lon.slice(), lat: p.lat.slice(), time: p.time.slice(), confidence: p.confidence.slice(), confidenceClass: p.confidenceClass.slice(),
  frp: p.frp.slice(), satellite: p.satellite.slice(), satellites: [...p.satellites], dayNight: p.dayNight.slice(),
});
const copyAnalysis = (a: FireAnalysis): FireAnalysis => ({
  county: a.county.slice(), city: a.city.slice(), beijingDay: a.beijingDay.slice(), fireId: a.fireId.slice(), clusterId: a.clusterId.slice(),
});

/**
 * The fire worker's handlers. The worker keeps the imported file (for exports and point details) and
 * hands the main thread copies of the columns. Kept apart from the worker entry so Node tests can call them.
 */
export function createFireHandlers(fetchText: (url: string) => Promise<string>): WorkerHandlers<FireWorkerApi> {
  let boundaries: Promise<{ boundaries: Boundaries; locator: Locator }> | null = null;
  let current: { file: FireFile; analysis: FireAnalysis } | null = null;
  const imported = () => {
    if (!current) throw new Error('no fire-point file has been imported yet');
    return current;
  };
  return {
    async import({ file: blob, fileName, columns, options, boundariesUrl }, context) {
      boundaries ??= fetchText(boundariesUrl).then((text) => {
        const decoded = decodeBoundaries(JSON.parse(text) as BoundaryTopology);
        return { boundaries: decoded, locator: createLocator(decoded) };
      });
      const file = await loadFireFile(new Uint8Array(await blob.arrayBuffer()), fileName, { columns, onProgress: (done, total) => context?.progress(done, total) });
      const { locator } = await boundaries;
      const analysis = analyzeFires(file.points, locator, options);
      current = { file, analysis };
      const byReason = new Map<string, number>();
      for (const r of file.rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
      return {
        fileName,
        format: file.format,
        encoding: file.encoding,
        header: file.header,
        columns: file.columns,
        timeZone: file.timeZone,
        recordCount: file.recordCount,
        points: copyPoints(file.points),
        analysis: copyAnalysis(analysis),
        rejected: file.rejected.slice(0, REJECTIONS_SHOWN),
        rejectedCount: file.rejected.length,
        rejectedByReason: [...byReason],
      };
    },
    async analyze({ options }) {
      const { file } = imported();
      const { locator } = await boundaries!;
      current = { file, analysis: analyzeFires(file.points, locator, options) };
      return copyAnalysis(current.analysis);
    },
    record({ index }) {
      const { file } = imported();
      if (!(index >= 0 && index < file.points.count)) throw new Error(`point ${index} is out of range 0…${file.points.count - 1}`);
      const recordIndex = file.recordOfPoint[index]!;
      return { header: file.header, fields: file.record(recordIndex), line: file.lines[recordIndex]! };
    },
    async exportPoints({ indices }) {
      const { file, analysis } = imported();
      const { boundaries: b } = await boundaries!;
      return toCsv([...file.header, ...FIRE_OUTPUT_COLUMNS], fireOutputRows(file, analysis, b.counties.features.map((f) => f.properties), indices ?? undefined));
    },
    exportRejected() {
      const { file } = imported();
      return toCsv(['row', 'field', 'reason', 'value'], file.rejected.map((r) => [String(r.row), r.field, r.reason, r.value]));
    },
  };
}
