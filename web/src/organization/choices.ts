/** The fixed choices of the Organization tab's pick lists, as the forms name them. */

import type { Item } from '../../../src/model/edits/plans/model-data';
import { CHANNEL_MODES, END_OUTCOMES, SYSTEM_KINDS } from '../../../src/model/schema';

const plain = (values: readonly string[]): Item[] => values.map((id) => ({ id }));

export const VISIBILITY: Item[] = [
  { id: 'frontstage', name: 'Frontstage (the customer sees it)' },
  { id: 'backstage', name: 'Backstage' },
];
export const SYSTEM_KIND: Item[] = plain(SYSTEM_KINDS);
export const CHANNEL_MODE: Item[] = plain(CHANNEL_MODES);
export const OUTCOME: Item[] = END_OUTCOMES.map((id) => ({
  id,
  name: id === 'success' ? 'Success (e.g. order received)' : 'Exit (e.g. abandoned)',
}));
export const ASSIGNMENT: Item[] = [
  { id: 'pooled', name: 'Pooled (any free member)' },
  { id: 'dedicated', name: 'Dedicated (one member per customer)' },
];
export const DISCIPLINE: Item[] = [
  { id: 'fifo', name: 'First come, first served' },
  { id: 'priority', name: 'By segment priority' },
];
