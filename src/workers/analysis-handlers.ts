import type { AnalysisApi } from './analysis-api.ts';
import { createAnalysisData, type AnalysisData } from './analysis-data.ts';
import { createBoundaryHandlers } from './boundary-handlers.ts';
import type { WorkerHandlers } from './protocol.ts';
import { coveragePolygons, type BoilerLayerStore, type ZoneWorkspace } from './workspace-data.ts';

type Key = keyof AnalysisApi;

/**
 * Handlers of some messages whose code loads on the first of them: the worker starts with the boundary code only, so
 * the map's tiles do not wait for the readers and analyses of the workspaces (a separate chunk each).
 */
function onFirstUse<K extends Key>(keys: readonly K[], load: () => Promise<WorkerHandlers<Pick<AnalysisApi, K>>>): WorkerHandlers<Pick<AnalysisApi, K>> {
  let loading: Promise<WorkerHandlers<Pick<AnalysisApi, K>>> | null = null;
  const handlers = {} as WorkerHandlers<Pick<AnalysisApi, K>>;
  for (const key of keys) {
    handlers[key] = (async (params: AnalysisApi[K]['params'], context: Parameters<WorkerHandlers<AnalysisApi>[K]>[1]) => {
      loading ??= load();
      const group = await loading;
      return group[key](params as never, context);
    }) as WorkerHandlers<Pick<AnalysisApi, K>>[K];
  }
  return handlers;
}

const FIRE_MESSAGES = ['fires.import', 'fires.analyze', 'fires.record', 'fires.exportPoints', 'fires.exportRejected'] as const satisfies readonly Key[];
const EIA_MESSAGES = ['eia.load', 'eia.buffer', 'eia.verdict', 'eia.readOutline', 'eia.batch'] as const satisfies readonly Key[];
const BOILER_MESSAGES = ['boilers.readLayer', 'boilers.useEditorZones', 'boilers.clearLayer', 'boilers.audit', 'boilers.check'] as const satisfies readonly Key[];
const ZONE_MESSAGES = ['zones.validate', 'zones.validateImport', 'zones.repair', 'zones.propose'] as const satisfies readonly Key[];

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
    ...onFirstUse(FIRE_MESSAGES, () => import('./fire-handlers.ts').then((m) => m.createFireHandlers(data))),
    ...onFirstUse(EIA_MESSAGES, () => import('./eia-handlers.ts').then((m) => m.createEiaHandlers(data))),
    ...onFirstUse(BOILER_MESSAGES, () => import('./boiler-handlers.ts').then((m) => m.createBoilerHandlers(data, boilerLayers, zones))),
    ...onFirstUse(ZONE_MESSAGES, () => import('./zone-handlers.ts').then((m) => m.createZoneHandlers(data, zones, () => coveragePolygons(boilerLayers)))),
  };
}
