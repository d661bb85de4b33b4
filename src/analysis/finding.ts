/**
 * A finding: what the analysis tells a process owner, with the evidence in numbers and a
 * suggestion in plain words. Findings are ranked by severity, then by their impact on 1,000
 * customers, so the list reads from what hurts most.
 */
import { compareText } from '../text/compare-text.js';

export type FindingCategory = 'simplify' | 'failure' | 'line-of-sight' | 'coverage';

export type FindingKind =
  | 'repeated-information'
  | 'repeat-visits'
  | 'mergeable-steps'
  | 'handoffs'
  | 'transfers'
  | 'forced-channel-switch'
  | 'idle-wait'
  | 'fail-point'
  | 'single-point-of-failure'
  | 'no-recovery'
  | 'failure-exposure'
  | 'trapped-loop'
  | 'far-from-customer'
  | 'unlinked-touchpoint'
  | 'missing-process-link';

export type FindingSeverity = 'critical' | 'high' | 'medium' | 'low';

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low'];

export interface Finding {
  /** Stable across runs: kind and the elements it concerns. */
  id: string;
  kind: FindingKind;
  category: FindingCategory;
  severity: FindingSeverity;
  /** Impact on 1,000 customers in the finding's own unit; orders findings of one severity. */
  score: number;
  title: string;
  /** Step ids involved. */
  steps: string[];
  /** Departments, roles or systems involved. */
  lanes: string[];
  /** The numbers behind the finding. */
  evidence: Record<string, number | string>;
  /** The evidence in one sentence. */
  because: string;
  suggestion: string;
}

export function rank(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.score - a.score ||
      compareText(a.id, b.id),
  );
}

/** A severity from an impact per 1,000 customers and the thresholds for high and medium. */
export function severityFor(perThousand: number, high: number, medium: number): FindingSeverity {
  return perThousand >= high ? 'high' : perThousand >= medium ? 'medium' : 'low';
}

export const perThousand = (x: number) => Math.round(x * 1000 * 10) / 10;
export const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
