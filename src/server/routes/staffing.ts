/**
 * Staffing at least cost: a job that finds the fewest staff per pool and hour of the week meeting
 * each pool's service level (202 with the job; refused up front when the request is invalid or
 * more work than the server's limits). Its result holds the scenario; saving it is a model edit.
 */
import type { FastifyReply } from 'fastify';
import { DEFAULT_ROUNDS, MOST_ROUNDS } from '../../simulation/staffing/staff.js';
import type { Req, Server } from '../context.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { jobView } from '../jobs.js';
import { type Body, bodyOf, optionalString, stringList } from '../request.js';
import type { StaffRequest } from '../tasks/staffing.js';

const FIELDS = ['pools', 'scenarioId', 'replications', 'days', 'seed', 'rounds'] as const;

function staffRequest(request: Req, body: Body): StaffRequest {
  const whole = (key: string, fallback: number, min: number, max: number) => {
    const v = body[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      throw new HttpError(
        400,
        `'${key}' is a whole number from ${min} to ${max}`,
        `e.g. {"${key}": ${fallback}}`,
      );
    return v;
  };
  const scenarioId = optionalString(body, 'scenarioId') ?? 'least-cost-staffing';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(scenarioId))
    throw new HttpError(
      400,
      `'scenarioId' is an id (letters, digits, - and _)`,
      'e.g. {"scenarioId": "least-cost-staffing"}',
    );
  return {
    name: request.params.name as string,
    pools: stringList(body, 'pools', 'agents'),
    scenarioId,
    replications: whole('replications', 10, 2, 1_000_000),
    days: whole('days', 14, 7, 365),
    seed: whole('seed', 1, 0, 2 ** 32 - 1),
    rounds: whole('rounds', DEFAULT_ROUNDS, 2, MOST_ROUNDS),
  };
}

export function staffingRoutes({ app, jobs, work, job }: Server): void {
  app.post(
    '/api/models/:name/staff',
    { config: { accepts: JSON_BODY } },
    async (request: Req, reply: FastifyReply) => {
      const input = { kind: 'staff' as const, request: staffRequest(request, bodyOf(request.body, FIELDS)) };
      await work('planJob', input);
      const started = jobs.start('staff', (signal, progress) => job('runJob', input, signal, progress));
      return reply.status(202).header('Location', `/api/jobs/${started.id}`).send(jobView(started));
    },
  );
}
