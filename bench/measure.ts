/** Minimum and median of repeated timings, the way every benchmark here reports them. */
export interface Timing {
  min: number;
  median: number;
  runs: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, runs: sorted.length };
}

/** Runs `fn` once to warm up, then `runs` times; returns milliseconds per run. */
export function time(fn: () => unknown, runs: number, sink: { value: unknown }): Timing {
  sink.value = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink.value = fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** One reported figure; `--json` prints a list of these. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}
