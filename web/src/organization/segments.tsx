/** Customer segments: their share of arrivals (in percent, with the total checked), patience. */

import { itemPath } from '../../../src/model/edits/plans/org-kinds';
import { fieldEdit } from '../../../src/model/edits/plans/organization';
import { percentOf, shareOf, shareTotal } from '../../../src/model/edits/plans/values';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind } from './bind';
import { ElementCard } from './element-card';
import { useOpenItems } from './open-items';
import { Section } from './section';

function ShareTotal(props: { doc: Doc }) {
  const total = shareTotal(props.doc.data.segments);
  if (total === undefined) return <span>No segment gives a share: arrivals are split evenly.</span>;
  if (total === 100) return <span class="ok">The shares sum to 100 %.</span>;
  return (
    <span class="field-problem error" role="alert">
      The shares sum to {total} %, not 100 %.
    </span>
  );
}

export function Segments(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const add = adder(doc, open, 'segment');
  return (
    <Section
      title="Segments"
      count={doc.data.segments.length}
      noun="segment"
      onAdd={add}
      note={<ShareTotal doc={doc} />}
    >
      {doc.data.segments.map((segment) => {
        const path = itemPath('segment', segment.id);
        const percent = percentOf(segment.share);
        return (
          <ElementCard
            key={segment.id}
            doc={doc}
            kind="segment"
            item={segment}
            open={open}
            detail={percent === undefined ? undefined : `${percent} %`}
          >
            <TextField label="Name" {...bind(doc, path, segment, 'name')} />
            <TextField
              label="Share (%)"
              type="number"
              min={0}
              max={100}
              step={1}
              value={percent === undefined ? String(segment.share ?? '') : String(percent)}
              problems={doc.problems([...path, 'share'])}
              onCommit={(typed) => doc.edit([fieldEdit([...path, 'share'], shareOf(typed))])}
            />
            <TextField
              label="Patience in a queue"
              placeholder="e.g. exp(4 min)"
              {...bind(doc, path, segment, 'patience')}
            />
            <TextField label="Description" wide {...bind(doc, path, segment, 'description')} />
          </ElementCard>
        );
      })}
    </Section>
  );
}
