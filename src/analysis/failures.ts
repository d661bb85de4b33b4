/**
 * Where failure hurts: each fail point's expected failures per 1,000 customers weighted by
 * severity, single points of failure behind many touchpoints, failures with no way back to a
 * successful end, the chance of meeting at least one failure on the way to each end, and loops
 * with no way out.
 */
import type { AnalysisContext } from './context.js';
import { type Finding, pct, perThousand, severityFor } from './finding.js';
import { endsAfter, hitProbability, movesOf } from './journey-chain.js';
import { trappedStates } from './markov.js';

export function failureFindings(ctx: AnalysisContext): Finding[] {
  return [
    ...trapped(ctx),
    ...failPoints(ctx),
    ...noRecovery(ctx),
    ...singlePointsOfFailure(ctx),
    ...exposure(ctx),
  ];
}

function trapped(ctx: AnalysisContext): Finding[] {
  const p = ctx.metrics.overall.trapped;
  if (p <= 0) return [];
  const stuck = [
    ...new Set(ctx.chains.flatMap((jc) => trappedStates(jc.chain).map((i) => jc.steps[i]?.id ?? ''))),
  ].filter((id) => ctx.visits(id) > 0);
  return [
    {
      id: 'trapped-loop:journey',
      kind: 'trapped-loop',
      category: 'failure',
      severity: 'critical',
      score: perThousand(p),
      title: 'Customers enter a loop with no way out',
      steps: stuck,
      lanes: [],
      evidence: { trappedPer1000: perThousand(p) },
      because: `${pct(p)} of customers reach steps from which no path leads to any end (${stuck.join(', ')}); the other figures count them only up to that point.`,
      suggestion:
        'Give the loop an exit: a branch to an end or to a step that leads to one (escalation, abandonment).',
    },
  ];
}

/** Expected failures per 1,000 customers at each fail point (reach x probability), weighted by severity. */
function failPoints(ctx: AnalysisContext): Finding[] {
  return ctx.model.steps
    .filter((s) => s.fail && s.fail.p > 0 && ctx.visits(s.id) > 0)
    .map((step): Finding => {
      const fail = step.fail as NonNullable<typeof step.fail>;
      const failures = ctx.visits(step.id) * fail.p;
      const per = perThousand(failures);
      const weighted = Math.round(per * fail.severity * 10) / 10;
      return {
        id: `fail-point:${step.id}`,
        kind: 'fail-point',
        category: 'failure',
        severity: severityFor(weighted, 300, 60),
        score: weighted,
        title: `'${step.name}' fails ${per} times per 1,000 customers`,
        steps: [step.id],
        lanes: ctx.facts.get(step.id)?.departments ?? [],
        evidence: {
          failuresPer1000: per,
          probability: fail.p,
          severity: fail.severity,
          weighted,
          reachPer1000: perThousand(ctx.visits(step.id)),
          cause: fail.cause ?? '',
        },
        because: `Reached ${perThousand(ctx.visits(step.id))} times per 1,000 customers and failing ${pct(fail.p)} of the time (severity ${fail.severity} of 5)${fail.cause ? `: ${fail.cause}` : ''}.`,
        suggestion: fail.cause
          ? `Remove the cause (${fail.cause.replace(/\.$/, '')}), or catch it before the customer feels it.`
          : 'Find and remove the cause, or catch it before the customer feels it.',
      };
    });
}

/** Failures after which no customer reaches a successful end. */
function noRecovery(ctx: AnalysisContext): Finding[] {
  const success = ctx.model.ends.map((e, i) => [e, i] as const).filter(([e]) => e.outcome === 'success');
  const findings: Finding[] = [];
  for (const step of ctx.model.steps) {
    if (!step.fail || step.fail.p <= 0 || ctx.visits(step.id) <= 0) continue;
    const recovered = ctx.mix((jc) => {
      const moves = movesOf(step, jc.segment).filter((m) => m.failure);
      const total = moves.reduce((s, m) => s + m.p, 0);
      if (total <= 0) return 0;
      const ends = endsAfter(
        jc,
        moves.map((m) => ({ ...m, p: m.p / total })),
      );
      return success.reduce((sum, [, i]) => sum + (ends[i] ?? 0), 0);
    });
    if (recovered >= 0.5) continue;
    const lost = perThousand(ctx.visits(step.id) * step.fail.p * (1 - recovered));
    findings.push({
      id: `no-recovery:${step.id}`,
      kind: 'no-recovery',
      category: 'failure',
      severity: recovered === 0 ? 'high' : 'medium',
      score: lost,
      title:
        recovered === 0
          ? `A failure at '${step.name}' has no way back`
          : `Few customers recover from a failure at '${step.name}'`,
      steps: [step.id],
      lanes: [],
      evidence: { recoveryProbability: Number(recovered.toFixed(4)), lostPer1000: lost },
      because: `After this failure ${pct(recovered)} of customers still reach a successful end; ${lost} per 1,000 customers are lost here.`,
      suggestion:
        'Add a recovery path: a retry that works, a hand-over to someone who can fix it, a proactive call.',
    });
  }
  return findings;
}

