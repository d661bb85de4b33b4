/**
 * Long work (simulations, what-ifs) as jobs: started by a POST, followed by polling or by
 * server-sent events with progress, cancelled by a DELETE. Finished jobs are kept a while so that
 * their result can be fetched.
 */
import { randomUUID } from 'node:crypto';
import { SimulationCancelled } from '../simulation/index.js';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  result?: unknown;
  error?: string;
  controller: AbortController;
  listeners: Set<(job: Job) => void>;
  finished: number;
}

const KEEP_MS = 60 * 60 * 1000;

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  start(
    kind: string,
    run: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<unknown>,
  ): Job {
    this.prune();
    const job: Job = {
      id: randomUUID(),
      kind,
      state: 'running',
      done: 0,
      total: 0,
      controller: new AbortController(),
      listeners: new Set(),
      finished: 0,
    };
    this.jobs.set(job.id, job);
    const notify = () => {
      for (const l of job.listeners) l(job);
    };
    run(job.controller.signal, (done, total) => {
      job.done = done;
      job.total = total;
      notify();
    })
      .then((result) => {
        job.state = 'done';
        job.result = result;
      })
      .catch((error: Error) => {
        job.state = error instanceof SimulationCancelled ? 'cancelled' : 'failed';
        job.error = error.message;
      })
      .finally(() => {
        job.finished = Date.now();
        notify();
      });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  cancel(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (job?.state === 'running') job.controller.abort();
    return job;
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') job.controller.abort();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.state !== 'running' && now - job.finished > KEEP_MS) this.jobs.delete(id);
  }
}

export const jobView = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  state: job.state,
  done: job.done,
  total: job.total,
  ...(job.error ? { error: job.error } : {}),
  ...(job.state === 'done' ? { result: job.result } : {}),
});
