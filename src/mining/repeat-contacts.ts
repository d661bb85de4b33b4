/** Repeat contacts: a customer's contact on the same topic within the window of the one before. */
import { fieldSql } from './contact-classification.js';
import { type EventStore, queryRows } from './store.js';

export interface Repeat {
  topic: string;
  contacts: number;
  repeats: number;
  /** Share of contacts on this topic that are not repeats of one within the window. */
  firstContactResolution: number;
}

export async function repeatContacts(
  store: EventStore,
  log: string,
  options: { contact: string; topic?: string; windowUs: number },
): Promise<Repeat[]> {
  const topic = options.topic ? `coalesce(${fieldSql(options.topic)}, activity)` : 'activity';
  const rows = await queryRows(
    store,
    `
    with contacts as (
      select ${topic} as topic, ts_us, lag(ts_us) over (partition by case_id, ${topic} order by ts_us, seq) as previous
      from events where log = $log and ${options.contact})
    select topic, count(*) as contacts,
      count(*) filter (where previous is not null and ts_us - previous <= ${Math.round(options.windowUs)}) as repeats
    from contacts group by topic order by repeats desc, contacts desc, topic`,
    { log },
  );
  return rows.map((r) => ({
    topic: String(r.topic),
    contacts: Number(r.contacts),
    repeats: Number(r.repeats),
    firstContactResolution: 1 - Number(r.repeats) / Math.max(1, Number(r.contacts)),
  }));
}
