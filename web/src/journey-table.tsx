/**
 * The journey as a table, as in table-based journey modeling: stages as column groups, steps as
 * columns (in the order of `stages:` and `steps:`), one row per field of a step, each cell edited
 * in place. The row names stay in view while the table scrolls sideways.
 */
import { useRef, useState } from 'preact/hooks';
import type { Edit } from '../../src/model/edits/edit';
import { type Item, labelOf } from '../../src/model/edits/plans/model-data';
import { stageGroups } from '../../src/model/edits/plans/stage-groups';
import { addStage, canDeleteStage, deleteStage, moveStage } from '../../src/model/edits/plans/stages';
import { deleteStep, insertStep, moveStep, repointTarget } from '../../src/model/edits/plans/steps';
import { DeleteStepDialog } from './delete-step-dialog';
import { useRefocus } from './journey-table/refocus';
import { type StageActions, StageHeader } from './journey-table/stage-header';
import { columnStamp, listsStamp, StepCell, useLiveDoc } from './journey-table/step-cell';
import { type StepActions, StepHeader } from './journey-table/step-header';
import type { Doc } from './model-doc';
import { STEP_ROWS } from './step-fields/rows';

export function JourneyTable(props: { doc: Doc }) {
  const { doc } = props;
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(root);
  const [deleting, setDeleting] = useState<string | null>(null);
  const groups = stageGroups(doc.data);

  /** Applies the edits; on success the focus goes to `then` in the new table. */
  const edit = (edits: Edit[], then?: string) => {
    if (edits.length && doc.edit(edits) && then) refocus(then);
  };
  const newStep = (edits: Edit[]) => {
    const first = edits[0];
    edit(edits, first?.kind === 'insert-step' ? `td[data-step="${first.step.id}"] input` : undefined);
  };
  const steps: StepActions = {
    move: (id, direction) =>
      edit(
        moveStep(doc.data, id, direction),
        `th[data-step="${id}"] [data-act="${direction < 0 ? 'left' : 'right'}"]`,
      ),
    insertAfter: (stage, id) => newStep(insertStep(doc.data, stage, id)),
    askDelete: setDeleting,
  };
  const stages: StageActions = {
    rename: (id, name) => name && doc.name(id, name),
    move: (id, direction) => edit(moveStage(doc.data, id, direction)),
    addStep: (id) => newStep(insertStep(doc.data, id)),
    addStageAfter: (id) => {
      const add = addStage(doc.data, id);
      edit([add], add.kind === 'add-stage' ? `th[data-stage="${add.stage.id}"] input` : undefined);
    },
    remove: (id) => edit([deleteStage(id)]),
  };
  const known = groups.filter((g) => g.stage);
  const live = useLiveDoc(doc);
  const lists = listsStamp(doc.data);
  const stamps = new Map(doc.data.steps.map((s) => [s.id, columnStamp(doc, s, lists)]));

  if (groups.length === 0) {
    return (
      <div class="journey-table empty" ref={root}>
        <p>
          This journey has no stages yet. A stage groups the steps of one phase (research, order, receive…).
        </p>
        <button type="button" onClick={() => edit([addStage(doc.data)], 'th[data-stage] input')}>
          Add a stage
        </button>
      </div>
    );
  }
  return (
    <div class="journey-table" ref={root}>
      <table>
        <thead>
          <tr class="stage-row">
            <th class="corner" rowSpan={2} scope="col">
              <span class="sr-only">Field</span>
            </th>
            {groups.map((g, i) => (
              <th
                key={g.stage?.id ?? '?'}
                scope="colgroup"
                colSpan={Math.max(1, g.steps.length)}
                data-stage={g.stage?.id}
                class={g.stage ? 'stage' : 'stage lost'}
              >
                {g.stage ? (
                  <StageHeader
                    stage={g.stage}
                    first={i === 0}
                    last={i === known.length - 1}
                    empty={canDeleteStage(doc.data, g.stage.id)}
                    actions={stages}
                  />
                ) : (
                  <div class="stage-head">Steps in no known stage</div>
                )}
              </th>
            ))}
          </tr>
          <tr class="step-row">
            {groups.flatMap((g) =>
              g.steps.length === 0
                ? [
                    <th key={`empty-${g.stage?.id}`} scope="col" class="no-steps">
                      no steps yet
                    </th>,
                  ]
                : g.steps.map((s) => (
                    <th key={s.id} scope="col" data-step={s.id}>
                      <StepHeader
                        step={s}
                        stage={g.stage?.id}
                        first={moveStep(doc.data, s.id, -1).length === 0}
                        last={moveStep(doc.data, s.id, 1).length === 0}
                        actions={steps}
                      />
                    </th>
                  )),
            )}
          </tr>
        </thead>
        <tbody>
          {STEP_ROWS.map((row) => (
            <tr key={row.key} class={`row-${row.key}`}>
              <th scope="row">{row.label}</th>
              {groups.flatMap((g) =>
                g.steps.length === 0
                  ? [<td key={`empty-${g.stage?.id}`} class="no-steps" />]
                  : g.steps.map((s) => (
                      <td key={s.id} data-step={s.id}>
                        <StepCell row={row} doc={live} step={s} stamp={stamps.get(s.id) ?? ''} />
                      </td>
                    )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {deleting !== null ? (
        <DeleteStep doc={doc} id={deleting} onClose={() => setDeleting(null)} onDelete={(e) => edit([e])} />
      ) : null}
    </div>
  );
}

function DeleteStep(props: { doc: Doc; id: string; onClose(): void; onDelete(edit: Edit): void }) {
  const { doc, id } = props;
  const step = doc.data.steps.find((s) => s.id === id);
  const to = repointTarget(doc.data, id);
  const target = [...doc.data.steps, ...doc.data.ends].find((t) => t.id === to) as Item | undefined;
  return (
    <DeleteStepDialog
      name={String(step?.name ?? id)}
      to={target ? labelOf(target) : to}
      onClose={props.onClose}
      onDelete={() => props.onDelete(deleteStep(doc.data, id))}
    />
  );
}
