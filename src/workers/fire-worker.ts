/// <reference lib="webworker" />
import type { FireWorkerApi } from './fire-messages.ts';
import { createFireHandlers } from './fire-handlers.ts';
import { serveWorker } from './worker-protocol.ts';

serveWorker<FireWorkerApi>(
  createFireHandlers(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  }),
);
