/**
 * A diagram as standalone SVG: titled and described for screen readers, generic font stacks,
 * no external references, and numbers rounded so that the same diagram gives the same bytes.
 */
import type { Box, ChangeMark, Diagram, Edge, Lane, LaneGroup } from './diagram.js';
import { marksSvg } from './marks-svg.js';
import { BOX, EDGE_LABEL, LANE_HEADER, LINE_LABEL, STAGE_LABEL } from './swimlane-metrics.js';
import { FONT_FAMILY, textWidth } from './text.js';

const LANE_FILL: Record<LaneGroup, string> = {
  evidence: '#f1f3f4',
  customer: '#e8f0fe',
  frontstage: '#e6f4ea',
  backstage: '#fef7e0',
  support: '#f3e8fd',
  company: '#e6f4ea',
  process: '#fef7e0',
  role: '#e6f4ea',
  emotion: '#ffffff',
  pain: '#fce8e6',
  measure: '#f1f3f4',
  opportunity: '#f3e8fd',
};

const BOX_STROKE: Record<Box['kind'], string> = {
  start: '#5f6368',
  step: '#1a73e8',
  touchpoint: '#188038',
  activity: '#b06000',
  support: '#8430ce',
  evidence: '#80868b',
  end: '#5f6368',
  stub: '#80868b',
  channel: '#80868b',
  pain: '#d93025',
  figure: '#80868b',
  opportunity: '#7b1fa2',
};

const EDGE_STYLE: Record<Edge['kind'], { line: string; head?: string }> = {
  flow: { line: 'stroke="#5f6368" stroke-width="1.2"', head: '#5f6368' },
  start: { line: 'stroke="#5f6368" stroke-width="1.2"', head: '#5f6368' },
  failure: { line: 'stroke="#d93025" stroke-width="1.2" stroke-dasharray="5 3"', head: '#d93025' },
  interaction: { line: 'stroke="#9aa0a6" stroke-width="1" stroke-dasharray="2 3"' },
  later: { line: 'stroke="#5f6368" stroke-width="1.4" stroke-dasharray="1 3"', head: '#5f6368' },
};

/** A scenario's marks against its base: outline, fill and the tag's colour, and the tag's word. */
export const CHANGE_STYLE: Record<ChangeMark['change'], { stroke: string; fill: string; tag: string }> = {
  added: { stroke: '#137333', fill: '#e6f4ea', tag: 'new' },
  changed: { stroke: '#e37400', fill: '#fef7e0', tag: 'changed' },
  removed: { stroke: '#9aa0a6', fill: '#f8f9fa', tag: 'removed' },
};
const GHOST_DASH = '5 3';

const n = (x: number) => String(Math.round(x * 10) / 10);
const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The heading is drawn here, not laid out with the lanes: the canvas widens so it is never cut. */
export function canvasWidth(d: Diagram): number {
  const key = changeKey(d, 0).width;
  const subtitle = (d.subtitle ? textWidth(d.subtitle, 11) : 0) + (key > 0 ? 12 + key : 0);
  const heading = Math.max(textWidth(d.title, 17, 'bold'), subtitle);
  return Math.max(d.width, Math.ceil(heading + 32));
}

