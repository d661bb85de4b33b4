/** The API's description in OpenAPI 3.1, served at /api/openapi.json. */
const op = (summary: string, extra: Record<string, unknown> = {}) => ({
  summary,
  responses: { default: { description: 'JSON; errors are { error, hint }' } },
  ...extra,
});
const name = {
  name: 'name',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'a model file in the workspace, e.g. order.yaml',
};

export function openApi(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'linesight',
      version,
      description:
        'Customer process models: validate, draw, analyse, simulate, mine, exchange BPMN. Off loopback every route but this description, /api/schema and the static files needs the token (Authorization: Bearer TOKEN, or the cookie a page opened with ?token= sets). Requests with another Origin, or another Host than the server answers to, are refused; each route takes only the body types it names (JSON routes: application/json), and only the query parameters it reads: another, or one given twice, is a 400 naming it. Work per request is limited (replications, expected customers, event-log days and customers, model steps, time); a refusal names the `linesight serve` option that changes the limit.',
    },
    paths: {
      '/api/health': { get: op('Server and workspace') },
      '/api/models': {
        get: op('List the models of the workspace'),
        post: op(
          "Create a model, never over another file (409): {name (ending in .yaml), from: 'blank'|'starter'|'example:FILE'|'bpmn', bpmn (the XML, with from 'bpmn'), customerPool}; answers its ETag, diagnostics and the BPMN importer's warnings",
        ),
      },
      '/api/templates': {
        get: op('What a new model can start from: blank, the starter, each example, a BPMN file'),
      },
      '/api/models/{name}/rename': {
        parameters: [name],
        post: op('Rename a model: {to}; 409 when the name is taken, or with If-Match when it changed'),
      },
      '/api/models/{name}/duplicate': {
        parameters: [name],
        post: op('Copy a model under a new name: {to}; 409 when the name is taken'),
      },
      '/api/models/{name}': {
        parameters: [name],
        get: op('Read a model: its text, ETag and diagnostics'),
        put: op('Create (no If-Match) or update (If-Match: ETag) a model; 409 when stale'),
        delete: op('Delete a model (If-Match optional)'),
      },
      '/api/models/{name}/edits': {
        parameters: [name],
        post: op(
          "Apply model edits ({edits: [...]}, the library's Edit objects) to the file, its comments and layout kept; If-Match optional (409 when stale); answers the new text, ETag, diagnostics and the edit that undoes them; 422 names what is wrong",
        ),
      },
      '/api/analyze': {
        post: op('Findings and exact metrics of model text not saved yet ({text, name, scenario})'),
      },
      '/api/validate': {
        post: op(
          'Validate model text without saving it (name: where its imports resolve; scenario: also the model as that scenario makes it, as YAML in view)',
        ),
      },
      '/api/models/{name}/render': {
        parameters: [name],
        get: op(
          "A diagram (view, segment, role, scenario: drawn against the model without it, what it adds, changes and removes marked; mergeSegments; a focus: happyPath, minReach, stages; the journey map's path; format=svg|png|pdf, or json for the layout), with a Content-Disposition file name",
        ),
      },
      '/api/models/{name}/analysis': {
        parameters: [name],
        get: op('Findings and exact metrics (scenario, segment; format=json|md|html)'),
      },
      '/api/models/{name}/scenarios/{id}/diff': {
        parameters: [name, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: op(
          "What a scenario changes in the model, element by element: added, changed (each field before and after) and removed steps, activities, flows, pools, roles and systems, with counts; what the scenario's diagrams mark",
        ),
      },
      '/api/models/{name}/diff': {
        parameters: [name],
        get: op('What a scenario changes in every metric (scenario)'),
      },
      '/api/compare': { get: op("Our journey against a competitor's, stage by stage (ours, theirs)") },
      '/api/models/{name}/simulate': {
        parameters: [name],
        post: op(
          "Start a simulation job (scenario, replications, horizon, warmup, seed, set); its result holds simulate --json's fields, and kpis and text for display",
        ),
      },
      '/api/schema': { get: op('The JSON Schema of model files (kind=model|competitor|part|scenario)') },
      '/api/models/{name}/sweep': {
        parameters: [name],
        post: op(
          "Start a sweep job: a parameter over a range, the smallest value meeting a target (sweep, target, replications, horizon, warmup, seed, set, scenario); its result holds simulate --sweep --json's fields (path, target, answer, values), and labels and points for display",
        ),
      },
      '/api/models/{name}/event-log': {
        parameters: [name],
        post: op("One replication's interactions as a CSV event log (scenario, horizon, seed, set)"),
      },
      '/api/models/{name}/whatif': {
        parameters: [name],
        post: op(
          "Start a what-if job (scenarios, replications, horizon, warmup, seed, set); its result holds whatif --json's fields (warnings, baseline, scenarios), and replications, precision, currency and kpis for display",
        ),
      },
      '/api/models/{name}/staff': {
        parameters: [name],
        post: op(
          "Start a staffing job: the fewest staff per pool and hour of the week meeting each pool's service level, from queueing formulas checked by simulation, with its weekly cost against today's and the scenario of shifts to save with the edits route (pools, scenarioId, replications, days, seed, rounds: simulations at most, 8 unless given)",
        ),
      },
      '/api/jobs/{id}': {
        get: op('A job: state (queued with its place, running, done, failed, cancelled), progress, result'),
        delete: op('Cancel a job, queued or running'),
      },
      '/api/jobs/{id}/events': { get: op('Server-sent events: progress, then done, failed or cancelled') },
      '/api/models/{name}/bpmn': { parameters: [name], get: op('The model as BPMN 2.0 XML') },
      '/api/bpmn/import': { post: op('A BPMN file (body) as model YAML, with warnings (customerPool)') },
      '/api/logs': {
        get: op(
          "The logs in the event store: the workspace's DuckDB file, or the ClickHouse store `linesight serve --store` names",
        ),
        post: op(
          "Upload and import a log (name, format=csv|xes|ocel-json|ocel-xml|ocel-sqlite, caseType for OCEL; a CSV's columns by role: case, activity, timestamp, channel, segment, resource). A column that cannot be found answers 422 with details {role, columns}; a log left with more activities than the analyses take gets a note",
        ),
      },
      '/api/logs/{log}': { delete: op('Remove a log and its events') },
      '/api/logs/{log}/discover': {
        get: op(
          'Directly-follows graph, every activity with how often it occurs, start and end activities, variants (top: the most frequent variants, 10 unless given, as on the CLI; edges: the most frequent edges, 10,000 unless given, with moreEdges counting the rest; each at most 100,000; activities: only the events of that many of the most frequent activities, with moreActivities counting the rest; segment, channel)',
        ),
      },
      '/api/logs/{log}/conformance': {
        post: op(
          'Fitness, deviations, branch probabilities, and where journeys start and end (z per place, chi-square verdict) against a model (model, mapping)',
        ),
      },
      '/api/logs/{log}/model': {
        post: op(
          'A journey model discovered from the log, written to the workspace as discovered-LOG.yaml (stages, ends, roles: objects of activity names to a stage, "success"/"exit", a role)',
        ),
      },
      '/api/logs/{log}/calibrate': {
        post: op('A calibrated scenario overlay, written to the workspace (model, mapping)'),
      },
      '/api/logs/{log}/dfg.svg': {
        get: op(
          'The directly-follows graph as SVG (edges: how many of the most frequent, 60 unless given, at most 500; activities: of the events of that many of the most frequent activities only; measure=frequency|time; segment, channel)',
        ),
      },
      '/api/logs/{log}/journeys': {
        get: op(
          'Channel switching, repeat contacts, call drivers (contacts, topic, repeatWindow, driverWindow, minSupport)',
        ),
      },
    },
  };
}
