import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    // Simulation and browser tests do real work; on two busy cores they need more than the 5 s default.
    testTimeout: 120_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
