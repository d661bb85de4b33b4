import type { CompiledModel } from './compile.js';

/** Customers a second the model's segments bring, all together, on average (0 without arrivals). */
export function arrivalsPerSecond(m: CompiledModel): number {
  return m.interarrival.reduce((sum, s) => sum + (s && s.mean > 0 ? 1 / s.mean : 0), 0);
}
