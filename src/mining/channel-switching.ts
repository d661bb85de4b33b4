/** Channel switching: how often a customer's next event is on another channel, and how many customers ever switch. */
import { type EventStore, queryRows } from './store.js';

export interface ChannelSwitch {
  from: string;
  to: string;
  count: number;
}

export interface ChannelSwitching {
  switches: ChannelSwitch[];
  /** Share of the customers counted who switch channel at least once (0 when none is counted). */
  switchingCustomers: number;
  /** Customers with a channel on at least one event: those the share is of. */
  channelledCustomers: number;
}

export async function channelSwitching(store: EventStore, log: string): Promise<ChannelSwitching> {
  const rows = (sql: string) => queryRows(store, sql, { log });
  const [counted] = await rows(
    'select count(distinct case_id) filter (where channel is not null) as n from events where log = $log',
  );
  const channelledCustomers = Number(counted?.n ?? 0);
  // A log that names no channel has no switching to look for.
  if (channelledCustomers === 0) return { switches: [], switchingCustomers: 0, channelledCustomers };
  // One pass of the window for both figures: each pass over ten million events takes seconds.
  const switches = await rows(`
    with s as materialized (
      select case_id, channel, lead(channel) over (partition by case_id order by ts_us, seq) as next_channel
      from events where log = $log and channel is not null),
    switched as materialized (select case_id, channel, next_channel from s where channel <> next_channel)
    select channel as source, next_channel as target, count(*) as n,
      (select count(distinct case_id) from switched) as customers
    from switched group by 1, 2 order by n desc, 1, 2`);
  const switching = { n: switches[0]?.customers ?? 0 };
  return {
    switches: switches.map((r) => ({ from: String(r.source), to: String(r.target), count: Number(r.n) })),
    switchingCustomers: Number(switching?.n ?? 0) / channelledCustomers,
    channelledCustomers,
  };
}
