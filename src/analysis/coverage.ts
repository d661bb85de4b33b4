/**
 * Coverage of the customer process by the organization's process models: touchpoints that no
 * internal process owns, and backstage work without a BPMN or APQC link, which the end-to-end
 * view cannot place.
 */

import { plural } from '../text/plural.js';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';

export interface Coverage {
  touchpoints: number;
  /** Touchpoints (steps on a channel) with an owning process: the step or one of its activities links one. */
  owned: number;
  unowned: string[];
  activities: number;
  /** Activities with neither a BPMN nor an APQC link (a process link counts if the process has one). */
  unlinkedActivities: string[];
}

export function coverage(ctx: AnalysisContext): Coverage {
  const processes = new Map(ctx.model.processes.map((p) => [p.id, p]));
  const linked = (l: { process?: string; bpmn?: unknown; apqc?: string }) => {
    const process = l.process ? processes.get(l.process) : undefined;
    return Boolean(l.bpmn || l.apqc || process?.bpmn || process?.apqc);
  };
  const touchpoints = ctx.model.steps.filter((s) => s.channel);
  const unowned = touchpoints
    .filter(
      (s) => !s.process && !s.bpmn && !s.apqc && !s.backstage.some((a) => a.process || a.bpmn || a.apqc),
    )
    .map((s) => s.id);
  const activities = ctx.model.steps.flatMap((s) => s.backstage.map((a) => ({ step: s, a })));
  const unlinkedActivities = activities
    .filter(({ a }) => !linked(a))
    .map(({ step, a }) => `${step.id}/${a.id}`);
  return {
    touchpoints: touchpoints.length,
    owned: touchpoints.length - unowned.length,
    unowned,
    activities: activities.length,
    unlinkedActivities,
  };
}

export function coverageFindings(c: Coverage): Finding[] {
  const findings: Finding[] = [];
  if (c.unowned.length > 0) {
    findings.push({
      id: 'unlinked-touchpoint:model',
      kind: 'unlinked-touchpoint',
      category: 'coverage',
      severity: c.unowned.length / Math.max(1, c.touchpoints) > 0.5 ? 'medium' : 'low',
      score: c.unowned.length,
      title: `${c.unowned.length} of ${plural(c.touchpoints, 'touchpoint')} ${c.unowned.length === 1 ? 'has' : 'have'} no owning internal process`,
      steps: c.unowned,
      lanes: [],
      evidence: { unowned: c.unowned.length, touchpoints: c.touchpoints },
      because: `No process, BPMN or APQC link at these touchpoints or behind them: ${c.unowned.join(', ')}.`,
      suggestion:
        'Name the internal process behind each (process: ID, or a backstage activity with its process), so that someone owns what the customer meets there.',
    });
  }
  if (c.unlinkedActivities.length > 0) {
    findings.push({
      id: 'missing-process-link:model',
      kind: 'missing-process-link',
      category: 'coverage',
      severity: 'low',
      score: c.unlinkedActivities.length,
      title: `${c.unlinkedActivities.length} of ${c.activities} backstage activities have no BPMN or APQC link`,
      steps: [...new Set(c.unlinkedActivities.map((a) => a.split('/')[0] as string))],
      lanes: [],
      evidence: { unlinked: c.unlinkedActivities.length, activities: c.activities },
      because: `These cannot be placed in the end-to-end view by process: ${c.unlinkedActivities.join(', ')}.`,
      suggestion:
        'Link each to its BPMN activity (bpmn: ID) or APQC PCF code (apqc: "6.2.1"), or to a process that has one.',
    });
  }
  return findings;
}
