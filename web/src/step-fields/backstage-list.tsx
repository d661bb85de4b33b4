/**
 * A step's backstage activities, each with its department, role, system and duration; add and
 * remove. Each folds to one line (its name and department) so that a step with several activities
 * keeps the table's rows short; a new one, or one with a problem, opens for filling in.
 */
import { useState } from 'preact/hooks';
import type { EditPath } from '../../../src/model/edits/edit';
import { type Item, labelOf } from '../../../src/model/edits/plans/model-data';
import {
  activitiesOf,
  addActivity,
  NEW_ACTIVITY_NAME,
  removeActivity,
  setAt,
} from '../../../src/model/edits/plans/points';
import { DurationField } from '../fields/duration-field';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';

export function BackstageList(props: { doc: Doc; step: Item }) {
  const { doc, step } = props;
  const none = doc.data.departments.length === 0;
  return (
    <fieldset class="point">
      <legend>Backstage activities</legend>
      {/* Keyed by place, not id: a new activity's first name gives it its id (nameEdits), and its
          form stays open with the focus in it. */}
      {activitiesOf(step).map((activity, i) => (
        <Activity key={i} doc={doc} step={step.id} activity={activity} />
      ))}
      <button
        type="button"
        class="mini"
        disabled={none}
        title={none ? 'Add a department first (Organization tab)' : undefined}
        aria-label={`Add a backstage activity to ${String(step.name ?? step.id)}`}
        onClick={() => {
          // Read at the click: the new id must differ from every id the model has now.
          const add = addActivity(doc.data, step.id);
          if (add) doc.edit([add]);
        }}
      >
        + activity
      </button>
    </fieldset>
  );
}

function Activity(props: { doc: Doc; step: string; activity: Item }) {
  const { doc, activity } = props;
  const at = (key: string): EditPath => ['steps', { id: props.step }, 'backstage', { id: activity.id }, key];
  const set = (key: string) => (value: unknown) => doc.edit([setAt(at(key), value)]);
  const department = activity.department as string | undefined;
  const where = doc.data.departments.find((d) => d.id === department);
  const problems = doc.problems(['steps', { id: props.step }, 'backstage', { id: activity.id }]);
  // Open at first when new or wrong, then as the user leaves it: naming a new one does not fold it.
  const [open, setOpen] = useState(activity.name === NEW_ACTIVITY_NAME || problems.length > 0);
  return (
    <details
      class="activity"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {labelOf(activity)}
        <small>{where ? ` · ${labelOf(where)}` : ''}</small>
      </summary>
      <TextField
        label="Activity"
        value={String(activity.name ?? '')}
        onCommit={(typed) => doc.name(activity.id, typed)}
        problems={doc.problems(at('name'))}
      />
      <PickField
        label="Department"
        value={department}
        choices={doc.data.departments}
        onCommit={set('department')}
        problems={doc.problems(at('department'))}
      />
      <PickField
        label="Role"
        value={activity.role as string | undefined}
        // The roles of its own department first: the ones that usually do it.
        choices={[...doc.data.roles].sort(
          (a, b) => Number(b.department === department) - Number(a.department === department),
        )}
        none="no role"
        onCommit={set('role')}
        problems={doc.problems(at('role'))}
      />
      <PickField
        label="System"
        value={activity.system as string | undefined}
        choices={doc.data.systems}
        none="no system"
        onCommit={set('system')}
        problems={doc.problems(at('system'))}
      />
      <DurationField
        label="Takes"
        value={activity.duration}
        onCommit={set('duration')}
        problems={doc.problems(at('duration'))}
      />
      <button
        type="button"
        class="mini"
        aria-label={`Remove the activity ${labelOf(activity)}`}
        onClick={() => doc.edit([removeActivity(props.step, activity.id)])}
      >
        Remove activity
      </button>
    </details>
  );
}
