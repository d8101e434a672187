/// <reference lib="webworker" />
import { createBoilerHandlers } from './boiler-handlers.ts';
import type { BoilerWorkerApi } from './boiler-messages.ts';
import { serveWorker } from './worker-protocol.ts';

serveWorker<BoilerWorkerApi>(
  createBoilerHandlers(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  }),
);
