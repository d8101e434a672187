/// <reference lib="webworker" />
import { createEiaHandlers } from './eia-handlers.ts';
import type { EiaWorkerApi } from './eia-messages.ts';
import { serveWorker } from './worker-protocol.ts';

serveWorker<EiaWorkerApi>(
  createEiaHandlers(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  }),
);
