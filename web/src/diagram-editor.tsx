/**
 * The diagram as an editor: the canvas, the properties panel of the element selected on it, and
 * the selected step's actions (add a step after, add a branch, connect, delete), each written into
 * the model as one undoable edit. What cannot be done is said on the line over the diagram.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  addBranchFrom,
  addStepAfter,
  connect,
  deleteStep,
  firstTarget,
  type Plan,
  renameBox,
  shownText,
} from '../../src/model/edits/plans/canvas';
import { elementOf } from '../../src/model/edits/plans/element';
import { labelOf } from '../../src/model/edits/plans/model-data';
import { Canvas } from './canvas';
import { actionOfKey, type StepAction, StepTools } from './canvas-tools';
import { DeleteStepDialog } from './delete-step-dialog';
import type { Doc } from './model-doc';
import { PropertiesPanel } from './properties-panel';

export function DiagramEditor(props: {
  doc: Doc;
  svg: string;
  fitKey: string;
  lit: string[];
  picked: string | null;
  onPick(id: string | null): void;
  /** More buttons for the canvas's toolbar (the exports). */
  children?: ComponentChildren;
}) {
  const { doc, picked } = props;
  // The step a branch is being drawn from, until the next box is clicked.
  const [connecting, setConnecting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  // The step whose deletion is being asked about.
  const [deleting, setDeleting] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  // A step just added is named next: its name field takes the focus.
  const nameNext = useRef(false);
  const name = (id: string) => {
    const element = elementOf(doc.data, id);
    return element ? labelOf(element.item) : id;
  };
  const pickedStep = picked ? doc.data.steps.find((s) => s.id === picked) : undefined;

  // The form shows once the step is in the model's data, which may come a render after the pick;
  // before the next key is handled, so that a name typed at once goes into the field.
  useLayoutEffect(() => {
    const input = panel.current?.querySelector<HTMLInputElement>('.properties input[type="text"]');
    if (!nameNext.current || !input) return;
    nameNext.current = false;
    input.focus();
    input.select();
  }, [picked, doc.data]);

  // Escape cancels connecting wherever the focus is (on the Connect button, say).
  useEffect(() => {
    if (!connecting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setConnecting(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [connecting]);

  const run = (plan: Plan) => {
    if ('refusal' in plan) {
      setNote(`Not done: ${plan.refusal}.`);
      return false;
    }
    setNote('');
    if (plan.edits.length === 0 || !doc.edit(plan.edits)) return false;
    props.onPick(plan.select || null);
    return true;
  };
  const act = (action: StepAction) => {
    if (!pickedStep) return;
    const id = pickedStep.id;
    if (action === 'connect') setConnecting((from) => (from ? null : id));
    else if (action === 'delete') setDeleting(id);
    else {
      nameNext.current = run(action === 'after' ? addStepAfter(doc.data, id) : addBranchFrom(doc.data, id));
    }
  };
  const pick = (ref: string) => {
    if (!connecting) {
      setNote('');
      props.onPick(ref);
      return;
    }
    setConnecting(null);
    run(connect(doc.data, connecting, ref));
  };
  const clear = () => {
    setNote('');
    if (connecting) setConnecting(null);
    else props.onPick(null);
  };
  const onKey = (e: KeyboardEvent) => {
    const action = pickedStep ? actionOfKey(e) : undefined;
    if (action) act(action);
    return action !== undefined;
  };

  return (
    <div class="diagram" ref={panel}>
      <Canvas
        svg={props.svg}
        fitKey={props.fitKey}
        lit={props.lit}
        picked={picked}
        onPick={pick}
        onClear={clear}
        renameText={(ref, kind) => shownText(doc.data, ref, kind)?.text}
        onRename={(ref, kind, text) => run(renameBox(doc.data, ref, kind, text, { keepId: doc.keepsIds }))}
        onKey={onKey}
        hint={
          connecting
            ? `Click the step or end that "${name(connecting)}" should lead to (or Tab to it and press Enter); Escape cancels.`
            : note
        }
      >
        {props.children}
      </Canvas>
      {picked ? (
        <PropertiesPanel
          doc={doc}
          id={picked}
          stepTools={<StepTools connecting={connecting !== null} onAction={act} />}
        />
      ) : null}
      {deleting !== null ? (
        <AskDelete doc={doc} id={deleting} run={run} onClose={() => setDeleting(null)} />
      ) : null}
    </div>
  );
}

/** The canvas's deletion, asked first: what led to the step leads to its first target instead. */
function AskDelete(props: { doc: Doc; id: string; run(plan: Plan): boolean; onClose(): void }) {
  const { doc, id } = props;
  const step = doc.data.steps.find((s) => s.id === id);
  const to = step ? firstTarget(step) : undefined;
  const label = (ref: string) => {
    const element = elementOf(doc.data, ref);
    return element ? labelOf(element.item) : ref;
  };
  return (
    <DeleteStepDialog
      name={label(id)}
      {...(to ? { to: label(to) } : {})}
      onClose={props.onClose}
      onDelete={() => props.run(deleteStep(doc.data, id))}
    />
  );
}
