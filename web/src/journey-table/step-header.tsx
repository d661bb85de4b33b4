/** A step's column header: its id, and buttons to move it, add a step after it, or delete it. */
import type { Item } from '../../../src/model/edits/plans/model-data';

export interface StepActions {
  move(id: string, direction: -1 | 1): void;
  insertAfter(stage: string, id: string): void;
  askDelete(id: string): void;
}

export function StepHeader(props: {
  step: Item;
  stage?: string;
  first: boolean;
  last: boolean;
  actions: StepActions;
}) {
  const { step, stage, actions } = props;
  const name = String(step.name ?? step.id);
  return (
    <div class="step-head">
      <code title="The step's id">{step.id}</code>
      <span class="tools">
        <button
          type="button"
          data-act="left"
          aria-label={`Move ${name} left`}
          title="Move left"
          disabled={props.first}
          onClick={() => actions.move(step.id, -1)}
        >
          ◀
        </button>
        <button
          type="button"
          data-act="right"
          aria-label={`Move ${name} right`}
          title="Move right"
          disabled={props.last}
          onClick={() => actions.move(step.id, 1)}
        >
          ▶
        </button>
        {stage !== undefined ? (
          <button
            type="button"
            aria-label={`Add a step after ${name}`}
            title="Add a step after this one"
            onClick={() => actions.insertAfter(stage, step.id)}
          >
            +
          </button>
        ) : null}
        <button
          type="button"
          class="delete"
          aria-label={`Delete ${name}`}
          title="Delete this step"
          onClick={() => actions.askDelete(step.id)}
        >
          ×
        </button>
      </span>
    </div>
  );
}
