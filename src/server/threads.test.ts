import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './options.js';
import { Cancelled, Threads } from './threads.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const DAY = 86400;

describe('job threads', () => {
  it('a job that ended well leaves its thread warm for the next job; a cancelled one ends it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-threads-'));
    cpSync(join(EXAMPLES, 'mmc.yaml'), join(dir, 'mmc.yaml'));
    const threads = new Threads({ root: dir, limits: DEFAULT_LIMITS, workers: 1 }, 1);
    const options = { timeout: 120_000, limitOption: '--job-timeout' };
    try {
      const first = await threads.dedicated('listModels', {}, options);
      expect(first.map((m) => m.name)).toEqual(['mmc.yaml']);
      await threads.dedicated('listModels', {}, options);
      expect(threads.threadsStarted).toBe(1);

      // About 5 million customers: cancelled at its first progress (or after a second).
      const controller = new AbortController();
      const backstop = setTimeout(() => controller.abort(), 1000);
      const long = threads.dedicated(
        'runJob',
        {
          kind: 'simulate',
          request: {
            name: 'mmc.yaml',
            sets: [],
            settings: { replications: 20, horizon: 100 * DAY, warmup: DAY, seed: 1 },
          },
        },
        { ...options, signal: controller.signal, onProgress: () => controller.abort() },
      );
      await expect(long).rejects.toBeInstanceOf(Cancelled);
      clearTimeout(backstop);
      // The cancelled job's thread (the warm one it took) was ended: the next job starts another.
      await threads.dedicated('listModels', {}, options);
      expect(threads.threadsStarted).toBe(2);
    } finally {
      await threads.close();
    }
  }, 120_000);

  it('a thread warmed before any request serves the first one, and warming again starts no other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-threads-'));
    cpSync(join(EXAMPLES, 'mmc.yaml'), join(dir, 'mmc.yaml'));
    const threads = new Threads({ root: dir, limits: DEFAULT_LIMITS, workers: 1 }, 2);
    try {
      threads.warm();
      threads.warm();
      expect(threads.threadsStarted).toBe(1);
      const models = await threads.run(
        'listModels',
        {},
        { timeout: 60_000, limitOption: '--request-timeout' },
      );
      expect(models.map((m) => m.name)).toEqual(['mmc.yaml']);
      expect(threads.threadsStarted).toBe(1);
    } finally {
      await threads.close();
    }
  });
});
