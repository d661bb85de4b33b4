/**
 * A worker thread of the server: runs the tasks it is sent, one at a time, and answers each with
 * its result, its refusal (an HttpError's status, message and hint) or, for a bug, its message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HttpError } from './http-error.js';
import type { TaskContext, TaskName } from './tasks/index.js';
import { TASKS } from './tasks/index.js';
import type { ThreadData } from './threads.js';
import { Workspace } from './workspace.js';

const data = workerData as ThreadData;
const port = parentPort;
const base = { workspace: new Workspace(data.root), limits: data.limits, workers: data.workers };

port?.on('message', async ({ task, input }: { task: TaskName; input: unknown }) => {
  const ctx: TaskContext = {
    ...base,
    progress: (done, total) => port.postMessage({ type: 'progress', done, total }),
  };
  try {
    const run = TASKS[task] as (input: unknown, ctx: TaskContext) => unknown;
    port.postMessage({ type: 'result', value: await run(input, ctx) });
  } catch (error) {
    if (error instanceof HttpError)
      port.postMessage({
        type: 'error',
        status: error.status,
        message: error.message,
        hint: error.hint,
        details: error.details,
      });
    else port.postMessage({ type: 'bug', message: (error as Error).stack ?? String(error) });
  }
});
port?.postMessage({ type: 'ready' });
