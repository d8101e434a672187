import type { FireImportResult, FireWorkerApi } from './fire-messages.ts';
import { createWorkerClient, type WorkerClient } from './worker-protocol.ts';

const startWorker = () =>
  createWorkerClient<FireWorkerApi>(new Worker(new URL('./fire-worker.ts', import.meta.url), { type: 'module', name: 'fires' }), 'fire');

/** The worker holding the current file; the only module that creates fire workers. */
let active: WorkerClient<FireWorkerApi> | null = null;
/** A worker still importing; it replaces `active` only when its import succeeds. */
let importing: WorkerClient<FireWorkerApi> | null = null;

/**
 * Imports a file in a fresh worker. The previous file (and its worker) stays until this one succeeds,
 * so a cancelled or failed import loses nothing already loaded.
 */
export async function importFireFile(params: FireWorkerApi['import']['params'], onProgress: (done: number, total: number) => void): Promise<FireImportResult> {
  importing?.terminate();
  const worker = startWorker();
  importing = worker;
  try {
    const result = await worker.call('import', params, { onProgress });
    active?.terminate();
    active = worker;
    return result;
  } catch (error) {
    if (importing === worker) worker.terminate();
    throw error;
  } finally {
    if (importing === worker) importing = null;
  }
}

/** Stops the import in progress, if any. */
export function cancelFireImport(): void {
  importing?.terminate();
  importing = null;
}

/** The worker holding the current file, for exports, point details and re-analysis. */
export function fireClient(): WorkerClient<FireWorkerApi> {
  if (!active) throw new Error('no fire-point file is loaded');
  return active;
}
