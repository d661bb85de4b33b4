/**
 * A what-if's results as a manager reads them: a headline per scenario (whether it pays, what
 * moved most), the baseline and every scenario side by side in one table with one unit per KPI,
 * an interval chart per scenario on a shared axis, and what a money figure rests on (value-panel).
 */
import { scenarioHeadline } from '../../src/simulation/readout/headline';
import { intervalChart, symmetricAxis } from '../../src/simulation/readout/interval-chart';
import { rowUnits, sideBySide, type WhatIfReadoutInput } from '../../src/simulation/readout/side-by-side';
import { verdictTone } from '../../src/simulation/readout/verdict';
import { IntervalChart } from './interval-chart';
import { ValuePanel } from './value-panel';

export function WhatIfResults(props: { result: WhatIfReadoutInput }) {
  const input = props.result;
  const units = rowUnits(input);
  const side = sideBySide(input);
  const charts = input.scenarios.map((s) => intervalChart(s.differences, input.kpis));
  // One axis for every scenario, so that their charts compare at a glance.
  const axis = symmetricAxis(Math.max(0, ...charts.map((c) => c.axis.limit)));
  return (
    <div class="results">
      {input.scenarios.map((s, i) => {
        const h = scenarioHeadline(s, input.kpis, units);
        const chart = charts[i];
        return (
          <div key={s.id} class="headline">
            <h2>{s.name}</h2>
            <p class={`pays-line ${s.value ? s.value.verdict : 'none'}`}>
              {h.value
                ? sentence(h.value)
                : 'No money figure: the model has no economics to value the change.'}
            </p>
            {h.moved.length > 0 ? (
              <ul class="moved">
                {h.moved.map((m) => (
                  <li key={m.key}>
                    {m.label}: {m.fromTo}, <span class={m.verdict}>{m.verdict}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>No KPI with a direction changed clearly: every 95% interval of a change includes zero.</p>
            )}
            {chart && chart.bars.length > 0 ? (
              <IntervalChart
                bars={chart.bars}
                axis={axis}
                title={`${s.name}: changes against the baseline`}
              />
            ) : null}
            {chart && chart.bars.length > 0 ? (
              <p class="note chart-legend">
                <span class="better">● better</span>
                <span class="worse">● worse</span>
                <span class="neutral">● no clear difference</span>A dot is the mean change, its bar the 95%
                interval; a bar across the zero line is no clear difference.
              </p>
            ) : null}
            {chart && chart.leftOut.length > 0 ? (
              <p class="note">
                Not charted (no baseline value to relate them to): {chart.leftOut.join(', ')}.
              </p>
            ) : null}
          </div>
        );
      })}
      <h2>Baseline and scenarios side by side</h2>
      <table class="list side-by-side">
        <thead>
          <tr>
            <th>KPI (mean ± 95% interval)</th>
            <th>Unit</th>
            <th class="num">Baseline</th>
            {side.scenarios.map((s) => [
              <th key={`${s.id}-v`} class="num scenario-name">
                {s.name}
              </th>,
              <th key={`${s.id}-c`} class="num">
                Change
              </th>,
              <th key={`${s.id}-w`}>Verdict</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {side.rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td>{r.unitText}</td>
              <td class="num">{r.baseline}</td>
              {r.scenarios.map((c, i) => [
                <td key={`v${i}`} class="num">
                  {c.figures}
                </td>,
                <td key={`c${i}`} class="num">
                  {c.change}
                </td>,
                <td key={`w${i}`} class={verdictTone(c.verdict)}>
                  {c.verdict}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
      {side.notes.map((n) => (
        <p key={n} class="note">
          {n}
        </p>
      ))}
      {/* What each money figure rests on: long, so after the table every scenario shares. */}
      {input.scenarios.map((s) =>
        s.value ? (
          <div key={`value-${s.id}`} class="value-of">
            <h2>{s.name}: the money figure</h2>
            <ValuePanel value={s.value} />
          </div>
        ) : null,
      )}
    </div>
  );
}

/** The headline's phrase as a sentence of its own: "Pays EUR 12,300 a month (...)." */
const sentence = (phrase: string) => `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
