import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { EXAMPLES } from '../testing/example-models.js';
import { SimulationCancelled, simulate } from './index.js';
import { endIdleWorkers, idleWorkerCount } from './worker-pool.js';

const DAY = 86400;
const example = (name: string, scenario?: string) =>
  load(join(EXAMPLES, name), scenario ? { scenario } : {}).model as Model;
const options = { replications: 6, horizon: 5 * DAY, warmup: DAY, seed: 11 };

afterEach(() => endIdleWorkers());

describe('worker threads kept between simulations', () => {
  it('serve the next simulation warm, another model, with the answers of fresh threads', async () => {
    endIdleWorkers();
    await simulate(example('mmc.yaml'), { ...options, workers: 3 });
    expect(idleWorkerCount()).toBe(2);
    const model = example('order-departments.yaml', 'account-executives');
    const reused = await simulate(model, { ...options, workers: 3 });
    // The same two threads again: none started beside them, none left behind.
    expect(idleWorkerCount()).toBe(2);
    const alone = await simulate(model, { ...options, workers: 1 });
    expect(JSON.stringify(reused)).toBe(JSON.stringify(alone));
  });

  it('end when their simulation is cancelled, rather than wait for the next one', async () => {
    endIdleWorkers();
    const controller = new AbortController();
    const run = simulate(example('order-departments.yaml'), {
      replications: 40,
      horizon: 60 * DAY,
      warmup: DAY,
      seed: 3,
      workers: 2,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    expect(idleWorkerCount()).toBe(0);
  });

  it('do not keep a script that simulated from ending', async () => {
    const index = fileURLToPath(new URL('./index.ts', import.meta.url));
    const script = `const { simulate } = await import(${JSON.stringify(index)});
      const { load } = await import(${JSON.stringify(fileURLToPath(new URL('../model/load.ts', import.meta.url)))});
      const model = load(${JSON.stringify(join(EXAMPLES, 'mmc.yaml'))}).model;
      const r = await simulate(model, { replications: 4, horizon: 3 * 86400, warmup: 86400, seed: 1, workers: 2 });
      console.log(r.work.customers > 0 ? 'simulated' : 'nothing');`;
    const started = performance.now();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
      });
      // Ended by hand past the threads' idle time: the test then fails on the time, not by hanging.
      const kill = setTimeout(() => child.kill(), 40_000);
      child.on('close', (exit) => {
        clearTimeout(kill);
        resolve({ code: exit, stdout: out });
      });
    });
    expect(stdout.trim()).toBe('simulated');
    expect(code).toBe(0);
    // The threads wait 30 s unused before they end; the script must not have waited for them.
    expect(performance.now() - started).toBeLessThan(25_000);
  }, 60_000);
});
