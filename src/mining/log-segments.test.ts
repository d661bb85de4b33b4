/**
 * A log read segment by segment only when every segment value it has stands for one of the
 * model's segments: by id, or by name ignoring case (a discovered model names its segments by the
 * log's values and makes ids of them), and customers with none for its "No segment".
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { modelSegmentsOf } from './log-segments.js';

function modelWith(segments: string): Model {
  const r = parse(`name: M
segments: ${segments}
stages: [{ id: s, name: S }]
steps: [{ id: a, name: A, stage: s, next: done }]
ends: [{ id: done, name: Done, outcome: success }]
start: a
`);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.model;
}

describe('the model segments a log names', () => {
  const model = modelWith(
    '[{ id: gold-customers, name: Gold Customers, share: 0.3 }, { id: basic, name: Basic, share: 0.5 }, { id: no-segment, name: No segment, share: 0.2 }]',
  );

  it('matches values by id or by name, ignoring case, and no value to "No segment"', () => {
    expect(modelSegmentsOf(['Gold Customers', 'BASIC', null], model)).toEqual([
      ['Gold Customers', 'gold-customers'],
      ['BASIC', 'basic'],
      ['', 'no-segment'],
    ]);
    expect(modelSegmentsOf(['gold-customers', 'basic'], model)).toEqual([
      ['gold-customers', 'gold-customers'],
      ['basic', 'basic'],
    ]);
  });

  it('reads the log as a whole when one value stands for no segment, or the model has one', () => {
    expect(modelSegmentsOf(['Gold Customers', 'Platinum'], model)).toBeUndefined();
    expect(
      modelSegmentsOf([null], modelWith('[{ id: a, name: A, share: 0.5 }, { id: b, name: B, share: 0.5 }]')),
    ).toBeUndefined();
    expect(modelSegmentsOf(['all'], modelWith('[{ id: all, name: All, share: 1 }]'))).toBeUndefined();
    expect(modelSegmentsOf([], model)).toBeUndefined();
  });
});
