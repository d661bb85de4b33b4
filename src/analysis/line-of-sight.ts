/**
 * Each department's line of sight to the customer: the touchpoints it stands behind, how many
 * hand-offs away from the customer it works (0: it serves the customer itself), and the failures
 * the customer feels at those touchpoints. A department far from the customer behind many
 * felt failures is a finding: it cannot see what its work does to them.
 */

import { plural } from '../text/plural.js';
import type { AnalysisContext } from './context.js';
import { type Finding, perThousand, severityFor } from './finding.js';

export interface DepartmentSight {
  department: string;
  name: string;
  visibility: 'frontstage' | 'backstage';
  /** Steps it serves or works behind. */
  touchpoints: string[];
  /** Steps where its own people serve the customer. */
  serves: string[];
  /** Hand-offs between the customer and this department: fewest over its touchpoints, and the mean. */
  distance: number | null;
  meanDistance: number | null;
  /** Expected visits per 1,000 customers to its touchpoints. */
  reachPer1000: number;
  /** Expected failures per 1,000 customers at its touchpoints. */
  failuresPer1000: number;
}

export function lineOfSight(ctx: AnalysisContext): DepartmentSight[] {
  return ctx.model.organization.departments.map((d): DepartmentSight => {
    const touchpoints: string[] = [];
    const serves: string[] = [];
    const distances: number[] = [];
    let reach = 0;
    let failures = 0;
    for (const step of ctx.model.steps) {
      const f = ctx.facts.get(step.id);
      if (!f?.departments.includes(d.id)) continue;
      touchpoints.push(step.id);
      if (f.servingDepartment === d.id) serves.push(step.id);
      distances.push(distanceIn(f.departments, f.servingDepartment !== undefined, d.id));
      reach += ctx.visits(step.id);
      failures += ctx.visits(step.id) * (step.fail?.p ?? 0);
    }
    return {
      department: d.id,
      name: d.name,
      visibility: d.visibility,
      touchpoints,
      serves,
      distance: distances.length ? Math.min(...distances) : null,
      meanDistance: distances.length
        ? Number((distances.reduce((a, b) => a + b, 0) / distances.length).toFixed(2))
        : null,
      reachPer1000: perThousand(reach),
      failuresPer1000: perThousand(failures),
    };
  });
}

/** Hand-offs from the customer to the department's first appearance in a step's chain of departments. */
function distanceIn(chain: string[], staffed: boolean, department: string): number {
  let hops = staffed ? 0 : 1;
  for (let i = 0; i < chain.length; i++) {
    if (i > 0 && chain[i] !== chain[i - 1]) hops++;
    if (chain[i] === department) return hops;
  }
  return hops;
}

export function lineOfSightFindings(sights: DepartmentSight[]): Finding[] {
  return sights
    .filter((s) => (s.distance ?? 0) >= 1 && s.failuresPer1000 >= 20)
    .map(
      (s): Finding => ({
        id: `far-from-customer:${s.department}`,
        kind: 'far-from-customer',
        category: 'line-of-sight',
        severity: severityFor(s.failuresPer1000, 250, 60),
        score: s.failuresPer1000,
        title: `${s.name} works ${plural(s.distance ?? 0, 'hand-off')} from the customer, behind ${s.failuresPer1000} felt failures per 1,000`,
        steps: s.touchpoints,
        lanes: [s.department],
        evidence: {
          distance: s.distance ?? 0,
          touchpoints: s.touchpoints.length,
          failuresPer1000: s.failuresPer1000,
          reachPer1000: s.reachPer1000,
        },
        because: `${s.name} never meets the customer at these ${s.touchpoints.length} touchpoints, yet customers there meet ${s.failuresPer1000} failures per 1,000.`,
        suggestion: `Give ${s.name} sight of the customer: share the failure figures and complaints of its touchpoints with it, and let it own one of the fixes.`,
      }),
    );
}
