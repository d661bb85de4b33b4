/** Every field of one step, for the properties panel beside the diagram. */
import { PickField } from './fields/pick-field';
import { TextField } from './fields/text-field';
import type { Doc } from './model-doc';

export function StepForm(props: { doc: Doc; id: string }) {
  const { doc, id } = props;
  const step = doc.data.steps.find((s) => s.id === id);
  if (!step) return null;
  const at = (key: string) => ['steps', { id }, key];
  const set = (key: string) => (value: unknown) => doc.edit([{ kind: 'set', path: at(key), value }]);
  return (
    <div class="step-form">
      <TextField
        label="Customer's action"
        value={String(step.name ?? '')}
        onCommit={set('name')}
        problems={doc.problems(at('name'))}
      />
      <PickField
        label="Stage"
        value={step.stage as string}
        choices={doc.data.stages}
        onCommit={set('stage')}
        problems={doc.problems(at('stage'))}
      />
      <PickField
        label="Channel"
        value={step.channel as string | undefined}
        choices={doc.data.channels}
        none="no channel"
        onCommit={set('channel')}
        problems={doc.problems(at('channel'))}
      />
    </div>
  );
}
