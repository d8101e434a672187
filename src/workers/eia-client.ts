import type { EiaWorkerApi } from './eia-messages.ts';
import { createWorkerClient, type WorkerClient } from './worker-protocol.ts';

let client: WorkerClient<EiaWorkerApi> | null = null;

/** The one EIA worker (border, buffer, verdicts, batches), started on first use; the only module that creates it. */
export function eiaClient(): WorkerClient<EiaWorkerApi> {
  client ??= createWorkerClient<EiaWorkerApi>(new Worker(new URL('./eia-worker.ts', import.meta.url), { type: 'module', name: 'eia' }), 'eia');
  return client;
}
