/** What every route file is given: the app to add its routes to, the workspace, jobs and threads. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerEventStore } from './event-store.js';
import type { Jobs } from './jobs.js';
import type { Limits, ServerOptions } from './options.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks/index.js';
import type { Workspace } from './workspace.js';

export interface Server {
  app: FastifyInstance;
  workspace: Workspace;
  /** Where the log routes keep events: the workspace's DuckDB file or a ClickHouse store. */
  events: ServerEventStore;
  jobs: Jobs;
  limits: Limits;
  options: ServerOptions;
  /** A request's heavy work, on a shared worker thread within the request time limit. */
  work<N extends TaskName>(task: N, input: TaskInput<N>): Promise<TaskOutput<N>>;
  /** A job's work, on a thread of its own within the job time limit. */
  job<N extends TaskName>(
    task: N,
    input: TaskInput<N>,
    signal: AbortSignal,
    progress: (done: number, total: number) => void,
  ): Promise<TaskOutput<N>>;
}

export type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: unknown;
}>;
