/**
 * "New model": a name and what the model starts from (blank, the starter, one of the examples
 * shipped with linesight, or a BPMN file read by the importer). Creating it opens its page; the
 * importer's warnings are shown there.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText } from './api';
import { Dialog, yamlName } from './dialog';

export function NewModelDialog(props: { name?: string; onClose(): void }) {
  const [name, setName] = useState(props.name ?? '');
  const [from, setFrom] = useState('starter');
  const [sources, setSources] = useState<{ from: string; name: string }[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.templates().then(setSources, (e) => setError(problemText(e)));
  }, []);
  const create = async () => {
    const bpmn = from === 'bpmn' ? await file?.text() : undefined;
    if (from === 'bpmn' && !bpmn) throw new Error('choose a BPMN file to import');
    const made = await api.create(yamlName(name), from, bpmn);
    if (made.warnings?.length) sessionStorage.setItem(`warnings:${made.name}`, made.warnings.join('\n'));
    const target = `#/model/${encodeURIComponent(made.name)}`;
    // Made from the page of the model that was missing: open it afresh.
    if (location.hash === target) location.reload();
    else location.hash = target;
  };
  return (
    <Dialog title="New model" submit="Create" onSubmit={create} onClose={props.onClose}>
      <label class="field">
        File name
        <input
          name="name"
          required
          placeholder="my-journey.yaml"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <small>A file in the workspace; .yaml is added when you leave it out.</small>
      </label>
      <fieldset class="sources">
        <legend>Start from</legend>
        {sources.map((s) => (
          <label key={s.from}>
            <input
              type="radio"
              name="from"
              value={s.from}
              checked={from === s.from}
              onChange={() => setFrom(s.from)}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      {from === 'bpmn' ? (
        <label class="field">
          BPMN file
          <input
            type="file"
            name="bpmn"
            accept=".bpmn,.xml,application/xml,text/xml"
            required
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
    </Dialog>
  );
}
