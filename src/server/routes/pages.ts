/**
 * The pages a person opens: `/` (the web app when it is built, else the plain page), `/plain` (the
 * workspace's models without JavaScript) and the web app's static files. The pages show the
 * workspace, so they need the token like the API; the static files are the same for everyone.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '../context.js';
import { HttpError } from '../http-error.js';
import { readRegularFile } from '../workspace.js';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
};

/** The web app's build, when there is one. */
const webRoot = () =>
  [new URL('../../web/', import.meta.url), new URL('../../../dist/web/', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((p) => existsSync(join(p, 'index.html')));

/** The build's assets, listed once: only these regular files are ever served. */
function assetsOf(root: string | undefined): Map<string, string> {
  if (!root || !existsSync(join(root, 'assets'))) return new Map();
  return new Map(
    readdirSync(join(root, 'assets'), { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [d.name, join(root, 'assets', d.name)]),
  );
}

export function pageRoutes({ app, work }: Server): void {
  const root = webRoot();
  const assets = assetsOf(root);
  const html = 'text/html; charset=utf-8';
  app.get('/', { config: { page: true } }, async (_request, reply) => {
    const index = root ? readRegularFile(join(root, 'index.html')) : undefined;
    return reply.type(html).send(index ?? (await work('plainPage', {})));
  });
  app.get('/plain', { config: { page: true } }, async (_request, reply) =>
    reply.type(html).send(await work('plainPage', {})),
  );
  app.get('/assets/:file', { config: { public: true } }, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const path = assets.get(file);
    const bytes = path ? readRegularFile(path) : undefined;
    if (!bytes)
      throw new HttpError(404, `there is no asset '${file}'`, 'the web app asks only for its own files');
    return reply
      .type(TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(bytes);
  });
}