export function toSvg(d: Diagram): string {
  const out: string[] = [];
  const width = canvasWidth(d);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(d.height)}" viewBox="0 0 ${n(width)} ${n(d.height)}" role="img" aria-labelledby="title desc" font-family="${xml(FONT_FAMILY)}" data-view="${d.view}">`,
    `<title id="title">${xml(d.title)}</title>`,
    `<desc id="desc">${xml(d.description)}</desc>`,
    `<rect width="${n(width)}" height="${n(d.height)}" fill="#ffffff"/>`,
    `<text x="16" y="30" font-size="17" font-weight="bold" fill="#202124">${xml(d.title)}</text>`,
  );
  if (d.subtitle) out.push(`<text x="16" y="48" font-size="11" fill="#5f6368">${xml(d.subtitle)}</text>`);
  if (d.changes) out.push(changeKey(d, 16 + (d.subtitle ? textWidth(d.subtitle, 11) + 12 : 0)).svg);
  const top = d.lanes[0]?.y ?? 0;
  const bottom = d.lanes.length
    ? (d.lanes[d.lanes.length - 1]?.y ?? 0) + (d.lanes[d.lanes.length - 1]?.height ?? 0)
    : d.height;
  out.push('<g class="columns">');
  const header = Math.max(2, ...d.columns.map((c) => (c.lines?.length ?? 1) + 1)) * STAGE_LABEL.lineHeight;
  for (const [i, c] of d.columns.entries()) {
    const lines = c.lines ?? [c.label];
    out.push(
      `<g class="column" data-id="${xml(c.id)}"><rect x="${n(c.x)}" y="${n(top - header)}" width="${n(c.width)}" height="${n(bottom - top + header)}" fill="${i % 2 ? '#fafafa' : '#ffffff'}"/>`,
      ...lines.map(
        (line, k) =>
          `<text x="${n(c.x + c.width / 2)}" y="${n(top - 10 - (lines.length - 1 - k) * STAGE_LABEL.lineHeight)}" font-size="${STAGE_LABEL.font}" font-weight="bold" fill="#3c4043" text-anchor="middle">${xml(line)}</text>`,
      ),
      '</g>',
    );
  }
  out.push('</g><g class="lanes">');
  for (const lane of d.lanes) {
    out.push(
      `<g class="lane" data-id="${xml(lane.id)}" data-group="${lane.group}"${changeAttribute(lane.change)}>${changeTitle(lane.change)}<rect x="16" y="${n(lane.y)}" width="${n(d.width - 32)}" height="${n(lane.height)}" fill="${LANE_FILL[lane.group]}" fill-opacity="0.45" stroke="#dadce0"/>`,
      laneHeader(lane),
      // A line under the lane has its name in the foot of the lane's header, kept clear.
      ...laneLabel(
        lane.lines ?? [lane.label],
        lane.y,
        d.lines.some((line) => Math.abs(line.y - (lane.y + lane.height)) < 0.5)
          ? lane.height - LINE_LABEL.room
          : lane.height,
      ),
      '</g>',
    );
  }
  out.push('</g><g class="lines">');
  for (const line of d.lines) {
    out.push(
      `<g class="line" data-kind="${line.kind}"><line x1="16" y1="${n(line.y)}" x2="${n(d.width - 16)}" y2="${n(line.y)}" stroke="#202124" stroke-width="1.5" stroke-dasharray="8 4"/>`,
      `<text x="24" y="${n(line.y - 4)}" font-size="${LINE_LABEL.font}" font-style="italic" fill="#202124">${xml(line.label)}</text></g>`,
    );
  }
  out.push('</g><g class="guides">');
  for (const g of d.guides) {
    out.push(
      `<line x1="${n(g.x1 + 16)}" y1="${n(g.y)}" x2="${n(g.x2)}" y2="${n(g.y)}" stroke="#dadce0" stroke-dasharray="3 3"/><text x="${n(g.x1)}" y="${n(g.y + 3)}" font-size="10" fill="#80868b">${xml(g.label)}</text>`,
    );
  }
  out.push('</g><g class="edges">');
  for (const e of d.edges) out.push(edge(e));
  out.push('</g><g class="boxes">');
  for (const b of d.boxes) out.push(box(b));
  out.push('</g>');
  for (const c of d.curves) {
    out.push(
      `<g class="curve" data-id="${xml(c.id)}"><title>${xml(c.label)}</title><polyline points="${c.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="#1a73e8" stroke-width="2.5"/>`,
      ...c.points.map(([x, y]) => `<circle cx="${n(x)}" cy="${n(y)}" r="4" fill="#1a73e8"/>`),
      '</g>',
    );
  }
  if (d.marks?.length) out.push(marksSvg(d.marks));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function changeAttribute(mark: ChangeMark | undefined): string {
  return mark ? ` data-change="${mark.change}"` : '';
}

function changeTitle(mark: ChangeMark | undefined): string {
  return mark ? `<title>${xml(mark.title)}</title>` : '';
}

/** A lane's header; a lane a scenario adds, changes or removes has its header outlined in the mark's colour. */
function laneHeader(lane: Lane): string {
  const style = lane.change ? CHANGE_STYLE[lane.change.change] : undefined;
  const stroke = style
    ? `stroke="${style.stroke}" stroke-width="2.5"${lane.change?.change === 'removed' ? ` stroke-dasharray="${GHOST_DASH}"` : ''}`
    : 'stroke="#dadce0"';
  return `<rect x="16" y="${n(lane.y)}" width="${LANE_HEADER.width}" height="${n(lane.height)}" fill="${LANE_FILL[lane.group]}" ${stroke}/>`;
}

/** A lane's name, every line of it, in the middle of its header. */
function laneLabel(lines: string[], y: number, height: number): string[] {
  const first = y + height / 2 - ((lines.length - 1) * LANE_HEADER.lineHeight) / 2 + 4;
  return lines.map(
    (l, i) =>
      `<text x="${16 + LANE_HEADER.padding}" y="${n(first + i * LANE_HEADER.lineHeight)}" font-size="${LANE_HEADER.font}" font-weight="bold" fill="#3c4043">${xml(l)}</text>`,
  );
}

