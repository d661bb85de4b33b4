/**
 * Long work (simulations, sweeps, what-ifs) as jobs: started by a POST, followed by polling or by
 * server-sent events with progress, cancelled by a DELETE. A few run at once; the rest wait in a
 * queue, each told its place, and past the queue's length a new job is refused with 503. Finished
 * jobs are kept a while so that their result can be fetched.
 */
import { randomUUID } from 'node:crypto';
import { HttpError } from './http-error.js';
import { LIMIT_OPTIONS } from './options.js';
import { Cancelled } from './threads.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

type Run = (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<unknown>;

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  /** Its place in the queue, 1 for the next to run, while it is queued. */
  place?: number;
  done: number;
  total: number;
  result?: unknown;
  error?: string;
  controller: AbortController;
  listeners: Set<(job: Job) => void>;
  finished: number;
  run: Run;
}

const KEEP_MS = 60 * 60 * 1000;

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;

  constructor(
    private readonly maxRunning: number,
    private readonly maxQueued: number,
  ) {}

  start(kind: string, run: Run): Job {
    this.prune();
    if (this.running >= this.maxRunning && this.queue.length >= this.maxQueued)
      throw new HttpError(
        503,
        `the server is running ${this.running} jobs and ${this.queue.length} more are waiting, its limit`,
        `wait for one to finish (GET /api/jobs/ID), or start linesight serve with a larger ${LIMIT_OPTIONS.maxQueue} or ${LIMIT_OPTIONS.maxJobs}`,
      ).with({ 'Retry-After': '30' });
    const job: Job = {
      id: randomUUID(),
      kind,
      state: 'queued',
      done: 0,
      total: 0,
      controller: new AbortController(),
      listeners: new Set(),
      finished: 0,
      run,
    };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.next();
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  cancel(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (job?.state === 'queued') {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.finish(job, 'cancelled', 'the job was cancelled before it started');
      this.renumber();
    } else if (job?.state === 'running') job.controller.abort();
    return job;
  }

  cancelAll(): void {
    for (const job of [...this.jobs.values()]) this.cancel(job.id);
  }

  private next(): void {
    while (this.running < this.maxRunning && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.running++;
      job.state = 'running';
      delete job.place;
      notify(job);
      job
        .run(job.controller.signal, (done, total) => {
          job.done = done;
          job.total = total;
          notify(job);
        })
        .then(
          (result) => {
            job.result = result;
            this.finish(job, 'done');
          },
          (error: Error) =>
            error instanceof Cancelled
              ? this.finish(job, 'cancelled', 'the job was cancelled')
              : this.finish(job, 'failed', error.message),
        )
        .finally(() => {
          this.running--;
          this.next();
        });
    }
    this.renumber();
  }

  private finish(job: Job, state: JobState, error?: string): void {
    job.state = state;
    if (error) job.error = error;
    job.finished = Date.now();
    notify(job);
  }

  /** Tells each waiting job its new place. */
  private renumber(): void {
    this.queue.forEach((job, i) => {
      if (job.place !== i + 1) {
        job.place = i + 1;
        notify(job);
      }
    });
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finished > 0 && now - job.finished > KEEP_MS) this.jobs.delete(id);
  }
}

function notify(job: Job): void {
  for (const l of job.listeners) l(job);
}

export const isOver = (job: Job) =>
  job.state === 'done' || job.state === 'failed' || job.state === 'cancelled';

export const jobView = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  state: job.state,
  ...(job.place !== undefined ? { place: job.place } : {}),
  done: job.done,
  total: job.total,
  ...(job.error ? { error: job.error } : {}),
  ...(job.state === 'done' ? { result: job.result } : {}),
});
