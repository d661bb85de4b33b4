/** A what-if's result as the readouts take it: plain data the CLI builds here and the web app gets from the API. */
import { unionKpis, type WhatIfResult } from '../whatif.js';
import type { WhatIfReadoutInput } from './side-by-side.js';

/** The result as plain data for reports: every KPI any side has, in order, and each scenario's changes. */
export function readoutInput(result: WhatIfResult, currency: string): WhatIfReadoutInput {
  const kpis = result.scenarios.reduce((list, s) => unionKpis(list, s.result.kpis), result.baseline.kpis);
  return {
    currency,
    kpis: kpis.map((k) => ({ key: k.key, label: k.label, kind: k.kind, better: k.better })),
    scenarios: result.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      differences: s.differences,
      ...(s.value ? { value: s.value } : {}),
    })),
  };
}
