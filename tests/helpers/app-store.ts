import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';
import { createAppStore, type AppState, type AppStore } from '../../src/state/app-store.ts';
import type { AppPorts } from '../../src/state/ports.ts';
import { openWorkspaceDatabase } from '../../src/io/persistence/workspace-database.ts';
import type { AnalysisApi } from '../../src/workers/analysis-api.ts';
import { createAnalysisData, type AnalysisData } from '../../src/workers/analysis-data.ts';
import { analysisHandlersOver } from '../../src/workers/analysis-handlers.ts';
import { createInThreadPort, type WorkerPort } from '../../src/workers/protocol.ts';

/** Where the shipped data lies in the repository (the worker fetches the same files). */
export const dataFile = (file: string): string => `public/data/${file}`;

let shared: AnalysisData | null = null;

/** One decoded copy of the boundaries for the whole test file: decoding takes seconds, every stand-in worker shares it. */
export function sharedAnalysisData(): AnalysisData {
  if (!shared) {
    shared = createAnalysisData(async (url) => readFileSync(url, 'utf8'));
    void shared.loadBoundaries(dataFile('boundaries.topo.json')); // the app's entry asks for them first thing
  }
  return shared;
}

/**
 * A stand-in for the app's analysis worker: its real handlers answering in this thread, params and results cloned as
 * postMessage would. Each call gives a worker of its own (as each tab has), over the shared boundaries.
 */
export function inThreadAnalysis(): WorkerPort<AnalysisApi> {
  return createInThreadPort(analysisHandlersOver(sharedAnalysisData()));
}

/** The ports a test store uses: the in-thread worker and the repository's data files. */
export function testPorts(analysis: WorkerPort<AnalysisApi> = inThreadAnalysis()): AppPorts {
  return {
    analysis,
    dataUrl: dataFile,
    fetchData: async (file) => new Blob([readFileSync(dataFile(file))]),
  };
}

/**
 * The store the app builds, over the in-thread worker and the IndexedDB that `globalThis.indexedDB` is at the time
 * (tests stub it with fake-indexeddb), without localStorage settings. A second store on the same IndexedDB is a reload.
 */
export function createTestStore(ports: AppPorts = testPorts()): AppStore {
  return createAppStore(ports, { openDatabase: () => openWorkspaceDatabase({ factory: globalThis.indexedDB }) });
}

/** Resolves once `test` holds for the store's state; rejects after `timeoutMs`, naming what was waited for. */
export function waitForState(store: AppStore, test: (state: AppState) => boolean, what: string, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; zoneSave is ${JSON.stringify(store.getState().zoneSave)}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/**
 * Gives each test of the calling file its own empty IndexedDB (fake-indexeddb) as the browser default, which the store
 * opens; call it at the top of a test file.
 *
 * @returns The current test's IndexedDB, for opening a connection of the test's own or putting it back after a stub.
 */
export function freshIndexedDbPerTest(): () => IDBFactory {
  let factory: IDBFactory;
  beforeEach(() => {
    factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return () => factory;
}
