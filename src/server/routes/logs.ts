/**
 * Event logs in the server's event store: upload and import, list, remove, and mine them
 * (discovery, the directly-follows graph, journeys, conformance and calibration against a model).
 * Discovery, conformance and calibration run on either engine (see event-store.ts), journeys on
 * DuckDB only so far.
 * The store's queries run in DuckDB's or ClickHouse's threads; models are loaded and graphs laid
 * out on ours.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { stringify } from 'yaml';
import { writeAtomic } from '../../fs/write-atomic.js';
import { CSV_ROLES } from '../../mining/csv-roles.js';
import type { Discovery } from '../../mining/discover.js';
import type { JourneyOptionText, LogStore, StoreAccess } from '../../mining/index.js';
import { MOST_EDGES, TOP_VARIANTS } from '../../mining/kept-counts.js';
import { LOG_FORMATS, type LogFormat } from '../../mining/log-format.js';
import { LogImportError } from '../../mining/log-import-error.js';
import { unknownSlice } from '../../mining/unknown-slice.js';
import { DFG_EDGES, DFG_MEASURES, type DfgMeasure, MOST_DRAWN_EDGES } from '../../views/dfg-measures.js';

/** The store and its analyses load on the first request that needs them, not when the server starts. */
const mining = () => import('../../mining/index.js');

