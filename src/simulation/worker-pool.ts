/**
 * The simulation's worker threads, kept between simulations in this thread. A sweep simulates each
 * of its values, a staffing plan checks itself again and again, a library user's script may
 * simulate in a loop: each simulation on threads started anew paid the threads' start and, worse,
 * V8's warm-up of the engine on every one of them again, which on a two-core machine left two
 * workers slower than one for a staffing plan. A thread given back waits here, warm, for the next
 * simulation; waiting it does not keep the process alive, and after a while unused it ends. Only
 * a thread that finished its share is given back: one that failed, or that a cancelled simulation
 * left running, is ended. (The server runs each simulation job on a thread of its own, which ends
 * with the job, and its workers with it.)
 */
import { Worker } from 'node:worker_threads';

/** How long a thread waits unused before it ends: a what-if's next question, not the whole session. */
const IDLE_MS = 30_000;

const idle: Worker[] = [];
let idleTimer: NodeJS.Timeout | undefined;

/** `count` threads: waiting ones first, then new ones. */
export function takeWorkers(count: number): Worker[] {
  const taken = idle.splice(Math.max(0, idle.length - count));
  for (const worker of taken) worker.ref();
  while (taken.length < count) taken.push(startWorker());
  if (idle.length === 0) stopIdleTimer();
  return taken;
}

/** Threads that finished their share, to wait for the next simulation; they forget its models. */
export function giveBackWorkers(workers: Worker[]): void {
  for (const worker of workers) {
    worker.postMessage({ forget: true });
    worker.unref();
    idle.push(worker);
  }
  stopIdleTimer();
  idleTimer = setTimeout(endIdleWorkers, IDLE_MS);
  idleTimer.unref();
}

/** The threads waiting now. */
export function idleWorkerCount(): number {
  return idle.length;
}

/** Ends every waiting thread (after IDLE_MS unused, or when asked). */
export function endIdleWorkers(): void {
  stopIdleTimer();
  for (const worker of idle.splice(0)) void worker.terminate();
}

function stopIdleTimer(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
}

function startWorker(): Worker {
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
  // A waiting thread that fails or ends is no longer one to give out.
  const forget = () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  return worker;
}
