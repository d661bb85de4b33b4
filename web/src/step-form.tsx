/** Every field of one step, stacked, for the properties panel beside the diagram: the journey table's cells for one column. */

import { setAt } from '../../src/model/edits/plans/points';
import { PickField } from './fields/pick-field';
import type { Doc } from './model-doc';
import { STEP_ROWS } from './step-fields/rows';

export function StepForm(props: { doc: Doc; id: string }) {
  const { doc, id } = props;
  const step = doc.data.steps.find((s) => s.id === id);
  if (!step) return null;
  const stage = ['steps', { id }, 'stage'];
  return (
    <div class="step-form">
      <PickField
        label="Stage"
        value={step.stage as string}
        choices={doc.data.stages}
        onCommit={(value) => doc.edit([setAt(stage, value)])}
        problems={doc.problems(stage)}
      />
      {STEP_ROWS.map((row) => (
        <row.Cell key={row.key} doc={doc} step={step} />
      ))}
    </div>
  );
}
