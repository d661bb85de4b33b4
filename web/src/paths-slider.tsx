/**
 * How many of a log's directly-follows edges the graph draws, the most frequent first: the paths
 * slider of process-mining tools. The picture is asked for again only when the slider is let go
 * (a drag would ask the server for a layout at every step).
 */
import { useEffect, useState } from 'preact/hooks';
import { MOST_DRAWN_EDGES } from '../../src/views/dfg-measures';
/** Below this many edges the slider is not shown: the whole graph is small. */
export const MIN_PATHS = 5;

export function PathsSlider(props: { paths: number; edges: number; onChange: (paths: number) => void }) {
  // A log of more edges than a graph draws slides up to that many, and says so.
  const most = Math.min(props.edges, MOST_DRAWN_EDGES);
  const shown = Math.min(props.paths, most);
  // The value under the thumb while dragging, given to onChange when let go.
  const [dragged, setDragged] = useState(shown);
  useEffect(() => setDragged(shown), [shown]);
  const commit = () => {
    if (dragged !== shown) props.onChange(dragged);
  };
  return (
    <label class="paths">
      Paths{' '}
      <input
        type="range"
        min={MIN_PATHS}
        max={most}
        value={dragged}
        aria-valuetext={`${dragged} of ${props.edges}`}
        onInput={(e) => setDragged(Number((e.target as HTMLInputElement).value))}
        onChange={commit}
        onKeyUp={commit}
      />{' '}
      <output>
        {dragged === props.edges
          ? `all ${props.edges}`
          : `the ${dragged} most frequent of ${props.edges.toLocaleString('en-US')}${dragged === most ? ', the most a graph draws' : ''}`}
      </output>
    </label>
  );
}
