/** Jobs: their state and result, their progress as server-sent events, and cancelling them. */
import type { FastifyReply } from 'fastify';
import type { Req, Server } from '../context.js';
import { HttpError } from '../http-error.js';
import { isOver, jobView } from '../jobs.js';

export function jobRoutes({ app, jobs }: Server): void {
  const jobOf = (id: string) => {
    const job = jobs.get(id);
    if (!job) throw new HttpError(404, `there is no job '${id}'`, 'jobs are kept an hour after they finish');
    return job;
  };
  app.get('/api/jobs/:id', async (request: Req) => jobView(jobOf(request.params.id as string)));
  app.delete('/api/jobs/:id', async (request: Req) =>
    jobView(jobs.cancel(request.params.id as string) ?? jobOf(request.params.id as string)),
  );
  app.get('/api/jobs/:id/events', (request: Req, reply: FastifyReply) => {
    const job = jobOf(request.params.id as string);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    const send = () => {
      const view = jobView(job);
      res.write(`event: ${isOver(job) ? job.state : 'progress'}\ndata: ${JSON.stringify(view)}\n\n`);
      if (isOver(job)) {
        job.listeners.delete(send);
        res.end();
      }
    };
    job.listeners.add(send);
    request.raw.on('close', () => job.listeners.delete(send));
    send();
  });
}
