/** A step's fail point (F): how often it goes wrong, how badly, why, and where the customer goes then. */
import type { EditPath } from '../../../src/model/edits/edit';
import { percent } from '../../../src/model/edits/plans/flow';
import type { Item } from '../../../src/model/edits/plans/model-data';
import { addFail, removeFail, setAt } from '../../../src/model/edits/plans/points';
import { parseProbability } from '../../../src/model/units';
import { FlowField } from '../fields/flow-field';
import { ScaleField } from '../fields/scale-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';

const SEVERITIES = [
  { value: 'minor', label: '1 minor' },
  { value: 'moderate', label: '2 moderate' },
  { value: 'major', label: '3 major' },
  { value: 'severe', label: '4 severe' },
  { value: 'critical', label: '5 critical' },
];
const WORD_OF: Record<string, string> = { 1: 'minor', 2: 'moderate', 3: 'major', 4: 'severe', 5: 'critical' };

export function FailPoint(props: { doc: Doc; step: Item }) {
  const { doc, step } = props;
  const fail = step.fail as Record<string, unknown> | undefined;
  const at = (...keys: string[]): EditPath => ['steps', { id: step.id }, 'fail', ...keys];
  const p = parseProbability(fail?.p);
  const severity = typeof fail?.severity === 'number' ? WORD_OF[fail.severity] : fail?.severity;
  return (
    <fieldset class="point">
      <legend>Fail point</legend>
      {fail === undefined ? (
        <button type="button" class="mini" onClick={() => doc.edit([addFail(doc.data, step.id)])}>
          + fail point
        </button>
      ) : (
        <>
          <TextField
            label="Fails, %"
            type="number"
            min={0}
            max={100}
            step={1}
            value={p.ok ? String(percent(p.value)) : String(fail.p ?? '')}
            onCommit={(v) => doc.edit([setAt(at('p'), v === '' ? undefined : Number(v) / 100)])}
            problems={doc.problems(at('p'))}
          />
          <ScaleField
            label="Severity"
            value={severity}
            none="—"
            choices={SEVERITIES}
            onCommit={(v) => doc.edit([setAt(at('severity'), v)])}
            problems={doc.problems(at('severity'))}
          />
          <TextField
            label="Cause"
            value={String(fail.cause ?? '')}
            onCommit={(v) => doc.edit([setAt(at('cause'), v)])}
            problems={doc.problems(at('cause'))}
          />
          <FlowField
            label="After a failure"
            step={step.id}
            on="fail"
            value={fail.next}
            targets={[...doc.data.steps, ...doc.data.ends]}
            segments={doc.data.segments}
            onCommit={(edit) => doc.edit([edit])}
            problems={doc.problems(at('next'))}
          />
          <button
            type="button"
            class="mini"
            aria-label={`Remove the fail point of ${String(step.name ?? step.id)}`}
            onClick={() => doc.edit([removeFail(step.id)])}
          >
            Remove fail point
          </button>
        </>
      )}
    </fieldset>
  );
}
