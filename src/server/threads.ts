/**
 * Heavy work off the event loop: model loading and validation, analysis, diagrams, BPMN and
 * simulation run in worker threads, so that one request never holds up another (GET /api/health
 * answers at once while a model of a thousand steps is analysed). Each run has a time limit: past
 * it the thread is terminated and the request answered 503, naming the limit and its option.
 *
 * Requests share a few warm threads (starting one costs the module graph's import); a job gets a
 * thread of its own for as long as it runs, ended when the job is cancelled, fails or runs out of
 * time. A job that ends well leaves its thread warm for the next job (for a while): its import
 * done, its simulation workers started and their code optimized, so that a what-if after a
 * what-if answers in the time of its simulation.
 */
import { Worker } from 'node:worker_threads';
import { HttpError } from './http-error.js';
import type { Limits } from './options.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks/index.js';
import { tookTooLong } from './took-too-long.js';

/** What a thread is told when it starts. */
export interface ThreadData {
  root: string;
  limits: Limits;
  /** Worker threads for each simulation. */
  workers: number;
}

type Reply =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; value: unknown }
  | { type: 'error'; status: number; message: string; hint?: string; details?: unknown }
  | { type: 'bug'; message: string };

export interface RunOptions {
  /** Milliseconds; past them the thread is terminated. */
  timeout: number;
  /** How the limit is named in the refusal: "--request-timeout". */
  limitOption: string;
  onProgress?: (done: number, total: number) => void;
  /** Ends the run: its thread is terminated and the promise rejects with `Cancelled`. */
  signal?: AbortSignal;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Large models and logs fit; a runaway allocation ends the thread, not the server. */
const HEAP_MB = 4096;
/** Job threads kept warm after their jobs, and how long each waits for the next job before it ends. */
const IDLE_JOB_THREADS = 2;
const JOB_THREAD_IDLE_MS = 60_000;

/** A new thread, and when it has loaded its code (under tsx that takes seconds, not counted as work). */
function spawn(data: ThreadData): { worker: Worker; ready: Promise<void> } {
  // Under the TypeScript sources (tests, tsx) the thread is a .ts file and needs tsx's loader.
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './thread.ts' : './thread.js', import.meta.url);
  const options = { workerData: data, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } };
  const worker = fromSources
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`,
        { ...options, eval: true },
      )
    : new Worker(url, options);
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: Reply) => {
      if (m.type !== 'ready') return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  // A thread that fails to start is reported by the run that waits for it.
  ready.catch(() => {});
  return { worker, ready };
}

/**
 * Runs one task on one thread. A refusal (an HttpError the task threw) is an answer like a result,
 * and leaves the thread fit to reuse; a timeout, a cancel or a crash ends the thread.
 */
function runOn<N extends TaskName>(
  worker: Worker,
  task: N,
  input: TaskInput<N>,
  options: RunOptions,
): Promise<{ value: TaskOutput<N> } | { refusal: HttpError }> {
  return new Promise((resolve, reject) => {
    const stop = (error: Error) => {
      cleanup();
      void worker.terminate();
      reject(error);
    };
    const timer = setTimeout(() => stop(tookTooLong(options.timeout, options.limitOption)), options.timeout);
    const onAbort = () => stop(new Cancelled());
    const onMessage = (reply: Reply) => {
      if (reply.type === 'ready') return;
      if (reply.type === 'progress') return options.onProgress?.(reply.done, reply.total);
      cleanup();
      if (reply.type === 'result') resolve({ value: reply.value as TaskOutput<N> });
      else if (reply.type === 'error')
        resolve({ refusal: new HttpError(reply.status, reply.message, reply.hint, reply.details) });
      else reject(new Error(reply.message));
    };
    const onError = (error: Error & { code?: string }) => {
      cleanup();
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new HttpError(
              503,
              `the work needed more than ${HEAP_MB} MiB of memory and was stopped`,
              'make the request smaller (fewer steps, replications or days)',
            )
          : error,
      );
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a worker thread exited with code ${code}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    if (options.signal?.aborted) return stop(new Cancelled());
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ task, input });
  });
}

const answer = <T>(outcome: { value: T } | { refusal: HttpError }): T => {
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.value;
};

export class Threads {
  private readonly idle: Worker[] = [];
  /** Threads whose jobs ended well, each with the timer that ends it unused. */
  private readonly idleJobs = new Map<Worker, NodeJS.Timeout>();
  private readonly started = new WeakMap<Worker, Promise<void>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly all = new Set<Worker>();
  private closed = false;
  private starts = 0;

  constructor(
    private readonly data: ThreadData,
    /** Threads shared by requests. */
    private readonly size: number,
    /** Requests that may wait for a thread; past that, 503. */
    private readonly queue = 100,
  ) {}

  /** Threads started so far: each imported the module graph and warmed its code anew. */
  get threadsStarted(): number {
    return this.starts;
  }

  /** A request's work, on a shared thread. */
  async run<N extends TaskName>(task: N, input: TaskInput<N>, options: RunOptions): Promise<TaskOutput<N>> {
    if (this.running >= this.size) {
      if (this.waiting.length >= this.queue)
        throw new HttpError(503, 'the server is busy with other requests', 'try again in a moment');
      await new Promise<void>((go) => this.waiting.push(go));
    }
    this.running++;
    const worker = this.idle.pop() ?? this.start();
    try {
      const outcome = await this.ready(worker)
        .then(() => runOn(worker, task, input, options))
        .catch((error: unknown) => {
          // A thread that failed or was stopped may hold anything: it is not reused.
          this.end(worker);
          throw error;
        });
      if (!this.closed) this.idle.push(worker);
      return answer(outcome);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** A job's work, on a thread of its own while it runs. */
  async dedicated<N extends TaskName>(
    task: N,
    input: TaskInput<N>,
    options: RunOptions,
  ): Promise<TaskOutput<N>> {
    const worker = this.idleJob() ?? this.start();
    let fit = false;
    try {
      await this.ready(worker);
      const outcome = await runOn(worker, task, input, options);
      // A result or a refusal leaves the thread fit for another job, as for requests.
      fit = true;
      return answer(outcome);
    } finally {
      if (fit && !this.closed && this.idleJobs.size < IDLE_JOB_THREADS) this.keepForJobs(worker);
      else this.end(worker);
    }
  }

  /** A shared thread started now, before any request needs it; none when one is idle already. */
  warm(): void {
    if (!this.closed && this.idle.length === 0) this.idle.push(this.start());
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.idleJobs.values()) clearTimeout(timer);
    this.idleJobs.clear();
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private start(): Worker {
    if (this.closed) throw new HttpError(503, 'the server is shutting down', 'try again when it is back');
    const { worker, ready } = spawn(this.data);
    this.starts++;
    this.started.set(worker, ready);
    this.all.add(worker);
    // A thread that dies between tasks is simply replaced, not given the next one to hang on.
    worker.on('error', () => this.end(worker));
    worker.on('exit', () => this.end(worker));
    worker.unref();
    return worker;
  }

  private ready(worker: Worker): Promise<void> {
    return this.started.get(worker) ?? Promise.resolve();
  }

  /** A thread a job left warm, taken for the next job. */
  private idleJob(): Worker | undefined {
    const [worker] = this.idleJobs.keys();
    if (worker === undefined) return undefined;
    clearTimeout(this.idleJobs.get(worker));
    this.idleJobs.delete(worker);
    return worker;
  }

  private keepForJobs(worker: Worker): void {
    const timer = setTimeout(() => this.end(worker), JOB_THREAD_IDLE_MS);
    timer.unref();
    this.idleJobs.set(worker, timer);
  }

  private end(worker: Worker): void {
    clearTimeout(this.idleJobs.get(worker));
    this.idleJobs.delete(worker);
    this.all.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    void worker.terminate();
  }
}
