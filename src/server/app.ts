/**
 * The HTTP API over a workspace: the same library calls as the CLI, so both give the same
 * answers. Models are read and written with optimistic concurrency (ETag, If-Match, 409),
 * diagrams, analyses and comparisons are computed on request, simulations and what-ifs run as
 * jobs with progress over server-sent events, logs are uploaded into the workspace's event store.
 * Errors are JSON: `{ error, hint }` with the status that says what went wrong.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { analyze, compareJourneys, diffAnalyses } from '../analysis/index.js';
import { writeAnalysis } from '../analysis/report/write.js';
import { exportBpmn } from '../bpmn/export.js';
import { importBpmn } from '../bpmn/import.js';
import { writeAtomic } from '../fs/write-atomic.js';
import {
  calibrate,
  columnsFrom,
  conformance,
  discover,
  importLog,
  journeyAnalytics,
  LogImportError,
  listLogs,
  openStore,
  readJourneyOptions,
  removeLog,
} from '../mining/index.js';
import { jsonSchema } from '../model/json-schema.js';
import { type LoadResult, load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { applyOverrides, parseOverride } from '../model/overrides.js';
import { FILE_KINDS, type FileKind } from '../model/schema.js';
import { parseDuration } from '../model/units.js';
import {
  defaultWorkers,
  eventLogCsv,
  type KpiDefinition,
  parseSweep,
  parseTarget,
  preflight,
  type SimulationResult,
  simulate,
  simulateEventLog,
  sweep,
  sweepKpis,
  UnknownKpiError,
  whatIf,
} from '../simulation/index.js';
import { VERSION } from '../version.js';
import { DFG_MEASURES, type DfgMeasure, logDfgDiagram } from '../views/dfg.js';
import { layout, RenderOptionError } from '../views/render.js';
import { toSvg } from '../views/svg.js';
import { homePage } from './home.js';
import { HttpError } from './http-error.js';
import { Jobs, jobView } from './jobs.js';
import { openApi } from './openapi.js';
import { Workspace } from './workspace.js';

export interface ServerOptions {
  workspace: string;
  /** When set, every API request needs `Authorization: Bearer TOKEN`. */
  token?: string;
  /** Largest model or JSON body, bytes. */
  bodyLimit?: number;
  /** Largest uploaded log, bytes. */
  logLimit?: number;
  /** Worker threads for simulations. */
  workers?: number;
}

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
  Body: unknown;
}>;

/** One segment's or one channel's events, as the query names them. */
const sliceOf = (q: Record<string, string | undefined>) => ({
  ...(q.segment !== undefined ? { segment: q.segment } : {}),
  ...(q.channel !== undefined ? { channel: q.channel } : {}),
});

