/** Internal processes (order-to-cash) that backstage activities belong to, with their APQC and BPMN links. */

import type { Item } from '../../../src/model/edits/plans/model-data';
import { itemPath } from '../../../src/model/edits/plans/org-kinds';
import { bpmnEdit } from '../../../src/model/edits/plans/organization';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind } from './bind';
import { ElementCard } from './element-card';
import { type OpenItems, useOpenItems } from './open-items';
import { Section } from './section';

function BpmnFields(props: { doc: Doc; process: Item }) {
  const { doc, process } = props;
  const path = itemPath('process', process.id);
  const link = process.bpmn;
  // A bare id names a process or an activity of a BPMN file the model does not name.
  if (typeof link === 'string')
    return <TextField label="BPMN element id" {...bind(doc, path, process, 'bpmn')} />;
  const parts = (link ?? {}) as Record<string, unknown>;
  const part = (key: 'file' | 'process', label: string, placeholder: string) => (
    <TextField
      label={label}
      placeholder={placeholder}
      value={String(parts[key] ?? '')}
      problems={doc.problems([...path, 'bpmn', key])}
      onCommit={(typed) => doc.edit([bpmnEdit(path, link, key, typed)])}
    />
  );
  return (
    <>
      {part('file', 'BPMN file', 'bpmn/order-to-cash.bpmn')}
      {part('process', 'BPMN process id', 'Process_OrderToCash')}
    </>
  );
}

function Process(props: { doc: Doc; process: Item; open: OpenItems }) {
  const { doc, process } = props;
  const path = itemPath('process', process.id);
  return (
    <ElementCard
      doc={doc}
      kind="process"
      item={process}
      open={props.open}
      detail={process.apqc as string | undefined}
    >
      <TextField label="Name" {...bind(doc, path, process, 'name')} />
      <PickField
        label="Owner department"
        {...bind(doc, path, process, 'owner')}
        value={process.owner as string | undefined}
        choices={doc.data.departments}
        none="no owner"
      />
      <TextField label="APQC code" placeholder="e.g. 6.2" {...bind(doc, path, process, 'apqc')} />
      <BpmnFields doc={doc} process={process} />
      <TextField label="Description" wide {...bind(doc, path, process, 'description')} />
    </ElementCard>
  );
}

export function Processes(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const add = adder(doc, open, 'process');
  return (
    <Section title="Processes" count={doc.data.processes.length} noun="process" onAdd={add}>
      {doc.data.processes.map((process) => (
        <Process key={process.id} doc={doc} process={process} open={open} />
      ))}
    </Section>
  );
}
