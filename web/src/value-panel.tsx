/** Whether a scenario pays: its net value per month against the baseline, what it rests on, and what would change the answer. */
import { formatMoney } from '../../src/model/units';
import { type ScenarioValue, VALUE_VERDICT_WORDS } from '../../src/simulation/scenario-value';

const ANSWERS = { pays: 'Pays', costs: 'Costs more than it brings', unclear: 'No clear difference' } as const;

export function ValuePanel(props: { value: ScenarioValue }) {
  const v = props.value;
  const c = v.currency;
  const p = v.perMonth;
  return (
    <div class="value">
      <h3>Does it pay?</h3>
      <p class={`value-answer ${v.verdict}`}>
        <strong>{ANSWERS[v.verdict]}</strong>: {formatMoney(p.mean, c)} a month
        {p.n > 1 ? ` (95% interval ${formatMoney(p.low, c)} to ${formatMoney(p.high, c)})` : ''}, scenario
        minus baseline.
      </p>
      <table class="list">
        <thead>
          <tr>
            <th>Part of the difference</th>
            <th>A month (95% interval)</th>
          </tr>
        </thead>
        <tbody>
          {v.parts.map((x) => (
            <tr key={x.key}>
              <td>{x.label}</td>
              <td>
                {formatMoney(x.perMonth.mean, c)} ± {formatMoney(x.perMonth.halfWidth, c, false)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>What it rests on, and what would change the answer</h4>
      <table class="list">
        <thead>
          <tr>
            <th>Assumption</th>
            <th>Value</th>
            <th>At its low end</th>
            <th>At its high end</th>
            <th>Break-even</th>
            <th>Written at</th>
          </tr>
        </thead>
        <tbody>
          {v.assumptions.map((a) => {
            const s = v.sensitivity.find((x) => x.key === a.key);
            return (
              <tr key={a.key} class={s?.verdictChanges ? 'verdict-changes' : ''}>
                <td>
                  {a.label}
                  {a.note ? <div class="note">{a.note}</div> : null}
                </td>
                <td>{a.value}</td>
                <td>
                  {s ? `${s.lowValue}: ${formatMoney(s.low, c)} (${VALUE_VERDICT_WORDS[s.lowVerdict]})` : '-'}
                </td>
                <td>
                  {s
                    ? `${s.highValue}: ${formatMoney(s.high, c)} (${VALUE_VERDICT_WORDS[s.highVerdict]})`
                    : '-'}
                </td>
                <td>{s?.breakEven ?? 'none'}</td>
                <td>
                  <code>{a.source}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint">
        {v.sensitivity.some((s) => s.verdictChanges)
          ? `The verdict changes with: ${v.sensitivity
              .filter((s) => s.verdictChanges)
              .map((s) => s.label)
              .join('; ')}.`
          : 'No single assumption, at either end of its range, changes the verdict.'}{' '}
        Each assumption is moved alone, the others as written; without a written range, from half to one and a
        half times its value.
      </p>
    </div>
  );
}
