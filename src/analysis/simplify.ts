/**
 * Where the customer process can be simplified or consolidated: information given again, steps
 * repeated, neighbouring steps that could be one, hand-offs and transfers, channel switches forced
 * by failures, and waits that do nothing for the customer.
 */

import type { Step } from '../model/model.js';
import { formatDuration } from '../model/units.js';
import { plural } from '../text/plural.js';
import type { AnalysisContext } from './context.js';
import { type Finding, pct, perThousand, severityFor } from './finding.js';
import { solveFlagged } from './flagged.js';
import { type JourneyChain, movesOf, returnProbability } from './journey-chain.js';
import { returnsOf } from './reach.js';

export function simplifyFindings(ctx: AnalysisContext): Finding[] {
  return [
    ...repeatedInformation(ctx),
    ...repeatVisits(ctx),
    ...mergeableSteps(ctx),
    ...handoffs(ctx),
    ...transfers(ctx),
    ...forcedSwitches(ctx),
    ...idleWaits(ctx),
  ];
}

/** For each piece of information, the expected number of times a customer gives it again. */
function repeatedInformation(ctx: AnalysisContext): Finding[] {
  const items = [...new Set(ctx.model.steps.flatMap((s) => s.asks))].sort();
  const findings: Finding[] = [];
  for (const item of items) {
    const asking = ctx.model.steps.filter((s) => s.asks.includes(item));
    const again = ctx.mix((jc) => {
      const solution = solveFlagged(jc, ctx.model, (move) => move.from.asks.includes(item), `asks:${item}`);
      return asking.reduce(
        (sum, s) => sum + (solution.visits[jc.steps.length + (jc.stepIndex.get(s.id) ?? 0)] ?? 0),
        0,
      );
    });
    if (again < 1e-9) continue;
    const per = perThousand(again);
    findings.push({
      id: `repeated-information:${item}`,
      kind: 'repeated-information',
      category: 'simplify',
      severity: severityFor(per, 300, 50),
      score: per,
      title: `Customers give '${item}' again`,
      steps: asking.map((s) => s.id),
      lanes: [],
      evidence: { timesAgainPer1000: per, askedAt: asking.length },
      because: `${plural(asking.length, 'step asks', 'steps ask')} for '${item}'; 1,000 customers give it ${per} more times after the first.`,
      suggestion: `Ask for '${item}' once and carry it along (CRM record, order reference, authenticated session), so later steps already know it.`,
    });
  }
  return findings;
}

/** Steps customers come back to (repeat contacts, retries): expected repeats = visits x return probability. */
function repeatVisits(ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  const returns = new Map(ctx.chains.map((jc) => [jc, returnsOf(jc.chain)]));
  // A trapped step's moves are cut from the chain's factor: its return is solved on its own.
  const returnTo = (jc: JourneyChain, step: Step) => {
    const r = returns.get(jc)?.[jc.stepIndex.get(step.id) ?? -1] ?? Number.NaN;
    return Number.isNaN(r) ? returnProbability(jc, step.id) : r;
  };
  for (const step of ctx.model.steps) {
    const repeats = ctx.mix((jc) => {
      const v = ctx.metrics.segments.find((m) => m.segment === jc.segment)?.visits[step.id] ?? 0;
      return v > 0 ? v * returnTo(jc, step) : 0;
    });
    if (repeats < 1e-6) continue;
    const per = perThousand(repeats);
    const contact = ctx.facts.get(step.id)?.contact;
    findings.push({
      id: `repeat-visits:${step.id}`,
      kind: 'repeat-visits',
      category: 'simplify',
      severity: severityFor(per, contact ? 100 : 200, contact ? 20 : 50),
      score: per,
      title: `'${step.name}' is done again`,
      steps: [step.id],
      lanes: [],
      evidence: { repeatsPer1000: per, visitsPer1000: perThousand(ctx.visits(step.id)) },
      because: `1,000 customers come back to this ${contact ? 'contact' : 'step'} ${per} times after their first visit (${perThousand(ctx.visits(step.id))} visits in all).`,
      suggestion: contact
        ? 'Resolve it at the first contact: find what sends customers back (the failure or missing information behind it) and fix that.'
        : 'Find what sends customers round again and remove the cause, or let them pick up where they left off.',
    });
  }
  return findings;
}

/** A step that most often leads straight to another on the same channel and server: one step could do. */
function mergeableSteps(ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(ctx.model.steps.map((s) => [s.id, s]));
  const serverOf = (step: (typeof ctx.model.steps)[number]) =>
    step.pool ?? step.role ?? step.system ?? 'self';
  for (const step of ctx.model.steps) {
    const visits = ctx.visits(step.id);
    if (visits <= 0) continue;
    const targets = new Set(ctx.chains.flatMap((jc) => movesOf(step, jc.segment).map((m) => m.to)));
    for (const to of targets) {
      const next = byId.get(to);
      if (!next || next.id === step.id || next.channel !== step.channel || serverOf(next) !== serverOf(step))
        continue;
      const flow = ctx.mix((jc) => {
        const v = ctx.metrics.segments.find((m) => m.segment === jc.segment)?.visits[step.id] ?? 0;
        return movesOf(step, jc.segment).reduce((sum, m) => sum + (m.to === to ? v * m.p : 0), 0);
      });
      const share = flow / visits;
      if (share < 0.5) continue;
      const per = perThousand(flow);
      const server = serverOf(step);
      findings.push({
        id: `mergeable-steps:${step.id}>${next.id}`,
        kind: 'mergeable-steps',
        category: 'simplify',
        severity: severityFor(per, 500, 100),
        score: per,
        title: `'${step.name}' and '${next.name}' could be one step`,
        steps: [step.id, next.id],
        lanes: server === 'self' ? [] : [server],
        evidence: {
          followsShare: Number(share.toFixed(3)),
          customersPer1000: per,
          channel: step.channel ?? 'none',
        },
        because: `${pct(share)} of the customers at the first step go straight on to the second, on the same channel with the same ${server === 'self' ? 'self-service' : `server '${server}'`}.`,
        suggestion:
          'Consolidate the two into one interaction (one page, one call) so the customer does not start over.',
      });
    }
  }
  return findings;
}

