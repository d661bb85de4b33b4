/**
 * The HTTP API over a workspace: the same library calls as the CLI, so both give the same
 * answers. Models are read and written with optimistic concurrency (ETag, If-Match, 409),
 * diagrams, analyses and comparisons are computed on request, simulations and what-ifs run as
 * jobs with progress over server-sent events, logs are uploaded into the workspace's event store.
 *
 * Who may do what is decided by the guard before any route runs; heavy work runs on worker
 * threads within time limits; errors are JSON, `{ error, hint }`, with the status that says what
 * went wrong. The routes live one resource per file under routes/.
 */

import { availableParallelism } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultWorkers } from '../simulation/index.js';
import type { Server } from './context.js';
import { serverEventStore } from './event-store.js';
import { clientError, frameworkError } from './framework-errors.js';
import { installGuard, tokenProblem } from './guard.js';
import { Jobs } from './jobs.js';
import {
  BPMN_BODY_LIMIT,
  DEFAULT_LIMITS,
  LIMIT_OPTIONS,
  type Limits,
  type ServerOptions,
} from './options.js';
import { problemOf } from './problem.js';
import { checkQuery } from './request.js';
import { analysisRoutes } from './routes/analysis.js';
import { bpmnRoutes } from './routes/bpmn.js';
import { jobRoutes } from './routes/jobs.js';
import { logModelRoutes } from './routes/log-model.js';
import { logRoutes } from './routes/logs.js';
import { metaRoutes } from './routes/meta.js';
import { modelEditRoutes } from './routes/model-edits.js';
import { modelRoutes } from './routes/models.js';
import { pageRoutes } from './routes/pages.js';
import { simulationRoutes } from './routes/simulation.js';
import { staffingRoutes } from './routes/staffing.js';
import { viewRoutes } from './routes/views.js';
import { installSecurityHeaders } from './security-headers.js';
import { Threads } from './threads.js';
import { Workspace } from './workspace.js';

export type { Limits, ServerOptions } from './options.js';

const MIB = 1024 * 1024;
/**
 * A request must arrive whole within this (its headers within Node's 60 s): a client that sends
 * its body a byte at a time held its connection for ever. A 50 MiB log upload needs 175 KB/s.
 */
const REQUEST_TIMEOUT_MS = 300_000;
/** Connections open at once; past that the server takes no more until some close, rather than run out of file descriptors. */
const MAX_CONNECTIONS = 512;

export function buildServer(options: ServerOptions): FastifyInstance {
  const problem = tokenProblem(options.token, options.host ?? '127.0.0.1');
  if (problem) throw new Error(`buildServer: ${problem}`);
  const workspace = new Workspace(options.workspace);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const bodyLimit = options.bodyLimit ?? 2 * MIB;
  const logLimit = options.logLimit ?? 50 * MIB;
  const workers = options.workers ?? defaultWorkers();
  const threads = new Threads(
    { root: workspace.root, limits, workers },
    options.threads ?? Math.max(1, Math.min(4, availableParallelism())),
  );
  const events = serverEventStore(workspace, options.store, limits.requestTimeout);
  const jobs = new Jobs(limits.maxJobs, limits.maxQueue);
  const app = Fastify({
    bodyLimit,
    logger: false,
    requestTimeout: REQUEST_TIMEOUT_MS,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  app.server.maxConnections = MAX_CONNECTIONS;
  if (options.warmThread) app.server.once('listening', () => threads.warm());

  // Bodies that are files come as their bytes, decoded by the route as the CLI decodes the file:
  // read as text here, a Latin-1 model or CSV had each accented letter replaced by U+FFFD.
  app.addContentTypeParser(
    [
      'text/yaml',
      'application/yaml',
      'application/x-yaml',
      'application/xml',
      'text/xml',
      'text/csv',
      'application/octet-stream',
      'application/gzip',
    ],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  installGuard(app, {
    token: options.token,
    host: options.host ?? '127.0.0.1',
    allowHosts: options.allowHosts ?? [],
  });
  installSecurityHeaders(app);
  app.addHook('onRequest', async (request) => checkQuery(request));

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const url = request.routeOptions.url;
    const tooLarge =
      url === '/api/logs'
        ? `uploads take logs of up to ${Math.round(logLimit / MIB)} MiB; import a larger one with linesight log import FILE in the workspace folder (no size limit), then refresh`
        : url === '/api/bpmn/import' || (url === '/api/models' && request.method === 'POST')
          ? `BPMN files are at most ${BPMN_BODY_LIMIT / MIB} MiB; import a larger one with linesight bpmn import FILE`
          : `models are at most ${Math.round(bodyLimit / MIB)} MiB; split a large model into parts`;
    const problem = problemOf(error, tooLarge);
    return reply.status(problem.status).headers(problem.headers).send(problem.body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: `there is no ${request.method} ${request.url.split('?')[0]}`,
      hint: 'GET /api/openapi.json lists the routes',
    }),
  );
  app.addHook('onClose', async () => {
    jobs.cancelAll();
    await threads.close();
    await events.close();
  });

  const server: Server = {
    app,
    workspace,
    events,
    jobs,
    limits,
    options,
    work: (task, input) =>
      threads.run(task, input, { timeout: limits.requestTimeout, limitOption: LIMIT_OPTIONS.requestTimeout }),
    job: (task, input, signal, progress) =>
      threads.dedicated(task, input, {
        timeout: limits.jobTimeout,
        limitOption: LIMIT_OPTIONS.jobTimeout,
        signal,
        onProgress: progress,
      }),
  };
  for (const routes of [
    pageRoutes,
    metaRoutes,
    modelRoutes,
    modelEditRoutes,
    viewRoutes,
    analysisRoutes,
    simulationRoutes,
    staffingRoutes,
    jobRoutes,
    bpmnRoutes,
    logRoutes,
    logModelRoutes,
  ])
    routes(server);
  return app;
}
