/**
 * Report writers: a terminal report, Markdown, JSON, and a self-contained HTML page that embeds
 * the blueprint with the findings numbered on it. One content (sections and findings), four
 * layouts.
 */
import type { Model } from '../../model/model.js';
import type { Analysis } from '../analyze.js';
import type { Comparison } from '../compare.js';
import type { ScenarioDiff } from '../diff.js';
import type { Finding } from '../finding.js';
import { analysisSections, comparisonSections, diffSections } from './sections.js';
import { htmlTable, markdownTable, type Section, textTable } from './table.js';

export const REPORT_FORMATS = ['text', 'json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function writeAnalysis(
  model: Model,
  analysis: Analysis,
  format: ReportFormat,
  top = 20,
): Promise<string> {
  const title = `${model.name}: analysis${analysis.model.scenario ? ` with scenario '${analysis.model.scenario.name}'` : ''}${analysis.segments.length < model.segments.length ? ` (segment ${analysis.segments.join(', ')})` : ''}`;
  if (format === 'json') return `${JSON.stringify(analysis, null, 2)}\n`;
  const sections = analysisSections(model, analysis);
  const findings = analysis.findings.slice(0, top);
  const more = analysis.findings.length - findings.length;
  if (format === 'text')
    return `${title}\n${'='.repeat(title.length)}\n\n${textFindings(findings, more)}\n\n${sections.map(textSection).join('\n\n')}\n`;
  if (format === 'md')
    return `# ${title}\n\n## Findings\n\n${mdFindings(findings, more)}\n\n${sections.map(mdSection).join('\n\n')}\n`;
  // The diagram's modules (layouts, fonts) are loaded for the HTML page only: `analyze` and
  // `compare` in text start without them, about 25 ms sooner (mmc.yaml 0.19 → 0.165 s).
  const [{ layout }, { toSvg }] = await Promise.all([
    import('../../views/render.js'),
    import('../../views/svg.js'),
  ]);
  const diagram = await layout(model, {
    view: 'blueprint',
    ...(analysis.segments.length === 1 ? { segment: analysis.segments[0] as string } : {}),
  });
  for (const box of diagram.boxes) {
    const numbers = findings.flatMap((f, i) =>
      f.steps.includes(box.ref) && (box.kind === 'step' || box.kind === 'touchpoint') ? [i + 1] : [],
    );
    if (numbers.length === 0) continue;
    box.tags.push('finding');
    box.badges.push({
      kind: 'finding',
      text: numbers.slice(0, 3).join(',') + (numbers.length > 3 ? '…' : ''),
      title: numbers.map((n) => `Finding ${n}: ${findings[n - 1]?.title}`).join('\n'),
    });
  }
  return html(
    title,
    `<h2>Findings</h2>${htmlFindings(findings, more)}<h2>The blueprint, with the findings' numbers on it</h2><div class="diagram">${toSvg(diagram)}</div>${sections.map(htmlSection).join('')}`,
  );
}

export function writeDiff(model: Model, diff: ScenarioDiff, format: ReportFormat): string {
  const title = `${model.name}: what scenario '${diff.scenario.name}' changes`;
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  const sections = diffSections(diff);
  if (format === 'text')
    return `${title}\n${'='.repeat(title.length)}\n\n${sections.map(textSection).join('\n\n')}\n`;
  if (format === 'md') return `# ${title}\n\n${sections.map(mdSection).join('\n\n')}\n`;
  return html(title, sections.map(htmlSection).join(''));
}

export function writeComparison(comparison: Comparison, format: ReportFormat): string {
  const title = `${comparison.ours.name} against ${comparison.theirs.competitor ?? comparison.theirs.name}`;
  if (format === 'json') return `${JSON.stringify(comparison, null, 2)}\n`;
  const sections = comparisonSections(comparison);
  if (format === 'text')
    return `${title}\n${'='.repeat(title.length)}\n\n${sections.map(textSection).join('\n\n')}\n`;
  if (format === 'md') return `# ${title}\n\n${sections.map(mdSection).join('\n\n')}\n`;
  return html(title, sections.map(htmlSection).join(''));
}

const textSection = (s: Section) =>
  `${s.title}\n${'-'.repeat(s.title.length)}\n${s.intro ? `${s.intro}\n` : ''}${textTable(s.headers, s.rows)}`;
const mdSection = (s: Section) =>
  `## ${s.title}\n\n${s.intro ? `${s.intro}\n\n` : ''}${markdownTable(s.headers, s.rows)}`;
const htmlSection = (s: Section) =>
  `<h2>${xml(s.title)}</h2>${s.intro ? `<p>${xml(s.intro)}</p>` : ''}${htmlTable(s.headers, s.rows)}`;

/** With none listed, whether there are none or --top 0 left them all out. */
const noneListed = (more: number) =>
  more > 0
    ? `${more} findings, none listed (--top 0); --top ${more} or --format json lists them.`
    : 'No findings.';

function textFindings(findings: Finding[], more: number): string {
  if (findings.length === 0) return noneListed(more);
  return `Findings, most serious first\n----------------------------\n${findings
    .map(
      (f, i) =>
        `${String(i + 1).padStart(2)}. [${f.severity}] ${f.title}\n    ${f.because}\n    -> ${f.suggestion}`,
    )
    .join(
      '\n',
    )}${more > 0 ? `\n    (${more} more: --top ${findings.length + more} or --format json shows them all)` : ''}`;
}

function mdFindings(findings: Finding[], more: number): string {
  if (findings.length === 0) return noneListed(more);
  return `${findings.map((f, i) => `${i + 1}. **${f.severity}**: ${f.title}. ${f.because}\n   *Suggestion:* ${f.suggestion}`).join('\n')}${more > 0 ? `\n\n(${more} more findings in the JSON report.)` : ''}`;
}

function htmlFindings(findings: Finding[], more: number): string {
  if (findings.length === 0) return `<p>${noneListed(more)}</p>`;
  return `<ol class="findings">${findings
    .map(
      (f) =>
        `<li class="${f.severity}" id="finding-${xml(f.id)}"><span class="severity">${f.severity}</span> <strong>${xml(f.title)}</strong><br>${xml(f.because)}<br><em>${xml(f.suggestion)}</em></li>`,
    )
    .join('')}</ol>${more > 0 ? `<p>${more} more findings in the JSON report.</p>` : ''}`;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function html(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xml(title)}</title>
<style>
body{font-family:'DejaVu Sans',Verdana,'Segoe UI',Arial,sans-serif;margin:2rem;color:#202124;max-width:1400px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #dadce0;padding:.3rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f1f3f4}
.findings li{margin:.6rem 0;line-height:1.4}.severity{display:inline-block;min-width:4.5rem;font-size:.75rem;font-weight:bold;text-transform:uppercase}
.critical .severity{color:#a50e0e}.high .severity{color:#d93025}.medium .severity{color:#e37400}.low .severity{color:#5f6368}
.diagram{overflow:auto;border:1px solid #dadce0;max-height:80vh}.diagram svg{display:block}
</style></head><body><h1>${xml(title)}</h1>${body}</body></html>
`;
}