/** Each KPI's estimate in its own unit, mean ± half-width of the 95% interval, for people to read. */
function kpiTexts(r: SimulationResult): Record<string, string> {
  return Object.fromEntries(
    r.kpis.map((k) => {
      const e = r.overall[k.key];
      return [k.key, e ? `${k.format(e.mean)} ± ${k.format(e.halfWidth)}` : '-'];
    }),
  );
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const workspace = new Workspace(options.workspace);
  const jobs = new Jobs();
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024, logger: false });
  const storePath = join(workspace.root, '.linesight', 'events.duckdb');

  for (const type of [
    'text/yaml',
    'application/yaml',
    'text/plain',
    'application/xml',
    'text/xml',
    'text/csv',
  ]) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );

  app.addHook('onRequest', async (request) => {
    if (!options.token || !request.url.startsWith('/api/')) return;
    const given = Buffer.from(String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
    const wanted = Buffer.from(options.token);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      throw new HttpError(
        401,
        'this server needs its token',
        'send Authorization: Bearer TOKEN, with the token `linesight serve` printed',
      );
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof HttpError)
      return reply.status(error.status).send({
        error: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({
        error: 'the request body is too large',
        hint: request.url.startsWith('/api/logs')
          ? `uploads take logs of up to ${Math.round((options.logLimit ?? 50 * 1024 * 1024) / 1024 / 1024)} MiB; import a larger one with linesight log import FILE in the workspace folder (no size limit), then refresh`
          : 'models are at most 2 MiB; split a large model into parts',
      });
    if (error.statusCode && error.statusCode < 500)
      return reply.status(error.statusCode).send({ error: error.message });
    return reply
      .status(500)
      .send({ error: 'internal error', hint: 'this is a bug in linesight; please report what you did' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: `there is no ${request.method} ${request.url.split('?')[0]}`,
      hint: 'GET /api/openapi.json lists the routes',
    }),
  );
  app.addHook('onClose', async () => jobs.cancelAll());

  /** A model of the workspace, loaded with a scenario; invalid models are a 422 with their diagnostics. */
  const loadModel = (
    name: string,
    scenario?: string,
    tolerate = false,
  ): { model: Model; result: LoadResult } => {
    const path = workspace.path(name);
    workspace.read(name);
    const result = load(path, {
      ...(scenario ? { scenario } : {}),
      ...(tolerate ? { tolerate: ['no-path-to-end'] as const } : {}),
    });
    if (!result.model) {
      const notFound = result.diagnostics.find((d) => d.code === 'scenario-not-found');
      if (notFound) throw new HttpError(404, notFound.message, notFound.hint);
      throw new HttpError(
        422,
        `'${name}' is not a valid model`,
        'fix the errors listed in details',
        result.diagnostics,
      );
    }
    return { model: result.model, result };
  };
  const text = (body: unknown) =>
    typeof body === 'string'
      ? body
      : body && typeof body === 'object' && typeof (body as { text?: unknown }).text === 'string'
        ? (body as { text: string }).text
        : undefined;

  // The web app's build, when there is one; otherwise a plain page over the same API.
  const webRoot = [new URL('../web/', import.meta.url), new URL('../../dist/web/', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((p) => existsSync(join(p, 'index.html')));
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(webRoot ? readFileSync(join(webRoot, 'index.html')) : homePage(workspace)),
  );
  app.get('/assets/:file', async (request: Req, reply: FastifyReply) => {
    const file = request.params.file as string;
    if (!webRoot || !/^[A-Za-z0-9._-]+$/.test(file) || !existsSync(join(webRoot, 'assets', file)))
      throw new HttpError(404, `there is no asset '${file}'`);
    const type = file.endsWith('.js')
      ? 'text/javascript; charset=utf-8'
      : file.endsWith('.css')
        ? 'text/css; charset=utf-8'
        : 'application/octet-stream';
    return reply
      .type(type)
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(readFileSync(join(webRoot, 'assets', file)));
  });
  app.get('/plain', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(homePage(workspace)),
  );
  app.get('/api/openapi.json', async () => openApi(VERSION));
  app.get('/api/schema', async (request: Req) => {
    const kind = request.query.kind ?? 'model';
    if (!(FILE_KINDS as readonly string[]).includes(kind))
      throw new HttpError(400, `kind is ${FILE_KINDS.join(', ')}, not '${kind}'`);
    return jsonSchema(kind as FileKind);
  });
  app.get('/api/health', async () => ({ ok: true, version: VERSION, workspace: workspace.root }));

  app.get('/api/models', async () =>
    workspace.list().map((name) => {
      const r = load(workspace.path(name), { checkScenarios: false });
      return {
        name,
        title: r.model?.name ?? null,
        kind: r.document?.kind ?? null,
        ok: r.ok,
        errors: r.diagnostics.filter((d) => d.severity === 'error').length,
        steps: r.model?.steps.length ?? null,
        stages: (r.model?.stages ?? []).map((x) => x.id),
        scenarios: (r.model?.scenarios ?? []).map((x) => ({ id: x.id, name: x.name })),
      };
    }),
  );

  app.get('/api/models/:name', async (request: Req, reply: FastifyReply) => {
    const { text: body, etag } = workspace.read(request.params.name as string);
    const checked = parse(body, { file: workspace.path(request.params.name as string) });
    return reply.header('ETag', etag).send({
      name: request.params.name,
      text: body,
      etag,
      ok: checked.ok,
      diagnostics: checked.diagnostics,
    });
  });

  app.put('/api/models/:name', async (request: Req, reply: FastifyReply) => {
    const name = request.params.name as string;
    const body = text(request.body);
    if (body === undefined)
      throw new HttpError(
        400,
        'send the model as YAML text (Content-Type: text/yaml), or as JSON {"text": "..."}',
      );
    const checked = parse(body, { file: workspace.path(name) });
    const ifMatch = request.headers['if-match'];
    const { etag, created } = workspace.write(name, body, typeof ifMatch === 'string' ? ifMatch : undefined);
    return reply
      .status(created ? 201 : 200)
      .header('ETag', etag)
      .send({ name, etag, ok: checked.ok, diagnostics: checked.diagnostics });
  });

  app.delete('/api/models/:name', async (request: Req, reply: FastifyReply) => {
    const ifMatch = request.headers['if-match'];
    workspace.remove(request.params.name as string, typeof ifMatch === 'string' ? ifMatch : undefined);
    return reply.status(204).send();
  });

  app.post('/api/validate', async (request: Req) => {
    const body = text(request.body);
    if (body === undefined)
      throw new HttpError(400, 'send the model as YAML text, or as JSON {"text": "..."}');
    const name = request.query.name;
    const checked = parse(body, {
      file: name ? workspace.path(name) : join(workspace.root, 'untitled.yaml'),
    });
    // What the diagram pickers offer, taken from the same text the editor holds.
    const m = checked.model;
    const outline = m && {
      segments: m.segments.map((x) => ({ id: x.id, name: x.name })),
      roles: m.organization.departments.flatMap((d) => [
        { id: d.id, name: d.name },
        ...d.roles.map((r) => ({ id: r.id, name: `${r.name} (${d.name})` })),
      ]),
      scenarios: m.scenarios.map((x) => ({ id: x.id, name: x.name })),
    };
    return { ok: checked.ok, diagnostics: checked.diagnostics, ...(outline ? { outline } : {}) };
  });

  /** A model from text the client has not saved yet (the editor's), resolved beside `name`. */
  const fromText = (body: Record<string, unknown>, scenario?: string): Model => {
    if (typeof body.text !== 'string') throw new HttpError(400, 'send {"text": "...model YAML..."}');
    const file =
      typeof body.name === 'string' ? workspace.path(body.name) : join(workspace.root, 'untitled.yaml');
    const r = parse(body.text, { file, ...(scenario ? { scenario } : {}), tolerate: ['no-path-to-end'] });
    if (!r.model)
      throw new HttpError(422, 'the model has errors', 'fix the errors listed in details', r.diagnostics);
    return r.model;
  };
  app.post('/api/render', async (request: Req, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const model = fromText(
      body,
      typeof body.scenario === 'string' && body.scenario ? body.scenario : undefined,
    );
    try {
      const diagram = await layout(model, {
        view: typeof body.view === 'string' ? body.view : 'blueprint',
        ...(typeof body.segment === 'string' && body.segment ? { segment: body.segment } : {}),
        ...(typeof body.role === 'string' && body.role ? { role: body.role } : {}),
      });
      return reply.type('image/svg+xml').send(toSvg(diagram));
    } catch (error) {
      if (error instanceof RenderOptionError) throw new HttpError(400, error.message, error.hint);
      throw error;
    }
  });
  app.post('/api/analyze', async (request: Req) =>
    analyze(fromText((request.body ?? {}) as Record<string, unknown>)),
  );

  app.get('/api/models/:name/render', async (request: Req, reply: FastifyReply) => {
    const q = request.query;
    const { model } = loadModel(request.params.name as string, q.scenario);
    try {
      const diagram = await layout(model, {
        view: q.view ?? 'blueprint',
        ...(q.segment ? { segment: q.segment } : {}),
        ...(q.role ? { role: q.role } : {}),
        ...(q.mergeSegments === 'true' ? { mergeSegments: true } : {}),
      });
      if (q.format === 'json') return diagram;
      return reply.type('image/svg+xml').send(toSvg(diagram));
    } catch (error) {
      if (error instanceof RenderOptionError) throw new HttpError(400, error.message, error.hint);
      throw error;
    }
  });

  app.get('/api/models/:name/analysis', async (request: Req, reply: FastifyReply) => {
    const q = request.query;
    const { model } = loadModel(request.params.name as string, q.scenario, true);
    if (q.segment && !model.segments.some((s) => s.id === q.segment))
      throw new HttpError(
        400,
        `the model has no segment '${q.segment}'`,
        `segments: ${model.segments.map((s) => s.id).join(', ')}`,
      );
    const analysis = analyze(model, q.segment ? { segment: q.segment } : {});
    if (q.format === 'html')
      return reply.type('text/html; charset=utf-8').send(await writeAnalysis(model, analysis, 'html'));
    if (q.format === 'md')
      return reply.type('text/markdown; charset=utf-8').send(await writeAnalysis(model, analysis, 'md'));
    return analysis;
  });

  app.get('/api/models/:name/diff', async (request: Req) => {
    const scenario = request.query.scenario;
    if (!scenario) throw new HttpError(400, 'name the scenario: ?scenario=ID');
    const base = loadModel(request.params.name as string, undefined, true).model;
    const patched = loadModel(request.params.name as string, scenario, true).model;
    return diffAnalyses(
      base,
      analyze(base),
      analyze(patched),
      patched.scenario ?? { id: scenario, name: scenario },
    );
  });

  app.get('/api/compare', async (request: Req) => {
    const { ours, theirs } = request.query;
    if (!ours || !theirs) throw new HttpError(400, 'name both models: ?ours=NAME&theirs=NAME');
    return compareJourneys(loadModel(ours, undefined, true).model, loadModel(theirs, undefined, true).model);
  });

  /** Simulation settings from a request body, checked before anything runs. */
  const settings = (body: Record<string, unknown>) => {
    const whole = (key: string, fallback: number, min: number) => {
      const v = body[key] ?? fallback;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
        throw new HttpError(400, `'${key}' is a whole number of at least ${min}`);
      return v;
    };
    const time = (key: string, fallback: string) => {
      const d = parseDuration(body[key] ?? fallback);
      if (!d.ok) throw new HttpError(400, `'${key}': ${d.message}`, d.hint);
      return d.value;
    };
    return {
      replications: whole('replications', 20, 1),
      horizon: time('horizon', '30d'),
      warmup: time('warmup', '2d'),
      seed: whole('seed', 1, 0),
      workers: options.workers ?? defaultWorkers(),
    };
  };
  const variant = (name: string, scenario: string | undefined, sets: unknown): Model => {
    const list = Array.isArray(sets) ? sets.map(String) : [];
    if (list.length === 0) return loadModel(name, scenario).model;
    const { result } = loadModel(name);
    const overrides = list.map(
      (s) =>
        parseOverride(s) ??
        (() => {
          throw new HttpError(400, `'${s}' is not PATH=VALUE`);
        })(),
    );
    const applied = applyOverrides(
      result.document as NonNullable<LoadResult['document']>,
      overrides,
      scenario,
    );
    const first = applied.diagnostics.find((d) => d.severity === 'error');
    if (!applied.model || first)
      throw new HttpError(400, first?.message ?? 'the change does not apply', first?.hint);
    return applied.model;
  };
  const checked = (model: Model, s: ReturnType<typeof settings>) => {
    const problems = preflight(model, s);
    if (problems.length > 0)
      throw new HttpError(
        422,
        problems.map((p) => p.message).join('; '),
        problems.map((p) => p.hint).join('; '),
      );
  };

  /** The model a simulation request names (scenario, set), with the run settings it asks for. */
  const simulationRequest = (request: Req) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const model = variant(
      request.params.name as string,
      typeof body.scenario === 'string' ? body.scenario : undefined,
      body.set,
    );
    return { model, s: settings(body) };
  };

  app.post('/api/models/:name/simulate', async (request: Req, reply: FastifyReply) => {
    const { model, s } = simulationRequest(request);
    checked(model, s);
    const job = jobs.start('simulate', async (signal, progress) => {
      const r = await simulate(model, { ...s, signal, onProgress: progress });
      return {
        model: r.model,
        options: r.options,
        kpis: r.kpis.map((k) => ({ key: k.key, label: k.label, better: k.better })),
        overall: r.overall,
        text: kpiTexts(r),
        segments: r.segments,
        little: r.little,
        work: r.work,
      };
    });
    return reply.status(202).header('Location', `/api/jobs/${job.id}`).send(jobView(job));
  });

  app.post('/api/models/:name/sweep', async (request: Req, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const s = settings(body);
    const name = request.params.name as string;
    const scenario = typeof body.scenario === 'string' ? body.scenario : undefined;
    const range = parseSweep(String(body.sweep ?? ''));
    if (!range.ok) throw new HttpError(400, `'sweep' ${range.message}`);
    const target = body.target === undefined ? undefined : parseTarget(String(body.target));
    if (target && !target.ok) throw new HttpError(400, `'target' ${target.message}`);
    const sets = Array.isArray(body.set) ? body.set.map(String) : [];
    const modelAt = (v: number) => variant(name, scenario, [...sets, `${range.value.path}=${v}`]);
    // Bad paths, values and KPIs are refused now, not as a failed job.
    let kpis: KpiDefinition[];
    try {
      kpis = sweepKpis(modelAt(range.value.from), target?.value);
    } catch (error) {
      if (!(error instanceof UnknownKpiError)) throw error;
      throw new HttpError(
        400,
        `'target' names unknown KPI '${error.key}'`,
        `the KPIs: ${error.known.join(', ')}`,
      );
    }
    const job = jobs.start('sweep', async (signal, progress) => {
      const r = await sweep(modelAt, range.value, target?.value, { ...s, signal, onProgress: progress });
      return {
        ...r,
        labels: Object.fromEntries(kpis.map((k) => [k.key, k.label])),
        points: r.points.map((p) => ({
          value: p.value,
          overloaded: p.overloaded,
          ...(p.meets !== undefined ? { meets: p.meets } : {}),
          ...(p.result
            ? {
                overall: p.result.overall,
                text: kpiTexts(p.result),
              }
            : {}),
        })),
      };
    });
    return reply.status(202).header('Location', `/api/jobs/${job.id}`).send(jobView(job));
  });

  app.post('/api/models/:name/event-log', async (request: Req, reply: FastifyReply) => {
    const { model, s } = simulationRequest(request);
    // A log counts every customer: there is no warm-up to leave out.
    checked(model, { ...s, warmup: 0 });
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${model.id}-events.csv"`)
      .send(eventLogCsv(simulateEventLog(model, { horizon: s.horizon, seed: s.seed })));
  });

  app.post('/api/models/:name/whatif', async (request: Req, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const s = settings(body);
    const name = request.params.name as string;
    const base = loadModel(name).model;
    const ids = Array.isArray(body.scenarios) ? body.scenarios.map(String) : base.scenarios.map((x) => x.id);
    if (ids.length === 0)
      throw new HttpError(
        400,
        'the model has no scenarios to compare',
        'name some in "scenarios", or add scenarios to the model',
      );
    const variants = ids.map((id) => variant(name, id, body.set));
    for (const m of [base, ...variants]) checked(m, s);
    const job = jobs.start('whatif', async (signal, progress) => {
      const r = await whatIf(base, variants, { ...s, signal, onProgress: progress });
      // The KPIs' own units (durations, percentages, money) travel as text beside the numbers.
      const format = new Map(r.baseline.kpis.map((k) => [k.key, k.format]));
      const show = (key: string, v: number) => (Number.isFinite(v) ? (format.get(key) ?? String)(v) : '-');
      const signed = (key: string, v: number) => `${v < 0 ? '-' : '+'}${show(key, Math.abs(v))}`;
      return {
        baseline: { overall: r.baseline.overall },
        kpis: r.baseline.kpis.map((k) => ({ key: k.key, label: k.label, better: k.better })),
        scenarios: r.scenarios.map((x) => ({
          id: x.id,
          name: x.name,
          differences: x.differences.map((d) => ({
            ...d,
            baselineText: show(d.key, d.baseline.mean),
            scenarioText: show(d.key, d.scenario.mean),
            differenceText: `${signed(d.key, d.difference.mean)} ± ${show(d.key, d.difference.halfWidth)}`,
          })),
        })),
      };
    });
    return reply.status(202).header('Location', `/api/jobs/${job.id}`).send(jobView(job));
  });

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
      res.write(
        `event: ${job.state === 'running' ? 'progress' : job.state}\ndata: ${JSON.stringify(view)}\n\n`,
      );
      if (job.state !== 'running') {
        job.listeners.delete(send);
        res.end();
      }
    };
    job.listeners.add(send);
    request.raw.on('close', () => job.listeners.delete(send));
    send();
  });

  app.get('/api/models/:name/bpmn', async (request: Req, reply: FastifyReply) => {
    const { model } = loadModel(request.params.name as string, request.query.scenario);
    return reply
      .type('application/xml')
      .header('Content-Disposition', `attachment; filename="${basename(model.id)}.bpmn"`)
      .send(await exportBpmn(model, VERSION));
  });

  app.post('/api/bpmn/import', { bodyLimit: 50 * 1024 * 1024 }, async (request: Req) => {
    const xml =
      typeof request.body === 'string'
        ? request.body
        : Buffer.isBuffer(request.body)
          ? request.body.toString('utf8')
          : undefined;
    if (xml === undefined)
      throw new HttpError(400, 'send the BPMN file as the body (Content-Type: application/xml)');
    const result = await importBpmn(
      xml,
      request.query.customerPool ? { customerPool: request.query.customerPool } : {},
    );
    if (!result.model || result.error)
      throw new HttpError(422, result.error?.message ?? 'nothing could be read', result.error?.hint);
    const { stringify } = await import('yaml');
    return { yaml: stringify(result.model), warnings: result.warnings, embedded: result.embedded };
  });

  app.get('/api/logs', async () => {
    const store = await openStore(storePath);
    try {
      return await listLogs(store);
    } finally {
      store.close();
    }
  });

  app.post('/api/logs', { bodyLimit: options.logLimit ?? 50 * 1024 * 1024 }, async (request: Req) => {
    const q = request.query;
    const name = q.name;
    if (!name || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/.test(name))
      throw new HttpError(400, 'name the log: ?name=NAME (letters, digits, ".", "_", "-")');
    const format = q.format ?? 'csv';
    if (format !== 'csv' && format !== 'xes' && format !== 'jsonocel')
      throw new HttpError(400, `format is csv, xes or jsonocel (OCEL 2.0), not '${format}'`);
    const body =
      typeof request.body === 'string'
        ? request.body
        : Buffer.isBuffer(request.body)
          ? request.body
          : undefined;
    if (body === undefined)
      throw new HttpError(
        400,
        'send the log file as the body (text/csv, application/xml or application/octet-stream)',
      );
    const upload = join(workspace.root, '.linesight', 'uploads', `${name}.${format}`);
    writeAtomic(upload, body);
    const store = await openStore(storePath);
    try {
      const report = await importLog(store, upload, {
        log: name,
        format,
        label: `the uploaded ${format === 'jsonocel' ? 'OCEL' : format.toUpperCase()}`,
        onError: 'skip',
        columns: columnsFrom(q),
        ...(q.caseType ? { caseType: q.caseType } : {}),
      });
      return { ...report, problems: report.problems.slice(0, 100) };
    } catch (error) {
      if (error instanceof LogImportError) throw new HttpError(422, error.message, error.hint);
      throw error;
    } finally {
      store.close();
    }
  });

  const withLog = async <T>(
    log: string,
    run: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
  ) => {
    const store = await openStore(storePath);
    try {
      if (!(await listLogs(store)).some((l) => l.log === log))
        throw new HttpError(404, `there is no log '${log}'`, 'GET /api/logs lists them');
      return await run(store);
    } finally {
      store.close();
    }
  };
  app.delete('/api/logs/:log', async (request: Req) =>
    withLog(request.params.log as string, async (store) => ({
      log: request.params.log,
      events: await removeLog(store, request.params.log as string),
    })),
  );
  app.get('/api/logs/:log/discover', async (request: Req) => {
    const q = request.query;
    const top = Number(q.top ?? 20);
    if (!Number.isInteger(top) || top < 1)
      throw new HttpError(400, `'top' is a whole number, not '${q.top}'`);
    return withLog(request.params.log as string, (store) =>
      discover(store, request.params.log as string, { top, ...sliceOf(q) }),
    );
  });
  app.get('/api/logs/:log/dfg.svg', async (request: Req, reply: FastifyReply) => {
    const edges = Number(request.query.edges ?? 60);
    if (!Number.isInteger(edges) || edges < 1)
      throw new HttpError(400, `'edges' is a whole number, not '${request.query.edges}'`);
    const measure = (request.query.measure ?? 'frequency') as DfgMeasure;
    if (!DFG_MEASURES.includes(measure))
      throw new HttpError(400, `'measure' is ${DFG_MEASURES.join(' or ')}, not '${measure}'`);
    return withLog(request.params.log as string, async (store) => {
      // The graph needs no variants: one is enough to count them.
      const d = await discover(store, request.params.log as string, { top: 1, ...sliceOf(request.query) });
      return reply
        .type('image/svg+xml')
        .send(toSvg(await logDfgDiagram(request.params.log as string, d, edges, measure)));
    });
  });
  /** The model a log is set against, and how its activities map to the model's steps. */
  const modelAndMapping = (request: Req, what: string) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.model !== 'string')
      throw new HttpError(400, `name the model to ${what}: {"model": "order.yaml"}`);
    const mapping = body.mapping ?? {};
    if (
      typeof mapping !== 'object' ||
      Array.isArray(mapping) ||
      Object.values(mapping as object).some((v) => typeof v !== 'string')
    )
      throw new HttpError(400, 'mapping is an object of activity names to step ids', 'e.g. {"Call": "call"}');
    return {
      name: body.model,
      model: loadModel(body.model).model,
      mapping: mapping as Record<string, string>,
    };
  };
  app.post('/api/logs/:log/conformance', async (request: Req) => {
    const { model, mapping } = modelAndMapping(request, 'check the log against');
    const log = request.params.log as string;
    return withLog(log, (store) => conformance(store, log, model, mapping));
  });
  app.post('/api/logs/:log/calibrate', async (request: Req) => {
    const { name, model, mapping } = modelAndMapping(request, 'calibrate');
    const log = request.params.log as string;
    return withLog(log, async (store) => {
      const { scenario, notes } = await calibrate(store, log, model, {
        base: name,
        mapping,
      });
      // An overlay that changes nothing would only look like a result: say why, write nothing.
      if ((scenario.changes as unknown[]).length === 0)
        throw new HttpError(
          422,
          `nothing in the log '${log}' calibrates ${name}: ${notes.join('; ')}`,
          "map the log's activities to the model's step ids (mapping: {activity: step id})",
        );
      const output = `calibrated-${log}.yaml`.replace(/[^A-Za-z0-9._-]/g, '-');
      const { stringify } = await import('yaml');
      writeAtomic(
        workspace.path(output),
        `# Calibrated from the log '${log}'.\n${notes.map((n) => `# ${n}`).join('\n')}\n${stringify(scenario)}`,
      );
      return { file: output, notes, changes: scenario.changes };
    });
  });
  app.get('/api/logs/:log/journeys', async (request: Req) => {
    const q = request.query;
    const read = readJourneyOptions({
      ...(q.contacts !== undefined ? { contacts: q.contacts } : {}),
      ...(q.topic !== undefined ? { topic: q.topic } : {}),
      ...(q.repeatWindow !== undefined ? { repeatWindow: q.repeatWindow } : {}),
      ...(q.driverWindow !== undefined ? { driverWindow: q.driverWindow } : {}),
      ...(q.minSupport !== undefined ? { minSupport: q.minSupport } : {}),
    });
    if (!read.ok) throw new HttpError(400, `'${read.option}': ${read.message}`);
    return withLog(request.params.log as string, (store) =>
      journeyAnalytics(store, request.params.log as string, read.options),
    );
  });

  return app;
}
