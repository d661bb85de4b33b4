/**
 * A model's rename, duplicate and delete, each asked in a dialog first. Rename and delete send the
 * model's ETag, so that a change someone made meanwhile is not lost without a word (409).
 */
import { useState } from 'preact/hooks';
import { api } from './api';
import { Dialog, yamlName } from './dialog';

type Action = 'rename' | 'duplicate' | 'delete';

/** "orders.yaml" → "orders-copy.yaml". */
const copyName = (name: string) => name.replace(/(\.[^.]+)?$/, (ext) => `-copy${ext}`);

export function ModelActions(props: { name: string; onChange(): void }) {
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  const done = () => {
    setOpen(null);
    props.onChange();
  };
  return (
    <span class="model-actions">
      {(['rename', 'duplicate', 'delete'] as const).map((action) => (
        <button
          type="button"
          key={action}
          class={`action-${action}`}
          aria-label={`${action[0]?.toUpperCase()}${action.slice(1)} ${props.name}`}
          onClick={() => setOpen(action)}
        >
          {action[0]?.toUpperCase()}
          {action.slice(1)}
        </button>
      ))}
      {open === 'rename' ? <RenameDialog name={props.name} onClose={close} onDone={done} /> : null}
      {open === 'duplicate' ? <DuplicateDialog name={props.name} onClose={close} onDone={done} /> : null}
      {open === 'delete' ? <DeleteDialog name={props.name} onClose={close} onDone={done} /> : null}
    </span>
  );
}

interface ActionProps {
  name: string;
  onClose(): void;
  onDone(): void;
}

function NameField(props: { value: string; onInput(value: string): void }) {
  return (
    <label class="field">
      New file name
      <input name="to" required value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </label>
  );
}

function RenameDialog(props: ActionProps) {
  const [to, setTo] = useState(props.name);
  const rename = async () => {
    const { etag } = await api.model(props.name);
    await api.rename(props.name, yamlName(to), etag);
    props.onDone();
  };
  return (
    <Dialog title={`Rename ${props.name}`} submit="Rename" onSubmit={rename} onClose={props.onClose}>
      <NameField value={to} onInput={setTo} />
      <p class="note">Files that import this model by its old name will need the new one.</p>
    </Dialog>
  );
}

function DuplicateDialog(props: ActionProps) {
  const [to, setTo] = useState(copyName(props.name));
  const duplicate = async () => {
    await api.duplicate(props.name, yamlName(to));
    props.onDone();
  };
  return (
    <Dialog title={`Duplicate ${props.name}`} submit="Duplicate" onSubmit={duplicate} onClose={props.onClose}>
      <NameField value={to} onInput={setTo} />
    </Dialog>
  );
}

function DeleteDialog(props: ActionProps) {
  const remove = async () => {
    const { etag } = await api.model(props.name);
    await api.remove(props.name, etag);
    props.onDone();
  };
  return (
    <Dialog title={`Delete ${props.name}?`} submit="Delete" danger onSubmit={remove} onClose={props.onClose}>
      <p>The file is removed from the workspace. This cannot be undone.</p>
    </Dialog>
  );
}
