/** The exact analysis: of a saved model (JSON, Markdown or HTML), of the editor's text, a scenario's diff, two journeys compared. */
import type { FastifyReply } from 'fastify';
import type { Req, Server } from '../context.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { bodyOf, optionalString } from '../request.js';

const FORMATS: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function analysisRoutes({ app, work }: Server): void {
  app.get(
    '/api/models/:name/analysis',
    { config: { query: ['format', 'scenario', 'segment'] } },
    async (request: Req, reply: FastifyReply) => {
      const q = request.query;
      const format = q.format ?? 'json';
      if (format !== 'json' && !FORMATS[format])
        throw new HttpError(400, `'format' is json, md or html, not '${format}'`);
      const result = await work('analysis', {
        name: request.params.name as string,
        scenario: q.scenario,
        segment: q.segment,
        format,
      });
      if ('text' in result) return reply.type(FORMATS[format] as string).send(result.text);
      return result.json;
    },
  );

  app.post('/api/analyze', { config: { accepts: JSON_BODY } }, async (request: Req) => {
    const body = bodyOf(request.body, ['text', 'name', 'scenario']);
    const text = optionalString(body, 'text');
    if (text === undefined) throw new HttpError(400, 'send {"text": "...model YAML..."}');
    return work('analyzeText', {
      text,
      name: optionalString(body, 'name'),
      scenario: optionalString(body, 'scenario'),
    });
  });

  app.get('/api/models/:name/diff', { config: { query: ['scenario'] } }, async (request: Req) => {
    const scenario = request.query.scenario;
    if (!scenario) throw new HttpError(400, 'name the scenario: ?scenario=ID');
    return work('diff', { name: request.params.name as string, scenario });
  });

  app.get('/api/compare', { config: { query: ['ours', 'theirs'] } }, async (request: Req) => {
    const { ours, theirs } = request.query;
    if (!ours || !theirs) throw new HttpError(400, 'name both models: ?ours=NAME&theirs=NAME');
    if (ours === theirs)
      throw new HttpError(
        400,
        `both sides are the same model (${ours})`,
        "compare our journey with another model, e.g. a competitor's",
      );
    return work('compare', { ours, theirs });
  });
}
