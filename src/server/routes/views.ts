/** Diagrams: of a saved model (GET, SVG or the layout as JSON), and of the editor's text (POST). */
import type { FastifyReply } from 'fastify';
import type { Req, Server } from '../context.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { bodyOf, optionalString } from '../request.js';
import { PART_FIELDS, partsOfBody, partsOfQuery } from '../view-parts.js';

export function viewRoutes({ app, work }: Server): void {
  app.get('/api/models/:name/render', async (request: Req, reply: FastifyReply) => {
    const q = request.query;
    if (q.format !== undefined && q.format !== 'svg' && q.format !== 'json')
      throw new HttpError(400, `'format' is svg or json, not '${q.format}'`);
    const drawn = await work('renderSaved', {
      name: request.params.name as string,
      view: q.view ?? 'blueprint',
      segment: q.segment,
      role: q.role,
      scenario: q.scenario,
      mergeSegments: q.mergeSegments === 'true',
      format: q.format === 'json' ? 'json' : 'svg',
      ...partsOfQuery(q),
    });
    if ('json' in drawn) return drawn.json;
    return reply.type('image/svg+xml').send(drawn.svg);
  });

  app.post('/api/render', { config: { accepts: JSON_BODY } }, async (request: Req, reply: FastifyReply) => {
    const fields = ['text', 'name', 'view', 'segment', 'role', 'scenario'];
    const body = bodyOf(request.body, [...fields, ...PART_FIELDS]);
    const text = optionalString(body, 'text');
    if (text === undefined) throw new HttpError(400, 'send {"text": "...model YAML..."}');
    const drawn = await work('renderText', {
      text,
      name: optionalString(body, 'name'),
      view: optionalString(body, 'view') ?? 'blueprint',
      segment: optionalString(body, 'segment'),
      role: optionalString(body, 'role'),
      scenario: optionalString(body, 'scenario'),
      ...partsOfBody(body),
    });
    return reply.type('image/svg+xml').send('svg' in drawn ? drawn.svg : '');
  });
}
