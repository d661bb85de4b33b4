/**
 * What drives contacts, as the data page shows it: the findings in words, the activities and the
 * attribute values (product, page, topic) that make a contact more likely, each with its lift, the
 * 95% interval and the contacts a month it explains; the signs that the website fails to
 * communicate; the activity pairs; and which contacts were counted, and how that was decided.
 */
import type { JourneyAnalytics } from '../../src/mining/journeys';
import { perMonthText } from '../../src/mining/per-month-text';
import { plural } from '../../src/text/plural';

type Effect = JourneyAnalytics['attributeDrivers'][number];

const what = (e: Effect) =>
  e.kind === 'activity' ? e.activity : e.value === undefined ? e.kind : `${e.activity}, ${e.kind} ${e.value}`;
/** A lift, or a dash where there was nothing to compare (NaN, null in JSON). */
const ratio = (x: number | null) =>
  x === null || !Number.isFinite(x) ? '-' : x >= 10 ? x.toFixed(0) : x.toFixed(2);

function EffectTable({ effects, name }: { effects: Effect[]; name: string }) {
  return (
    <table class={`list effects ${name}`}>
      <thead>
        <tr>
          <th>What the customer did</th>
          <th>Contact rate after it</th>
          <th>Lift (95% interval)</th>
          <th>Extra contacts a month</th>
        </tr>
      </thead>
      <tbody>
        {effects.map((e) => (
          <tr key={`${e.kind}\u0000${e.activity}\u0000${e.value ?? ''}`}>
            <td>{what(e)}</td>
            <td>
              {(e.rateExposed * 100).toFixed(1)}% against {(e.rateUnexposed * 100).toFixed(1)}%
            </td>
            <td>
              {ratio(e.lift)} ({ratio(e.low)} to {ratio(e.high)})
            </td>
            <td>{Math.round(e.excessPerMonth).toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DriversPanel({ j }: { j: JourneyAnalytics }) {
  const rising = (e: Effect) => e.significant && e.lift > 1;
  const drivers = j.attributeDrivers.filter(rising).slice(0, 15);
  const signs = j.webSigns.filter(rising);
  const test = `at the ${j.evidence.level} level, Holm-corrected`;
  return (
    <>
      <h2>What drives contacts</h2>
      <p class="counted">
        Counted: {j.contacts.inboundEvents.toLocaleString('en-US')} contacts the customers started, found as{' '}
        {j.contacts.contactsBy}. Not counted: {j.contacts.outboundEvents.toLocaleString('en-US')} the company
        started, told apart by {j.contacts.directionBy}. A contact within{' '}
        {Math.round(j.evidence.window / 3600)} h of what the customer did on a day counts for it. Extra
        contacts a month: {perMonthText(j.evidence.months)}.
      </p>
      {j.findings.length > 0 ? (
        <ul class="driver-findings">
          {j.findings.map((f) => (
            <li key={f.text}>{f.text}</li>
          ))}
        </ul>
      ) : null}
      {drivers.length > 0 ? (
        <EffectTable effects={drivers} name="drivers" />
      ) : (
        <p class="status">
          Nothing the customers did makes a contact significantly more likely ({test}
          {j.driversBelowMinimum > 0
            ? `; ${plural(j.driversBelowMinimum, 'candidate')} had too few days to test`
            : ''}
          ).
        </p>
      )}
      <h2>Signs that the website fails to communicate</h2>
      <p class="counted">
        Found by {j.webSignsBy}: {j.webSignsReadFrom.join('; ')}.
      </p>
      {signs.length > 0 ? (
        <EffectTable effects={signs} name="signs" />
      ) : (
        <p class="status">
          {j.webSignsReadFrom.length > 0
            ? `No sign is followed by significantly more contacts (${test}).`
            : 'The log has no searches with a result count, page views or forms to look for signs in.'}
        </p>
      )}
      {j.drivers.some((d) => d.lift > 1) ? (
        <>
          <h3>Activity pairs</h3>
          <table class="list">
            <tbody>
              {j.drivers
                .filter((d) => d.lift > 1)
                .slice(0, 10)
                .map((d) => (
                  <tr key={`${d.driver}>${d.contact}`}>
                    <td>{d.driver}</td>
                    <td>→ {d.contact}</td>
                    <td>lift {d.lift.toFixed(2)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
