/**
 * The events the evidence analyses read, taken once from the store into a temporary table: the
 * customer as a 64-bit hash (grouping and joining on it is cheaper than on the text; two customers
 * of ten million share one with a chance below one in a million), the time, the activity, whether
 * it is an inbound contact, and the attributes the analyses need, each read from the JSON once.
 */
import { fieldSql, isColumn } from './contact-classification.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';
import { workTable } from './work-table.js';

export interface EvidenceBase {
  table: string;
  /** The table's column holding an attribute or column of the log. */
  field(name: string): string;
  drop(): Promise<void>;
}

export async function evidenceBase(
  store: EventStore,
  log: string,
  inbound: string,
  fields: string[],
): Promise<EvidenceBase> {
  const names = [...new Set(fields)];
  const table = workTable('evidence_base');
  // The attributes parsed once per event for all the paths, not once per attribute.
  const json = names.filter((f) => !isColumn(f));
  const paths = json.map((f) => literal(`$."${f.replace(/"/g, '\\"')}"`)).join(', ');
  const value = (f: string) => (isColumn(f) ? fieldSql(f) : `fs[${json.indexOf(f) + 1}]`);
  await queryRows(
    store,
    `create temp table ${table} as
     select hash(case_id) as cid, ts_us, seq, ts_us // 86400000000 as day, activity, inbound
       ${names.map((f, i) => `, ${value(f)} as f${i}`).join('')}
     from (select *, (${inbound}) as inbound${json.length ? `, json_extract_string(attributes, [${paths}]) as fs` : ''}
           from events where log = $log)`,
    { log },
  );
  return {
    table,
    field: (name) => `f${names.indexOf(name)}`,
    drop: async () => {
      await queryRows(store, `drop table if exists ${table}`);
    },
  };
}
