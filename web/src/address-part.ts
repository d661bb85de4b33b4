/**
 * A page's choice kept in its address (#/model/NAME/VIEW, #/data/LOG), so that a reload or a
 * shared link opens the page as it was left. Written with replaceState: no hashchange, so the
 * page is not drawn anew, and Back leaves the page instead of stepping through its choices.
 */
import { useState } from 'preact/hooks';

const parts = () => location.hash.replace(/^#\/?/, '').split('/');

/** The choice at `position` of the address's parts (0 is the page), `fallback` when absent or not `allowed`. */
export function useAddressPart(
  position: number,
  fallback: string,
  allowed: (value: string) => boolean = () => true,
): [string, (value: string) => void] {
  const [value, setValue] = useState(() => {
    const written = parts()[position];
    const read = written === undefined ? '' : decodeURIComponent(written);
    return read && allowed(read) ? read : fallback;
  });
  const set = (next: string) => {
    setValue(next);
    const now = parts().slice(0, position);
    while (now.length < position) now.push('');
    const address = `#/${[...now, ...(next ? [encodeURIComponent(next)] : [])].join('/')}`;
    history.replaceState(history.state, '', address);
  };
  return [value, set];
}
