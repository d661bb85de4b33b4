/** What every finding reads: the model, its step facts, the exact metrics and each segment's chain. */
import type { Model } from '../model/model.js';
import { type JourneyChain, journeyChain } from './journey-chain.js';
import { journeyMetrics, type Metrics } from './metrics.js';
import { type StepFacts, stepFacts } from './step-facts.js';

export interface AnalysisContext {
  model: Model;
  facts: Map<string, StepFacts>;
  metrics: Metrics;
  chains: JourneyChain[];
  /** Share-weighted mean over the analysed segments of a per-segment quantity. */
  mix(per: (chain: JourneyChain) => number): number;
  /** Overall expected visits to a step. */
  visits(stepId: string): number;
}

export function analysisContext(model: Model, segments: string[]): AnalysisContext {
  // The metrics solve the same chains: their factors are kept for the findings.
  const chains = segments.map((s) => journeyChain(model, s));
  const facts = stepFacts(model);
  const metrics = journeyMetrics(model, segments, undefined, chains, facts);
  const shares = segments.map((s) => model.segments.find((x) => x.id === s)?.share ?? 0);
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  return {
    model,
    facts,
    metrics,
    chains,
    mix: (per) => chains.reduce((sum, chain, i) => sum + ((shares[i] ?? 0) / total) * per(chain), 0),
    visits: (id) => metrics.overall.visits[id] ?? 0,
  };
}
