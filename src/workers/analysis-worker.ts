/// <reference lib="webworker" />
import { text, TextError } from '../core/text/text.ts';
import type { AnalysisApi } from './analysis-api.ts';
import { createAnalysisHandlers } from './analysis-handlers.ts';
import { serveWorker } from './protocol.ts';

serveWorker<AnalysisApi>(
  createAnalysisHandlers(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new TextError(text('dataFileFailed', { file: url, status: response.status }));
    return response.text();
  }),
);
