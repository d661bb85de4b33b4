/**
 * The journey map's header and key, as marks: the persona (the segment's name, share of
 * arrivals, description and attributes), which path is shown and how many take it, and under
 * the map how to read it. Full text, wrapped to the width of the map.
 */
import type { Model } from '../model/model.js';
import { percent } from '../text/percent.js';
import type { Mark } from './diagram.js';
import { pathKind, type ShownPath } from './journey-path.js';
import { wrap } from './text.js';

const PAD = 12;
const HEADING = { size: 15, line: 20 };
const BODY = { size: 12, line: 16 };

interface Block {
  marks: Mark[];
  height: number;
}

/** "preferredChannel" reads "Preferred channel". */
const words = (key: string) => {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return `${spaced[0]?.toUpperCase() ?? ''}${spaced.slice(1)}`;
};

/** Lines of text as marks from `y` down, wrapped to `width`. */
function paragraph(
  text: string,
  x: number,
  y: number,
  width: number,
  style: { size: number; line: number },
  role: string,
  color: string,
  bold = false,
): Block {
  const lines = wrap(text, width, style.size, Number.POSITIVE_INFINITY, bold ? 'bold' : 'regular');
  return {
    marks: lines.map((line, i) => ({
      kind: 'text',
      role,
      color,
      x,
      y: y + (i + 1) * style.line - 4,
      text: line,
      size: style.size,
      ...(bold ? { bold } : {}),
    })),
    height: lines.length * style.line,
  };
}

/** The persona card from `top`, `width` wide from x = 16. */
export function personaCard(model: Model, shown: ShownPath, top: number, width: number): Block {
  const { segment, path } = shown;
  const inner = width - 2 * PAD;
  const x = 16 + PAD;
  const end = path.end ? model.ends.find((e) => e.id === path.end)?.name : undefined;
  const steps = `${path.steps.length} step${path.steps.length > 1 ? 's' : ''}`;
  const complete = path.start !== undefined && path.end !== undefined;
  const attributes = Object.entries(segment.attributes ?? {})
    .map(([k, v]) => `${words(k)}: ${String(v)}`)
    .join('. ');
  const kind = pathKind(model, shown);
  const toSuccess = !shown.into && model.ends.find((e) => e.id === path.end)?.outcome === 'success';
  const rival = shown.into
    ? 'no other path to this end'
    : toSuccess
      ? 'no other path to success'
      : 'no other single path';
  const pathText = `${kind[0]?.toUpperCase()}${kind.slice(1)}: ${steps}${end && !shown.into ? ` ending '${end}'` : ''}.${complete ? ` ${percent(path.p)} of the segment's customers take exactly this path from start to end${shown.likely ? `; ${rival} is taken more often` : ''}.` : ''}`;
  const texts: { text: string; style: typeof BODY; role: string; color: string; bold?: boolean }[] = [
    {
      text: `Persona: ${segment.name}, ${percent(segment.share)} of arrivals`,
      style: HEADING,
      role: 'persona-name',
      color: '#202124',
      bold: true,
    },
    ...(segment.description
      ? [{ text: segment.description, style: BODY, role: 'persona-description', color: '#202124' }]
      : []),
    ...(attributes
      ? [{ text: `${attributes}.`, style: BODY, role: 'persona-attributes', color: '#3c4043' }]
      : []),
    { text: pathText, style: BODY, role: 'persona-path', color: '#3c4043' },
  ];
  const marks: Mark[] = [];
  let y = top + PAD;
  for (const { text, style, role, color, bold } of texts) {
    const block = paragraph(text, x, y, inner, style, role, color, bold);
    marks.push(...block.marks);
    y += block.height + 4;
  }
  const height = y - top + PAD - 4;
  const card: Mark = {
    kind: 'rect',
    role: 'persona',
    color: '#e8f0fe',
    stroke: '#1a73e8',
    x: 16,
    y: top,
    width,
    height,
    rx: 8,
    ref: segment.id,
  };
  return { marks: [card, ...marks], height };
}

/** Body text from `y` down, wrapped to `width`. */
export const textBlock = (text: string, x: number, y: number, width: number, role: string, color: string) =>
  paragraph(text, x, y, width, BODY, role, color);

/** How to read the map, under it. */
export function journeyKey(shown: ShownPath, top: number, width: number): Block {
  const text = [
    'How to read it: F is a fail point with its probability, W a wait point with its mean, ★ a moment of truth.',
    `Customers per 1,000: of every 1,000 customers of the segment '${shown.segment.name}' who arrive, how many reach the step at least once, exact from the model's Markov chain; at the outcome, how many end there.`,
    'Emotion from -2 to +2: green above the zero line, red below it, grey on it.',
    `Opportunities: the findings of the analysis for this segment, numbered as there, each under the first step of this path it concerns; findings about a department or system behind several steps are listed once, under the map.`,
  ].join(' ');
  return paragraph(text, 16, top, width, BODY, 'key', '#5f6368');
}
