/** A step's wait point (W): how long the customer waits before it, why, and whether that serves them. */

import type { Item } from '../../../src/model/edits/plans/model-data';
import { type WaitKey, waitEdit, waitParts } from '../../../src/model/edits/plans/points';
import { CheckField } from '../fields/check-field';
import { DurationField } from '../fields/duration-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';

export function WaitPoint(props: { doc: Doc; step: Item }) {
  const { doc, step } = props;
  const parts = waitParts(step.wait);
  const set = (key: WaitKey) => (value: unknown) => doc.edit([waitEdit(step.id, step.wait, key, value)]);
  const at = ['steps', { id: step.id }, 'wait'];
  return (
    <fieldset class="point">
      <legend>Wait point</legend>
      <DurationField
        label="Waits"
        value={parts.duration}
        onCommit={set('duration')}
        problems={doc.problems(
          step.wait !== null && typeof step.wait === 'object' ? [...at, 'duration'] : at,
        )}
      />
      {step.wait !== undefined ? (
        <>
          <TextField label="Reason" value={parts.reason ?? ''} onCommit={set('reason')} />
          <CheckField label="Adds value" checked={parts.addsValue} onCommit={set('addsValue')} />
        </>
      ) : null}
    </fieldset>
  );
}
