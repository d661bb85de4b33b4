/**
 * Where journeys start and where they end, observed against the model, per segment: each place's
 * journeys beside those the model expects, its share in the log and in the model with its z score,
 * and the chi-square verdict, so that a log in which far more customers start on the phone than the
 * model says is seen at once.
 */
import { oneModelledPlace } from '../../src/mining/start-end-fit';
import { fixed } from '../../src/text/precision';
import type { Conformance } from './api';

type Places = Conformance['starts'][number];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** An expected count is a mean: a decimal where it tells, none where the count is large. */
const expectedCount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 });

function PlacesTable({
  fit,
  what,
  names,
  segments,
}: {
  fit: Places;
  what: string;
  names: Record<string, string>;
  segments: Record<string, string>;
}) {
  // The largest departures first, as shown (to a tenth): places alike stay in the order given,
  // most journeys first, rather than ordered by noise in the last digits.
  const shownZ = (z: number | null | undefined) =>
    z === null || z === undefined ? Number.MAX_SAFE_INTEGER : Math.round(Math.abs(z) * 10);
  const shown = [...fit.places].sort((a, b) => shownZ(b.z) - shownZ(a.z)).slice(0, 8);
  // Nothing to test: the places would all read 0 journeys.
  if (fit.verdict === 'none')
    return (
      <p class="verdict none">
        {fit.segment ? `${segments[fit.segment] ?? fit.segment}: no` : 'No'} journey of the log {what}s at a
        step of the model: map its activities to steps to test this.
      </p>
    );
  return (
    <>
      <p class={`verdict ${fit.verdict}`}>
        {fit.segment ? `${segments[fit.segment] ?? fit.segment}: where` : 'Where'}{' '}
        {fit.count.toLocaleString('en-US')} journeys {what} {fit.verdict === 'fits' ? 'fits' : 'differs from'}{' '}
        the model (
        {oneModelledPlace(fit) ??
          `chi-square ${fit.chiSquare.toFixed(1)} on ${fit.df} ${fit.df === 1 ? 'degree' : 'degrees'} of freedom, p ${fit.p < 0.001 ? '< 0.001' : fit.p.toFixed(3)}`}
        ).
      </p>
      <table class="list places">
        <thead>
          <tr>
            <th>Step</th>
            <th>Journeys</th>
            <th>Expected</th>
            <th>In the log</th>
            <th>In the model</th>
            <th>z</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.step} class={p.z === null || Math.abs(p.z) >= 4 ? 'off' : ''}>
              <td>{names[p.step] ?? p.step}</td>
              <td>{p.observed.toLocaleString('en-US')}</td>
              <td>{expectedCount(p.expected)}</td>
              <td>{pct(p.observedShare)}</td>
              <td>{pct(p.modelledShare)}</td>
              <td>{p.z === null ? 'not in the model' : fixed(p.z, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function PlacesFit({ fit }: { fit: Conformance }) {
  return (
    <div class="places-fit">
      <h3>Where journeys start</h3>
      {fit.starts.map((s) => (
        <PlacesTable
          key={`start:${s.segment ?? ''}`}
          fit={s}
          what="start"
          names={fit.names}
          segments={fit.segmentNames}
        />
      ))}
      <h3>Where journeys end</h3>
      {fit.ends.map((s) => (
        <PlacesTable
          key={`end:${s.segment ?? ''}`}
          fit={s}
          what="end"
          names={fit.names}
          segments={fit.segmentNames}
        />
      ))}
    </div>
  );
}
