/**
 * A diagram sent as a file: the formats the render routes take, each with its content type, and
 * a file name that says what was drawn (model, view and options), for a download or a save-as.
 */
import type { FastifyReply } from 'fastify';
import { HttpError } from './http-error.js';

export const DIAGRAM_FORMATS = ['svg', 'png', 'pdf'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

const TYPES: Record<DiagramFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The format asked for, or a 400 naming the ones there are. */
export function diagramFormat(value: string | undefined, others: readonly string[] = []): string {
  const known = [...DIAGRAM_FORMATS, ...others];
  if (value === undefined) return 'svg';
  if (!known.includes(value))
    throw new HttpError(
      400,
      `'format' is ${known.slice(0, -1).join(', ')} or ${known[known.length - 1]}, not '${value}'`,
      `ask for ?format=${known[0]} or leave it out for SVG`,
    );
  return value;
}

export function diagramFileName(
  name: string | undefined,
  choice: {
    view: string;
    role?: string | undefined;
    segment?: string | undefined;
    scenario?: string | undefined;
  },
  format: DiagramFormat,
): string {
  const base = (name ?? 'untitled').replace(/\.(ya?ml|json)$/i, '');
  const parts = [
    base,
    choice.view,
    choice.view === 'role' ? choice.role : undefined,
    choice.segment,
    choice.scenario,
  ];
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')}.${format}`;
}

/** Shown in place (a browser opens an SVG, a PNG or a PDF), saved under the file name. */
export const MISSING_CHARACTERS_HEADER = 'X-Linesight-Missing-Characters';

export function sendDiagram(
  reply: FastifyReply,
  format: DiagramFormat,
  content: string | Uint8Array,
  file: string,
  /** Characters a PNG or PDF draws as empty boxes (the bundled font lacks them), percent-encoded in a header. */
  missing: readonly string[] = [],
) {
  const body =
    typeof content === 'string'
      ? content
      : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (missing.length > 0) reply.header(MISSING_CHARACTERS_HEADER, encodeURIComponent(missing.join('')));
  return reply.type(TYPES[format]).header('Content-Disposition', `inline; filename="${file}"`).send(body);
}
