import type { Conformance } from './api';
import { PlacesFit } from './places-fit';

/** How the actual journeys fit the model: fitness, where they start and end, what customers do that it lacks, what nobody does. */
export function ConformanceView(props: { fit: Conformance; logCases?: number | undefined }) {
  const f = props.fit;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const count = (n: number) => n.toLocaleString('en-US');
  const perSegment = f.branches.some((b) => b.segment !== undefined);
  // Steps and ends by their names; the log's own markers ("(end)") and unknown ids as they are.
  const name = (id: string) => f.names[id] ?? id;
  // What of the user's mapping went unused, said beside the answer it would have changed.
  const problems =
    f.mappingProblems.length > 0 ? <p class="error">Not used: {f.mappingProblems.join('; ')}.</p> : null;
  // Nothing compared: the sections below would read as a perfect fit.
  if (f.moves === 0)
    return (
      <div class="conformance">
        {problems}
        <p class="fitness">
          Nothing to compare: no event of the log maps to a step of the model
          {f.unmappedActivities.length > 0 ? ` (not mapped: ${f.unmappedActivities.join(', ')})` : ''}. Map
          the activities to steps above, one line each, <code>activity: step id</code> (or{' '}
          <code>activity (channel): step id</code> for one channel's events).
        </p>
      </div>
    );
  // Led with when most of the log is left out: the figures below are about the mapped few alone
  // (a fitness of 50% and a significant start read as the log's, from 11 of its 80 cases).
  const share = props.logCases ? f.cases / props.logCases : 1;
  const few =
    share < 1 ? (
      <p class={share < 0.5 ? 'error coverage' : 'coverage'}>
        {count(f.cases)} of the log's {count(props.logCases ?? 0)} cases ({pct(share)}) have events mapped to
        the model's steps: the figures below are about them alone.
        {share < 0.5 ? ' Map more of the activities above before relying on them.' : ''}
      </p>
    ) : null;
  return (
    <div class="conformance">
      {problems}
      {few}
      <p class="fitness">
        Fitness {pct(f.fitness)}: {count(f.allowed)} of {count(f.moves)} moves are ones the model allows;{' '}
        {pct(f.fittingCases)} of {count(f.cases)} cases fit entirely.{' '}
        {f.unmappedActivities.length > 0 ? `Not mapped to a step: ${f.unmappedActivities.join(', ')}.` : ''}
        {f.startEventsLeftOut
          ? ' Each visit counts once, at its complete event (start events left out).'
          : ''}
      </p>
      <PlacesFit fit={f} />
      <h3>What customers do that the model lacks</h3>
      {f.notInModel.length === 0 ? (
        <p>Nothing: every move is in the model.</p>
      ) : (
        <table class="list">
          <tbody>
            {f.notInModel.slice(0, 10).map((d) => (
              <tr key={`${d.from}>${d.to}`}>
                <td>{name(d.from)}</td>
                <td>→ {name(d.to)}</td>
                <td>{count(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Ways on the model that nobody takes</h3>
      {f.neverTaken.length === 0 ? (
        <p>None: customers take every way on the model.</p>
      ) : (
        <ul class="never-taken">
          {f.neverTaken.slice(0, 15).map((d) => (
            <li key={`${d.from}>${d.to}`}>
              {name(d.from)} → {name(d.to)}
            </li>
          ))}
          {f.neverTaken.length > 15 ? <li>... and {f.neverTaken.length - 15} more</li> : null}
        </ul>
      )}
      <h3>Branches: observed against modelled</h3>
      <table class="list branches">
        <thead>
          <tr>
            {perSegment ? <th>Segment</th> : null}
            <th>Step</th>
            <th>To</th>
            <th>Observed</th>
            <th>Modelled</th>
            <th>Moves</th>
          </tr>
        </thead>
        <tbody>
          {[...f.branches]
            .sort((a, b) => b.moves - a.moves)
            .slice(0, 15)
            .map((b) => (
              <tr key={`${b.segment ?? ''}:${b.step}>${b.to}`}>
                {perSegment ? <td>{f.segmentNames[b.segment ?? ''] ?? b.segment}</td> : null}
                <td>{name(b.step)}</td>
                <td>{name(b.to)}</td>
                <td>{pct(b.observed)}</td>
                <td>{pct(b.modelled)}</td>
                <td>{count(b.moves)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
