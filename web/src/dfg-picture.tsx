/**
 * The directly-follows graph as a picture the server draws, saying while it is drawn: a graph of
 * hundreds of paths takes the server seconds to lay out (500 paths of 60 activities, about 10 s),
 * during which the page showed nothing where the graph would be.
 */
import { useState } from 'preact/hooks';

export function DfgPicture(props: { src: string; paths: number; of: number }) {
  // The picture each answer was for, so that a cached picture that loads at once is never taken
  // for one still being drawn.
  const [loaded, setLoaded] = useState('');
  const [failed, setFailed] = useState('');
  const of = props.of.toLocaleString('en-US');
  const shown =
    props.paths < props.of ? `the ${props.paths} most frequent of ${of} paths` : `all ${of} paths`;
  return (
    <>
      {loaded !== props.src && failed !== props.src ? (
        <p class="status" role="status">
          Drawing the graph of {shown}…
        </p>
      ) : null}
      {failed === props.src ? (
        <p class="status error" role="alert">
          The graph of {shown} could not be drawn in the time a request has: draw fewer paths.
        </p>
      ) : null}
      {/* A big log's graph is wide: the picture opens on its own, full size, to zoom and pan. A
          picture that failed is not shown as a broken one. */}
      {failed === props.src ? null : (
        <a href={props.src} target="_blank" rel="noreferrer" title="open the graph full size">
          <img
            src={props.src}
            alt="directly-follows graph"
            class="dfg"
            onLoad={() => setLoaded(props.src)}
            onError={() => setFailed(props.src)}
          />
        </a>
      )}
      {/* Said, not only a tooltip: at a laptop's width a big graph's labels are too small to read. */}
      {loaded === props.src ? (
        <p class="dfg-full">
          <a href={props.src} target="_blank" rel="noreferrer">
            Open the graph full size
          </a>{' '}
          to zoom and pan it.
        </p>
      ) : null}
    </>
  );
}
