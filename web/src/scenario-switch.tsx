/**
 * "Edit as a scenario": a switch that makes the editors record their changes as a what-if
 * scenario (new, or one the model has) instead of changing the model. While it is on, a bar says
 * so, and offers to save and run the scenario on the what-if page.
 */
import { useState } from 'preact/hooks';
import { type Item, labelOf, newId } from '../../src/model/edits/plans/model-data';
import type { Recording } from '../../src/model/edits/scenario-record';
import { Dialog } from './dialog';

export function ScenarioSwitch(props: {
  scenarios: Item[];
  taken: string[];
  recording: Recording | null;
  /** `fresh`: a new scenario, not in the model yet. */
  onStart(scenario: Recording, fresh: boolean): void;
  onStop(): void;
  onRun(): void;
}) {
  const [asking, setAsking] = useState(false);
  if (props.recording)
    return (
      <div class="recording" role="status">
        <span class="dot" aria-hidden="true">
          ●
        </span>{' '}
        Recording into the scenario <b>{props.recording.name}</b>: your edits change the scenario, not the
        model.{' '}
        <button type="button" class="run" onClick={props.onRun}>
          Save and run it on the what-if page
        </button>{' '}
        <button type="button" class="stop-recording" onClick={props.onStop}>
          Stop recording
        </button>
      </div>
    );
  return (
    <>
      <button type="button" class="edit-as-scenario" onClick={() => setAsking(true)}>
        Edit as scenario…
      </button>
      {asking ? (
        <StartDialog
          scenarios={props.scenarios}
          taken={props.taken}
          onClose={() => setAsking(false)}
          onStart={(s, fresh) => {
            setAsking(false);
            props.onStart(s, fresh);
          }}
        />
      ) : null}
    </>
  );
}

function StartDialog(props: {
  scenarios: Item[];
  taken: string[];
  onClose(): void;
  onStart(scenario: Recording, fresh: boolean): void;
}) {
  const [which, setWhich] = useState('');
  const [name, setName] = useState('');
  const start = async () => {
    const existing = props.scenarios.find((s) => s.id === which);
    if (existing) props.onStart({ id: existing.id, name: labelOf(existing) }, false);
    else if (!name.trim()) throw new Error('Name the new scenario, e.g. "Dedicated account executives".');
    else props.onStart({ id: newId(name, props.taken), name: name.trim() }, true);
  };
  return (
    <Dialog title="Edit as a scenario" submit="Start recording" onSubmit={start} onClose={props.onClose}>
      <p>
        Your edits to the journey will be written as a what-if scenario: the model stays as it is, and the
        scenario can be run against it on the what-if page.
      </p>
      <label class="field">
        Scenario
        <select value={which} onChange={(e) => setWhich(e.currentTarget.value)}>
          <option value="">A new scenario</option>
          {props.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {labelOf(s)}
            </option>
          ))}
        </select>
      </label>
      {which === '' ? (
        <label class="field">
          Name of the new scenario
          <input
            name="scenario-name"
            value={name}
            placeholder="e.g. Dedicated account executives"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      ) : null}
    </Dialog>
  );
}
