/** Channel switching: how often a customer's next event is on another channel, and how many customers ever switch. */
import type { JourneyEvidenceSource } from './journey-evidence.js';
import { byteOrder } from './shard-discovery.js';

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

export async function channelSwitching(
  source: JourneyEvidenceSource,
  log: string,
): Promise<ChannelSwitching> {
  const { channelled, switchers, switches } = await source.channelSwitches(log);
  return {
    switches: [...switches].sort(
      (a, b) => b.count - a.count || byteOrder(a.from, b.from) || byteOrder(a.to, b.to),
    ),
    switchingCustomers: channelled === 0 ? 0 : switchers / channelled,
    channelledCustomers: channelled,
  };
}
