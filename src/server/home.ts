/**
 * The page at `/` until the web app lands: the workspace's models, each linked to its diagrams,
 * its analysis and its BPMN, drawn by the same API the web app will use.
 */
import { checkFile } from '../model/load.js';
import { VIEW_IDS } from '../views/view-ids.js';
import type { Workspace } from './workspace.js';

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function homePage(workspace: Workspace): string {
  const rows = workspace
    .list()
    .map((name) => {
      const r = checkFile(workspace.path(name), { checkScenarios: false, root: workspace.root });
      const q = encodeURIComponent(name);
      const views = VIEW_IDS.filter((v) => v !== 'role')
        .map((v) => `<a href="/api/models/${q}/render?view=${v}">${v}</a>`)
        .join(' · ');
      const status = r.ok
        ? `${r.model?.steps.length ?? 0} steps`
        : `<span class="bad">${r.diagnostics.filter((d) => d.severity === 'error').length} errors</span>`;
      const actions =
        r.ok && r.model?.kind !== undefined
          ? `${views} · <a href="/api/models/${q}/analysis?format=html">analysis</a> · <a href="/api/models/${q}/bpmn">BPMN</a>`
          : `<a href="/api/models/${q}">diagnostics</a>`;
      return `<tr><td>${html(name)}</td><td>${html(r.model?.name ?? '')}</td><td>${status}</td><td>${actions}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>linesight: ${html(workspace.root)}</title>
<style>body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:2rem;color:#202124}table{border-collapse:collapse}td,th{border-bottom:1px solid #dadce0;padding:.4rem .8rem;text-align:left}.bad{color:#d93025}</style></head>
<body><h1>linesight</h1><p>Workspace <code>${html(workspace.root)}</code>. The JSON API is described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<table><thead><tr><th>File</th><th>Model</th><th>State</th><th>Open</th></tr></thead><tbody>${rows || '<tr><td colspan="4">No models yet: linesight init</td></tr>'}</tbody></table></body></html>`;
}
