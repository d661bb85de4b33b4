/**
 * Runs untrusted-input cases in child processes, each bounded in time and memory, so that a hang
 * or a blow-up is caught and reported as an outcome instead of stopping the test run. A child is
 * a plain Node process (the same stack and heap as the CLI), killed when a case overruns and
 * replaced for the next one; killing works even when the case is stuck in a blocking read.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetName } from './fuzz-targets.js';

export type Status = 'ok' | 'crash' | 'hang' | 'blow-up';

export interface Outcome {
  status: Status;
  /** What went wrong: the exception's stack, the contract broken, or the limit reached. */
  detail?: string;
  /** What the target reports about a case that passed (e.g. which diagnostic codes it gave). */
  summary?: unknown;
  ms: number;
}

export interface BoundedOptions {
  /** Children running at once. */
  workers: number;
  /** A case running longer than this is a hang. */
  timeoutMs: number;
  /** A case whose process grows past this (JavaScript heap or resident memory) is a blow-up. */
  memoryMb: number;
}

interface Job {
  id: number;
  target: TargetName;
  input: unknown;
  resolve: (outcome: Outcome) => void;
}

interface Child {
  process: ChildProcess;
  /** Set once the child has loaded its targets: a case's time limit is for the case, not for tsx's start. */
  ready: boolean;
  job?: Job;
  started: number;
  timer?: NodeJS.Timeout;
  stderr: string;
}

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'bounded-child.ts');
const TSX = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs');

export class BoundedRunner {
  private readonly queue: Job[] = [];
  private readonly children = new Set<Child>();
  private next = 0;
  private closed = false;

  constructor(private readonly options: BoundedOptions) {
    // Children stuck in a case cannot notice that the runner's process ends: it stops them.
    process.once('exit', () => {
      for (const child of this.children) child.process.kill('SIGKILL');
    });
  }

  run(target: TargetName, input: unknown): Promise<Outcome> {
    if (this.closed) throw new Error('the runner is closed');
    return new Promise((resolve) => {
      this.queue.push({ id: this.next++, target, input, resolve });
      this.dispatch();
    });
  }

  /** Stops every child; cases still queued are not run. */
  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.children].map(
      (child) => new Promise<void>((resolve) => child.process.once('exit', () => resolve())),
    );
    for (const child of this.children) child.process.kill('SIGKILL');
    await Promise.all(exits);
  }

  private dispatch() {
    for (const child of this.children) if (child.ready && !child.job) this.give(child);
    const starting = [...this.children].filter((c) => !c.ready).length;
    for (let n = starting; n < this.queue.length && this.children.size < this.options.workers; n++)
      this.spawn();
  }

  private give(child: Child) {
    const job = this.queue.shift();
    if (!job) return;
    child.job = job;
    child.started = performance.now();
    child.stderr = '';
    child.timer = setTimeout(
      () => this.fail(child, 'hang', `still running after ${this.options.timeoutMs} ms`),
      this.options.timeoutMs,
    );
    child.process.send({ target: job.target, input: job.input });
  }

  private spawn(): Child {
    const process = fork(CHILD, [String(this.options.memoryMb)], {
      execArgv: ['--import', TSX, `--max-old-space-size=${this.options.memoryMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    // Fuzz cases yield to everything else: tests running beside them keep their time limits.
    try {
      if (process.pid !== undefined) setPriority(process.pid, 10);
    } catch {
      // Not allowed here: the cases just run at the usual priority.
    }
    const child: Child = { process, ready: false, started: 0, stderr: '' };
    this.children.add(child);
    // The first lines say why a process died (V8's "Reached heap limit"); a stack trace follows.
    process.stderr?.on('data', (chunk: Buffer) => {
      if (child.stderr.length < 4000) child.stderr += chunk.toString('utf8').slice(0, 4000);
    });
    process.on('message', (message: (Omit<Outcome, 'ms'> & { rssMb: number }) | { ready: true }) => {
      if ('ready' in message) {
        child.ready = true;
        if (!this.closed) this.give(child);
        return;
      }
      const job = child.job;
      if (!job) return;
      const ms = performance.now() - child.started;
      if (message.rssMb > this.options.memoryMb) {
        // The peak stays with the process: this case is a blow-up, and the next needs a fresh child.
        this.fail(child, 'blow-up', `the process reached ${message.rssMb.toFixed(0)} MB`);
        return;
      }
      this.finish(child, { ...message, ms });
    });
    process.on('exit', (code, signal) => {
      this.children.delete(child);
      // A child that cannot even load would be started again forever: the case it was for fails.
      if (!child.ready && !this.closed) child.job = this.queue.shift();
      if (child.job) {
        const heap = /heap limit|out of memory|allocation failed/i.test(child.stderr);
        this.finish(child, {
          status: heap ? 'blow-up' : 'crash',
          detail: `the process ended (${signal ?? `exit code ${code}`}): ${child.stderr.trim().slice(0, 1500)}`,
          ms: performance.now() - child.started,
        });
      }
      if (!this.closed) this.dispatch();
    });
    return child;
  }

  private fail(child: Child, status: Status, detail: string) {
    this.children.delete(child);
    this.finish(child, { status, detail, ms: performance.now() - child.started });
    child.process.kill('SIGKILL');
    if (!this.closed) this.dispatch();
  }

  private finish(child: Child, outcome: Outcome) {
    const job = child.job;
    if (child.timer) clearTimeout(child.timer);
    child.job = undefined;
    job?.resolve(outcome);
    if (!this.closed && this.children.has(child)) this.give(child);
  }
}
