/** Every route of the API, in process (fastify's inject), including its refusals: 400, 401, 404, 409, 413, 422. */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { conformance, discover, importLog, journeyAnalytics, openStore } from '../mining/index.js';
import { TOP_VARIANTS } from '../mining/kept-counts.js';
import { jsonSchema } from '../model/json-schema.js';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { applyOverrides } from '../model/overrides.js';
import { eventLogCsv, simulateEventLog } from '../simulation/event-log.js';
import { sweep } from '../simulation/sweep.js';
import { linesight } from '../testing/cli.js';
import { EVENT_LOGS as LOGS } from '../testing/data.js';
import { readPdf } from '../testing/pdf.js';
import { buildServer } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let app: FastifyInstance;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-ws-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  app = buildServer({ workspace: dir, workers: 1 });
});
afterAll(() => app.close());

const small = readFileSync(join(EXAMPLES, 'mmc.yaml'), 'utf8');

describe('models', () => {
  it('lists, reads with an ETag, and serves the home page', async () => {
    const list = (await app.inject('/api/models')).json();
    expect(list.map((m: { name: string }) => m.name)).toEqual([
      'competitor.yaml',
      'mmc.yaml',
      'order-departments.yaml',
      'order-single-entity.yaml',
    ]);
    const read = await app.inject('/api/models/mmc.yaml');
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(read.json()).toMatchObject({ name: 'mmc.yaml', ok: true, diagnostics: [] });
    // `/` is the web app (built by npm run build); /plain lists the models without JavaScript.
    expect((await app.inject('/')).body).toContain('<div id="app">');
    expect((await app.inject('/plain')).body).toContain('order-departments.yaml');
    expect((await app.inject('/api/health')).json()).toMatchObject({ ok: true });
    expect((await app.inject('/api/openapi.json')).json().paths).toHaveProperty('/api/models/{name}');
    expect((await app.inject('/api/schema')).json()).toEqual(JSON.parse(JSON.stringify(jsonSchema('model'))));
    expect((await app.inject('/api/schema?kind=part')).json()).toEqual(
      JSON.parse(JSON.stringify(jsonSchema('part'))),
    );
    expect((await app.inject('/api/schema?kind=nope')).statusCode).toBe(400);
  });

  it('creates, updates with If-Match, refuses a stale write with 409 and loses nothing, deletes', async () => {
    const created = await app.inject({
      method: 'PUT',
      url: '/api/models/new.yaml',
      payload: small,
      headers: { 'content-type': 'text/yaml' },
    });
    expect(created.statusCode).toBe(201);
    const etag = created.headers.etag as string;
    const again = await app.inject({
      method: 'PUT',
      url: '/api/models/new.yaml',
      payload: small,
      headers: { 'content-type': 'text/yaml' },
    });
    expect(again.statusCode).toBe(409);
    const first = await app.inject({
      method: 'PUT',
      url: '/api/models/new.yaml',
      payload: small.replace('capacity: 10', 'capacity: 11'),
      headers: { 'content-type': 'text/yaml', 'if-match': etag },
    });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PUT',
      url: '/api/models/new.yaml',
      payload: small.replace('capacity: 10', 'capacity: 12'),
      headers: { 'content-type': 'text/yaml', 'if-match': etag },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: "'new.yaml' was changed since you read it",
      details: { etag: first.headers.etag },
    });
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toContain('capacity: 11');
    const invalid = await app.inject({
      method: 'PUT',
      url: '/api/models/new.yaml',
      payload: { text: 'name: broken' },
      headers: { 'if-match': first.headers.etag as string },
    });
    expect(invalid.statusCode).toBe(200);
    expect(invalid.json().ok).toBe(false);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: '/api/models/new.yaml',
          headers: { 'if-match': '"stale"' },
        })
      ).statusCode,
    ).toBe(409);
    expect((await app.inject({ method: 'DELETE', url: '/api/models/new.yaml' })).statusCode).toBe(204);
    expect((await app.inject('/api/models/new.yaml')).statusCode).toBe(404);
  });

  it('reads a model body as the CLI reads a file: UTF-8 strictly, a Latin-1 letter refused where it is', async () => {
    // Read as text, the é was saved as U+FFFD and the model answered 201.
    const latin1 = Buffer.from(small.replace(/^name: .*$/m, 'name: Caf\xe9 queue'), 'latin1');
    const line = small.split('\n').findIndex((l) => l.startsWith('name:')) + 1;
    for (const [method, url] of [
      ['PUT', '/api/models/latin.yaml'],
      ['POST', '/api/validate?name=latin.yaml'],
    ] as const) {
      const r = await app.inject({ method, url, payload: latin1, headers: { 'content-type': 'text/yaml' } });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error, url).toBe(
        `latin.yaml is not UTF-8: the byte 0xE9 here is not valid UTF-8 (the file may be Latin-1 or Windows-1252) (line ${line}, column 10)`,
      );
      expect(r.json().hint, url).toContain('iconv -f latin1 -t utf-8');
    }
    expect(existsSync(join(dir, 'latin.yaml'))).toBe(false);
    const utf8 = await app.inject({
      method: 'PUT',
      url: '/api/models/cafe.yaml',
      payload: Buffer.from(small.replace(/^name: .*$/m, 'name: Café queue'), 'utf8'),
      headers: { 'content-type': 'text/yaml' },
    });
    expect(utf8.statusCode).toBe(201);
    expect(readFileSync(join(dir, 'cafe.yaml'), 'utf8')).toContain('name: Café queue');
    // A BPMN file in the encoding it declares, as `bpmn import` reads it; refused when it declares none.
    const bpmn = (encoding: string) =>
      Buffer.from(
        `<?xml version="1.0"${encoding}?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" name="Caf\xe9"/></bpmn:definitions>`,
        'latin1',
      );
    const declared = await app.inject({
      method: 'POST',
      url: '/api/bpmn/import',
      payload: bpmn(' encoding="ISO-8859-1"'),
      headers: { 'content-type': 'application/xml' },
    });
    expect(declared.body).not.toContain('\uFFFD');
    const undeclared = await app.inject({
      method: 'POST',
      url: '/api/bpmn/import',
      payload: bpmn(''),
      headers: { 'content-type': 'application/xml' },
    });
    expect([undeclared.statusCode, undeclared.json().error]).toEqual([
      400,
      `the BPMN body: it is not UTF-8, and declares no other encoding: the byte 0xE9 at line 1, column ${bpmn('').indexOf(0xe9) + 1}`,
    ]);
  });

  it('refuses names that leave the workspace, and bodies over the limit', async () => {
    for (const url of [
      '/api/models/..%2Fpackage.json',
      '/api/models/%2Fetc%2Fpasswd',
      '/api/models/..%2F..%2Fx.yaml',
      '/api/models/sub%2Fm.yaml',
    ]) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error).toMatch(/not a model name|outside the workspace/);
    }
    // What is wrong with a name, and one that would do.
    const names: [string, string, string][] = [
      ['Complaints journey.yaml', 'it has a space', 'Complaints-journey.yaml'],
      ['émotion.yaml', "it has 'é', which a model name does not take", 'emotion.yaml'],
      ['notes.txt', 'it does not end in .yaml, .yml or .json', 'notes.txt.yaml'],
    ];
    for (const [name, why, suggested] of names) {
      const r = await app.inject(`/api/models/${encodeURIComponent(name)}`);
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error).toBe(`'${name}' is not a model name: ${why}`);
      expect(r.json().hint).toContain(`e.g. '${suggested}'`);
    }
    const big = await app.inject({
      method: 'PUT',
      url: '/api/models/big.yaml',
      payload: `name: big\n#${'x'.repeat(3 * 1024 * 1024)}`,
      headers: { 'content-type': 'text/yaml' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toContain('too large');
    expect(big.json().hint).toContain('split a large model');
    const tight = buildServer({ workspace: dir, logLimit: 1024 });
    const bigLog = await tight.inject({
      method: 'POST',
      url: '/api/logs?name=big',
      payload: 'x'.repeat(4096),
      headers: { 'content-type': 'text/csv' },
    });
    expect(bigLog.statusCode).toBe(413);
    expect(bigLog.json().hint).toContain('linesight log import FILE');
    // Under the limit packed, far over it unpacked: a gzip bomb is stopped by what it unpacks to.
    const event =
      '<event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>';
    const packed = gzipSync(
      `<log><trace><string key="concept:name" value="C"/>${event.repeat(300)}</trace></log>`,
    );
    expect(packed.length).toBeLessThan(1024);
    const bomb = await tight.inject({
      method: 'POST',
      url: '/api/logs?name=bomb&format=xes',
      payload: packed,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(bomb.statusCode).toBe(422);
    expect(bomb.json().error).toContain('more than 20 KiB of XML once unpacked');
    await tight.close();
  });

  it('validates text, with positions', async () => {
    const r = (
      await app.inject({
        method: 'POST',
        url: '/api/validate',
        payload: {
          text: 'name: x\nstages: [{ id: s, name: S }]\nsteps: [{ id: a, name: A, stage: t, next: done }]\nends: [{ id: done, name: D, outcome: success }]\nstart: a\n',
        },
      })
    ).json();
    expect(r.ok).toBe(false);
    expect(r.diagnostics.find((d: { code: string }) => d.code === 'unknown-reference')).toMatchObject({
      line: 3,
      hint: "did you mean 's'?",
    });
  });
  it("analyses the editor's text with a scenario applied, as the diagram beside it shows it", async () => {
    const text = readFileSync(join(EXAMPLES, 'order-departments.yaml'), 'utf8');
    const analyse = (scenario?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { text, ...(scenario ? { scenario } : {}) },
      });
    const base = (await analyse()).json();
    const scenario = (await analyse('account-executives')).json();
    expect(scenario.metrics).not.toEqual(base.metrics);
    const missing = await analyse('nope');
    expect(missing.statusCode).toBe(422);
    expect(JSON.stringify(missing.json().details)).toContain("no scenario 'nope'");
  });

  it('gives the model as a scenario makes it, for recording edits into that scenario', async () => {
    const text = readFileSync(join(EXAMPLES, 'order-departments.yaml'), 'utf8');
    const r = await app.inject({
      method: 'POST',
      url: '/api/validate?name=order-departments.yaml&scenario=account-executives',
      payload: { text },
    });
    const view = parseYaml(r.json().view);
    // The scenario's pool is in its view, not in the base; the view holds no scenarios of its own.
    const pools = (m: { resources: { id: string }[] }) => m.resources.map((x) => x.id);
    expect(pools(view)).toContain('account-executives');
    expect(pools(parseYaml(text))).not.toContain('account-executives');
    expect(view.scenarios).toBeUndefined();
    const none = await app.inject({ method: 'POST', url: '/api/validate?scenario=nope', payload: { text } });
    expect(none.json().view).toBeUndefined();
  });
});

