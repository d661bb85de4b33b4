/**
 * A scenario of the embedded model may change a step the diagram no longer has (deleted in a
 * modeler): such a scenario cannot apply, and would make the whole import fail validation. It is
 * left out, and said so with the first thing it names that is gone.
 */
import { parse } from '../model/load.js';
import { yamlLibrary } from '../model/yaml-library.js';

type Data = Record<string, unknown>;

export function dropStaleScenarios(model: Data, warnings: string[]): Data {
  const scenarios = model.scenarios;
  if (!Array.isArray(scenarios) || scenarios.length === 0) return model;
  const { diagnostics } = parse(yamlLibrary().stringify(model));
  const stale = new Map<number, string>();
  for (const d of diagnostics) {
    const index = /^scenarios\[(\d+)\]/.exec(d.path ?? '')?.[1];
    if (d.severity === 'error' && index !== undefined && !stale.has(Number(index)))
      stale.set(Number(index), d.message);
  }
  if (stale.size === 0) return model;
  for (const [i, why] of stale)
    warnings.push(
      `scenario '${String((scenarios[i] as Data)?.id)}' no longer applies to the diagram (${why}); it is left out`,
    );
  return { ...model, scenarios: scenarios.filter((_, i) => !stale.has(i)) };
}
