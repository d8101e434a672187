/// <reference lib="webworker" />
import { text, TextError, type Text } from '../core/text/text.ts';

/**
 * The request/response protocol of the analysis worker: typed by one message map `{ [type]: { params, result } }`,
 * with job ids, progress reports and cancellation by job id (the worker stays up; the job stops at its next
 * checkpoint and its caller's promise rejects with {@link CancelledError}).
 */

/** A worker's message map. */
export type WorkerApi = Record<string, { params: unknown; result: unknown }>;

export type WorkerRequest =
  | { kind: 'call'; id: number; type: string; params: unknown }
  | { kind: 'cancel'; id: number };

export type WorkerResponse =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; error: string; text?: Text; cancelled: boolean }
  | { id: number; kind: 'progress'; done: number; total: number };

/** A job stopped because its caller cancelled it; nothing it would have replaced was touched. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** True for the error a cancelled job rejects with, on either side of the worker boundary. */
export const isCancelled = (error: unknown): boolean => error instanceof CancelledError;

type ErrorResponse = Extract<WorkerResponse, { kind: 'error' }>;

/** What crosses the worker boundary of a failed job: the message, the catalogue text when there is one, and whether it was a cancel. */
function errorResponse(id: number, error: unknown): ErrorResponse {
  const text = error instanceof TextError ? error.text : undefined;
  return { id, kind: 'error', error: error instanceof Error ? error.message : String(error), ...(text ? { text } : {}), cancelled: isCancelled(error) };
}

/** The error a caller gets for a failed job: a cancel, a {@link TextError} (so the UI shows it in its language), or the message. */
function errorOfResponse(response: ErrorResponse): Error {
  if (response.cancelled) return new CancelledError();
  return response.text ? new TextError(response.text) : new Error(response.error);
}

/** What a handler may do besides returning: report progress, and let other messages in while it works. */
export interface HandlerContext {
  progress(done: number, total: number): void;
  /** Aborted when the caller cancels this job. */
  readonly signal: AbortSignal;
  /**
   * Yields to the worker's event loop when the job has run for a while (so tile requests and a cancel message get
   * through), then throws {@link CancelledError} if the job was cancelled meanwhile.
   */
  checkpoint(): Promise<void>;
}

export type WorkerHandlers<Api extends WorkerApi> = {
  [K in keyof Api]: (params: Api[K]['params'], context: HandlerContext) => Promise<Api[K]['result']> | Api[K]['result'];
};

/** How long a job may run between yields to the event loop, ms. */
const SLICE_MS = 40;

/** A context for a job run in this thread (Node tests, the in-thread port): progress goes to `onProgress`. */
export function createHandlerContext(signal: AbortSignal, onProgress: (done: number, total: number) => void = () => {}): HandlerContext {
  let sliceStart = performance.now();
  return {
    progress: onProgress,
    signal,
    async checkpoint() {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
      if (signal.aborted) throw new CancelledError();
    },
  };
}

/** ArrayBuffers of the typed arrays found in a result (two levels deep): moved, not copied, to the main thread. */
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

/** Worker side: answers calls with the handlers, one AbortController per job. */
export function serveWorker<Api extends WorkerApi>(handlers: WorkerHandlers<Api>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const jobs = new Map<number, AbortController>();
  scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
    const request = event.data;
    if (request.kind === 'cancel') {
      jobs.get(request.id)?.abort();
      return;
    }
    const { id, type, params } = request;
    const controller = new AbortController();
    jobs.set(id, controller);
    let last = 0;
    const context = createHandlerContext(controller.signal, (done, total) => {
      const now = performance.now();
      if (now - last < 50 && done < total) return; // at most 20 reports a second
      last = now;
      scope.postMessage({ id, kind: 'progress', done, total } satisfies WorkerResponse);
    });
    try {
      const handler = handlers[type as keyof Api];
      if (!handler) throw new Error(`the analysis worker has no message "${type}"`);
      const result = await handler(params as Api[keyof Api]['params'], context);
      scope.postMessage({ id, kind: 'result', result } satisfies WorkerResponse, transferables(result));
    } catch (error) {
      scope.postMessage(errorResponse(id, error) satisfies WorkerResponse);
    } finally {
      jobs.delete(id);
    }
  };
}

/** Options of one call. */
export interface CallOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting it cancels the job in the worker; the call rejects with {@link CancelledError} at once. */
  signal?: AbortSignal;
  transfer?: Transferable[];
}

/** How slices reach the analysis worker: a typed call. The browser's port posts to the worker; tests pass an in-thread one. */
export interface WorkerPort<Api extends WorkerApi> {
  call<K extends keyof Api & string>(type: K, params: Api[K]['params'], options?: CallOptions): Promise<Api[K]['result']>;
}

/** Main-thread side of a Worker: typed calls with progress and cancellation by job id. */
export function createWorkerPort<Api extends WorkerApi>(worker: Worker): WorkerPort<Api> {
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
    else waiter.reject(errorOfResponse(message));
  };
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new TextError(text('workerFailed', { detail: event.message })));
    pending.clear();
  };
  return {
    call(type, params, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const signal = options.signal;
        if (signal?.aborted) return reject(new CancelledError());
        const onAbort = () => {
          if (!pending.delete(id)) return;
          worker.postMessage({ kind: 'cancel', id } satisfies WorkerRequest);
          reject(new CancelledError());
        };
        // The listener goes when the call settles, so a long-lived signal does not gather one per call.
        const settle =
          <T,>(then: (value: T) => void) =>
          (value: T) => {
            signal?.removeEventListener('abort', onAbort);
            then(value);
          };
        pending.set(id, { resolve: settle(resolve as (value: never) => void), reject: settle(reject), onProgress: options.onProgress });
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ kind: 'call', id, type, params } satisfies WorkerRequest, options.transfer ?? []);
      });
    },
  };
}

/**
 * A port that runs the handlers in this thread, cloning params, results and errors as postMessage would (so callers
 * cannot rely on sharing objects with the worker, nor on an error's class other than TextError and CancelledError).
 * Used by the store in Node tests, in place of the worker's port.
 */
export function createInThreadPort<Api extends WorkerApi>(handlers: WorkerHandlers<Api>): WorkerPort<Api> {
  return {
    async call(type, params, options = {}) {
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      if (options.signal?.aborted) throw new CancelledError();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const context = createHandlerContext(controller.signal, options.onProgress);
      let result: unknown;
      try {
        result = await handlers[type](structuredClone(params), context);
      } catch (error) {
        // What reaches the caller is what would cross postMessage: the message and the catalogue text, not the error object.
        throw errorOfResponse(structuredClone(errorResponse(0, error)));
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
      if (options.signal?.aborted) throw new CancelledError();
      return structuredClone(result) as never;
    },
  };
}
