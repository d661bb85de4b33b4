/** Our journey against a competitor's, stage by stage. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Comparison } from './api';

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
  const run = () => api.compare(ours, theirs).then(setResult, (e: Error) => setError(e.message));
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
        <button type="button" onClick={run}>
          Compare
        </button>
      </p>
      {error ? <p class="error">{error}</p> : null}
      {result ? (
        <>
          <p>
            We lead in {result.stagesWeLead.join(', ') || 'no stage'};{' '}
            {result.theirs.competitor ?? result.theirs.name} leads in{' '}
            {result.stagesTheyLead.join(', ') || 'no stage'}.
            {result.onlyOurs.length > 0 ? ` Only in our journey: ${result.onlyOurs.join(', ')}.` : ''}
            {result.onlyTheirs.length > 0 ? ` Not in our journey: ${result.onlyTheirs.join(', ')}.` : ''}
          </p>
          <table class="list">
            <thead>
              <tr>
                <th>Stage</th>
                <th>Metric</th>
                <th>Us</th>
                <th>Them</th>
                <th>Ahead</th>
              </tr>
            </thead>
            <tbody>
              {result.stages.flatMap((s) =>
                s.metrics.map((m) => (
                  <tr key={`${s.stage}-${m.key}`}>
                    <td>{s.name}</td>
                    <td>{m.label}</td>
                    <td>{m.oursText}</td>
                    <td>{m.theirsText}</td>
                    <td class={m.ahead === 'us' ? 'better' : m.ahead === 'them' ? 'worse' : ''}>{m.ahead}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