function box(b: Box): string {
  const pill = b.kind === 'start' || b.kind === 'end';
  const stroke =
    b.kind === 'end' && b.tags.includes('exit')
      ? '#d93025'
      : b.kind === 'end'
        ? '#188038'
        : BOX_STROKE[b.kind];
  const mark = b.change ? CHANGE_STYLE[b.change.change] : undefined;
  const ghost = b.change?.change === 'removed';
  const fill = mark ? mark.fill : b.kind === 'support' ? LANE_FILL.support : '#ffffff';
  const outline = mark && !ghost ? 3 : b.tags.includes('finding') ? 3 : b.kind === 'step' ? 1.8 : 1.2;
  const parts = [
    `<g class="box ${b.kind}${b.tags.map((t) => ` ${xml(t)}`).join('')}" data-id="${xml(b.id)}" data-kind="${b.kind}" data-ref="${xml(b.ref)}" data-lane="${xml(b.lane)}"${changeAttribute(b.change)}>`,
    `<title>${xml([b.change?.title, b.title, b.caption, ...b.badges.map((x) => x.title)].filter(Boolean).join('\n'))}</title>`,
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${pill ? n(b.height / 2) : b.kind === 'support' ? 3 : 6}" fill="${fill}" stroke="${mark ? mark.stroke : stroke}" stroke-width="${outline}"${ghost ? ` stroke-dasharray="${GHOST_DASH}"` : b.kind === 'stub' ? ' stroke-dasharray="4 3"' : ''}/>`,
  ];
  // A ghost's words are grey: it is what the base has, not what the scenario does.
  const ink = ghost ? '#80868b' : '#202124';
  const captions = b.captionLines ?? (b.caption ? [b.caption] : []);
  const textHeight = b.lines.length * BOX.lineHeight + captions.length * BOX.caption;
  const first = b.y + (b.height - textHeight) / 2 + BOX.lineHeight - 3;
  for (const [i, line] of b.lines.entries()) {
    parts.push(
      `<text x="${n(b.x + b.width / 2)}" y="${n(first + i * BOX.lineHeight)}" font-size="${BOX.font}" fill="${ink}" text-anchor="middle">${xml(line)}</text>`,
    );
  }
  for (const [i, line] of captions.entries()) {
    parts.push(
      `<text x="${n(b.x + b.width / 2)}" y="${n(first + b.lines.length * BOX.lineHeight + i * BOX.caption)}" font-size="${BOX.captionFont}" fill="#5f6368" text-anchor="middle">${xml(line)}</text>`,
    );
  }
  for (const badge of b.badges) parts.push(badgeSvg(b, badge));
  if (b.change && b.kind !== 'support') parts.push(changeTag(b, b.change));
  parts.push('</g>');
  return parts.join('');
}

function badgeSvg(b: Box, badge: Box['badges'][number]): string {
  const width = badge.kind === 'moment' ? 16 : 8 + badge.text.length * 6;
  // Fail points top right, waits top left, moments of truth top centre, report findings bottom right.
  const x =
    badge.kind === 'fail' || badge.kind === 'finding'
      ? b.x + b.width - width + 6
      : badge.kind === 'wait'
        ? b.x - 6
        : b.x + b.width / 2 - width / 2;
  const y = badge.kind === 'finding' ? b.y + b.height - 7 : b.y - 8;
  const fill = { fail: '#d93025', wait: '#f29900', moment: '#fbbc04', finding: '#7b1fa2' }[badge.kind];
  return `<g class="badge ${badge.kind}"><title>${xml(badge.title)}</title><rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="14" rx="7" fill="${fill}"/><text x="${n(x + width / 2)}" y="${n(y + 10.5)}" font-size="10" font-weight="bold" fill="#ffffff" text-anchor="middle">${xml(badge.text)}</text></g>`;
}

/** The word of a scenario's mark, on the box's bottom edge at the left: clear of the badges and the ports. */
function changeTag(b: Box, mark: ChangeMark): string {
  const style = CHANGE_STYLE[mark.change];
  const width = textWidth(style.tag, 9, 'bold') + 8;
  const [x, y] = [b.x + 6, b.y + b.height - 6];
  return `<g class="change-tag ${mark.change}"><rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="12" rx="6" fill="${style.stroke}"/><text x="${n(x + width / 2)}" y="${n(y + 9)}" font-size="9" font-weight="bold" fill="#ffffff" text-anchor="middle">${style.tag}</text></g>`;
}

const KEY_WORDS: Record<ChangeMark['change'], string> = {
  added: 'added by the scenario',
  changed: 'changed (hover for what changed)',
  removed: 'only in the base, drawn where it was',
};

