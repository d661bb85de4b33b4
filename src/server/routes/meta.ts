/** The server itself: its health, the API's description and the JSON Schema of model files. */
import { jsonSchema } from '../../model/json-schema.js';
import { FILE_KINDS, type FileKind } from '../../model/schema.js';
import { VERSION } from '../../version.js';
import type { Req, Server } from '../context.js';
import { HttpError } from '../http-error.js';
import { openApi } from '../openapi.js';

export function metaRoutes({ app, workspace }: Server): void {
  // Answered on the event loop, which heavy work never holds: it shows the server is alive.
  app.get('/api/health', async () => ({ ok: true, version: VERSION, workspace: workspace.root }));
  app.get('/api/openapi.json', { config: { public: true } }, async () => openApi(VERSION));
  app.get('/api/schema', { config: { public: true, query: ['kind'] } }, async (request: Req) => {
    const kind = request.query.kind ?? 'model';
    if (!(FILE_KINDS as readonly string[]).includes(kind))
      throw new HttpError(400, `kind is ${FILE_KINDS.join(', ')}, not '${kind}'`);
    return jsonSchema(kind as FileKind);
  });
}