describe('views, analysis, comparison, BPMN', () => {
  it('renders a view as SVG, and names the valid views when asked for a wrong one', async () => {
    const svg = await app.inject(
      '/api/models/order-departments.yaml/render?view=blueprint&scenario=account-executives',
    );
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('data-view="blueprint"');
    const bad = await app.inject('/api/models/order-departments.yaml/render?view=bluprint');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().hint).toContain("did you mean 'blueprint'?");
    expect((await app.inject('/api/models/order-departments.yaml/render?scenario=nope')).statusCode).toBe(
      404,
    );
    expect((await app.inject('/api/models/missing.yaml/render')).statusCode).toBe(404);
  });

  it('renders a view as PNG or PDF to download, named for what it shows, and refuses other formats', async () => {
    const png = await app.inject('/api/models/order-departments.yaml/render?view=role&role=sales&format=png');
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toBe('inline; filename="order-departments-role-sales.png"');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const pdf = await app.inject(
      '/api/models/order-departments.yaml/render?view=journey&segment=business&format=pdf',
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'inline; filename="order-departments-journey-business.pdf"',
    );
    expect(readPdf(pdf.rawPayload).pages.length).toBeGreaterThan(0);
    const svg = await app.inject('/api/models/mmc.yaml/render?format=svg');
    expect(svg.headers['content-disposition']).toBe('inline; filename="mmc-blueprint.svg"');
    const gif = await app.inject('/api/models/mmc.yaml/render?format=gif');
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error).toBe("'format' is svg, png, pdf or json, not 'gif'");
    // The editor's text, unsaved: the same formats.
    const text = readFileSync(join(dir, 'mmc.yaml'), 'utf8');
    const posted = await app.inject({
      method: 'POST',
      url: '/api/render',
      payload: { text, name: 'mmc.yaml', view: 'e2e', format: 'pdf' },
    });
    expect(posted.headers['content-type']).toBe('application/pdf');
    expect(posted.headers['content-disposition']).toBe('inline; filename="mmc-e2e.pdf"');
    expect(readPdf(posted.rawPayload).pages[0]?.text).toContain('Get served');
    const wrong = await app.inject({ method: 'POST', url: '/api/render', payload: { text, format: 'jpg' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe("'format' is svg, png or pdf, not 'jpg'");
    // Characters the bundled font lacks are named in a header, for the page to say; none, no header.
    expect(posted.headers['x-linesight-missing-characters']).toBeUndefined();
    const chinese = await app.inject({
      method: 'POST',
      url: '/api/render',
      payload: { text: text.replace('name: Service desk', 'name: 服务台'), view: 'blueprint', format: 'png' },
    });
    expect(chinese.statusCode).toBe(200);
    expect(decodeURIComponent(String(chinese.headers['x-linesight-missing-characters']))).toBe('服务台');
  });

  it('analyses, diffs, compares and exports BPMN, the same as the library', async () => {
    const a = (await app.inject('/api/models/order-departments.yaml/analysis')).json();
    expect(a.findings.length).toBeGreaterThan(10);
    const html = await app.inject('/api/models/order-departments.yaml/analysis?format=html');
    expect(html.body).toContain('<svg');
    const diff = (
      await app.inject('/api/models/order-departments.yaml/diff?scenario=better-product-pages')
    ).json();
    expect(diff.metrics.find((m: { key: string }) => m.key === 'contacts').verdict).toBe('better');
    const c = (await app.inject('/api/compare?ours=order-departments.yaml&theirs=competitor.yaml')).json();
    expect(c.stagesWeLead).toEqual(['revise-or-ask']);
    const bpmn = await app.inject('/api/models/mmc.yaml/bpmn');
    expect(bpmn.body).toContain('<bpmn:collaboration');
    const imported = await app.inject({
      method: 'POST',
      url: '/api/bpmn/import',
      payload: bpmn.body,
      headers: { 'content-type': 'application/xml' },
    });
    expect(imported.json()).toMatchObject({
      embedded: true,
      yaml: expect.stringContaining('name: M/M/c queue'),
    });
    const notBpmn = await app.inject({
      method: 'POST',
      url: '/api/bpmn/import',
      payload: '<html/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(notBpmn.statusCode).toBe(422);
  });

  it('refuses an invalid model with 422 and its diagnostics', async () => {
    await app.inject({ method: 'PUT', url: '/api/models/broken.yaml', payload: { text: 'name: broken' } });
    const r = await app.inject('/api/models/broken.yaml/analysis');
    expect(r.statusCode).toBe(422);
    expect(r.json().details.length).toBeGreaterThan(0);
  });
});

describe('simulated event logs', () => {
  it('answers with the CSV the library writes, which imports as a log', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/models/order-departments.yaml/event-log',
      payload: { horizon: '2d', seed: 4 },
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const model = load(join(dir, 'order-departments.yaml')).model as Model;
    expect(response.body).toBe(eventLogCsv(simulateEventLog(model, { horizon: 2 * 86400, seed: 4 })));
    const upload = await app.inject({
      method: 'POST',
      url: '/api/logs?name=simulated-orders&format=csv',
      payload: response.body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.json()).toMatchObject({ skipped: 0, events: response.body.trim().split('\n').length - 1 });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/models/order-departments.yaml/event-log',
      payload: { horizon: 'soon' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('jobs', () => {
  it('simulates as a job with progress over server-sent events', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/simulate',
      payload: { replications: 3, horizon: '3d', warmup: '1d', seed: 2 },
    });
    expect(start.statusCode).toBe(202);
    const { id } = start.json();
    const events = await app.inject(`/api/jobs/${id}/events`);
    expect(events.headers['content-type']).toBe('text/event-stream');
    expect(events.body).toMatch(/event: done\ndata: .*"state":"done"/);
    const done = (await app.inject(`/api/jobs/${id}`)).json();
    expect(done.result.overall.queueWait.n).toBe(3);
  });

  it("takes the CLI's warm-up when none is given, a fifteenth of a short horizon, and answers as the CLI does", async () => {
    // The API took 2 days of warm-up, and refused a horizon of a day with a hint in CLI flags.
    const start = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/simulate',
      payload: { replications: 2, horizon: '1d', seed: 5 },
    });
    expect(start.statusCode, start.body).toBe(202);
    await app.inject(`/api/jobs/${start.json().id}/events`);
    const api = (await app.inject(`/api/jobs/${start.json().id}`)).json().result;
    expect(api.options.warmup).toBe(86400 / 15);
    const cli = await linesight(
      'simulate',
      join(dir, 'mmc.yaml'),
      '--horizon',
      '1d',
      '-n',
      '2',
      '--seed',
      '5',
      '--json',
    );
    expect(JSON.parse(cli.stdout).overall).toEqual(api.overall);
    // The contact center's figures per pool and hour too, which the API left out.
    expect(api.contactCenter).toEqual(JSON.parse(cli.stdout).contactCenter);
    expect(api.contactCenter[0].hours).toHaveLength(168);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/simulate',
      payload: { horizon: '1d', warmup: '2d' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().hint).toBe('e.g. {"horizon":"30d","warmup":"2d"}');
  });

  it('answers a sweep and a what-if with the fields and values of the CLI --json, whole', async () => {
    const settings = { replications: 2, horizon: '1d', seed: 3 };
    const cliSettings = ['-n', '2', '--horizon', '1d', '--seed', '3', '-w', '1', '--json'];
    const result = async (url: string, payload: object) => {
      const start = await app.inject({ method: 'POST', url, payload });
      expect(start.statusCode, start.body).toBe(202);
      await app.inject(`/api/jobs/${start.json().id}/events`);
      const job = (await app.inject(`/api/jobs/${start.json().id}`)).json();
      expect(job.state, job.error).toBe('done');
      return job.result;
    };
    const sweepApi = await result('/api/models/mmc.yaml/sweep', {
      ...settings,
      sweep: 'resources.agents.capacity=8..10',
      target: 'queueWait<=60s',
    });
    const sweepCli = JSON.parse(
      (
        await linesight(
          'simulate',
          join(dir, 'mmc.yaml'),
          '--sweep',
          'resources.agents.capacity=8..10',
          '--target',
          'queueWait<=60s',
          ...cliSettings,
        )
      ).stdout,
    );
    expect(Object.keys(sweepCli).sort()).toEqual(['answer', 'path', 'target', 'values']);
    for (const key of Object.keys(sweepCli)) expect(sweepApi[key], key).toEqual(sweepCli[key]);
    expect(sweepCli.values[2].overall.queueWait.n).toBe(2);
    const whatIfApi = await result('/api/models/order-departments.yaml/whatif', {
      ...settings,
      scenarios: ['account-executives'],
    });
    const whatIfCli = JSON.parse(
      (
        await linesight(
          'whatif',
          join(dir, 'order-departments.yaml'),
          '--scenarios',
          'account-executives',
          ...cliSettings,
        )
      ).stdout,
    );
    expect(Object.keys(whatIfCli).sort()).toEqual(['baseline', 'scenarios', 'warnings']);
    for (const key of Object.keys(whatIfCli)) expect(whatIfApi[key], key).toEqual(whatIfCli[key]);
    expect(whatIfCli.scenarios[0].result.overall.queueWait.n).toBe(2);
  });

  it('runs to a precision, says where it stopped and what it warns of, and refuses a precision it cannot read', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/simulate',
      payload: {
        replications: 10,
        horizon: '1d',
        warmup: '0',
        precision: '3%',
        precisionKpis: ['queueWait'],
        maxReplications: 10,
      },
    });
    expect(start.statusCode).toBe(202);
    await app.inject(`/api/jobs/${start.json().id}/events`);
    const done = (await app.inject(`/api/jobs/${start.json().id}`)).json();
    expect(done.result.precision).toMatchObject({ share: 0.03, kpis: ['queueWait'], maxReplications: 10 });
    expect(done.result.overall.queueWait.n).toBe(done.result.precision.replications);
    // 3% of a 1-day run's wait takes more than 10 replications: the cap is reached, and said.
    expect(done.result.precision.reached).toBe(false);
    expect(done.result.warnings.map((w: { kind: string }) => w.kind)).toContain('precision-not-reached');
    for (const [payload, error] of [
      [{ precision: 'tight' }, "'precision' takes a share"],
      [{ precision: '2%', precisionKpis: ['wait'] }, "unknown KPI 'wait'"],
      [{ maxReplications: 50 }, "'maxReplications' goes with 'precision'"],
    ] as const) {
      const r = await app.inject({ method: 'POST', url: '/api/models/mmc.yaml/simulate', payload });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toContain(error);
    }
  });

  it('sweeps a staffing level as a job, with the same answer as the library', async () => {
    const body = {
      sweep: 'resources.agents.capacity=8..11',
      target: 'queueWait<=30s',
      replications: 3,
      horizon: '3d',
      warmup: '1d',
      seed: 2,
    };
    const start = await app.inject({ method: 'POST', url: '/api/models/mmc.yaml/sweep', payload: body });
    expect(start.statusCode, start.body).toBe(202);
    await app.inject(`/api/jobs/${start.json().id}/events`);
    const done = (await app.inject(`/api/jobs/${start.json().id}`)).json();
    expect(done.state).toBe('done');
    const loaded = load(join(dir, 'mmc.yaml'));
    const document = loaded.document as NonNullable<typeof loaded.document>;
    const library = await sweep(
      (value) => applyOverrides(document, [{ path: 'resources.agents.capacity', value }]).model as Model,
      { path: 'resources.agents.capacity', from: 8, to: 11 },
      { key: 'queueWait', op: '<=', value: 30, text: 'queueWait<=30s' },
      { replications: 3, horizon: 3 * 86400, warmup: 86400, seed: 2, workers: 1 },
    );
    expect(done.result.answer).toBe(library.answer ?? null);
    expect(
      done.result.points.map((p: { value: number; overloaded: boolean; meets?: boolean }) => [
        p.value,
        p.overloaded,
        p.meets,
      ]),
    ).toEqual(library.points.map((p) => [p.value, p.overloaded, p.meets]));
    expect(done.result.points[0].overloaded).toBe(true);
    expect(done.result.points[1].text.queueWait).toMatch(/ ± /);
    for (const [payload, error] of [
      [{ ...body, sweep: 'agents' }, 'PATH=FROM..TO'],
      [{ ...body, target: 'wait<=30s' }, "unknown KPI 'wait'"],
      [{ ...body, sweep: 'resources.agent.capacity=8..9' }, 'agent'],
    ] as const) {
      const r = await app.inject({ method: 'POST', url: '/api/models/mmc.yaml/sweep', payload });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toContain(error);
    }
  });

  it('answers a what-if with changes as the command line does: made to the baseline and each scenario', async () => {
    const run = { replications: 2, horizon: '2d', warmup: '1d', seed: 3 };
    const set = ['segments.business.patience=20 min'];
    const start = await app.inject({
      method: 'POST',
      url: '/api/models/order-departments.yaml/whatif',
      payload: { ...run, scenarios: ['account-executives'], set },
    });
    expect(start.statusCode, start.body).toBe(202);
    await app.inject(`/api/jobs/${start.json().id}/events`);
    const api = (await app.inject(`/api/jobs/${start.json().id}`)).json();
    expect(api.state).toBe('done');
    const cli = await linesight(
      'whatif',
      join(dir, 'order-departments.yaml'),
      '--scenarios',
      'account-executives',
      '--set',
      set[0] as string,
      '-n',
      '2',
      '--horizon',
      '2d',
      '--warmup',
      '1d',
      '--seed',
      '3',
      '--workers',
      '1',
      '--json',
    );
    const json = JSON.parse(cli.stdout);
    expect(api.result.baseline.overall).toEqual(json.baseline.overall);
    const core = (ds: { key: string; difference: unknown }[]) => ds.map((d) => [d.key, d.difference]);
    expect(core(api.result.scenarios[0].differences)).toEqual(core(json.scenarios[0].differences));
  });

  it('runs a what-if, cancels a long job, and refuses bad parameters before starting', async () => {
    const w = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/whatif',
      payload: { replications: 2, horizon: '2d', warmup: '1d' },
    });
    expect(w.statusCode).toBe(400);
    expect(w.json().error).toContain('no scenarios');
    const long = (
      await app.inject({
        method: 'POST',
        url: '/api/models/mmc.yaml/simulate',
        // Long enough to cancel, within the server's limit on customers a request.
        payload: { replications: 100, horizon: '30d' },
      })
    ).json();
    const cancelled = await app.inject({ method: 'DELETE', url: `/api/jobs/${long.id}` });
    expect(cancelled.statusCode).toBe(200);
    const events = await app.inject(`/api/jobs/${long.id}/events`);
    expect(events.body).toContain('event: cancelled');
    const overloaded = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/simulate',
      payload: { set: ['resources.agents.capacity=8'] },
    });
    expect(overloaded.statusCode).toBe(422);
    expect(overloaded.json().error).toContain('overloaded');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/models/mmc.yaml/simulate',
      payload: { set: ['resources.agent.capacity=8'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect((await app.inject('/api/jobs/nope')).statusCode).toBe(404);
  });
});

