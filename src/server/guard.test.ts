/**
 * Who may do what: the token on every route the router matches however the path is spelt, the
 * cookie a `?token=` link sets, the Host names the server answers to, requests other sites make a
 * browser send (Origin, Sec-Fetch-Site), and the content types each route takes.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';
import { hostNames, parseHost, sameOrigin } from './guard.js';
import { cookieName, SESSION_SECONDS, sessionValue } from './session-cookie.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const small = readFileSync(join(EXAMPLES, 'mmc.yaml'), 'utf8');
const TOKEN = 'secret-token-1234';
let dir: string;
let open: FastifyInstance;
let guarded: FastifyInstance;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-guard-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  // As `linesight serve` starts them: on loopback without a token, on every address with one.
  open = buildServer({ workspace: dir, workers: 1, threads: 1 });
  guarded = buildServer({ workspace: dir, workers: 1, threads: 1, token: TOKEN, host: '0.0.0.0' });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
});

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('the token', () => {
  it('is needed however the path is spelt: the router decodes what a prefix check reads raw', async () => {
    for (const url of [
      '/%61pi/models',
      '/api/%6Dodels',
      '/%61pi/models/mmc.yaml',
      '/api/%2e%2e/api/models',
      '//api/models',
      '/api//models',
      '/API/models',
    ]) {
      const r = await guarded.inject(url);
      expect(r.statusCode, url).toBe(401);
      expect(r.json().error, url).toBe('this server needs its token');
    }
    const put = await guarded.inject({
      method: 'PUT',
      url: '/%61pi/models/x.yaml',
      payload: small,
      headers: { 'content-type': 'text/yaml' },
    });
    expect(put.statusCode).toBe(401);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
    // The same decoded path with the token is the real route.
    expect((await guarded.inject({ url: '/%61pi/models', headers: bearer })).statusCode).toBe(200);
  });

  it('guards the pages, which show the workspace and its models, but not the static files', async () => {
    for (const url of ['/', '/plain', '/api/health']) {
      const r = await guarded.inject(url);
      expect(r.statusCode, url).toBe(401);
      expect(r.body, url).not.toContain(dir);
      expect(r.body, url).not.toContain('order-departments');
    }
    expect((await guarded.inject('/api/openapi.json')).statusCode).toBe(200);
    expect((await guarded.inject('/api/schema')).statusCode).toBe(200);
  });

  it('refuses a wrong token, of any length', async () => {
    for (const token of ['', 'x', `${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase()]) {
      const r = await guarded.inject({ url: '/api/models', headers: { authorization: `Bearer ${token}` } });
      expect(r.statusCode, token).toBe(401);
    }
  });

  it('opened as a ?token= link, sets an HttpOnly SameSite=Strict cookie and moves on to the address without the token', async () => {
    const first = await guarded.inject(`/plain?token=${TOKEN}&x=1`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<meta http-equiv="refresh" content="0; url=/plain?x=1">');
    expect(first.body).not.toContain(TOKEN);
    expect(first.headers['cache-control']).toBe('no-store');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(';')[0] as string;
    const page = await guarded.inject({ url: '/plain?x=1', headers: { cookie: pair } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('order-departments.yaml');
    expect((await guarded.inject({ url: '/api/models', headers: { cookie: pair } })).statusCode).toBe(200);
    const forged = `${pair.split('=')[0]}=${'A'.repeat(43)}`;
    expect((await guarded.inject({ url: '/api/models', headers: { cookie: forged } })).statusCode).toBe(401);
    // A wrong token in a link sets nothing.
    const wrong = await guarded.inject('/?token=guess');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.json().hint).toContain('?token=');
  });

  it('takes a session cookie for 12 hours: renewed past half of them, refused after, and never one from another token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const name = cookieName('80');
    const asked = (issued: number, token = TOKEN) =>
      guarded.inject({ url: '/api/models', headers: { cookie: `${name}=${sessionValue(token, issued)}` } });
    // Young: taken, nothing set.
    const young = await asked(now - 3600);
    expect(young.statusCode).toBe(200);
    expect(young.headers['set-cookie']).toBeUndefined();
    // Past half its life: taken, and a new one issued now in its place.
    const old = await asked(now - 7 * 3600);
    expect(old.statusCode).toBe(200);
    const renewed = String(old.headers['set-cookie']);
    expect(renewed).toMatch(/HttpOnly/);
    expect(renewed).toMatch(/SameSite=Strict/);
    const issued = Number(/=(\d+)\./.exec(renewed)?.[1]);
    expect(Math.abs(issued - now)).toBeLessThan(60);
    const again = await guarded.inject({
      url: '/api/models',
      headers: { cookie: renewed.split(';')[0] as string },
    });
    expect(again.statusCode).toBe(200);
    // Past its 12 hours: refused, said as an expired sign-in with the way back.
    const expired = await asked(now - SESSION_SECONDS - 1);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toContain('sign-in has expired');
    expect(expired.json().hint).toContain('?token=');
    expect(expired.headers['set-cookie']).toBeUndefined();
    // Made with another token, or its time changed, or dated ahead to outlive the 12 hours: forged.
    expect((await asked(now, 'another-token-123456')).statusCode).toBe(401);
    const [, mac] = sessionValue(TOKEN, now - 3600).split('.');
    const moved = await guarded.inject({ url: '/api/models', headers: { cookie: `${name}=${now}.${mac}` } });
    expect(moved.statusCode).toBe(401);
    expect(moved.json().error).toBe('this server needs its token');
    expect((await asked(now + 30 * 86400)).statusCode).toBe(401);
  });

  it('is not taken from the query by the API, where it would end up in logs and histories', async () => {
    expect((await guarded.inject(`/api/models?token=${TOKEN}`)).statusCode).toBe(401);
  });
});

describe('a request refused before its body', () => {
  it('closes its connection with the answer, so a client without the token cannot hold it open by trickling a body', async () => {
    const app = buildServer({ workspace: dir, workers: 1, threads: 1, token: TOKEN, host: '127.0.0.1' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    try {
      const socket = connect(port, '127.0.0.1');
      socket.write(
        `POST /api/validate?name=x.yaml HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/yaml\r\nContent-Length: 100000000\r\n\r\nlinesight: 1\n`,
      );
      // The client goes on sending; the server ends the connection after its 401 all the same.
      const trickle = setInterval(() => socket.writable && socket.write('# more\n'), 20);
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      await new Promise<void>((done) => socket.on('close', () => done()));
      clearInterval(trickle);
      expect(answer).toMatch(/^HTTP\/1\.1 401/);
      expect(answer.toLowerCase()).toContain('connection: close');
    } finally {
      await app.close();
    }
  });
});

describe('host names', () => {
  it('on loopback: localhost, 127.0.0.1 and [::1]; anything else is refused with how to allow it', async () => {
    for (const host of ['localhost:4173', '127.0.0.1:4173', '[::1]:4173', 'LOCALHOST']) {
      expect((await open.inject({ url: '/api/models', headers: { host } })).statusCode, host).toBe(200);
    }
    for (const host of ['evil.example', 'evil.example:4173', '127.0.0.1.evil.example', 'localhost.', 'a b']) {
      const r = await open.inject({ url: '/api/models', headers: { host } });
      if (host === 'localhost.') {
        expect(r.statusCode).toBe(200);
        continue;
      }
      expect(r.statusCode, host).toBe(421);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.json().hint, host).toContain('--allow-host');
    }
    const write = await open.inject({
      method: 'PUT',
      url: '/api/models/rebound.yaml',
      payload: small,
      headers: { host: 'evil.example', 'content-type': 'text/yaml' },
    });
    expect(write.statusCode).toBe(421);
    expect(existsSync(join(dir, 'rebound.yaml'))).toBe(false);
  });

  it("with a token, refuses another name without listing the machine's addresses and name", async () => {
    const r = await guarded.inject({ url: '/api/models', headers: { host: 'rebound.example', ...bearer } });
    expect(r.statusCode).toBe(421);
    const text = r.body;
    for (const name of hostNames('0.0.0.0', [])) if (name !== 'localhost') expect(text).not.toContain(name);
    expect(r.json().hint).toContain('the address linesight serve printed');
  });

  it('answers to a name the user allows', async () => {
    const app = buildServer({ workspace: dir, threads: 1, allowHosts: ['models.example.com'] });
    try {
      const r = await app.inject({ url: '/api/openapi.json', headers: { host: 'models.example.com:4173' } });
      expect(r.statusCode).toBe(200);
      expect(
        (await app.inject({ url: '/api/openapi.json', headers: { host: 'other.example.com' } })).statusCode,
      ).toBe(421);
    } finally {
      await app.close();
    }
  });

  it("on every address: the machine's own addresses and name", () => {
    const names = hostNames('0.0.0.0');
    for (const a of Object.values(networkInterfaces()).flat())
      expect(names.has(a?.address as string)).toBe(true);
    expect(names.has(hostname().toLowerCase())).toBe(true);
    expect(names.has('evil.example')).toBe(false);
    expect(hostNames('127.0.0.1').has(hostname().toLowerCase())).toBe(false);
    expect(parseHost('[::1]:4173')).toEqual({ name: '::1', port: '4173' });
    expect(parseHost('Example.COM')).toEqual({ name: 'example.com', port: '' });
    expect(parseHost('a b')).toBeUndefined();
  });

  it('with the port the server listens on', async () => {
    const app = buildServer({ workspace: dir, threads: 1 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const get = (host: string) =>
      new Promise<number>((done, fail) => {
        httpRequest({ host: '127.0.0.1', port, path: '/api/openapi.json', headers: { host } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        })
          .on('error', fail)
          .end();
      });
    try {
      expect(await get(`127.0.0.1:${port}`)).toBe(200);
      expect(await get(`localhost:${port}`)).toBe(200);
      expect(await get(`localhost:${port + 1}`)).toBe(421);
      expect(await get('localhost')).toBe(421);
      const body = await new Promise<string>((done, fail) => {
        httpRequest(
          { host: '127.0.0.1', port, path: '/api/models', headers: { host: '127.0.0.1' } },
          (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => done(text));
          },
        )
          .on('error', fail)
          .end();
      });
      // The name is the server's; the port is what is wrong, and the hint says so.
      expect(JSON.parse(body).hint).toBe(`open it as 127.0.0.1:${port}`);
    } finally {
      await app.close();
    }
  });
});

describe('requests from other sites', () => {
  it('refuses a request whose Origin is not the server, and starts nothing', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      'http://localhost:8080',
      'https://localhost:8443',
      'file://',
      'x',
    ]) {
      const r = await open.inject({
        method: 'POST',
        url: '/api/models/mmc.yaml/simulate',
        payload: { replications: 2, horizon: '2d', warmup: '1d' },
        headers: { origin },
      });
      expect(r.statusCode, origin).toBe(403);
      expect(r.json().error, origin).toContain('other sites');
    }
    // The web app's own requests carry its own origin.
    const own = await open.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { text: small },
      headers: { origin: 'http://localhost' },
    });
    expect(own.statusCode).toBe(200);
    expect(sameOrigin('http://127.0.0.1:4173', { name: '127.0.0.1', port: '4173' })).toBe(true);
    expect(sameOrigin('http://127.0.0.1:4174', { name: '127.0.0.1', port: '4173' })).toBe(false);
    // Behind a proxy that terminates TLS, the page's origin is https with the proxy's name.
    expect(sameOrigin('https://models.example.com', { name: 'models.example.com', port: '' })).toBe(true);
    expect(sameOrigin('https://models.example.com', { name: 'models.example.com', port: '80' })).toBe(false);
  });

  it('refuses what a browser marks as sent by another site, but lets a person follow a link to a page', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await open.inject({ url: '/api/models', headers: { 'sec-fetch-site': site } });
      expect(r.statusCode, site).toBe(403);
    }
    expect(
      (await open.inject({ url: '/api/models', headers: { 'sec-fetch-site': 'same-origin' } })).statusCode,
    ).toBe(200);
    const followed = await open.inject({
      url: '/plain',
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(followed.statusCode).toBe(200);
    const framed = await open.inject({
      url: '/',
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
    });
    expect(framed.statusCode).toBe(403);
  });
});

describe('content types', () => {
  it('refuses the bodies a page can post without asking (text/plain, forms) before reading them', async () => {
    const cases: [string, string, string][] = [
      ['POST', '/api/models/mmc.yaml/simulate', 'text/plain'],
      ['POST', '/api/models/mmc.yaml/simulate', 'application/x-www-form-urlencoded'],
      ['POST', '/api/validate', 'text/plain'],
      ['PUT', '/api/models/posted.yaml', 'text/plain'],
      ['PUT', '/api/models/posted.yaml', 'multipart/form-data; boundary=x'],
      ['POST', '/api/logs?name=posted', 'text/plain'],
      ['POST', '/api/bpmn/import', 'text/plain'],
      ['POST', '/api/render', 'text/yaml'],
      ['DELETE', '/api/models/mmc.yaml', 'application/json'],
    ];
    for (const [method, url, type] of cases) {
      const r = await open.inject({
        method: method as 'POST',
        url,
        payload: type.includes('json') ? '{}' : small,
        headers: { 'content-type': type },
      });
      expect(r.statusCode, `${method} ${url} ${type}`).toBe(415);
      expect(r.json().hint, url).toMatch(/Content-Type|without a body/);
    }
    const body = await open.inject({ method: 'POST', url: '/api/models/mmc.yaml/simulate', payload: 'x' });
    expect(body.statusCode).toBe(415);
    expect(existsSync(join(dir, 'posted.yaml'))).toBe(false);
    expect((await open.inject('/api/logs')).json()).toEqual([]);
    expect(existsSync(join(dir, 'mmc.yaml'))).toBe(true);
  });

  it('takes what the web app sends', async () => {
    const yaml = await open.inject({
      method: 'POST',
      url: '/api/validate',
      payload: small,
      headers: { 'content-type': 'text/yaml; charset=utf-8' },
    });
    expect(yaml.statusCode).toBe(200);
    const json = await open.inject({ method: 'POST', url: '/api/validate', payload: { text: small } });
    expect(json.json().ok).toBe(true);
    // No body at all is fine where the route has defaults.
    const none = await open.inject({ method: 'POST', url: '/api/models/mmc.yaml/whatif' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toContain('no scenarios');
  });
});