/** The key to a scenario's marks, on the subtitle's line from `x`: each tag with what it means. */
function changeKey(d: Diagram, x: number): { svg: string; width: number } {
  if (!d.changes) return { svg: '', width: 0 };
  const parts: string[] = ['<g class="change-key">'];
  let at = x;
  for (const change of ['added', 'changed', 'removed'] as const) {
    const style = CHANGE_STYLE[change];
    const tag = textWidth(style.tag, 9, 'bold') + 8;
    parts.push(
      `<rect x="${n(at)}" y="39" width="${n(tag)}" height="12" rx="6" fill="${style.stroke}"/><text x="${n(at + tag / 2)}" y="48" font-size="9" font-weight="bold" fill="#ffffff" text-anchor="middle">${style.tag}</text>`,
      `<text x="${n(at + tag + 4)}" y="48" font-size="11" fill="#3c4043">${KEY_WORDS[change]}</text>`,
    );
    at += tag + 4 + textWidth(KEY_WORDS[change], 11) + 12;
  }
  if (d.changes.note) {
    parts.push(`<text x="${n(at)}" y="48" font-size="11" fill="#3c4043">${xml(d.changes.note)}</text>`);
    at += textWidth(d.changes.note, 11);
  }
  parts.push('</g>');
  return { svg: parts.join(''), width: at - x };
}

/** Arrowheads are drawn as triangles, not markers: resvg crashes on markers of straight lines. */
function arrowhead(points: [number, number][], fill: string): string {
  const [x1, y1] = points[points.length - 2] ?? [0, 0];
  const [x2, y2] = points[points.length - 1] ?? [0, 0];
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const back: [number, number] = [x2 - ux * 7, y2 - uy * 7];
  const a: [number, number] = [back[0] - uy * 3.5, back[1] + ux * 3.5];
  const b: [number, number] = [back[0] + uy * 3.5, back[1] - ux * 3.5];
  return `<path d="M${n(x2)},${n(y2)} L${n(a[0])},${n(a[1])} L${n(b[0])},${n(b[1])} Z" fill="${fill}"/>`;
}

/** A label on its own line: the line passes behind it, so it plainly belongs to that line. */
function edgeLabel(e: Edge, text: string): string {
  const colour = e.change
    ? CHANGE_STYLE[e.change.change].stroke
    : e.kind === 'failure'
      ? '#d93025'
      : '#3c4043';
  if (!e.labelBox) {
    const [x0, y0] = e.points[0] ?? [0, 0];
    return `<text x="${n(x0 + 4)}" y="${n(y0 - 3)}" font-size="${EDGE_LABEL.font}" fill="${colour}">${xml(text)}</text>`;
  }
  const b = e.labelBox;
  const lines = text.split('\n');
  return `<rect class="label" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="3" fill="#ffffff" stroke="${colour}" stroke-width="0.6"/>${lines
    .map(
      (line, i) =>
        `<text x="${n(b.x + b.width / 2)}" y="${n(b.y + EDGE_LABEL.pad + (i + 1) * EDGE_LABEL.lineHeight - 2.5)}" font-size="${EDGE_LABEL.font}" fill="${colour}" text-anchor="middle">${xml(line)}</text>`,
    )
    .join('')}`;
}

/** A flow a scenario adds or changes is drawn thicker in the mark's colour; one it removes, as grey dashes. */
function changedStyle(style: { line: string; head?: string }, mark: ChangeMark | undefined) {
  if (!mark) return style;
  const colour = CHANGE_STYLE[mark.change].stroke;
  const line =
    mark.change === 'removed'
      ? `stroke="${colour}" stroke-width="1.2" stroke-dasharray="${GHOST_DASH}"`
      : style.line
          .replace(/stroke="[^"]+"/, `stroke="${colour}"`)
          .replace(/stroke-width="[\d.]+"/, 'stroke-width="2.2"');
  return { line, ...(style.head ? { head: colour } : {}) };
}

function edge(e: Edge): string {
  const base = changedStyle(EDGE_STYLE[e.kind], e.change);
  // A weighted flow is 1 to 6 px wide, so the main paths stand out of a busy graph.
  const style =
    e.weight === undefined
      ? base
      : {
          ...base,
          line: base.line.replace(/stroke-width="[\d.]+"/, `stroke-width="${n(1 + 5 * e.weight)}"`),
        };
  const points = e.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
  const label = e.label ? edgeLabel(e, e.label) : '';
  return `<g class="edge ${e.kind}" data-id="${xml(e.id)}" data-from="${xml(e.from)}" data-to="${xml(e.to)}"${changeAttribute(e.change)}>${changeTitle(e.change)}<polyline points="${points}" fill="none" ${style.line}/>${style.head && e.points.length > 1 ? arrowhead(e.points, style.head) : ''}${label}</g>`;
}