/** Work that passes between departments behind one customer step; A -> B -> A is ping-pong. */
function handoffs(ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  for (const step of ctx.model.steps) {
    const f = ctx.facts.get(step.id);
    if (!f || (f.handoffs < 2 && !f.pingPong)) continue;
    const per = perThousand(ctx.visits(step.id) * f.handoffs);
    findings.push({
      id: `handoffs:${step.id}`,
      kind: 'handoffs',
      category: 'simplify',
      severity: f.pingPong ? 'high' : severityFor(per, 1500, 300),
      score: per,
      title: `${f.handoffs} hand-offs behind '${step.name}'${f.pingPong ? ' (ping-pong)' : ''}`,
      steps: [step.id],
      lanes: [...new Set(f.departments)],
      evidence: { handoffs: f.handoffs, chain: f.departments.join(' > '), handoffsPer1000Customers: per },
      because: `Behind this step the work passes ${f.departments.join(' > ')}${f.pingPong ? ', back to a department it already left' : ''}; ${per} hand-offs per 1,000 customers.`,
      suggestion: f.pingPong
        ? 'Give the work to one department end to end, or let the first one finish what it sends away and gets back.'
        : 'Let fewer departments touch this step, or give the first one what it needs to finish.',
    });
  }
  return findings;
}

/** Moves between steps served by different departments: the customer is put through. */
function transfers(ctx: AnalysisContext): Finding[] {
  const count = ctx.metrics.overall.transfers;
  if (count < 1e-6) return [];
  const per = perThousand(count);
  return [
    {
      id: 'transfers:journey',
      kind: 'transfers',
      category: 'simplify',
      severity: severityFor(per, 300, 50),
      score: per,
      title: 'Customers are passed between departments',
      steps: [],
      lanes: [],
      evidence: { transfersPer1000: per },
      because: `1,000 customers are put through from one department's staff to another's ${per} times.`,
      suggestion:
        'Route customers to the department that can finish their request first time (IVR routing, skills-based routing, a single owner).',
    },
  ];
}

/** A failure that sends the customer to another channel: a switch they did not choose. */
function forcedSwitches(ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(ctx.model.steps.map((s) => [s.id, s]));
  for (const step of ctx.model.steps) {
    if (!step.fail) continue;
    const flow = ctx.mix((jc) => {
      const v = ctx.metrics.segments.find((m) => m.segment === jc.segment)?.visits[step.id] ?? 0;
      return movesOf(step, jc.segment)
        .filter(
          (m) =>
            m.failure && byId.get(m.to)?.channel && step.channel && byId.get(m.to)?.channel !== step.channel,
        )
        .reduce((sum, m) => sum + v * m.p, 0);
    });
    if (flow < 1e-6) continue;
    const per = perThousand(flow);
    const targets = [
      ...new Set(
        ctx.model.segments.flatMap((s) => (step.fail?.next[s.id] ?? []).map((b) => byId.get(b.to)?.channel)),
      ),
    ].filter((c): c is string => c !== undefined && c !== step.channel);
    findings.push({
      id: `forced-channel-switch:${step.id}`,
      kind: 'forced-channel-switch',
      category: 'simplify',
      severity: severityFor(per, 100, 20),
      score: per,
      title: `A failure at '${step.name}' pushes customers from ${step.channel} to ${targets.join(', ')}`,
      steps: [step.id],
      lanes: [],
      evidence: { switchesPer1000: per, from: step.channel ?? '', to: targets.join(', ') },
      because: `When this step fails, customers have to change channel: ${per} forced switches per 1,000 customers.`,
      suggestion: `Let customers recover on ${step.channel} itself (help in place, a chat on the page, a call-back) rather than start over elsewhere.`,
    });
  }
  return findings;
}

/** Waits that do nothing for the customer (hold, call-backs, replies), by expected waiting per customer. */
function idleWaits(ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  for (const step of ctx.model.steps) {
    const f = ctx.facts.get(step.id);
    if (!f || f.idleWait <= 0) continue;
    const seconds = ctx.visits(step.id) * f.idleWait;
    const hoursPer1000 = Math.round((seconds * 1000) / 3600);
    findings.push({
      id: `idle-wait:${step.id}`,
      kind: 'idle-wait',
      category: 'simplify',
      severity: severityFor(hoursPer1000, 2000, 200),
      score: hoursPer1000,
      title: `Customers wait ${formatDuration(f.idleWait)} at '${step.name}'`,
      steps: [step.id],
      lanes: [],
      evidence: {
        meanWaitSeconds: Math.round(f.idleWait),
        customerHoursPer1000: hoursPer1000,
        reason: step.wait?.reason ?? '',
      },
      because: `A wait that adds nothing for the customer${step.wait?.reason ? ` (${step.wait.reason})` : ''}: ${hoursPer1000} customer-hours per 1,000 customers.`,
      suggestion:
        'Remove the wait or make it useful: answer at once, give a committed time, or let the customer go on while it is handled.',
    });
  }
  return findings;
}
