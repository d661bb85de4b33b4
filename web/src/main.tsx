/**
 * The linesight web app: the models of the workspace; a model page with the YAML editor beside the
 * live diagram and the findings linked to it; what-if runs with progress and intervals; the
 * competitor comparison; a data page for event logs. Pages are chosen by the URL's hash.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ComparePage } from './compare-page';
import { DataPage } from './data-page';
import { mayLeave } from './leave-guard';
import { ModelList } from './model-list';
import { ModelPage } from './model-page';
import { StaffPage } from './staff-page';
import { WhatIfPage } from './what-if-page';
import './style.css';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = (e: HashChangeEvent) => {
      // Staying on a page with unsaved changes: the address goes back (as the page last wrote it,
      // its view say) without another hashchange.
      const before = new URL(e.oldURL).hash;
      if (location.hash !== before && !mayLeave()) {
        history.replaceState(null, '', before || location.pathname);
        return;
      }
      setHash(location.hash);
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The header's links, and the pages under each (a model's what-if and staffing pages are the models'). */
const NAV: [string, string, string[]][] = [
  ['#/', 'Models', ['', 'model', 'whatif', 'staff']],
  ['#/compare', 'Compare', ['compare']],
  ['#/data', 'Data', ['data']],
];

function App() {
  const hash = useHash();
  const [page, arg, more] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return (
    <>
      {/* The first stop of Tab: past the header to the page. The address is the router's (a hash), so
          the link focuses the page itself instead of going to #main. */}
      <a
        class="skip-link"
        href={hash || '#/'}
        onClick={(e) => {
          e.preventDefault();
          document.querySelector<HTMLElement>('main')?.focus();
        }}
      >
        Skip to the page
      </a>
      <header>
        <a href="#/" class="brand">
          linesight
        </a>
        <nav>
          {NAV.map(([href, label, pages]) => (
            <a key={href} href={href} aria-current={pages.includes(page ?? '') ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main tabIndex={-1}>
        {page === 'model' && arg ? (
          <ModelPage key={arg} name={arg} />
        ) : page === 'whatif' && arg ? (
          <WhatIfPage name={arg} scenario={more} />
        ) : page === 'staff' && arg ? (
          <StaffPage name={arg} />
        ) : page === 'compare' ? (
          <ComparePage />
        ) : page === 'data' ? (
          <DataPage />
        ) : (
          <ModelList />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
