/**
 * Staffing as the API runs it: planned first (the model, its pools, the work of the checking
 * simulations against the server's limits), then run as a job. The answer carries the scenario,
 * which the web app saves with the model edits route, and every figure in its unit as text.
 */
import { formatDuration } from '../../model/units.js';
import { describeWork, estimateWork } from '../../simulation/index.js';
import { staffModel } from '../../simulation/staffing/staff.js';
import { staffingScenario } from '../../simulation/staffing/staffing-scenario.js';
import { unprovenText } from '../../simulation/staffing/unproven-text.js';
import { percent } from '../../text/percent.js';
import { HttpError } from '../http-error.js';
import { LIMIT_OPTIONS } from '../options.js';
import type { TaskContext } from './context.js';
import { loadSaved } from './load.js';
import { withinStepVisits } from './step-visit-limit.js';

export interface StaffRequest {
  name: string;
  pools?: string[] | undefined;
  scenarioId: string;
  replications: number;
  days: number;
  seed: number;
  /** Simulations at most, checks and trims together. */
  rounds: number;
}

export function planStaff(request: StaffRequest, ctx: TaskContext) {
  const model = loadSaved(ctx, request.name).model;
  const ids = model.resources.map((r) => r.id);
  const unknown = request.pools?.find((id) => !ids.includes(id));
  if (unknown !== undefined)
    throw new HttpError(
      400,
      `'pools' names '${unknown}', which is not a pool of the model`,
      `its pools: ${ids.join(', ') || 'none'}`,
    );
  const settings = {
    replications: request.replications,
    horizon: (request.days + 1) * 86400,
    warmup: 86400,
    seed: request.seed,
  };
  const one = estimateWork(model, settings);
  const work = {
    ...one,
    customers: one.customers * request.rounds,
    stepVisits: one.stepVisits * request.rounds,
  };
  if (request.replications > ctx.limits.maxReplications)
    throw new HttpError(
      422,
      `${request.replications} replications are more than this server's limit of ${ctx.limits.maxReplications}`,
      `ask for fewer, or start linesight serve with a larger ${LIMIT_OPTIONS.maxReplications}`,
    );
  if (!(work.customers <= ctx.limits.maxCustomers))
    throw new HttpError(
      422,
      `staffing checks by up to ${request.rounds} simulations of ${describeWork(one)}, more than this server's limit of ${ctx.limits.maxCustomers.toLocaleString('en')} customers a request`,
      `ask for fewer replications, days or rounds, run linesight staff, or start linesight serve with a larger ${LIMIT_OPTIONS.maxCustomers}`,
    );
  withinStepVisits(
    ctx.limits,
    work,
    `staffing checks by up to ${request.rounds} simulations of ${describeWork(one)}`,
  );
  return {
    work,
    run: async () => {
      const result = await staffModel(model, {
        ...(request.pools ? { pools: request.pools } : {}),
        replications: request.replications,
        days: request.days,
        seed: request.seed,
        rounds: request.rounds,
        workers: ctx.workers,
        onProgress: (round, rounds) => ctx.progress(round, rounds),
      });
      return {
        ...result,
        pools: result.pools.map((p) => ({
          ...p,
          targetText: `${percent(p.target.share)} in ${formatDuration(p.target.within)}`,
          unprovenText: unprovenText(p, result.options.replications) ?? null,
        })),
        scenario: result.pools.length ? staffingScenario(result, request.scenarioId) : null,
      };
    },
  };
}
