import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    // Simulation and browser tests (and setups that import logs) do real work; on two busy cores
    // they need more than the 5 s and 10 s defaults.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest 4 runs one file fewer than there are cores: on CI's two cores that is one at a time.
    // Browser, server and CLI tests spend much of their time waiting on another process, so every
    // core gets a file.
    maxWorkers: availableParallelism(),
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
