import type { AnalysisApi } from '../workers/analysis-api.ts';
import type { WorkerPort } from '../workers/protocol.ts';

/**
 * What the store needs from outside this thread: the analysis worker and the app's shipped data. The browser passes the
 * worker's port and fetch (browser-ports.ts); tests pass the real handlers in this thread and files from disk.
 */
export interface AppPorts {
  analysis: WorkerPort<AnalysisApi>;
  /** URL of a shipped data file (public/data) as the worker fetches it. */
  dataUrl(file: string): string;
  /** A shipped data file (a sample) as a Blob. */
  fetchData(file: string): Promise<Blob>;
}
