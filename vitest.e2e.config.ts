import { defineConfig } from 'vitest/config';

// Browser tests: one worker, long timeouts (SwiftShader renders WebGL on the CPU).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
