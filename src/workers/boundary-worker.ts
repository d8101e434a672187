/// <reference lib="webworker" />
import type { BoundaryWorkerApi } from './boundary-messages.ts';
import { createBoundaryHandlers } from './boundary-handlers.ts';
import { serveWorker } from './worker-protocol.ts';

serveWorker<BoundaryWorkerApi>(
  createBoundaryHandlers(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}; is public/data/boundaries.topo.json in the build?`);
    return response.text();
  }),
);
