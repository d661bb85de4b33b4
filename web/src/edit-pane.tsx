/**
 * The model's editors, one tab each, over the same document: the journey table, the organization
 * and the YAML text. The YAML editor stays mounted when hidden: it holds the undo history.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { JourneyTable } from './journey-table';
import type { Doc } from './model-doc';
import { OrganizationEditor } from './organization-editor';

export type Tab = 'journey' | 'organization' | 'yaml';
const TABS: [Tab, string][] = [
  ['journey', 'Journey'],
  ['organization', 'Organization'],
  ['yaml', 'YAML'],
];

/** The tab shown, remembered across models and visits. */
export function useTab(): [Tab, (tab: Tab) => void] {
  const [tab, setTab] = useState<Tab>(() => {
    const t = localStorage.getItem('linesight:tab');
    return TABS.some(([id]) => id === t) ? (t as Tab) : 'journey';
  });
  return [
    tab,
    (t: Tab) => {
      localStorage.setItem('linesight:tab', t);
      setTab(t);
    },
  ];
}

export function EditPane(props: { doc: Doc; yaml: ComponentChildren; tab: Tab; onTab(tab: Tab): void }) {
  const { tab } = props;
  return (
    <div class="edit-pane">
      <div class="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button
            type="button"
            role="tab"
            key={id}
            id={`tab-${id}`}
            aria-selected={tab === id}
            class={tab === id ? 'on' : ''}
            onClick={() => props.onTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {tab !== 'yaml' && props.doc.readable !== 'yes' ? (
        <Unreadable never={props.doc.readable === 'never'} onYaml={() => props.onTab('yaml')} />
      ) : null}
      {/* A file that never read has nothing to show: an empty journey would offer to start one over it. */}
      {tab === 'journey' && props.doc.readable !== 'never' ? <JourneyTable doc={props.doc} /> : null}
      {tab === 'organization' && props.doc.readable !== 'never' ? (
        <OrganizationEditor doc={props.doc} />
      ) : null}
      <div class="yaml-tab" hidden={tab !== 'yaml'}>
        {props.yaml}
      </div>
    </div>
  );
}

/** The text does not read as YAML: where to fix it, and what the forms show meanwhile. */
function Unreadable(props: { never: boolean; onYaml(): void }) {
  return (
    <p class="unreadable" role="alert">
      {props.never
        ? 'This file does not read as YAML, so there is nothing to show here: '
        : 'The YAML does not read now; these forms show the model as it last did and take no edits until it does: '}
      <button type="button" onClick={props.onYaml}>
        fix it in the YAML tab
      </button>{' '}
      (its error is marked there).
    </p>
  );
}
