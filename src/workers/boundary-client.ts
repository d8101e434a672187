import type { BoundarySummary } from '../core/geo/boundary-summary.ts';
import { dataUrl } from '../io/data-url.ts';
import type { BoundaryWorkerApi } from './boundary-messages.ts';
import { createWorkerClient, type WorkerClient } from './worker-protocol.ts';

let client: WorkerClient<BoundaryWorkerApi> | null = null;

/** The app's one boundary worker, started on first use; the only place that creates it. */
export function boundaryClient(): WorkerClient<BoundaryWorkerApi> {
  client ??= createWorkerClient<BoundaryWorkerApi>(new Worker(new URL('./boundary-worker.ts', import.meta.url), { type: 'module', name: 'boundaries' }), 'boundary');
  return client;
}

let summary: Promise<BoundarySummary> | null = null;

/**
 * Starts the worker fetching, decoding and tiling the shipped boundaries, once; later calls share the answer.
 * The entry module calls it before the UI bundle loads so the two overlap.
 */
export function loadBoundaries(): Promise<BoundarySummary> {
  summary ??= boundaryClient().call('load', { url: dataUrl('boundaries.topo.json') });
  return summary;
}
