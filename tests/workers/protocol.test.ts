import { describe, expect, it } from 'vitest';
import { render, text, TextError } from '../../src/core/text/text.ts';
import { CancelledError, createInThreadPort, type WorkerHandlers } from '../../src/workers/protocol.ts';

type TestApi = {
  'echo.list': { params: { items: number[] }; result: { items: number[] } };
  'fail.text': { params: Record<string, never>; result: void };
  'fail.other': { params: Record<string, never>; result: void };
  'wait.cancel': { params: Record<string, never>; result: void };
};

class ReaderQuirk extends Error {
  readonly extra = 42;
}

const kept: number[][] = [];
let stepsAfterCancel = 0;
const handlers: WorkerHandlers<TestApi> = {
  'echo.list': async ({ items }) => {
    kept.push(items);
    return { items };
  },
  'fail.text': async () => {
    throw new TextError(text('zoneImportNothing', { file: '区域.kml' }));
  },
  'fail.other': async () => {
    throw new ReaderQuirk('a quirk');
  },
  'wait.cancel': async (_params, context) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await context.checkpoint(); // throws CancelledError once the caller has cancelled
    stepsAfterCancel++;
  },
};

describe('the in-thread port behaves as the worker boundary does', () => {
  it('clones params and results, so neither side shares an object with the other', async () => {
    const port = createInThreadPort(handlers);
    const params = { items: [1, 2] };
    const result = await port.call('echo.list', params);
    params.items.push(3);
    result.items.push(4);
    expect(kept.at(-1)).toEqual([1, 2]);
  });

  it('hands a catalogue text across, so the UI can show the error in Chinese', async () => {
    const error = await createInThreadPort(handlers).call('fail.text', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TextError);
    expect((error as TextError).message).toBe('区域.kml: no polygon to import');
    expect(render((error as TextError).text, 'zh')).toBe('区域.kml：没有可导入的面要素');
  });

  it('hands any other error across as its message only, as postMessage would', async () => {
    const error = await createInThreadPort(handlers).call('fail.other', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ReaderQuirk);
    expect((error as Error).message).toBe('a quirk');
  });

  it('rejects a cancelled call with CancelledError, and the job stops at its next checkpoint', async () => {
    const controller = new AbortController();
    const call = createInThreadPort(handlers).call('wait.cancel', {}, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    expect(stepsAfterCancel).toBe(0);
  });
});
