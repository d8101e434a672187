/// <reference lib="webworker" />
import type { AnalysisApi } from './analysis-api.ts';
import { createAnalysisHandlers } from './analysis-handlers.ts';
import { serveWorker } from './protocol.ts';

serveWorker<AnalysisApi>(
  createAnalysisHandlers(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}; is it in the build (public/data)?`);
    return response.text();
  }),
);
