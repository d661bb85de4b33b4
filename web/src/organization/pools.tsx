/** Pools (`resources:`): the staffed queues steps wait for, with their size, cost and queueing rules. */

import type { Item } from '../../../src/model/edits/plans/model-data';
import { itemPath } from '../../../src/model/edits/plans/org-kinds';
import { fieldEdit } from '../../../src/model/edits/plans/organization';
import { costOf, costText } from '../../../src/model/edits/plans/values';
import { MoneyField } from '../fields/money-field';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind, bindNumber } from './bind';
import { ASSIGNMENT, DISCIPLINE } from './choices';
import { ElementCard } from './element-card';
import { type OpenItems, useOpenItems } from './open-items';
import { Section } from './section';

function Pool(props: { doc: Doc; pool: Item; open: OpenItems }) {
  const { doc, pool } = props;
  const path = itemPath('resource', pool.id);
  const currency = typeof doc.data.raw.currency === 'string' ? doc.data.raw.currency : 'EUR';
  const cost = costOf(pool.cost, currency);
  const shifts = Array.isArray(pool.schedule) ? pool.schedule.length : 0;
  const size = pool.capacity ?? (shifts ? `${shifts} shifts` : undefined);
  return (
    <ElementCard
      doc={doc}
      kind="resource"
      item={pool}
      open={props.open}
      detail={size === undefined ? undefined : String(size)}
    >
      <TextField label="Name" {...bind(doc, path, pool, 'name')} />
      <PickField
        label="Staffed by role"
        {...bind(doc, path, pool, 'role')}
        value={pool.role as string | undefined}
        choices={doc.data.roles}
        none="no role"
      />
      <TextField
        label={shifts ? 'Capacity (most in any shift)' : 'Capacity (members)'}
        type="number"
        min={1}
        step={1}
        {...bindNumber(doc, path, pool, 'capacity')}
      />
      <MoneyField
        label="Cost per member and hour"
        amount={cost ? String(cost.amount) : ''}
        currency={cost?.currency ?? currency}
        problems={doc.problems([...path, 'cost'])}
        onCommit={(amount, cur) => doc.edit([fieldEdit([...path, 'cost'], costText(amount, cur))])}
      />
      <PickField
        label="Assignment"
        {...bind(doc, path, pool, 'assignment')}
        value={String(pool.assignment ?? 'pooled')}
        choices={ASSIGNMENT}
      />
      <PickField
        label="Queue order"
        {...bind(doc, path, pool, 'discipline')}
        value={String(pool.discipline ?? 'fifo')}
        choices={DISCIPLINE}
      />
      <TextField
        label="Patience in its queue"
        placeholder="e.g. exp(5 min)"
        {...bind(doc, path, pool, 'patience')}
      />
      {/* The target the staffing page staffs to and the contact-center figures are judged by. */}
      <TextField
        label="Service level target"
        placeholder="e.g. 80% in 20 s"
        {...bind(doc, path, pool, 'serviceLevel')}
      />
      {shifts ? (
        <p class="org-hint">
          Staffed by a schedule of {shifts} {shifts === 1 ? 'shift' : 'shifts'} (edit them in the YAML).
        </p>
      ) : null}
      <TextField label="Description" wide {...bind(doc, path, pool, 'description')} />
    </ElementCard>
  );
}

export function Pools(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const add = adder(doc, open, 'resource');
  return (
    <Section
      title="Pools"
      count={doc.data.resources.length}
      noun="pool"
      onAdd={add}
      note="Staffed pools a step queues for (a contact-center team, account executives)."
    >
      {doc.data.resources.map((pool) => (
        <Pool key={pool.id} doc={doc} pool={pool} open={open} />
      ))}
    </Section>
  );
}
