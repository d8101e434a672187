import { text, TextError } from '../core/text/text.ts';
import { dataUrl } from '../io/data-url.ts';
import { startAnalysisWorker } from '../workers/analysis-client.ts';
import type { AppPorts } from './ports.ts';

/** The browser's ports: the one analysis worker, and the shipped data fetched from the app's own server. */
export function browserPorts(): AppPorts {
  return {
    analysis: startAnalysisWorker(),
    dataUrl,
    async fetchData(file) {
      const response = await fetch(dataUrl(file));
      if (!response.ok) throw new TextError(text('dataFileFailed', { file, status: response.status }));
      return response.blob();
    },
  };
}
