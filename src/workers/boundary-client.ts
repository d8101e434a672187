import type { BoundarySummary } from '../core/boundary-summary.ts';
import { dataUrl } from '../io/data-url.ts';
import type { BoundaryMessageType, BoundaryRequest, BoundaryResponse, BoundaryWorkerApi } from './boundary-messages.ts';

/** Typed calls into the boundary worker; the only place that creates it. */
export interface BoundaryClient {
  call<K extends BoundaryMessageType>(type: K, params: BoundaryWorkerApi[K]['params']): Promise<BoundaryWorkerApi[K]['result']>;
}

let client: BoundaryClient | null = null;

/** The app's one boundary worker, started on first use. */
export function boundaryClient(): BoundaryClient {
  if (client) return client;
  const worker = new Worker(new URL('./boundary-worker.ts', import.meta.url), { type: 'module', name: 'boundaries' });
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<BoundaryResponse>) => {
    const response = event.data;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) waiter.resolve(response.result as never);
    else waiter.reject(new Error(response.error));
  };
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`boundary worker failed: ${event.message}`));
    pending.clear();
  };
  client = {
    call(type, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject });
        worker.postMessage({ id, type, params } satisfies BoundaryRequest);
      });
    },
  };
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