describe('logs', () => {
  it('uploads a log, lists it, discovers and analyses journeys', async () => {
    const csv = readFileSync(join(LOGS, 'running-example.csv'), 'utf8');
    const up = await app.inject({
      method: 'POST',
      url: '/api/logs?name=claims&format=csv',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.json()).toMatchObject({ log: 'claims', events: 42, cases: 6, skipped: 0 });
    expect((await app.inject('/api/logs')).json()).toContainEqual({ log: 'claims', events: 42, cases: 6 });
    const d = (await app.inject('/api/logs/claims/discover')).json();
    expect(d.start).toEqual({ 'register request': 6 });
    expect((await app.inject('/api/logs/claims/journeys')).statusCode).toBe(200);
    expect((await app.inject('/api/logs/other/discover')).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/logs?name=../x',
          payload: csv,
          headers: { 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('reads discover and journey options as the library does, and refuses what it cannot read', async () => {
    const store = await openStore(':memory:');
    try {
      await importLog(store, join(LOGS, 'running-example.csv'), { log: 'claims', onError: 'fail' });
      const options = { driverWindow: 3 * 86400, repeatWindow: 86400, minSupport: 0.005, topic: 'Resource' };
      const api = await app.inject(
        '/api/logs/claims/journeys?driverWindow=3d&repeatWindow=1d&minSupport=0.5%25&topic=Resource',
      );
      expect(api.statusCode).toBe(200);
      expect(api.json()).toEqual(
        JSON.parse(JSON.stringify(await journeyAnalytics(store, 'claims', options))),
      );
      const evidence = await app.inject(
        '/api/logs/claims/journeys?by=Resource&window=2d&minExposed=2&level=10%25&outbound=reject%20request',
      );
      expect(evidence.json()).toEqual(
        JSON.parse(
          JSON.stringify(
            await journeyAnalytics(store, 'claims', {
              by: ['Resource'],
              driverWindow: 2 * 86400,
              minExposed: 2,
              level: 0.1,
              outbound: ['reject request'],
            }),
          ),
        ),
      );
      expect(evidence.json().contacts.outbound.map((o: { activity: string }) => o.activity)).toEqual([
        'reject request',
      ]);
      const signs = await app.inject(
        '/api/logs/claims/journeys?contacts=decide&webSigns=check%20ticket,/exam/',
      );
      expect(signs.json()).toEqual(
        JSON.parse(
          JSON.stringify(
            await journeyAnalytics(store, 'claims', {
              contacts: ['decide'],
              webSigns: ['check ticket', '/exam/'],
            }),
          ),
        ),
      );
      expect(signs.json().webSignsReadFrom).toEqual([
        'check ticket: the activity, against the days with other events that are not contacts',
        '/exam/: the activities examine casually, examine thoroughly, against the days with other events that are not contacts',
      ]);
      for (const url of ['/api/logs/claims/discover?channel=phone', '/api/logs/claims/dfg.svg?channel=phone'])
        expect((await app.inject(url)).json(), url).toEqual({
          error: "the log 'claims' has no channel 'phone'",
          hint: 'its events name no channel',
        });
      const top = await app.inject('/api/logs/claims/discover?top=2');
      expect(top.json()).toEqual(JSON.parse(JSON.stringify(await discover(store, 'claims', { top: 2 }))));
      // The most frequent edges only, the rest counted: the answer the library gives.
      const edges = await app.inject('/api/logs/claims/discover?edges=3');
      expect(edges.json()).toEqual(
        JSON.parse(JSON.stringify(await discover(store, 'claims', { top: TOP_VARIANTS, edges: 3 }))),
      );
      expect(edges.json().dfg).toHaveLength(3);
      expect(edges.json().moreEdges).toBe((await discover(store, 'claims')).dfg.length - 3);
      // Only the events of the most frequent activities: the answer the library gives.
      const projected = await app.inject('/api/logs/claims/discover?activities=2');
      expect(projected.json()).toEqual(
        JSON.parse(JSON.stringify(await discover(store, 'claims', { top: TOP_VARIANTS, activities: 2 }))),
      );
      expect(Object.keys(projected.json().activities)).toHaveLength(2);
      const mapping = { 'check ticket': 'serve' };
      const fit = await app.inject({
        method: 'POST',
        url: '/api/logs/claims/conformance',
        payload: { model: 'mmc.yaml', mapping },
      });
      const mmcModel = load(join(dir, 'mmc.yaml')).model as Model;
      expect(fit.json()).toEqual(
        JSON.parse(JSON.stringify(await conformance(store, 'claims', mmcModel, mapping))),
      );
      expect(fit.json().mappedActivities).toEqual(mapping);
    } finally {
      store.close();
    }
    expect((await app.inject('/api/logs/claims/journeys?driverWindow=soon')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/journeys?minSupport=2')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/journeys?level=0.9')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/journeys?minExposed=few')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/journeys?webSigns=/(/')).json().error).toMatch(
      /^'webSigns': \/\(\/ is no regular expression/,
    );
    expect((await app.inject('/api/logs/claims/discover?top=many')).statusCode).toBe(400);
    // What one answer sends, and one graph lays out, is bounded.
    const tooMany = await app.inject('/api/logs/claims/discover?top=100001');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toBe(
      "'top' is a whole number of at least 1 and at most 100,000, not '100001'",
    );
    expect((await app.inject('/api/logs/claims/discover?edges=100001')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/dfg.svg?edges=500')).statusCode).toBe(200);
    expect((await app.inject('/api/logs/claims/discover?activities=0')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/dfg.svg?activities=2')).body).toMatch(
      /Only the events of the 2 most frequent of \d+ activities; the other \d+ activities left out/,
    );
    expect((await app.inject('/api/logs/claims/dfg.svg?edges=501')).json().error).toContain('at most 500');
    expect((await app.inject('/api/logs/claims/dfg.svg?edges=4')).body).toContain('The 4 most frequent of');
    expect((await app.inject('/api/logs/claims/dfg.svg?edges=0')).statusCode).toBe(400);
    expect((await app.inject('/api/logs/claims/dfg.svg?measure=time')).body).toContain('median time');
    expect((await app.inject('/api/logs/claims/dfg.svg?measure=cost')).statusCode).toBe(400);
    const noModel = await app.inject({ method: 'POST', url: '/api/logs/claims/conformance', payload: {} });
    expect(noModel.statusCode).toBe(400);
  });

  it('takes a gzipped XES as the XES it holds', async () => {
    const xes = gzipSync(readFileSync(join(LOGS, 'running-example.xes')));
    const r = await app.inject({
      method: 'POST',
      url: '/api/logs?name=gzipped&format=xes',
      payload: xes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ log: 'gzipped', events: 42, cases: 6, skipped: 0, duplicates: 0 });
    const removed = await app.inject({ method: 'DELETE', url: '/api/logs/gzipped' });
    expect(removed.json()).toEqual({ log: 'gzipped', events: 42 });
    expect((await app.inject('/api/logs')).json().map((l: { log: string }) => l.log)).not.toContain(
      'gzipped',
    );
    expect((await app.inject({ method: 'DELETE', url: '/api/logs/gzipped' })).statusCode).toBe(404);
  });

  it('answers 422 to a truncated XES and keeps nothing of it', async () => {
    const xes = readFileSync(join(LOGS, 'running-example.xes'), 'utf8');
    const before = (await app.inject('/api/logs')).json();
    const r = await app.inject({
      method: 'POST',
      url: '/api/logs?name=cut&format=xes',
      payload: xes.slice(0, Math.floor(xes.length * 0.6)),
      headers: { 'content-type': 'application/xml' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().hint).toContain('complete');
    expect((await app.inject('/api/logs')).json()).toEqual(before);
  });

  it('imports an OCEL 2.0 upload onto the object type named as the case', async () => {
    const payload = readFileSync(join(LOGS, 'ocel2', 'ocel20_example.jsonocel'));
    const headers = { 'content-type': 'application/octet-stream' };
    const unnamed = await app.inject({
      method: 'POST',
      url: '/api/logs?name=p2p&format=jsonocel',
      payload,
      headers,
    });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json().hint).toContain('Purchase Order (2)');
    const named = await app.inject({
      method: 'POST',
      url: '/api/logs?name=p2p&format=jsonocel&caseType=Purchase%20Order',
      payload,
      headers,
    });
    expect(named.json()).toMatchObject({ log: 'p2p', events: 5, cases: 2, skipped: 8 });
    expect(named.json().notes).toEqual([
      "8 events relate to no object of the type 'Purchase Order', so belong to no case: left out, and counted as skipped",
      expect.stringMatching(/^7 object-to-object relations read and not used/),
      expect.stringMatching(
        /^attributes of objects other than the case type 'Purchase Order' read and not stored/,
      ),
    ]);
  });

  it('imports OCEL 2.0 XML and SQLite uploads by the format named, and names the formats for one it does not know', async () => {
    const headers = { 'content-type': 'application/octet-stream' };
    for (const [format, file] of [
      ['ocel-xml', 'ocel20_example.xmlocel'],
      ['ocel-sqlite', 'ocel20_example.sqlite'],
    ]) {
      const r = await app.inject({
        method: 'POST',
        url: `/api/logs?name=p2p-${format}&format=${format}&caseType=Purchase%20Order`,
        payload: readFileSync(join(LOGS, 'ocel2', file as string)),
        headers,
      });
      expect(r.json()).toMatchObject({ log: `p2p-${format}`, events: 5, cases: 2, skipped: 8 });
    }
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/logs?name=x&format=parquet',
      payload: 'a',
      headers,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe("format is xes, csv, ocel-json, ocel-xml, ocel-sqlite, not 'parquet'");
  });

  it('calibrates a model from the log only where activities map to steps, and says so otherwise', async () => {
    const unmapped = await app.inject({
      method: 'POST',
      url: '/api/logs/claims/calibrate',
      payload: { model: 'mmc.yaml' },
    });
    expect(unmapped.statusCode).toBe(422);
    expect(unmapped.json().error).toContain('no activity of the log maps to a step');
    expect(unmapped.json().hint).toContain('mapping');
    expect(existsSync(join(dir, 'calibrated-claims.yaml'))).toBe(false);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/logs/claims/calibrate',
      payload: { model: 'mmc.yaml', mapping: ['x'] },
    });
    expect(bad.statusCode).toBe(400);
    const mapped = await app.inject({
      method: 'POST',
      url: '/api/logs/claims/calibrate',
      payload: { model: 'mmc.yaml', mapping: { 'check ticket': 'serve' } },
    });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json().file).toBe('calibrated-claims.yaml');
    expect(mapped.json().changes.length).toBeGreaterThan(0);
    const overlay = await app.inject({
      method: 'POST',
      url: '/api/validate?name=calibrated-claims.yaml',
      payload: readFileSync(join(dir, 'calibrated-claims.yaml'), 'utf8'),
      headers: { 'content-type': 'text/yaml' },
    });
    expect(overlay.json().diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual(
      [],
    );
    // The overlay is the model as the log shows it: it simulates, as a baseline for what-ifs.
    const listed = (await app.inject('/api/models'))
      .json()
      .find((m: { name: string }) => m.name === 'calibrated-claims.yaml');
    expect(listed).toMatchObject({ kind: 'scenario', ok: true, steps: 1 });
    const run = await app.inject({
      method: 'POST',
      url: '/api/models/calibrated-claims.yaml/simulate',
      payload: { replications: 2, horizon: '2d', warmup: '1d' },
    });
    expect(run.statusCode).toBe(202);
    await app.inject(`/api/jobs/${run.json().id}/events`);
    const done = (await app.inject(`/api/jobs/${run.json().id}`)).json();
    expect(done.state).toBe('done');
    expect(done.result.model.scenario.id).toBe('calibrated');
  });
});

describe('security', () => {
  it('requires the token when the server has one', async () => {
    const guarded = buildServer({ workspace: dir, token: 'secret-token-5678' });
    expect((await guarded.inject('/api/models')).statusCode).toBe(401);
    expect(
      (await guarded.inject({ url: '/api/models', headers: { authorization: 'Bearer wrong-token!' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await guarded.inject({ url: '/api/models', headers: { authorization: 'Bearer secret-token-5678' } }))
        .statusCode,
    ).toBe(200);
    await guarded.close();
  });
});
