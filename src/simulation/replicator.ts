/**
 * Runs models' replications by number: in this thread, and with more than one thread on worker
 * threads beside it that live for the whole simulation (a precision rule asks for replications
 * batch by batch, for a what-if's every model; each worker compiles the models once) and wait,
 * warm, for the next one after it (worker-pool.ts). This thread takes a share too: it is warm and
 * its models compiled, while a new worker spends its first tenth of a second starting and
 * compiling its code, which cost two threads a tenth of their gain on a run of a million
 * customers. Replication r draws from its own seed whichever thread runs it, so the results,
 * gathered by number, are the same for any number of threads.
 */
import type { Worker } from 'node:worker_threads';
import type { Model } from '../model/model.js';
import type { CompiledModel } from './compile.js';
import { rehearse } from './rehearsal.js';
import { runReplication } from './replication.js';
import type { RunOptions, RunResult } from './run.js';
import { giveBackWorkers, takeWorkers } from './worker-pool.js';

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
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Replicator {
  private workers: Worker[] = [];
  private batch: Batch | undefined;
  private cancelled = false;
  private failed = false;
  /** Models this thread has rehearsed (rehearsal.ts), before its first replication of each. */
  private readonly rehearsed = new Set<number>();

  constructor(
    private readonly models: Model[],
    private readonly compiled: CompiledModel[],
    private readonly settings: Settings,
    private readonly threads: number,
    /** Whether this thread rehearses each model first (rehearsal.ts, `rehearses`). */
    private readonly rehearsing: boolean,
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
    if (this.threads === 1) return this.here(m, numbers(from, to), onEach);
    if (this.workers.length === 0) this.workers = this.start(this.threads - 1);
    // Replication r goes to thread r mod threads: 0 is this one, the others the workers.
    const share = (t: number) => numbers(from, to).filter((r) => r % this.threads === t);
    const own = share(0);
    const results: RunResult[] = new Array(to - from);
    const theirs = new Promise<void>((resolve, reject) => {
      const left = to - from - own.length;
      if (left === 0) resolve();
      else this.batch = { results, from, left, onEach, resolve, reject };
    });
    // Handled now, so that a worker's failure while this thread runs its share is not an
    // unhandled rejection; awaited below all the same.
    theirs.catch(() => undefined);
    this.workers.forEach((worker, w) => {
      const replications = share(w + 1);
      if (replications.length > 0) worker.postMessage({ model: m, replications });
    });
    const mine = await this.here(m, own, onEach);
    mine.forEach((result, k) => {
      results[(own[k] as number) - from] = result;
    });
    await theirs;
    return results;
  }

  /**
   * Ends the simulation's use of its workers: after a whole simulation they wait for the next one
   * (worker-pool.ts); after a failure or a cancel, or with replications still out, they end.
   */
  close(): void {
    const workers = this.workers;
    this.workers = [];
    for (const worker of workers) {
      worker.off('message', this.onMessage);
      worker.off('error', this.onError);
    }
    if (this.cancelled || this.failed || this.batch) for (const worker of workers) void worker.terminate();
    else giveBackWorkers(workers);
  }

  /** The replications numbered, in this thread, letting the event loop run between them (a cancel, the workers' results). */
  private async here(m: number, replications: number[], onEach: () => void): Promise<RunResult[]> {
    const results: RunResult[] = [];
    if (this.rehearsing && replications.length > 0 && !this.rehearsed.has(m)) {
      this.rehearsed.add(m);
      rehearse(this.compiled[m] as CompiledModel);
    }
    for (const r of replications) {
      results.push(runReplication(this.compiled[m] as CompiledModel, { ...this.settings, replication: r }));
      onEach();
      if (this.signal || this.workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
      if (this.signal?.aborted || this.cancelled) throw new SimulationCancelled();
    }
    return results;
  }

  /** `count` workers, told this simulation's models and settings. */
  private start(count: number): Worker[] {
    const workers = takeWorkers(count);
    for (const worker of workers) {
      worker.on('message', this.onMessage);
      worker.on('error', this.onError);
      worker.postMessage({ models: this.models, settings: this.settings });
    }
    return workers;
  }

  private readonly onMessage = (message: { replication: number; result: RunResult }) => {
    const batch = this.batch;
    if (!batch) return;
    batch.results[message.replication - batch.from] = message.result;
    batch.onEach();
    if (--batch.left === 0) {
      this.batch = undefined;
      batch.resolve();
    }
  };

  private readonly onError = (error: unknown) => {
    this.failed = true;
    const batch = this.batch;
    this.close();
    batch?.reject(error);
  };
}

const numbers = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
