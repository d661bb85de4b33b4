/**
 * The workspace's models: list, read with an ETag, create and update with optimistic concurrency
 * (If-Match, 409 when stale), delete, and validate text that is not saved yet. A new model starts
 * blank, from the starter, from an example or from a BPMN file; a model can be renamed and
 * duplicated, never over another one (409).
 */
import type { FastifyReply } from 'fastify';
import { decodeUtf8 } from '../../model/decode.js';
import { undecodable } from '../../model/source.js';
import type { Req, Server } from '../context.js';
import { JSON_BODY, MODEL_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { BPMN_BODY_LIMIT } from '../options.js';
import { bodyOf, optionalString } from '../request.js';

/**
 * Model text from a YAML body (its bytes, UTF-8 strictly, as the CLI reads a file: a Latin-1 é is
 * refused where it is, not saved as U+FFFD), or from JSON {"text": "..."}.
 */
function textOf(body: unknown, file: string): string {
  if (Buffer.isBuffer(body)) {
    const decoded = decodeUtf8(body);
    if ('text' in decoded) return decoded.text;
    const [problem] = undecodable(decoded, file).diagnostics;
    throw new HttpError(
      400,
      `${problem?.message}${problem?.line ? ` (line ${problem.line}, column ${problem.column})` : ''}`,
      problem?.hint,
    );
  }
  const text = bodyOf(body, ['text']).text;
  if (typeof text === 'string') return text;
  throw new HttpError(
    400,
    'send the model as YAML text (Content-Type: text/yaml), or as JSON {"text": "..."}',
  );
}

const ifMatchOf = (request: Req) => {
  const v = request.headers['if-match'];
  return typeof v === 'string' ? v : undefined;
};

/** A text field that must be there. */
function requiredString(body: Record<string, unknown>, key: string, example: string): string {
  const v = optionalString(body, key);
  if (v === undefined) throw new HttpError(400, `'${key}' is missing`, `e.g. {"${key}": "${example}"}`);
  return v;
}

export function modelRoutes({ app, workspace, work }: Server): void {
  app.get('/api/models', async () => work('listModels', {}));

  app.get('/api/templates', async () => work('templates', {}));

  /** Checks a new model's text and writes it under its name, never over another file. */
  const create = async (
    reply: FastifyReply,
    name: string,
    text: string,
    extra: Record<string, unknown> = {},
  ) => {
    const checked = await work('check', { text, name });
    const { etag } = workspace.create(name, text);
    return reply
      .status(201)
      .header('ETag', etag)
      .header('Location', `/api/models/${encodeURIComponent(name)}`)
      .send({ name, etag, ...extra, ...checked });
  };

  app.post(
    '/api/models',
    // A BPMN file may be larger than a model: the same limit as POST /api/bpmn/import.
    { bodyLimit: BPMN_BODY_LIMIT, config: { accepts: JSON_BODY } },
    async (request: Req, reply: FastifyReply) => {
      const body = bodyOf(request.body, ['name', 'from', 'bpmn', 'customerPool']);
      const name = requiredString(body, 'name', 'journey.yaml');
      workspace.newPath(name);
      const made = await work('newModel', {
        name,
        from: optionalString(body, 'from') ?? 'blank',
        bpmn: optionalString(body, 'bpmn'),
        customerPool: optionalString(body, 'customerPool'),
      });
      return create(reply, name, made.text, { warnings: made.warnings });
    },
  );

  app.post(
    '/api/models/:name/duplicate',
    { config: { accepts: JSON_BODY } },
    async (request: Req, reply: FastifyReply) => {
      const to = requiredString(bodyOf(request.body, ['to']), 'to', 'copy.yaml');
      workspace.newPath(to);
      return create(reply, to, workspace.read(request.params.name as string).text);
    },
  );

  app.post(
    '/api/models/:name/rename',
    { config: { accepts: JSON_BODY } },
    async (request: Req, reply: FastifyReply) => {
      const to = requiredString(bodyOf(request.body, ['to']), 'to', 'renamed.yaml');
      const { etag } = workspace.rename(request.params.name as string, to, ifMatchOf(request));
      return reply
        .header('ETag', etag)
        .header('Location', `/api/models/${encodeURIComponent(to)}`)
        .send({ name: to, etag });
    },
  );

  app.get('/api/models/:name', async (request: Req, reply: FastifyReply) => {
    const name = request.params.name as string;
    const { text, etag } = workspace.read(name);
    const checked = await work('check', { text, name });
    return reply.header('ETag', etag).send({ name, text, etag, ...checked });
  });

  app.put(
    '/api/models/:name',
    { config: { accepts: MODEL_BODY } },
    async (request: Req, reply: FastifyReply) => {
      const name = request.params.name as string;
      const text = textOf(request.body, name);
      workspace.path(name);
      const checked = await work('check', { text, name });
      const { etag, created } = workspace.write(name, text, ifMatchOf(request));
      return reply
        .status(created ? 201 : 200)
        .header('ETag', etag)
        .send({ name, etag, ...checked });
    },
  );

  app.get('/api/models/:name/scenarios/:id/diff', async (request: Req) => {
    const [name, scenario] = [request.params.name as string, request.params.id as string];
    const diff = await work('scenarioDiff', { name, scenario });
    // A scenario file names its scenario by its own id; only a model's scenarios can be asked for.
    if (diff === undefined) throw new HttpError(404, `'${name}' has no scenario '${scenario}' to compare`);
    return diff;
  });

  app.delete('/api/models/:name', async (request: Req, reply: FastifyReply) => {
    workspace.remove(request.params.name as string, ifMatchOf(request));
    return reply.status(204).send();
  });

  app.post(
    '/api/validate',
    { config: { accepts: MODEL_BODY, query: ['name', 'scenario'] } },
    async (request: Req) => {
      const name = request.query.name;
      if (name !== undefined) workspace.path(name);
      const view = typeof request.query.scenario === 'string' ? request.query.scenario : undefined;
      return work('check', {
        text: textOf(request.body, name ?? 'the model'),
        name,
        outline: true,
        ...(view ? { view } : {}),
      });
    },
  );
}
