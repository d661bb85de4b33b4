/**
 * `linesight log journeys`: what the log says about journeys, as text or JSON: which contacts were
 * counted and how that was decided, channel switching, repeat contacts, call drivers by activity
 * and attribute with their statistics, signs that the website fails to communicate, and pairs of
 * activities. Each section says when it has nothing to show, and what it counted.
 */

import { textTable } from '../../analysis/report/table.js';
import { type JourneyOptionText, readJourneyOptions } from '../../mining/journey-options.js';
import { type Effect, type JourneyAnalytics, journeyAnalytics } from '../../mining/journeys.js';
import { perMonthText } from '../../mining/per-month-text.js';
import { SIGNS_BY_NAME } from '../../mining/web-signs.js';
import { formatDuration } from '../../model/units.js';
import { grouped } from '../../text/grouped.js';
import { plural } from '../../text/plural.js';
import { type Io, UsageError } from '../io.js';
import { logName } from './log.js';
import { type StoreOptions, withLogStore } from './log-store.js';

export async function logJourneysCommand(o: StoreOptions & JourneyOptionText, io: Io): Promise<number> {
  const read = readJourneyOptions(o);
  if (!read.ok) {
    const flag = read.option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new UsageError(`--${flag}: ${read.message}`);
  }
  return withLogStore(o, 'read', async (store) => {
    const log = await logName(store, o);
    const j = await journeyAnalytics(store, log, read.options);
    for (const w of j.warnings) io.err(`warning: ${w}\n`);
    if (o.json) io.out(`${JSON.stringify(j, null, 2)}\n`);
    else io.out(journeysText(log, j, read.options.repeatWindow ?? 7 * 86400));
    return 0;
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Contact activities named on the line; --json gives them all. */
const SHOWN_CONTACTS = 25;

/** The contact activities with their events; past SHOWN_CONTACTS, those with the most, and how many more. */
function listed(xs: { activity: string; events: number }[]): string {
  if (xs.length === 0) return 'none';
  const shown =
    xs.length > SHOWN_CONTACTS ? [...xs].sort((a, b) => b.events - a.events).slice(0, SHOWN_CONTACTS) : xs;
  const more = xs.length - shown.length;
  const text = shown.map((x) => `${x.activity} ${grouped(x.events)}`).join(', ');
  return more > 0 ? `${text} and ${grouped(more)} more (--json lists them all)` : text;
}

export function journeysText(log: string, j: JourneyAnalytics, repeatWindow: number): string {
  const e = j.evidence;
  return [
    `Log '${log}': ${plural(j.customers, 'customer')}`,
    '',
    'Contacts counted',
    `  ${grouped(j.contacts.inboundEvents)} started by the customer (inbound): ${listed(j.contacts.inbound)}`,
    `  not counted, started by the company (outbound): ${listed(j.contacts.outbound)}`,
    `  contacts are ${j.contacts.contactsBy}`,
    `  who started them: ${j.contacts.directionBy}`,
    '',
    'Channel switching',
    ...switching(j),
    '',
    `Repeat contacts (inbound, same customer, same topic, within ${formatDuration(repeatWindow)})`,
    j.repeats.length
      ? textTable(
          ['Topic', 'Contacts', 'Repeats', 'First-contact resolution'],
          j.repeats.slice(0, 15).map((r) => [r.topic, r.contacts, r.repeats, pct(r.firstContactResolution)]),
        )
      : '  no inbound contact in the log: nothing to show',
    '',
    'Findings',
    ...(j.findings.length
      ? j.findings.map((f) => `  - ${f.text}`)
      : ['  no attribute value drives contacts at this level']),
    '',
    `Call drivers by activity and attribute (${e.by.length ? `attributes: ${e.by.join(', ')}` : 'no attribute sought'}), ranked by the contacts they explain`,
    `  a unit is a customer-day; contacted: an inbound contact within ${formatDuration(e.window)}; others: the customer-days of the same kind without it`,
    `  tested when ${e.minExposed} or more were exposed (${plural(j.driversBelowMinimum, 'candidate')} had fewer); Holm-corrected at ${e.level}; ${perMonthText(e.months)}`,
    effects(j.attributeDrivers.slice(0, 20), 'no candidate was exposed often enough to be tested'),
    '',
    'Signs that the website fails to communicate, ranked like the drivers',
    `  found by ${j.webSignsBy}${j.webSignsBy === SIGNS_BY_NAME ? ' (with --web-signs)' : ''}`,
    ...j.webSignsReadFrom.map((r) => `  ${r}`),
    effects(j.webSigns, 'no sign was found often enough to be tested'),
    '',
    `Activity pairs (a touchpoint, then an inbound contact within ${formatDuration(e.window)}; lift against ever making that contact)`,
    j.drivers.length
      ? textTable(
          ['Before', 'Contact', 'Customers', 'Support', 'Confidence', 'Lift'],
          j.drivers
            .slice(0, 15)
            .map((d) => [
              d.driver,
              d.contact,
              d.customers,
              d.support.toFixed(3),
              d.confidence.toFixed(3),
              d.lift.toFixed(2),
            ]),
        )
      : '  no pair reaches the minimum support',
    '',
  ].join('\n');
}

function switching(j: JourneyAnalytics): string[] {
  if (j.channelledCustomers === 0) return ['  the log names no channel: no switching to show'];
  if (j.switches.length === 0)
    return [
      `  no customer switches channel (${plural(j.channelledCustomers, 'customer')} with a channel counted)`,
    ];
  return [
    `  ${pct(j.switchingCustomers)} of the ${plural(j.channelledCustomers, 'customer')} seen on a channel change channel at least once`,
    textTable(
      ['From', 'To', 'Count'],
      j.switches.slice(0, 15).map((s) => [s.from, s.to, s.count]),
    ),
  ];
}

function effects(list: Effect[], none: string): string {
  if (list.length === 0) return `  ${none}`;
  return textTable(
    [
      'Driver',
      'Kind',
      'Activity',
      'Value',
      'Exposed',
      'Contacted',
      'Rate',
      'Others',
      'Lift (95% interval)',
      'Excess',
      'Per 1,000',
      'Per month',
      'p (Holm)',
    ],
    list.map((x) => [
      x.significant ? 'yes' : 'no',
      x.kind,
      x.activity,
      x.value ?? '',
      x.exposed,
      x.exposedContacted,
      pct(x.rateExposed),
      pct(x.rateUnexposed),
      Number.isFinite(x.lift)
        ? `${x.lift.toFixed(2)} (${x.low.toFixed(2)}-${x.high.toFixed(2)})`
        : 'no others to compare',
      x.excess.toFixed(0),
      x.excessPer1000.toFixed(1),
      x.excessPerMonth.toFixed(1),
      x.pAdjusted < 0.0001 ? '<0.0001' : x.pAdjusted.toFixed(4),
    ]),
  );
}
