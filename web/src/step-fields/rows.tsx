/**
 * The fields of a step, one row of the journey table each, in the order of a service blueprint.
 * The table shows them as rows across the steps, the properties panel stacked for one step: each
 * field is written once, here.
 */
import type { ComponentType } from 'preact';
import type { Item } from '../../../src/model/edits/plans/model-data';
import { setAt } from '../../../src/model/edits/plans/points';
import { CheckField } from '../fields/check-field';
import { DurationField } from '../fields/duration-field';
import { EmotionField } from '../fields/emotion-field';
import { FlowField } from '../fields/flow-field';
import { PickField } from '../fields/pick-field';
import { ScaleField } from '../fields/scale-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { BackstageList } from './backstage-list';
import { FailPoint } from './fail-point';
import { WaitPoint } from './wait-point';

export interface CellProps {
  doc: Doc;
  step: Item;
}

export interface StepRow {
  key: string;
  label: string;
  Cell: ComponentType<CellProps>;
}

const path = (step: Item, key: string) => ['steps', { id: step.id }, key];
const setter = (doc: Doc, step: Item, key: string) => (value: unknown) =>
  doc.edit([setAt(path(step, key), value)]);

function text(key: string, label: string): StepRow {
  return {
    key,
    label,
    Cell: ({ doc, step }) => (
      <TextField
        label={label}
        value={String(step[key] ?? '')}
        onCommit={setter(doc, step, key)}
        problems={doc.problems(path(step, key))}
      />
    ),
  };
}

function pick(key: string, label: string, choices: (doc: Doc) => Item[], none: string) {
  return ({ doc, step }: CellProps) => (
    <PickField
      label={label}
      value={step[key] as string | undefined}
      choices={choices(doc)}
      none={none}
      onCommit={setter(doc, step, key)}
      problems={doc.problems(path(step, key))}
    />
  );
}

const Role = pick('role', 'Role', (doc) => doc.data.roles, 'no role');
const System = pick('system', 'System', (doc) => doc.data.systems, 'no system');
const Pool = pick('pool', 'Pool', (doc) => doc.data.resources, 'no pool');

const EFFORT = [
  { value: 1, label: '1 effortless' },
  { value: 2, label: '2 easy' },
  { value: 3, label: '3 some effort' },
  { value: 4, label: '4 hard' },
  { value: 5, label: '5 very hard' },
];

/** The step's name: its id follows while it is still a placeholder's (nameEdits). */
const NAME_ROW: StepRow = {
  key: 'name',
  label: "Customer's action",
  Cell: ({ doc, step }) => (
    <TextField
      label="Customer's action"
      value={String(step.name ?? '')}
      onCommit={(typed) => doc.name(step.id, String(typed ?? ''))}
      problems={doc.problems(path(step, 'name'))}
    />
  ),
};

export const STEP_ROWS: StepRow[] = [
  NAME_ROW,
  text('touchpoint', 'Touchpoint'),
  {
    key: 'channel',
    label: 'Channel',
    Cell: pick('channel', 'Channel', (doc) => doc.data.channels, 'no channel'),
  },
  text('evidence', 'Evidence'),
  {
    key: 'serves',
    label: 'Who serves it',
    Cell: (props) => (
      <fieldset class="point">
        <legend>Who serves it</legend>
        <Role {...props} />
        <System {...props} />
        <Pool {...props} />
      </fieldset>
    ),
  },
  { key: 'backstage', label: 'Backstage activities', Cell: BackstageList },
  {
    key: 'duration',
    label: 'Duration',
    Cell: ({ doc, step }) => (
      <DurationField
        label="Duration"
        value={step.duration}
        onCommit={setter(doc, step, 'duration')}
        problems={doc.problems(path(step, 'duration'))}
      />
    ),
  },
  {
    key: 'effort',
    label: 'Effort',
    Cell: ({ doc, step }) => (
      <ScaleField
        label="Effort"
        value={step.effort}
        choices={EFFORT}
        none="—"
        onCommit={setter(doc, step, 'effort')}
        problems={doc.problems(path(step, 'effort'))}
      />
    ),
  },
  {
    key: 'emotion',
    label: 'Emotion',
    Cell: ({ doc, step }) => (
      <EmotionField
        label="Emotion"
        value={step.emotion}
        onCommit={setter(doc, step, 'emotion')}
        problems={doc.problems(path(step, 'emotion'))}
      />
    ),
  },
  { key: 'fail', label: 'Fail point', Cell: FailPoint },
  { key: 'wait', label: 'Wait point', Cell: WaitPoint },
  {
    key: 'momentOfTruth',
    label: 'Moment of truth',
    Cell: ({ doc, step }) => (
      <CheckField
        label="Moment of truth"
        checked={step.momentOfTruth === true}
        // false is the default: unchecking removes the key rather than writing it.
        onCommit={(checked) => doc.edit([setAt(path(step, 'momentOfTruth'), checked || undefined)])}
        problems={doc.problems(path(step, 'momentOfTruth'))}
      />
    ),
  },
  {
    key: 'next',
    label: 'Next',
    Cell: ({ doc, step }) => (
      <FlowField
        label="Next"
        step={step.id}
        on="next"
        value={step.next}
        targets={[...doc.data.steps, ...doc.data.ends]}
        segments={doc.data.segments}
        onCommit={(edit) => doc.edit([edit])}
        problems={doc.problems(path(step, 'next'))}
      />
    ),
  },
];
