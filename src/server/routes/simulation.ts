/**
 * Simulation: jobs for a simulation, a sweep and a what-if (202 with the job, refused up front when
 * the request is invalid or more work than the server's limits), and a simulated event log as CSV.
 */
import type { FastifyReply } from 'fastify';
import { parseSweep, parseTarget } from '../../simulation/index.js';
import type { Req, Server } from '../context.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { jobView } from '../jobs.js';
import { type Body, bodyOf, optionalString, RUN_FIELDS, runSettings, stringList } from '../request.js';
import type { JobKind, JobRequest, RunRequest } from '../tasks/simulation.js';

const json = { config: { accepts: JSON_BODY } };

function runRequest(request: Req, body: Body): RunRequest {
  return {
    name: request.params.name as string,
    scenario: optionalString(body, 'scenario'),
    sets: stringList(body, 'set', 'resources.agents.capacity=12') ?? [],
    settings: runSettings(body),
  };
}

function sweepRequest(request: Req, body: Body): JobRequest<'sweep'> {
  const range = parseSweep(optionalString(body, 'sweep') ?? '');
  if (!range.ok) throw new HttpError(400, `'sweep' ${range.message}`);
  const text = optionalString(body, 'target');
  const target = text === undefined ? undefined : parseTarget(text);
  if (target && !target.ok) throw new HttpError(400, `'target' ${target.message}`);
  return { ...runRequest(request, body), range: range.value, target: target?.value };
}

export function simulationRoutes({ app, jobs, work, job }: Server): void {
  /** Checks the request on a thread (model, parameters, limits), then queues it as a job. */
  const startJob = async <K extends JobKind>(kind: K, request: JobRequest<K>, reply: FastifyReply) => {
    const input = { kind, request } as Parameters<typeof work<'planJob'>>[1];
    await work('planJob', input);
    const started = jobs.start(kind, (signal, progress) => job('runJob', input, signal, progress));
    return reply.status(202).header('Location', `/api/jobs/${started.id}`).send(jobView(started));
  };

  app.post('/api/models/:name/simulate', json, async (request: Req, reply: FastifyReply) =>
    startJob('simulate', runRequest(request, bodyOf(request.body, [...RUN_FIELDS, 'scenario'])), reply),
  );

  app.post('/api/models/:name/sweep', json, async (request: Req, reply: FastifyReply) =>
    startJob(
      'sweep',
      sweepRequest(request, bodyOf(request.body, [...RUN_FIELDS, 'scenario', 'sweep', 'target'])),
      reply,
    ),
  );

  app.post('/api/models/:name/whatif', json, async (request: Req, reply: FastifyReply) => {
    const body = bodyOf(request.body, [...RUN_FIELDS, 'scenarios']);
    return startJob(
      'whatif',
      { ...runRequest(request, body), scenarios: stringList(body, 'scenarios', 'SCENARIO-ID') },
      reply,
    );
  });

  app.post('/api/models/:name/event-log', json, async (request: Req, reply: FastifyReply) => {
    // One replication with every customer counted: replications and warm-up have no say here.
    const body = bodyOf(request.body, ['scenario', 'set', 'horizon', 'seed']);
    const { id, csv } = await work('eventLog', runRequest(request, body));
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'Content-Disposition',
        `attachment; filename="${id.replace(/[^A-Za-z0-9._-]/g, '-')}-events.csv"`,
      )
      .send(csv);
  });
}
