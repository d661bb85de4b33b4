/**
 * Beside the diagram: the form of the element selected on it. A step shows its toolbar and every
 * field (StepForm); an end its name and outcome; a stage, department, role, system, segment or
 * backstage activity its name.
 */
import type { ComponentChildren } from 'preact';
import { type Element, type ElementKind, elementOf } from '../../src/model/edits/plans/element';
import type { Item } from '../../src/model/edits/plans/model-data';
import { PickField } from './fields/pick-field';
import { TextField } from './fields/text-field';
import type { Doc } from './model-doc';
import { StepForm } from './step-form';

const KIND_NAMES: Record<ElementKind, string> = {
  step: 'Step',
  end: 'End',
  stage: 'Stage',
  department: 'Department',
  role: 'Role',
  activity: 'Backstage activity',
  system: 'System',
  segment: 'Segment',
};

const OUTCOMES = [
  { id: 'success', name: 'Success (e.g. order received)' },
  { id: 'exit', name: 'Exit (e.g. abandoned)' },
] as Item[];

/** Each element gets a form of its own (keyed by id): no half-typed text carries over to the next. */
export function PropertiesPanel(props: { doc: Doc; id: string; stepTools: ComponentChildren }) {
  const element = elementOf(props.doc.data, props.id);
  if (!element) return null;
  return (
    <aside class="properties" aria-label="Properties" data-element={props.id}>
      <h2 class="element-title">
        {KIND_NAMES[element.kind]} <code>{props.id}</code>
      </h2>
      {element.kind === 'step' ? (
        <>
          {props.stepTools}
          <StepForm key={props.id} doc={props.doc} id={props.id} />
        </>
      ) : (
        <NameForm key={props.id} doc={props.doc} element={element} />
      )}
    </aside>
  );
}

function NameForm(props: { doc: Doc; element: Element }) {
  const { doc, element } = props;
  const at = (key: string) => [...element.path, key];
  const set = (key: string) => (value: unknown) => doc.edit([{ kind: 'set', path: at(key), value }]);
  return (
    <div class="name-form">
      <TextField
        label="Name"
        value={String(element.item.name ?? '')}
        onCommit={(typed) => doc.name(element.item.id, String(typed ?? ''))}
        problems={doc.problems(at('name'))}
      />
      {element.kind === 'end' ? (
        <PickField
          label="Outcome"
          value={element.item.outcome as string | undefined}
          choices={OUTCOMES}
          onCommit={set('outcome')}
          problems={doc.problems(at('outcome'))}
        />
      ) : null}
    </div>
  );
}
