/**
 * How many of a log's most frequent things the directly-follows graph shows: the paths and
 * activities sliders of process-mining tools. The picture is asked for again only when the slider
 * is let go (a drag would ask the server for a layout at every step).
 */
import { useEffect, useState } from 'preact/hooks';
import { MOST_DRAWN_EDGES } from '../../src/views/dfg-measures';

interface Props {
  /** The slider's name, and its class. */
  label: 'Paths' | 'Activities';
  /** Shown now, of `of` there are. */
  value: number;
  of: number;
  least: number;
  /** The most the graph can show, when fewer than `of`; said at the slider's end. */
  most?: number;
  onChange: (value: number) => void;
}

export function MostFrequentSlider(props: Props) {
  // A log of more than a graph draws slides up to that many, and says so.
  const most = Math.min(props.of, props.most ?? props.of);
  const shown = Math.min(props.value, most);
  // The value under the thumb while dragging, given to onChange when let go.
  const [dragged, setDragged] = useState(shown);
  useEffect(() => setDragged(shown), [shown]);
  // The value let go is the input's own: `input` then `change` can both come before a render, when
  // `dragged` still held the value before the last step (the graph drew 4 where the slider said 3).
  const commit = (e: Event) => {
    const value = Number((e.target as HTMLInputElement).value);
    setDragged(value);
    if (value !== shown) props.onChange(value);
  };
  const of = props.of.toLocaleString('en-US');
  return (
    <label class={props.label.toLowerCase()}>
      {props.label}{' '}
      <input
        type="range"
        min={props.least}
        max={most}
        value={dragged}
        aria-valuetext={`${dragged} of ${of}`}
        onInput={(e) => setDragged(Number((e.target as HTMLInputElement).value))}
        onChange={commit}
        onKeyUp={commit}
      />{' '}
      <output>
        {dragged === props.of
          ? `all ${of}`
          : `the ${dragged} most frequent of ${of}${dragged === most ? ', the most a graph draws' : ''}`}
      </output>
    </label>
  );
}

/**
 * The paths slider: edges, up to what a graph draws; not shown for 5 or fewer (the whole graph is
 * small).
 */
export const PATHS = { label: 'Paths', least: 5, most: MOST_DRAWN_EDGES } as const;
/** The activities slider: the events of the most frequent activities only; not shown for 3 or fewer. */
export const ACTIVITIES = { label: 'Activities', least: 3 } as const;
