/**
 * A journey model discovered from the log, for a team with data and no model: written into the
 * workspace (as `linesight log model` writes it) and opened from a link, with what to check by hand.
 */
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../src/text/plural';
import { api, problemText } from './api';

type Result = Awaited<ReturnType<typeof api.logModel>> | { error: string } | null;

export function DiscoverModel({ log, onWritten }: { log: string; onWritten?: () => void }) {
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setResult(null), [log]);
  const discover = async () => {
    setBusy(true);
    try {
      setResult(await api.logModel(log));
      onWritten?.();
    } catch (e) {
      setResult({ error: problemText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2>A journey model from this log</h2>
      <p>
        <button type="button" class="discover-model" disabled={busy} onClick={discover}>
          {busy ? 'Discovering…' : 'Discover a model'}
        </button>{' '}
        steps from the activities on their channels, flows per segment, durations, arrivals and fail points
        where steps repeat.
      </p>
      {result && 'file' in result ? (
        <div class="discovered">
          <p>
            Wrote <a href={`#/model/${encodeURIComponent(result.file)}`}>{result.file}</a> (
            {plural(result.steps, 'step')}).
          </p>
          {result.notes.length + result.warnings.length > 0 ? (
            <ul>
              {[...result.warnings, ...result.notes].map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : result ? (
        <p class="status">{result.error}</p>
      ) : null}
    </>
  );
}
