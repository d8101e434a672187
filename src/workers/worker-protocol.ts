/// <reference lib="webworker" />
/**
 * The one request/response protocol of every worker here: typed by a message map
 * `{ [type]: { params, result } }`, with progress reports and cancellation (by terminating the worker).
 */

/** A worker's message map. */
export type WorkerApi = Record<string, { params: unknown; result: unknown }>;

export interface WorkerRequest<Api extends WorkerApi, K extends keyof Api = keyof Api> {
  id: number;
  type: K;
  params: Api[K]['params'];
}

export type WorkerResponse =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; error: string }
  | { id: number; kind: 'progress'; done: number; total: number };

/** What a handler may do besides returning: report progress. */
export interface HandlerContext {
  progress(done: number, total: number): void;
}

export type WorkerHandlers<Api extends WorkerApi> = {
  [K in keyof Api]: (params: Api[K]['params'], context?: HandlerContext) => Promise<Api[K]['result']> | Api[K]['result'];
};

/** ArrayBuffers of the typed arrays found in a result (one level deep): moved, not copied, to the main thread. */
function transferables(result: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown) => {
    if (value instanceof ArrayBuffer) buffers.add(value);
    else if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  };
  visit(result);
  if (result && typeof result === 'object' && !ArrayBuffer.isView(result)) {
    for (const value of Object.values(result)) {
      visit(value);
      if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) for (const inner of Object.values(value)) visit(inner);
    }
  }
  return [...buffers];
}

/** Worker side: answers requests with the handlers. */
export function serveWorker<Api extends WorkerApi>(handlers: WorkerHandlers<Api>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = async (event: MessageEvent<WorkerRequest<Api>>) => {
    const { id, type, params } = event.data;
    let last = 0;
    const context: HandlerContext = {
      progress(done, total) {
        const now = performance.now();
        if (now - last < 50 && done < total) return; // at most 20 reports a second
        last = now;
        scope.postMessage({ id, kind: 'progress', done, total } satisfies WorkerResponse);
      },
    };
    try {
      const result = await handlers[type](params, context);
      scope.postMessage({ id, kind: 'result', result } satisfies WorkerResponse, transferables(result));
    } catch (error) {
      scope.postMessage({ id, kind: 'error', error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
    }
  };
}

/** Main-thread side: typed calls with optional progress; `terminate` cancels everything in flight. */
export interface WorkerClient<Api extends WorkerApi> {
  call<K extends keyof Api>(
    type: K,
    params: Api[K]['params'],
    options?: { onProgress?: (done: number, total: number) => void; transfer?: Transferable[] },
  ): Promise<Api[K]['result']>;
  /** Stops the worker; pending calls reject with "cancelled". */
  terminate(): void;
}

export function createWorkerClient<Api extends WorkerApi>(worker: Worker, name: string): WorkerClient<Api> {
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: (done: number, total: number) => void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    if (message.kind === 'progress') {
      waiter.onProgress?.(message.done, message.total);
      return;
    }
    pending.delete(message.id);
    if (message.kind === 'result') waiter.resolve(message.result as never);
    else waiter.reject(new Error(message.error));
  };
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${name} worker failed: ${event.message}`));
    pending.clear();
  };
  return {
    call(type, params, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress: options.onProgress });
        worker.postMessage({ id, type, params } satisfies WorkerRequest<Api>, options.transfer ?? []);
      });
    },
    terminate() {
      worker.terminate();
      for (const waiter of pending.values()) waiter.reject(new Error('cancelled'));
      pending.clear();
    },
  };
}
