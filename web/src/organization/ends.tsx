/** Where journeys end: a success (order received) or an exit (abandoned). */

import { itemPath } from '../../../src/model/edits/plans/org-kinds';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind } from './bind';
import { OUTCOME } from './choices';
import { ElementCard } from './element-card';
import { useOpenItems } from './open-items';
import { Section } from './section';

export function Ends(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const add = adder(doc, open, 'end');
  return (
    <Section title="Ends" count={doc.data.ends.length} noun="end" onAdd={add}>
      {doc.data.ends.map((end) => {
        const path = itemPath('end', end.id);
        return (
          <ElementCard
            key={end.id}
            doc={doc}
            kind="end"
            item={end}
            open={open}
            detail={end.outcome as string | undefined}
          >
            <TextField label="Name" {...bind(doc, path, end, 'name')} />
            <PickField
              label="Outcome"
              {...bind(doc, path, end, 'outcome')}
              value={end.outcome as string | undefined}
              choices={OUTCOME}
            />
            <TextField label="Description" wide {...bind(doc, path, end, 'description')} />
          </ElementCard>
        );
      })}
    </Section>
  );
}
