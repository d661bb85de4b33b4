/**
 * A run's answer as JSON, one shape wherever it is asked for: `simulate --json` (with `--sweep`
 * or `whatif`) on the CLI and the API's simulation, sweep and what-if jobs give these fields with
 * the same values; the API adds beside them what its web app reads.
 */
import type { SimulationResult } from '../simulate.js';
import type { SweepResult } from '../sweep.js';
import type { WhatIfResult } from '../whatif.js';

export function simulationJson(result: SimulationResult) {
  return {
    model: result.model,
    options: result.options,
    overall: result.overall,
    segments: result.segments,
    little: result.little,
    work: result.work,
    warmupCheck: result.warmupCheck ?? null,
    precision: result.precision ?? null,
    warnings: result.warnings,
    contactCenter: result.contactCenter,
  };
}

/** A sweep: each value's run, and the smallest value that meets the target. */
export function sweepJson(swept: SweepResult) {
  return {
    path: swept.range.path,
    target: swept.target ?? null,
    answer: swept.answer ?? null,
    values: swept.points.map((p) => ({
      value: p.value,
      overloaded: p.overloaded,
      ...(p.meets !== undefined ? { meets: p.meets } : {}),
      ...(p.result ? simulationJson(p.result) : {}),
    })),
  };
}

/** A what-if: the baseline's run and each scenario's, with its differences and its money. */
export function whatIfJson(result: WhatIfResult) {
  return {
    warnings: [
      ...result.baseline.warnings.map((warning) => ({ side: 'Baseline', ...warning })),
      ...result.scenarios.flatMap((s) => s.result.warnings.map((warning) => ({ side: s.name, ...warning }))),
    ],
    baseline: simulationJson(result.baseline),
    scenarios: result.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      result: simulationJson(s.result),
      differences: s.differences,
      ...(s.value ? { value: s.value } : {}),
    })),
  };
}
