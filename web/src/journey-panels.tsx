/** What a log's journeys show beside its graph: call drivers, channel switching, repeat contacts. */
import type { JourneyAnalytics } from './api';
import { DriversPanel } from './drivers-panel';

export function JourneyPanels({ j }: { j: JourneyAnalytics }) {
  return (
    <>
      <DriversPanel j={j} />
      <h2>Channel switching</h2>
      {j.switches.length === 0 ? (
        <p class="status">No customer changes channel (or the log names no channels).</p>
      ) : (
        <>
          <p class="switching">
            {(j.switchingCustomers * 100).toFixed(1)}% of the {j.channelledCustomers.toLocaleString('en-US')}{' '}
            customers seen on a channel change channel at least once.
          </p>
          <table class="list switches">
            <tbody>
              {j.switches.slice(0, 10).map((x) => (
                <tr key={`${x.from}>${x.to}`}>
                  <td>{x.from}</td>
                  <td>→ {x.to}</td>
                  <td>{x.count === 1 ? 'once' : `${x.count.toLocaleString('en-US')} times`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Repeat contacts</h2>
      {j.repeats.some((r) => r.repeats > 0) ? (
        <table class="list repeats">
          <thead>
            <tr>
              <th>Topic</th>
              <th>Contacts</th>
              <th>Repeats within 7 days</th>
              <th>First-contact resolution</th>
            </tr>
          </thead>
          <tbody>
            {j.repeats
              .filter((r) => r.repeats > 0)
              .slice(0, 10)
              .map((r) => (
                <tr key={r.topic}>
                  <td>{r.topic}</td>
                  <td>{r.contacts}</td>
                  <td>{r.repeats}</td>
                  <td>{(r.firstContactResolution * 100).toFixed(1)}%</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <p class="status">No customer comes back about the same topic within 7 days.</p>
      )}
    </>
  );
}
