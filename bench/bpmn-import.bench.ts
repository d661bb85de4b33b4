/** Walking gateways is linear in the process: a chain of 200 split-and-join pairs (2^200 paths) imports in well under a second. */
import { bench, describe } from 'vitest';
import { importBpmn } from '../src/bpmn/import.js';
import { gatewayChain } from '../src/testing/input-cases.js';

const chain = gatewayChain(200);

describe('bpmn import', () => {
  bench('a chain of 200 split-and-join gateway pairs', async () => {
    const result = await importBpmn(chain);
    const steps = result.model?.steps;
    if (result.error || !Array.isArray(steps) || steps.length !== 2)
      throw new Error(`the chain did not import as two steps: ${result.error?.message ?? ''}`);
  });
});
