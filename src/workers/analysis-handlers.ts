import type { AnalysisApi } from './analysis-api.ts';
import { createAnalysisData, type AnalysisData } from './analysis-data.ts';
import { coveragePolygons, createBoilerHandlers, type BoilerLayerStore } from './boiler-handlers.ts';
import { createBoundaryHandlers } from './boundary-handlers.ts';
import { createEiaHandlers } from './eia-handlers.ts';
import { createFireHandlers } from './fire-handlers.ts';
import type { WorkerHandlers } from './protocol.ts';
import { createZoneHandlers, type ZoneWorkspace } from './zone-handlers.ts';

/**
 * Every handler of the analysis worker, sharing one decoded copy of the boundaries and handing each other data by
 * reference (the editor's zones to the boiler audit, the audit's coverage to zone drafts). Kept apart from the worker
 * entry so Node tests and the in-thread port call them directly.
 *
 * @param fetchText - Reads a shipped data file: `fetch` in the worker, the disk in Node.
 */
export function createAnalysisHandlers(fetchText: (url: string) => Promise<string>): WorkerHandlers<AnalysisApi> {
  return analysisHandlersOver(createAnalysisData(fetchText));
}

/**
 * The handlers over boundaries already held (tests share one decoded copy among several stand-in workers, as tabs
 * would each have their own worker).
 *
 * @param data - The boundaries and locator.
 */
export function analysisHandlersOver(data: AnalysisData): WorkerHandlers<AnalysisApi> {
  const boilerLayers: BoilerLayerStore = new Map();
  const zones: ZoneWorkspace = { editorZones: [] };
  return {
    ...createBoundaryHandlers(data),
    ...createFireHandlers(data),
    ...createEiaHandlers(data),
    ...createBoilerHandlers(data, boilerLayers, zones),
    ...createZoneHandlers(data, zones, () => coveragePolygons(boilerLayers)),
  };
}
