/**
 * The workspace's models, with links to each model and its what-ifs; a new model, and each
 * model's rename, duplicate and delete.
 */

import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../src/text/plural';
import { api } from './api';
import { ModelActions } from './model-actions';
import { NewModelDialog } from './new-model-dialog';

export function ModelList() {
  const [models, setModels] = useState<Awaited<ReturnType<typeof api.models>> | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const refresh = () => api.models().then(setModels, (e: Error) => setError(e.message));
  useEffect(() => {
    refresh();
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!models) return <p>Loading…</p>;
  return (
    <section>
      <div class="toolbar">
        <h1>Models</h1>
        <button type="button" class="save new-model" onClick={() => setCreating(true)}>
          New model
        </button>
      </div>
      {creating ? <NewModelDialog onClose={() => setCreating(false)} /> : null}
      <table class="list models">
        <thead>
          <tr>
            <th>File</th>
            <th>Model</th>
            <th>State</th>
            <th />
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
                {m.ok ? plural(m.steps ?? 0, 'step') : <span class="error">{plural(m.errors, 'error')}</span>}
              </td>
              <td>
                {m.ok && (m.kind === 'model' || m.kind === 'scenario') ? (
                  <a href={`#/whatif/${encodeURIComponent(m.name)}`}>what-if</a>
                ) : null}
              </td>
              <td>
                <ModelActions name={m.name} onChange={refresh} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
