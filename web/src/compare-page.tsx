/** Our journey against a competitor's, stage by stage. */
import { useEffect, useState } from 'preact/hooks';
import { aheadText } from '../../src/analysis/ahead-text';
import { api, type Comparison, problemText } from './api';

export function ComparePage() {
  const [models, setModels] = useState<string[]>([]);
  const [ours, setOurs] = useState('');
  const [theirs, setTheirs] = useState('');
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.models().then((list) => {
      setModels(list.filter((m) => m.ok).map((m) => m.name));
      // Ours by default is the model that shares the most stages with the competitor's journey.
      const competitor = list.find((m) => m.kind === 'competitor');
      const shared = (m: (typeof list)[number]) =>
        m.stages.filter((s) => competitor?.stages.includes(s)).length;
      const candidates = list.filter((m) => m.kind === 'model' && m.ok);
      const best = candidates.reduce<(typeof list)[number] | undefined>(
        (a, m) => (!a || shared(m) > shared(a) ? m : a),
        undefined,
      );
      setOurs(best?.name ?? '');
      setTheirs(competitor?.name ?? '');
    });
  }, []);
  const run = () => {
    setError('');
    api.compare(ours, theirs).then(setResult, (e) => setError(problemText(e)));
  };
  const same = ours !== '' && ours === theirs;
  const pick = (value: string, set: (v: string) => void) => (
    <select value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
      {models.map((m) => (
        <option key={m}>{m}</option>
      ))}
    </select>
  );
  return (
    <section>
      <h1>Us against a competitor</h1>
      <p>
        {pick(ours, setOurs)} against {pick(theirs, setTheirs)}{' '}
        <button type="button" onClick={run} disabled={same}>
          Compare
        </button>
        {same ? (
          <span class="status">both sides are the same model: pick another for one of them</span>
        ) : null}
      </p>
      {error ? <p class="error">{error}</p> : null}
      {result ? <ComparisonView result={result} /> : null}
    </section>
  );
}

function ComparisonView(props: { result: Comparison }) {
  const result = props.result;
  const them = result.theirs.competitor ?? result.theirs.name;
  // The stages by their names, as the tables write them.
  const names = (ids: string[]) =>
    ids.map((id) => result.stages.find((s) => s.stage === id)?.name ?? id).join(', ');
  return (
    <>
      <p>
        We lead in {names(result.stagesWeLead) || 'no stage'}; {them} leads in{' '}
        {names(result.stagesTheyLead) || 'no stage'}.
        {result.onlyOurs.length > 0 ? ` Only in our journey: ${names(result.onlyOurs)}.` : ''}
        {result.onlyTheirs.length > 0 ? ` Not in our journey: ${names(result.onlyTheirs)}.` : ''}
        {result.stages.some((s) => s.inOurs && s.inTheirs)
          ? ''
          : ' The two journeys share no stage, so no stage is compared: give the stages that match the same ids.'}{' '}
        Figures are per customer; what reads the same to three significant digits is even.
      </p>
      <table class="list">
        <thead>
          <tr>
            <th>Stage</th>
            <th>Metric</th>
            <th class="num">Us</th>
            <th class="num">{them}</th>
            <th>Ahead</th>
          </tr>
        </thead>
        <tbody>
          {result.stages.flatMap((s) =>
            s.metrics.map((m) => (
              <tr key={`${s.stage}-${m.key}`}>
                <td>{s.name}</td>
                <td>{m.label}</td>
                <td class="num">{s.inOurs ? m.oursText : '—'}</td>
                <td class="num">{s.inTheirs ? m.theirsText : '—'}</td>
                {/* A stage one side lacks is nobody's lead: its zeros are no figures. */}
                {s.inOurs && s.inTheirs ? (
                  <td class={m.ahead === 'us' ? 'better' : m.ahead === 'them' ? 'worse' : ''}>
                    {aheadText(m.ahead, them)}
                  </td>
                ) : (
                  <td class="absent">{s.inOurs ? 'not in their journey' : 'not in our journey'}</td>
                )}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </>
  );
}
