/**
 * The toolbar of the step selected on the canvas, and its keys when the diagram has the focus:
 * N adds a step after it, B a branch from it, C connects it to the next box clicked, Delete
 * deletes it.
 */
export type StepAction = 'after' | 'branch' | 'connect' | 'delete';

const ACTIONS: { action: StepAction; label: string; key: string; keys: string[] }[] = [
  { action: 'after', label: 'Add step after', key: 'N', keys: ['n'] },
  { action: 'branch', label: 'Add branch', key: 'B', keys: ['b'] },
  { action: 'connect', label: 'Connect to…', key: 'C', keys: ['c'] },
  { action: 'delete', label: 'Delete', key: 'Delete', keys: ['delete', 'backspace'] },
];

/** The action a key stands for, when no modifier is held. */
export function actionOfKey(e: KeyboardEvent): StepAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return ACTIONS.find((a) => a.keys.includes(e.key.toLowerCase()))?.action;
}

export function StepTools(props: { connecting: boolean; onAction(action: StepAction): void }) {
  return (
    <div class="step-tools" role="toolbar" aria-label="Selected step">
      {ACTIONS.map(({ action, label, key }) => (
        <button
          type="button"
          key={action}
          class={`${action === 'delete' ? 'delete' : ''}${action === 'connect' && props.connecting ? ' on' : ''}`}
          aria-pressed={action === 'connect' ? props.connecting : undefined}
          title={`${label} (${key})`}
          aria-keyshortcuts={key}
          onClick={() => props.onAction(action)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
