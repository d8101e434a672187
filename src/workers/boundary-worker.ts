/// <reference lib="webworker" />
import type { BoundaryRequest, BoundaryResponse, BoundaryWorkerApi } from './boundary-messages.ts';
import { createBoundaryHandlers } from './boundary-handlers.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handlers = createBoundaryHandlers(async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}; is public/data/boundaries.topo.json in the build?`);
  return response.text();
});

scope.onmessage = async (event: MessageEvent<BoundaryRequest>) => {
  const { id, type, params } = event.data;
  try {
    const handler = handlers[type] as (p: typeof params) => Promise<BoundaryWorkerApi[typeof type]['result']>;
    const result = await handler(params);
    const transfer = result instanceof ArrayBuffer ? [result] : [];
    scope.postMessage({ id, ok: true, result } satisfies BoundaryResponse, transfer);
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies BoundaryResponse);
  }
};