/** One department or system behind many touchpoints: if it fails, many journeys feel it. */
function singlePointsOfFailure(ctx: AnalysisContext): Finding[] {
  const behind = new Map<string, Set<string>>();
  const add = (who: string, step: string) => {
    const steps = behind.get(who);
    if (steps) steps.add(step);
    else behind.set(who, new Set([step]));
  };
  for (const step of ctx.model.steps) {
    if (ctx.visits(step.id) <= 0) continue;
    for (const a of step.backstage) {
      add(`department:${a.department}`, step.id);
      if (a.system) add(`system:${a.system}`, step.id);
    }
  }
  const touchpoints = ctx.model.steps.filter((s) => s.channel && ctx.visits(s.id) > 0).length || 1;
  const findings: Finding[] = [];
  for (const [who, steps] of behind) {
    if (steps.size < 3 || steps.size / touchpoints < 0.2) continue;
    const affected = ctx.mix((jc) => hitProbability(jc, steps));
    const [kind, id] = who.split(':') as [string, string];
    const name =
      kind === 'department'
        ? ctx.model.organization.departments.find((d) => d.id === id)?.name
        : ctx.model.organization.systems.find((s) => s.id === id)?.name;
    findings.push({
      id: `single-point-of-failure:${who}`,
      kind: 'single-point-of-failure',
      category: 'failure',
      severity: severityFor(perThousand(affected), 700, 300),
      score: perThousand(affected),
      title: `${name ?? id} stands behind ${steps.size} touchpoints`,
      steps: [...steps],
      lanes: [id],
      evidence: {
        touchpoints: steps.size,
        shareOfTouchpoints: Number((steps.size / touchpoints).toFixed(3)),
        journeysAffectedPer1000: perThousand(affected),
      },
      because: `The ${kind} ${name ?? id} works behind ${steps.size} of ${touchpoints} touchpoints; an outage there reaches ${pct(affected)} of all journeys.`,
      suggestion: `Plan for ${name ?? id} failing: a fallback, a degraded mode the customer can live with, monitoring that sees it first.`,
    });
  }
  return findings;
}

/** The chance of meeting at least one failure on the way to each end. */
function exposure(ctx: AnalysisContext): Finding[] {
  const o = ctx.metrics.overall;
  return ctx.model.ends
    .filter((e) => (o.ends[e.id] ?? 0) > 0 && (o.anyFailureByEnd[e.id] ?? 0) > 0)
    .map((end): Finding => {
      const p = o.anyFailureByEnd[end.id] ?? 0;
      return {
        id: `failure-exposure:${end.id}`,
        kind: 'failure-exposure',
        category: 'failure',
        severity: end.outcome === 'success' ? severityFor(p * 1000, 400, 150) : 'low',
        score: perThousand(p),
        title: `${pct(p)} of customers who end '${end.name}' met a failure on the way`,
        steps: [],
        lanes: [],
        evidence: {
          probability: Number(p.toFixed(4)),
          endProbability: Number((o.ends[end.id] ?? 0).toFixed(4)),
        },
        because: `Of the ${pct(o.ends[end.id] ?? 0)} of customers who end '${end.name}', ${pct(p)} met at least one failure before.`,
        suggestion:
          end.outcome === 'success'
            ? 'Even the journeys that succeed carry failures: fix the top fail points on the way to this end.'
            : 'Failures feed this exit: see the fail points that lead here.',
      };
    });
}
