import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { RunTemporaryFolder } from './src/testing/run-temporary-folder.js';

const TESTS = ['src/**/*.test.ts', 'web/src/**/*.test.ts'];

/**
 * Files that need a process of their own: they mock a module (which a file before them in the
 * same worker may have loaded unmocked, and whose mock would reach the files after them), or
 * they check what a fresh process does (V8 takes a code cache only under the flags it was made
 * with, and a simulation raises one).
 */
const ISOLATED = [
  'src/fs/temporary-file.test.ts',
  'src/simulation/sweep.test.ts',
  'src/startup/code-cache.test.ts',
];

export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    // A run's temporary files in a folder of its own, removed when the run passes.
    reporters: ['default', new RunTemporaryFolder()],
    // Simulation and browser tests (and setups that import logs) do real work; on two busy cores
    // they need more than the 5 s and 10 s defaults.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest 4 runs one file fewer than there are cores: on CI's two cores that is one at a time.
    // Browser, server and CLI tests spend much of their time waiting on another process, so every
    // core gets a file.
    maxWorkers: availableParallelism(),
    // A worker runs file after file with the modules it has loaded (zod, yaml, DuckDB's client,
    // the model's schemas) instead of a new process and a new import of each per file. The
    // simulation, view, BPMN, analysis and edit tests (89 files), twice each way, alternated:
    // 209 and 222 s became 177 and 144 s, and 387 and 414 processor seconds 320 and 268. CI's
    // 220 files ran close to its 15 minutes. The setup file still runs per file.
    // The benches run in the isolated project alone, each in a process of its own (with both
    // projects' defaults, every bench ran twice).
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: TESTS,
          exclude: [...configDefaults.exclude, ...ISOLATED],
          isolate: false,
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED, benchmark: { include: ['bench/**/*.bench.ts'] } },
      },
    ],
  },
});
