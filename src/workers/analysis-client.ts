import type { AnalysisApi } from './analysis-api.ts';
import { createWorkerPort, type WorkerPort } from './protocol.ts';

/** Starts the app's one analysis worker and answers its port; the only place a Worker is created. */
export function startAnalysisWorker(): WorkerPort<AnalysisApi> {
  return createWorkerPort<AnalysisApi>(new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'analysis' }));
}
