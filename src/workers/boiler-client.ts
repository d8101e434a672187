import type { BoilerWorkerApi } from './boiler-messages.ts';
import { createWorkerClient, type WorkerClient } from './worker-protocol.ts';

let client: WorkerClient<BoilerWorkerApi> | null = null;

/** The one boiler-audit worker, started on first use; the only module that creates it. */
export function boilerClient(): WorkerClient<BoilerWorkerApi> {
  client ??= createWorkerClient<BoilerWorkerApi>(new Worker(new URL('./boiler-worker.ts', import.meta.url), { type: 'module', name: 'boilers' }), 'boilers');
  return client;
}
