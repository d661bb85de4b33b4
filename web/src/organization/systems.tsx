/** Systems: the website and IVR the customer uses, the CRM and ERP behind. */

import { itemPath } from '../../../src/model/edits/plans/org-kinds';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind } from './bind';
import { SYSTEM_KIND, VISIBILITY } from './choices';
import { ElementCard } from './element-card';
import { useOpenItems } from './open-items';
import { Section } from './section';

export function Systems(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const add = adder(doc, open, 'system');
  return (
    <Section title="Systems" count={doc.data.systems.length} noun="system" onAdd={add}>
      {doc.data.systems.map((system) => {
        const path = itemPath('system', system.id);
        const kind = String(system.kind ?? 'other');
        const visibility = String(system.visibility ?? 'backstage');
        return (
          <ElementCard
            key={system.id}
            doc={doc}
            kind="system"
            item={system}
            open={open}
            detail={`${kind} · ${visibility}`}
          >
            <TextField label="Name" {...bind(doc, path, system, 'name')} />
            <PickField label="Kind" {...bind(doc, path, system, 'kind')} value={kind} choices={SYSTEM_KIND} />
            <PickField
              label="Visibility"
              {...bind(doc, path, system, 'visibility')}
              value={visibility}
              choices={VISIBILITY}
            />
            <PickField
              label="Owner department"
              {...bind(doc, path, system, 'owner')}
              value={system.owner as string | undefined}
              choices={doc.data.departments}
              none="no owner"
            />
            <TextField label="Description" wide {...bind(doc, path, system, 'description')} />
          </ElementCard>
        );
      })}
    </Section>
  );
}
