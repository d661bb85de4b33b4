/** Diagrams: of a saved model (GET: SVG, PNG, PDF or the layout as JSON), and of the editor's text (POST). */
import type { FastifyReply } from 'fastify';
import type { Req, Server } from '../context.js';
import { type DiagramFormat, diagramFileName, diagramFormat, sendDiagram } from '../diagram-file.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { bodyOf, optionalString } from '../request.js';
import { PART_FIELDS, partsOfBody, partsOfQuery } from '../view-parts.js';

/** A drawn diagram as a file to download, named for what it shows. */
function sendDrawn(
  reply: FastifyReply,
  drawn: { format: DiagramFormat; content: string | Uint8Array; missing: string[] },
  name: string | undefined,
  choice: Parameters<typeof diagramFileName>[1],
) {
  return sendDiagram(
    reply,
    drawn.format,
    drawn.content,
    diagramFileName(name, choice, drawn.format),
    drawn.missing,
  );
}

/** What a saved model's drawing reads from the query: the view, its choices and parts, the format. */
const RENDER_QUERY = ['format', 'view', 'segment', 'role', 'scenario', 'mergeSegments', ...PART_FIELDS];

export function viewRoutes({ app, work }: Server): void {
  app.get(
    '/api/models/:name/render',
    { config: { query: RENDER_QUERY } },
    async (request: Req, reply: FastifyReply) => {
      const q = request.query;
      const format = diagramFormat(q.format, ['json']);
      const choice = {
        view: q.view ?? 'blueprint',
        segment: q.segment,
        role: q.role,
        scenario: q.scenario,
      };
      const name = request.params.name as string;
      const drawn = await work('renderSaved', {
        name,
        ...choice,
        mergeSegments: q.mergeSegments === 'true',
        format: format as DiagramFormat | 'json',
        ...partsOfQuery(q),
      });
      if ('json' in drawn) return drawn.json;
      return sendDrawn(reply, drawn, name, choice);
    },
  );

  app.post('/api/render', { config: { accepts: JSON_BODY } }, async (request: Req, reply: FastifyReply) => {
    const fields = ['text', 'name', 'view', 'segment', 'role', 'scenario', 'format'];
    const body = bodyOf(request.body, [...fields, ...PART_FIELDS]);
    const text = optionalString(body, 'text');
    if (text === undefined) throw new HttpError(400, 'send {"text": "...model YAML..."}');
    const format = diagramFormat(optionalString(body, 'format')) as DiagramFormat;
    const name = optionalString(body, 'name');
    const choice = {
      view: optionalString(body, 'view') ?? 'blueprint',
      segment: optionalString(body, 'segment'),
      role: optionalString(body, 'role'),
      scenario: optionalString(body, 'scenario'),
    };
    const drawn = await work('renderText', { text, name, ...choice, ...partsOfBody(body), format });
    if ('json' in drawn) throw new HttpError(500, 'the diagram came back as JSON');
    return sendDrawn(reply, drawn, name, choice);
  });
}
