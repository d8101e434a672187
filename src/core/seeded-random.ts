/**
 * Mulberry32: a small seeded PRNG, so synthetic data, property tests and benchmarks draw the same
 * numbers on every run.
 *
 * @param seed - Any 32-bit integer.
 * @returns A function giving numbers in [0, 1).
 * @example
 * const random = seededRandom(42);
 * random(); // always the same first number
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
