/**
 * The data page's directly-follows graph: what its edges say (how often, how long), how many of
 * the most frequent paths it draws, and of how many of the most frequent activities (the log as
 * if it held no others), as process-mining tools' two sliders; and the picture the server draws.
 * `controls` are the page's own (segment, channel), shown on the same line.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DFG_EDGES } from '../../src/views/dfg-measures';
import { api, type LogSlice, queryParams } from './api';
import { DfgPicture } from './dfg-picture';
import { ACTIVITIES, MostFrequentSlider, PATHS } from './most-frequent-slider';

interface Props {
  log: string;
  only: LogSlice;
  /** The log's (or slice's) edges and activities, all of them. */
  edges: number;
  activities: number;
  controls: ComponentChildren;
}

export function DfgPanel({ log, only, edges, activities, controls }: Props) {
  const [measure, setMeasure] = useState<'frequency' | 'time'>('frequency');
  // The server's default paths until the user moves the slider; every activity.
  const [paths, setPaths] = useState(DFG_EDGES);
  const [kept, setKept] = useState(activities);
  useEffect(() => {
    setPaths(DFG_EDGES);
    setKept(activities);
  }, [log, only, activities]);
  // With fewer activities the log has fewer edges: counted again for the paths slider.
  const [keptEdges, setKeptEdges] = useState(edges);
  useEffect(() => {
    if (kept >= activities) setKeptEdges(edges);
    else
      api.discover(log, only, kept).then(
        (d) => setKeptEdges(d.dfg.length + d.moreEdges),
        () => setKeptEdges(edges),
      );
  }, [log, only, kept, activities, edges]);
  const src = useMemo(
    () =>
      `/api/logs/${encodeURIComponent(log)}/dfg.svg?measure=${measure}&edges=${paths}${queryParams({
        ...only,
        ...(kept < activities ? { activities: String(kept) } : {}),
      })}`,
    [log, measure, only, paths, kept, activities],
  );
  return (
    <>
      <p>
        {controls}
        {(['frequency', 'time'] as const).map((m) => (
          <button
            type="button"
            key={m}
            class={`measure ${m === measure ? 'on' : ''}`}
            onClick={() => setMeasure(m)}
          >
            {m === 'frequency' ? 'How often' : 'How long (median)'}
          </button>
        ))}{' '}
        {activities > ACTIVITIES.least ? (
          <MostFrequentSlider {...ACTIVITIES} value={kept} of={activities} onChange={setKept} />
        ) : null}
        {keptEdges > PATHS.least ? (
          <MostFrequentSlider {...PATHS} value={paths} of={keptEdges} onChange={setPaths} />
        ) : null}
      </p>
      <DfgPicture src={src} paths={Math.min(paths, keptEdges)} of={keptEdges} />
    </>
  );
}