import type { Req, Server } from '../context.js';
import { JSON_BODY, LOG_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { bodyOf, wholeQuery } from '../request.js';

/** A discovery of the segment or channel asked for; a 400 when the log has none of that name. */
function sliced(log: string, q: Record<string, string | undefined>, d: Discovery): Discovery {
  const unknown = unknownSlice(log, d, q);
  if (unknown) throw new HttpError(400, unknown.message, unknown.hint);
  return d;
}

/** The query parameters that slice a log: one segment's or one channel's events. */
const SLICE = ['segment', 'channel'];
/** An upload's XML may unpack to this many times the upload limit (BPI Challenge logs pack about 20 to 1). */
const UNPACKED_PER_PACKED = 20;
/** An upload's: its name and format, a case type, and the CSV's columns by role. */
const UPLOAD_QUERY = ['name', 'format', 'caseType', ...CSV_ROLES];

/** One segment's or one channel's events, as the query names them. */
const sliceOf = (q: Record<string, string | undefined>) => ({
  ...(q.segment !== undefined ? { segment: q.segment } : {}),
  ...(q.channel !== undefined ? { channel: q.channel } : {}),
});

const JOURNEY_QUERY = [
  'contacts',
  'topic',
  'repeatWindow',
  'driverWindow',
  'minSupport',
  'by',
  'initiator',
  'outbound',
  'window',
  'minExposed',
  'level',
  'webSigns',
] as const satisfies readonly (keyof JourneyOptionText)[];

const LOG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;
/** The most variants or edges one discovery sends: ten times what it sends unless asked. */
const MOST_SENT = 10 * MOST_EDGES;
/** `activities=N`: only the events of the N most frequent activities; all unless given. */
const activitiesOf = (q: Req['query']) =>
  q.activities === undefined ? {} : { activities: wholeQuery(q.activities, 'activities', 0, 1, MOST_SENT) };

export function logRoutes({ app, workspace, events, work, options }: Server): void {
  const noLog = (log: string) => () => {
    throw new HttpError(404, `there is no log '${log}'`, 'GET /api/logs lists them');
  };
  const withLog = <T>(log: string, run: (store: LogStore) => Promise<T>, access: StoreAccess = 'read') =>
    events.with(
      access,
      async (store) => {
        if (!(await store.hasLog(log))) noLog(log)();
        return run(store);
      },
      noLog(log),
    );
  app.get('/api/logs', async () =>
    events.with(
      'read',
      (store) => store.listLogs(),
      () => [],
    ),
  );

  app.post(
    '/api/logs',
    { bodyLimit: options.logLimit ?? 50 * 1024 * 1024, config: { accepts: LOG_BODY, query: UPLOAD_QUERY } },
    async (request: Req) => {
      const q = request.query;
      const name = q.name;
      if (!name || !LOG_NAME.test(name))
        throw new HttpError(400, 'name the log: ?name=NAME (letters, digits, ".", "_", "-")');
      const format = uploadFormat(q.format);
      const body =
        typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined;
      if (body === undefined)
        throw new HttpError(
          400,
          'send the log file as the body (text/csv, application/xml or application/octet-stream)',
        );
      // Each upload its own file, removed once imported: two uploads of one name do not share it.
      const upload = workspace.dataFile('uploads', `${name}.${randomUUID()}.${format}`);
      writeAtomic(upload, body);
      try {
        const columns = (await mining()).columnsFrom(q);
        const report = await events.with('create', (store) =>
          store.importLog(upload, {
            log: name,
            format,
            label: `the uploaded ${format.startsWith('ocel-') ? 'OCEL' : format.toUpperCase()}`,
            onError: 'skip',
            columns,
            // An upload's XML is bounded unpacked as well: gzip packs a bomb a thousandfold.
            maxBytes: UNPACKED_PER_PACKED * (options.logLimit ?? 50 * 1024 * 1024),
            ...(q.caseType ? { caseType: q.caseType } : {}),
          }),
        );
        return { ...report, problems: report.problems.slice(0, 100) };
      } catch (error) {
        if (error instanceof LogImportError)
          throw new HttpError(422, error.message, apiHint(error), error.column);
        throw error;
      } finally {
        rmSync(upload, { force: true });
      }
    },
  );

  app.delete('/api/logs/:log', async (request: Req) => {
    const log = request.params.log as string;
    return withLog(log, async (store) => ({ log, events: await store.removeLog(log) }), 'write');
  });

  // An answer's size is bounded: a log of ids can have millions of variants and edges.
  app.get(
    '/api/logs/:log/discover',
    { config: { query: ['top', 'edges', 'activities', ...SLICE] } },
    async (request: Req) => {
      const q = request.query;
      const top = wholeQuery(q.top, 'top', TOP_VARIANTS, 1, MOST_SENT);
      const edges = wholeQuery(q.edges, 'edges', MOST_EDGES, 1, MOST_SENT);
      const log = request.params.log as string;
      return sliced(
        log,
        q,
        await withLog(log, (store) => store.discover(log, { top, edges, ...activitiesOf(q), ...sliceOf(q) })),
      );
    },
  );

  app.get(
    '/api/logs/:log/dfg.svg',
    { config: { query: ['edges', 'measure', 'activities', ...SLICE] } },
    async (request: Req, reply: FastifyReply) => {
      const q = request.query;
      const edges = wholeQuery(q.edges, 'edges', DFG_EDGES, 1, MOST_DRAWN_EDGES);
      const measure = (q.measure ?? 'frequency') as DfgMeasure;
      if (!DFG_MEASURES.includes(measure))
        throw new HttpError(400, `'measure' is ${DFG_MEASURES.join(' or ')}, not '${measure}'`);
      const log = request.params.log as string;
      // The graph needs no variants (one is enough to count them) and only the edges it draws.
      const d = await withLog(log, (store) =>
        store.discover(log, { top: 1, edges, ...activitiesOf(q), ...sliceOf(q) }),
      );
      sliced(log, q, d);
      const svg = await work('dfgSvg', {
        log,
        discovery: {
          dfg: d.dfg,
          start: d.start,
          end: d.end,
          activities: d.activities,
          moreEdges: d.moreEdges,
          moreActivities: d.moreActivities,
        },
        edges,
        measure,
      });
      return reply.type('image/svg+xml').send(svg);
    },
  );

  /** The model a log is set against, and how its activities map to the model's steps. */
  const modelAndMapping = async (request: Req, what: string) => {
    const body = bodyOf(request.body, ['model', 'mapping']);
    if (typeof body.model !== 'string')
      throw new HttpError(400, `name the model to ${what}: {"model": "order.yaml"}`);
    const mapping = body.mapping ?? {};
    if (
      typeof mapping !== 'object' ||
      mapping === null ||
      Array.isArray(mapping) ||
      Object.values(mapping as object).some((v) => typeof v !== 'string')
    )
      throw new HttpError(400, 'mapping is an object of activity names to step ids', 'e.g. {"Call": "call"}');
    return {
      name: body.model,
      model: await work('model', { name: body.model }),
      mapping: mapping as Record<string, string>,
    };
  };

  app.post('/api/logs/:log/conformance', { config: { accepts: JSON_BODY } }, async (request: Req) => {
    const { model, mapping } = await modelAndMapping(request, 'check the log against');
    const log = request.params.log as string;
    return withLog(log, async (store) => (await mining()).conformance(store, log, model, mapping));
  });

  app.post('/api/logs/:log/calibrate', { config: { accepts: JSON_BODY } }, async (request: Req) => {
    const { name, model, mapping } = await modelAndMapping(request, 'calibrate');
    const log = request.params.log as string;
    return withLog(log, async (store) => {
      const { scenario, notes } = await (await mining()).calibrate(store, log, model, {
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
      workspace.replace(
        output,
        `# Calibrated from the log '${log}'.\n${notes.map((n) => `# ${n}`).join('\n')}\n${stringify(scenario)}`,
      );
      return { file: output, notes, changes: scenario.changes };
    });
  });

  app.get('/api/logs/:log/journeys', { config: { query: JOURNEY_QUERY } }, async (request: Req) => {
    const q = request.query;
    // The query's names are the library's (minExposed, driverWindow, ...), as the CLI's flags are.
    const read = (await mining()).readJourneyOptions(
      Object.fromEntries(JOURNEY_QUERY.flatMap((key) => (q[key] !== undefined ? [[key, q[key]]] : []))),
    );
    if (!read.ok) throw new HttpError(400, `'${read.option}': ${read.message}`);
    const log = request.params.log as string;
    return withLog(log, async (store) => (await mining()).journeyAnalytics(store, log, read.options));
  });
}

/** `?format=`: one of LOG_FORMATS, CSV when absent; `jsonocel`, as the web page sends it, is OCEL 2.0 JSON. */
function uploadFormat(given: string | undefined): LogFormat {
  const format = given === 'jsonocel' ? 'ocel-json' : (given ?? 'csv');
  if (!(LOG_FORMATS as readonly string[]).includes(format))
    throw new HttpError(400, `format is ${LOG_FORMATS.join(', ')}, not '${format}'`);
  return format as LogFormat;
}

/** The hint in the API's terms: a CSV column is named by a query parameter, not the CLI's option. */
function apiHint(error: LogImportError): string {
  if (!error.column) return error.hint;
  const { role, columns } = error.column;
  return `name the column of the ${role} in the query, ${role}=COLUMN, or pick it under Columns on the data page (the columns are ${columns.map((c) => `'${c}'`).join(', ')})`;
}
