/**
 * Edits to a saved model, as the web app's forms and canvas make them: applied to the file's text
 * with its comments and layout kept, written only when the ETag still matches (409 when stale),
 * and answered with the new text and the edit that undoes them.
 */
import type { FastifyReply } from 'fastify';
import { describe } from '../../model/units.js';
import type { Req, Server } from '../context.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { bodyOf } from '../request.js';

export function modelEditRoutes({ app, workspace, work }: Server): void {
  app.post(
    '/api/models/:name/edits',
    { config: { accepts: JSON_BODY } },
    async (request: Req, reply: FastifyReply) => {
      const name = request.params.name as string;
      const { edits } = bodyOf(request.body, ['edits']);
      if (!Array.isArray(edits))
        throw new HttpError(
          400,
          edits === undefined
            ? "'edits' is missing"
            : `'edits' must be a list of edits, not ${describe(edits)}`,
          'send {"edits": [{"kind": "set", "path": [...], "value": ...}]}',
        );
      const ifMatch = request.headers['if-match'];
      const { text, etag: current } = workspace.read(name);
      if (typeof ifMatch === 'string' && ifMatch !== current)
        throw new HttpError(409, `'${name}' changed since you read it`, 'read it again and redo the edit');
      const edited = await work('editText', { text, edits });
      const checked = await work('check', { text: edited.text, name });
      const { etag } = workspace.write(name, edited.text, current);
      return reply
        .header('ETag', etag)
        .send({ name, etag, text: edited.text, inverse: edited.inverse, ...checked });
    },
  );
}
