/**
 * Who may do what, decided in one place before any route runs, on the route the router matched
 * (never on the raw URL, which may spell the same route as `/%61pi/models`):
 *
 * - Host: the server answers only to the names it is bound to (DNS rebinding turns any web page's
 *   name into 127.0.0.1; such a request carries that page's name in Host).
 * - Origin and Sec-Fetch-Site: a request another site's page makes the browser send is refused;
 *   only a person's navigation to a page may come from elsewhere, and not into another site's frame.
 * - Token: off loopback (or when given one), every route but the static ones needs it, as
 *   `Authorization: Bearer TOKEN` or as the cookie that opening a page with `?token=TOKEN` sets
 *   (session-cookie.ts: good for 12 hours, renewed as it is used).
 * - Content types: each route names the bodies it takes; a form or a text/plain body, which any
 *   page can post without a CORS preflight, is refused before it is read.
 */
import { hostname, networkInterfaces } from 'node:os';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import { sameSecret } from './secret.js';
import { cookieName, SESSION_SECONDS, sessionCookie, sessionState } from './session-cookie.js';

/** What a route declares about itself, in its `config`. */
export interface Access {
  /** Anyone who can reach the server may have it: the web app's static files, the API's description. */
  public?: boolean;
  /** A page a person opens: reached by navigation, from a link that may carry `?token=`. */
  page?: boolean;
  /** The media types of the bodies the route takes; a route without takes no body. */
  accepts?: readonly string[];
}

declare module 'fastify' {
  interface FastifyContextConfig extends Access {}
}

export const JSON_BODY = ['application/json'] as const;
export const MODEL_BODY = [
  'text/yaml',
  'application/yaml',
  'application/x-yaml',
  'application/json',
] as const;
export const XML_BODY = ['application/xml', 'text/xml', 'application/octet-stream'] as const;
export const LOG_BODY = [
  'text/csv',
  'application/xml',
  'text/xml',
  'application/json',
  'application/gzip',
  'application/octet-stream',
] as const;

export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
export const isLoopback = (host: string) =>
  /^127\.\d+\.\d+\.\d+$/.test(host) || host === 'localhost' || host === '::1' || host === '[::1]';

/** The fewest characters a token may have: the one serve makes up has 24 (18 random bytes). */
export const SHORTEST_TOKEN = 16;

/**
 * What is wrong with a server's token, if anything: off loopback there must be one, and any token
 * given must be one a guess does not find. An empty token (an unset shell variable in
 * `--token "$T"`) would otherwise have left a server on every address open to anyone.
 */
export function tokenProblem(token: string | undefined, host: string): string | undefined {
  if (token === undefined)
    return isLoopback(host) ? undefined : `a server on ${host}, not loopback, needs a token`;
  if (token.length < SHORTEST_TOKEN)
    return `the token has ${token.length} characters, fewer than ${SHORTEST_TOKEN}: one that short can be guessed`;
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'the token has spaces or characters beyond printable ASCII, which an Authorization header and a link cannot carry as they are';
  return undefined;
}
const bare = (name: string) =>
  name
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();

/**
 * The names a server bound to `bind` answers to: on loopback the loopback names; on every address
 * (0.0.0.0, ::) the machine's addresses and name as well; on one address, that address and the
 * machine's name; and whatever the user allows.
 */
export function hostNames(bind: string, allow: readonly string[] = []): Set<string> {
  const names = new Set(allow.map(bare));
  const host = bare(bind);
  if (isLoopback(host)) for (const n of [...LOOPBACK_NAMES, host]) names.add(n);
  else if (host === '0.0.0.0' || host === '::') {
    for (const n of LOOPBACK_NAMES) names.add(n);
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(bare(a.address));
    names.add(hostname().toLowerCase());
  } else {
    names.add(host);
    names.add(hostname().toLowerCase());
  }
  return names;
}

/** "Example.com:4173" → name and port; "[::1]:80" → "::1", "80"; without a port, port ''. */
export function parseHost(header: string): { name: string; port: string } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!match) return undefined;
  return { name: bare(match[1] as string), port: match[2] ?? '' };
}

/**
 * Whether an Origin header names the origin the request came in on: the Host's name and port, over
 * http, or https when a proxy in front terminates TLS.
 */
export function sameOrigin(origin: string, host: { name: string; port: string }): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const standard = url.protocol === 'https:' ? '443' : '80';
  return bare(url.hostname) === host.name && (url.port || standard) === (host.port || standard);
}

const cookieOf = (request: FastifyRequest, name: string): string | undefined => {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
};

export interface GuardOptions {
  token?: string | undefined;
  host: string;
  allowHosts: readonly string[];
}

export function installGuard(app: FastifyInstance, options: GuardOptions): void {
  const names = hostNames(options.host, options.allowHosts);
  /** The port the server listens on; in process (inject) there is none to compare. */
  const listening = () => {
    const address = app.server.listening ? app.server.address() : null;
    return address && typeof address === 'object' ? String(address.port) : undefined;
  };
  app.addHook('onRequest', async (request, reply) => {
    try {
      const host = checkHost(request, names, listening(), options.token !== undefined);
      checkSite(request, host);
      if (!request.routeOptions.config.public && options.token) {
        const done = checkToken(request, reply, options.token, host.port || '80');
        if (done) return done;
      }
      checkBody(request);
    } catch (error) {
      // Refused before its body is read: the connection closes with the answer, or a client
      // without the token trickling a body held it (and a file descriptor) open for ever.
      reply.header('connection', 'close');
      throw error;
    }
  });
}

