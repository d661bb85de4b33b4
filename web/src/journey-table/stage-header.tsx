/** A stage's group header: its name (edited in place), and buttons to move it, add a step or a stage, delete it. */

import type { Item } from '../../../src/model/edits/plans/model-data';
import { TextField } from '../fields/text-field';

export interface StageActions {
  rename(id: string, name: string): void;
  move(id: string, direction: -1 | 1): void;
  addStep(id: string): void;
  addStageAfter(id: string): void;
  remove(id: string): void;
}

export function StageHeader(props: {
  stage: Item;
  first: boolean;
  last: boolean;
  empty: boolean;
  actions: StageActions;
}) {
  const { stage, actions } = props;
  const name = String(stage.name ?? stage.id);
  return (
    <div class="stage-head">
      <TextField
        label="Stage"
        value={String(stage.name ?? '')}
        onCommit={(v) => actions.rename(stage.id, v)}
      />
      <span class="tools">
        <button
          type="button"
          aria-label={`Move stage ${name} left`}
          title="Move the stage left"
          disabled={props.first}
          onClick={() => actions.move(stage.id, -1)}
        >
          ◀
        </button>
        <button
          type="button"
          aria-label={`Move stage ${name} right`}
          title="Move the stage right"
          disabled={props.last}
          onClick={() => actions.move(stage.id, 1)}
        >
          ▶
        </button>
        <button
          type="button"
          data-act="add-step"
          aria-label={`Add a step at the end of ${name}`}
          title="Add a step at the end of this stage"
          onClick={() => actions.addStep(stage.id)}
        >
          + step
        </button>
        <button
          type="button"
          aria-label={`Add a stage after ${name}`}
          title="Add a stage after this one"
          onClick={() => actions.addStageAfter(stage.id)}
        >
          + stage
        </button>
        <button
          type="button"
          class="delete"
          aria-label={`Delete stage ${name}`}
          title={props.empty ? 'Delete this stage' : 'Move or delete its steps first'}
          disabled={!props.empty}
          onClick={() => actions.remove(stage.id)}
        >
          ×
        </button>
      </span>
    </div>
  );
}
