/**
 * Runs models' replications by number, in this thread or on worker threads that live for the whole
 * simulation (a precision rule asks for replications batch by batch, for a what-if's every model;
 * each worker compiles the models once). Replication r draws from its own seed whichever thread runs it, so the results,
 * gathered by number, are the same for any number of workers.
 */
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/model.js';
import type { CompiledModel } from './compile.js';
import { type RunOptions, type RunResult, runReplication } from './run.js';

export class SimulationCancelled extends Error {
  constructor() {
    super('the simulation was cancelled');
  }
}

type Settings = Omit<RunOptions, 'replication' | 'trace'>;

interface Batch {
  results: RunResult[];
  from: number;
  left: number;
  onEach: () => void;
  resolve: (results: RunResult[]) => void;
  reject: (error: unknown) => void;
}

export class Replicator {
  private workers: Worker[] = [];
  private batch: Batch | undefined;
  private cancelled = false;

  constructor(
    private readonly models: Model[],
    private readonly compiled: CompiledModel[],
    private readonly settings: Settings,
    private readonly threads: number,
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener(
      'abort',
      () => {
        this.cancelled = true;
        this.close();
        this.batch?.reject(new SimulationCancelled());
      },
      { once: true },
    );
  }

  /** Model m's replications from..to-1, in the order of their numbers; `onEach` as each one ends. */
  async run(m: number, from: number, to: number, onEach: () => void): Promise<RunResult[]> {
    if (this.signal?.aborted || this.cancelled) throw new SimulationCancelled();
    if (to <= from) return [];
    return this.threads === 1 ? this.here(m, from, to, onEach) : this.onWorkers(m, from, to, onEach);
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
    this.workers = [];
  }

  private async here(m: number, from: number, to: number, onEach: () => void): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (let r = from; r < to; r++) {
      results.push(runReplication(this.compiled[m] as CompiledModel, { ...this.settings, replication: r }));
      onEach();
      // Between replications, let the event loop run so that a cancel can arrive.
      if (this.signal) await new Promise((resolve) => setImmediate(resolve));
      if (this.signal?.aborted) throw new SimulationCancelled();
    }
    return results;
  }

  private onWorkers(m: number, from: number, to: number, onEach: () => void): Promise<RunResult[]> {
    if (this.workers.length === 0) this.workers = Array.from({ length: this.threads }, () => this.start());
    return new Promise((resolve, reject) => {
      this.batch = { results: new Array(to - from), from, left: to - from, onEach, resolve, reject };
      const count = this.workers.length;
      this.workers.forEach((worker, w) => {
        const replications: number[] = [];
        for (let r = from; r < to; r++) if (r % count === w) replications.push(r);
        if (replications.length > 0) worker.postMessage({ model: m, replications });
      });
    });
  }

  private start(): Worker {
    // Under the TypeScript sources (tests, tsx) the worker is a .ts file and needs tsx's loader.
    const fromSources = import.meta.url.endsWith('.ts');
    const url = new URL(fromSources ? './worker.ts' : './worker.js', import.meta.url);
    const worker = fromSources
      ? new Worker(
          // tsx resolved from here, not from the working folder, which may be anywhere.
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`,
          { eval: true },
        )
      : new Worker(url);
    worker.on('message', (message: { replication: number; result: RunResult }) => {
      const batch = this.batch;
      if (!batch) return;
      batch.results[message.replication - batch.from] = message.result;
      batch.onEach();
      if (--batch.left === 0) {
        this.batch = undefined;
        batch.resolve(batch.results);
      }
    });
    worker.on('error', (error) => {
      this.close();
      this.batch?.reject(error);
    });
    worker.postMessage({ models: this.models, settings: this.settings });
    return worker;
  }
}
