/** `linesight serve [WORKSPACE]`: the HTTP API (and the page at /) over a workspace folder. */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildServer } from '../../server/app.js';
import { InputError, type Io, UsageError } from '../io.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

export async function serveCommand(
  workspace: string,
  options: { port?: string; host?: string; token?: string },
  io: Io,
): Promise<number> {
  const root = resolve(workspace);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new InputError(
      `${workspace} is not a folder`,
      'serve a workspace folder, e.g. linesight serve examples (linesight init makes one)',
    );
  const port = Number(options.port ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not '${options.port}'`);
  const host = options.host ?? '127.0.0.1';
  // Anyone who can reach a non-loopback address could edit the models: a token is required there.
  const token = options.token ?? (LOOPBACK.test(host) ? undefined : randomBytes(18).toString('base64url'));
  const app = buildServer({ workspace: root, ...(token ? { token } : {}) });
  const address = await app.listen({ port, host }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new InputError(
        `port ${port} on ${host} is already in use`,
        `pick another with --port, or stop what listens there`,
      );
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
      throw new InputError(
        `cannot listen on ${host}: no such address here`,
        'use 127.0.0.1 (the default) or an address of this machine',
      );
    throw error;
  });
  io.out(`linesight is serving ${root} at ${address}/\n`);
  if (token && !options.token) io.out(`token (send Authorization: Bearer ${token}): ${token}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      void app.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
