import { analyzeFires, type FireAnalysis } from '../core/fires/analyze-fires.ts';
import type { FirePoints } from '../core/fires/fire-points.ts';
import { render, type Text } from '../core/text/text.ts';
import { FIRE_OUTPUT_COLUMNS, fireOutputRows } from '../io/formats/fire-output.ts';
import { loadFireFile } from '../io/formats/load-fire-file.ts';
import type { FireFile } from '../io/formats/read-fire-file.ts';
import { REJECTION_COLUMNS, rejectionCells } from '../io/formats/row-rejection.ts';
import { toCsv } from '../io/formats/write-csv.ts';
import type { AnalysisApi } from './analysis-api.ts';
import type { AnalysisData } from './analysis-data.ts';
import type { WorkerHandlers } from './protocol.ts';

type FireMessages = Pick<AnalysisApi, 'fires.import' | 'fires.analyze' | 'fires.record' | 'fires.exportPoints' | 'fires.exportRejected'>;

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
 * Fire messages (clause 二十一). The worker keeps the imported file (for exports and point cards) and hands the main
 * thread copies of the columns. A new import replaces the file held only when it succeeds: a cancelled or failed import
 * loses nothing already loaded.
 */
export function createFireHandlers(data: AnalysisData): WorkerHandlers<FireMessages> {
  let current: { file: FireFile; analysis: FireAnalysis } | null = null;
  const imported = () => {
    if (!current) throw new Error('no fire-point file has been imported yet');
    return current;
  };
  return {
    async 'fires.import'({ file: blob, fileName, columns, options }, context) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      await context.checkpoint();
      const file = await loadFireFile(bytes, fileName, { columns, onProgress: (done, total) => context.progress(done, total), checkpoint: () => context.checkpoint() });
      const analysis = analyzeFires(file.points, await data.locator(), options);
      await context.checkpoint(); // the last chance to cancel before the file held is replaced
      current = { file, analysis };
      // Counted by the English sentence: equal reasons are equal texts, though each row holds its own object.
      const byReason = new Map<string, [Text, number]>();
      for (const r of file.rejected) {
        const english = render(r.reason, 'en');
        const counted = byReason.get(english);
        if (counted) counted[1]++;
        else byReason.set(english, [r.reason, 1]);
      }
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
        rejectedByReason: [...byReason.values()],
      };
    },
    async 'fires.analyze'({ options }) {
      const { file } = imported();
      current = { file, analysis: analyzeFires(file.points, await data.locator(), options) };
      return copyAnalysis(current.analysis);
    },
    'fires.record'({ index }) {
      const { file } = imported();
      if (!(index >= 0 && index < file.points.count)) throw new Error(`point ${index} is out of range 0…${file.points.count - 1}`);
      const recordIndex = file.recordOfPoint[index]!;
      return { header: file.header, fields: file.record(recordIndex), line: file.lines[recordIndex]! };
    },
    async 'fires.exportPoints'({ indices }) {
      const { file, analysis } = imported();
      const boundaries = await data.boundaries();
      return toCsv([...file.header, ...FIRE_OUTPUT_COLUMNS], fireOutputRows(file, analysis, boundaries.counties.features.map((f) => f.properties), indices ?? undefined));
    },
    'fires.exportRejected'() {
      const { file } = imported();
      return toCsv(REJECTION_COLUMNS, file.rejected.map(rejectionCells));
    },
  };
}
