/** The workspace's models, with links to each model and its what-ifs. */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

export function ModelList() {
  const [models, setModels] = useState<Awaited<ReturnType<typeof api.models>> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.models().then(setModels, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!models) return <p>Loading…</p>;
  return (
    <section>
      <h1>Models</h1>
      <table class="list">
        <thead>
          <tr>
            <th>File</th>
            <th>Model</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.name}>
              <td>
                <a href={`#/model/${encodeURIComponent(m.name)}`}>{m.name}</a>
              </td>
              <td>{m.title}</td>
              <td>
                {m.ok ? (
                  `${m.steps} step${m.steps === 1 ? '' : 's'}`
                ) : (
                  <span class="error">{m.errors} errors</span>
                )}
              </td>
              <td>
                {m.ok && (m.kind === 'model' || m.kind === 'scenario') ? (
                  <a href={`#/whatif/${encodeURIComponent(m.name)}`}>what-if</a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
