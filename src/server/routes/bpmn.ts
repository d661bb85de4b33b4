/** BPMN 2.0: a model exported as XML, and a BPMN file imported as model YAML with warnings. */
import type { FastifyReply } from 'fastify';
import { decodeXml } from '../../bpmn/xml-text.js';
import type { Req, Server } from '../context.js';
import { XML_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { BPMN_BODY_LIMIT } from '../options.js';

export function bpmnRoutes({ app, work }: Server): void {
  app.get(
    '/api/models/:name/bpmn',
    { config: { query: ['scenario'] } },
    async (request: Req, reply: FastifyReply) => {
      const { id, xml } = await work('exportBpmn', {
        name: request.params.name as string,
        scenario: request.query.scenario,
      });
      return reply
        .type('application/xml')
        .header('Content-Disposition', `attachment; filename="${id.replace(/[^A-Za-z0-9._-]/g, '-')}.bpmn"`)
        .send(xml);
    },
  );

  app.post(
    '/api/bpmn/import',
    { bodyLimit: BPMN_BODY_LIMIT, config: { accepts: XML_BODY, query: ['customerPool'] } },
    async (request: Req) => {
      if (!Buffer.isBuffer(request.body))
        throw new HttpError(400, 'send the BPMN file as the body (Content-Type: application/xml)');
      // Decoded as the CLI decodes the file: in the encoding it declares, strictly.
      const xml = decodeXml(request.body);
      if ('problem' in xml) throw new HttpError(400, `the BPMN body: ${xml.problem}`, xml.hint);
      return work('importBpmn', { xml: xml.text, customerPool: request.query.customerPool });
    },
  );
}