/**
 * The Host the request names must be one of the server's, at its port. On every address (with a
 * token) the refusal does not list the machine's addresses and name: a page that rebinds a name
 * of its own to the server could read them.
 */
function checkHost(request: FastifyRequest, names: Set<string>, port: string | undefined, guarded: boolean) {
  const header = request.headers.host ?? '';
  const host = parseHost(header);
  const allowed = [...names].map((n) => (n.includes(':') ? `[${n}]` : n));
  if (host && names.has(host.name) && port !== undefined && (host.port || '80') !== port)
    throw new HttpError(
      421,
      `this server listens on port ${port}, not ${host.port || '80'} as the host '${header}' says`,
      `open it as ${host.name.includes(':') ? `[${host.name}]` : host.name}:${port}`,
    );
  if (!host || !names.has(host.name))
    throw new HttpError(
      421,
      `this server does not answer to the host name '${header}'`,
      guarded
        ? `open the address linesight serve printed; to reach it by another name, start it with linesight serve --allow-host ${host?.name ?? 'NAME'}`
        : `open it as ${allowed.map((n) => `${n}${port ? `:${port}` : ''}`).join(' or ')}; to reach it by another name, start it with linesight serve --allow-host ${host?.name ?? 'NAME'}`,
    );
  return host;
}

function checkSite(request: FastifyRequest, host: { name: string; port: string }) {
  const origin = request.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host))
    throw new HttpError(
      403,
      `requests from other sites are refused (Origin: ${origin})`,
      'use linesight from its own pages, or call the API from a program, which sends no Origin',
    );
  const site = request.headers['sec-fetch-site'];
  // A navigation in a frame another site holds is no person following a link: it is how a page
  // puts linesight under a decoy to take its clicks.
  const dest = request.headers['sec-fetch-dest'];
  const navigation =
    request.routeOptions.config.page &&
    request.method === 'GET' &&
    request.headers['sec-fetch-mode'] === 'navigate' &&
    (dest === undefined || dest === 'document');
  if ((site === 'cross-site' || site === 'same-site') && !navigation)
    throw new HttpError(
      403,
      'requests that another site makes your browser send are refused',
      'use linesight from its own pages',
    );
}

/**
 * Passes a request with the token, or with a session cookie still good (renewed past half its
 * life); a page opened with `?token=` sets the cookie and moves on without it.
 */
function checkToken(request: FastifyRequest, reply: FastifyReply, token: string, port: string) {
  const bearer = /^Bearer\s+(.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
  if (bearer !== undefined && sameSecret(bearer, token)) return undefined;
  const now = Math.floor(Date.now() / 1000);
  const cookie = cookieOf(request, cookieName(port));
  const session = cookie === undefined ? undefined : sessionState(cookie, token, now);
  if (session === 'fresh') return undefined;
  if (session === 'renew') {
    reply.header('Set-Cookie', sessionCookie(token, port, now));
    return undefined;
  }
  const config = request.routeOptions.config;
  const given = (request.query as Record<string, unknown> | undefined)?.token;
  if (config.page && typeof given === 'string' && sameSecret(given, token)) {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    query.delete('token');
    const rest = query.toString();
    const target = `${request.routeOptions.url}${rest ? `?${rest}` : ''}`;
    // A page, not a redirect, moves on: a link clicked on another site (a chat, a mail) makes a
    // cross-site navigation, and a browser does not send a SameSite=Strict cookie on its
    // redirects; the page's own refresh is a navigation from this site, which it is sent on.
    return reply
      .header('Set-Cookie', sessionCookie(token, port, now))
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${escapeHtml(target)}"><title>linesight</title><p>Signed in; opening <a href="${escapeHtml(target)}">linesight</a>.</p>\n`,
      );
  }
  const again = 'open the address linesight serve printed, which ends in ?token=...';
  if (session === 'expired')
    throw new HttpError(
      401,
      `this browser's sign-in has expired (a sign-in lasts ${SESSION_SECONDS / 3600} h, renewed while it is used)`,
      config.page ? again : `${again}, or send Authorization: Bearer TOKEN`,
    );
  throw new HttpError(
    401,
    'this server needs its token',
    config.page
      ? again
      : 'send Authorization: Bearer TOKEN, with the token linesight serve printed, or open the printed address in the browser first',
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function checkBody(request: FastifyRequest) {
  const headers = request.headers;
  const length = headers['content-length'];
  const hasBody = headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody || request.routeOptions.url === undefined) return;
  const accepts = request.routeOptions.config.accepts ?? [];
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (!type || !accepts.includes(type))
    throw new HttpError(
      415,
      accepts.length === 0
        ? `${request.method} ${request.routeOptions.url} takes no body`
        : `${request.method} ${request.routeOptions.url} takes ${accepts.join(', ')}, not ${type ? `'${type}'` : 'a body without a Content-Type'}`,
      accepts.length === 0
        ? 'send the request without a body'
        : `send the body with Content-Type: ${accepts[0]}`,
    );
}
