/**
 * A model back to the file format: what BPMN import writes, and what a BPMN export embeds so that
 * nothing is lost. Units come back in the largest unit that keeps the number exact ("5 min",
 * "90 s", "2 d"), flows shared by all segments are written once, and defaults are left out, so
 * that the file reads like one a person wrote. Loading the result gives the same model.
 */
import { BUILTIN_CHANNELS } from './channels.js';
import type { Distribution } from './distribution.js';
import { economicsToFile } from './economics.js';
import type { Arrivals, ArrivalWindow, Flow, Model, Shift } from './model.js';
import { WEEKDAYS } from './schema.js';

type Raw = Record<string, unknown>;

/**
 * A quantity in the largest unit that gives back exactly the same number when read again
 * ("5 min", "2 d"); when none does, in the base unit with every digit, so that nothing is lost.
 */
function inUnits(
  value: number,
  units: readonly (readonly [string, number])[],
  base: string,
  join: string,
): string {
  for (const [unit, size] of units) {
    const amount = value / size;
    if (Math.abs(amount) >= 1 && Number.isInteger(amount * 1000) && amount * size === value)
      return `${amount}${join}${unit}`;
  }
  return `${value}${join}${base}`;
}

const ESTIMATE_UNITS: [string, number][] = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
];

/**
 * A duration measured from data, in the largest unit it fills and to three significant digits:
 * "6.99 d", not the exact "604371 s", which claims a precision no log has.
 */
export function estimatedDurationText(seconds: number): string {
  const [unit, size] = ESTIMATE_UNITS.find(([, size]) => seconds >= size) ?? ['s', 1];
  return `${Number((seconds / size).toPrecision(3))} ${unit}`;
}

export const durationText = (seconds: number) =>
  inUnits(
    seconds,
    [
      ['d', 86400],
      ['h', 3600],
      ['min', 60],
    ].filter(([, size]) => Number.isInteger(seconds / (size as number))) as [string, number][],
    's',
    ' ',
  );

const rateText = (perSecond: number) => {
  for (const [unit, size] of [
    ['h', 3600],
    ['d', 86400],
    ['min', 60],
  ] as const) {
    const amount = perSecond * size;
    if (amount / size === perSecond && String(amount).length <= 12) return `${amount}/${unit}`;
  }
  return `${perSecond}/s`;
};

export function distributionText(d: Distribution): string | Raw {
  const t = durationText;
  switch (d.kind) {
    case 'fixed':
      return t(d.value);
    case 'exponential':
      return `exp(${t(d.mean)})`;
    case 'lognormal':
      return `lognormal(${t(d.mean)}, ${t(d.sd)})`;
    case 'gamma':
      return `gamma(${t(d.mean)}, ${t(d.sd)})`;
    case 'normal':
      return d.min === 0 && d.max === Number.POSITIVE_INFINITY
        ? `normal(${t(d.mean)}, ${t(d.sd)})`
        : {
            dist: 'normal',
            mean: t(d.mean),
            sd: t(d.sd),
            min: t(d.min),
            ...(Number.isFinite(d.max) ? { max: t(d.max) } : {}),
          };
    case 'uniform':
      return `uniform(${t(d.min)}, ${t(d.max)})`;
    case 'triangular':
      return `triangular(${t(d.min)}, ${t(d.mode)}, ${t(d.max)})`;
    case 'empirical':
      return {
        dist: 'empirical',
        values: d.values.map(t),
        ...(d.weights.every((w) => w === 1) ? {} : { weights: d.weights }),
      };
  }
}

function flowText(flow: Flow, segments: string[]): unknown {
  const list = (segment: string) =>
    (flow[segment] ?? []).map((b) => ({
      to: b.to,
      p: b.p,
      ...(b.label !== undefined ? { label: b.label } : {}),
    }));
  const simple = (branches: ReturnType<typeof list>) =>
    branches.length === 1 && branches[0]?.p === 1 && branches[0].label === undefined
      ? branches[0].to
      : branches;
  const first = JSON.stringify(list(segments[0] ?? ''));
  if (segments.every((s) => JSON.stringify(list(s)) === first)) return simple(list(segments[0] ?? ''));
  return Object.fromEntries(segments.map((s) => [s, simple(list(s))]));
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const daysText = (days: number[]) => days.map((d) => WEEKDAYS[d]).join(',');
const windowText = (w: Shift | ArrivalWindow) => ({
  days: daysText(w.days),
  hours: `${clock(w.start)}-${clock(w.end)}`,
});

function arrivalsText(a: Arrivals): Raw {
  const poisson = a.interarrival.kind === 'exponential' && Math.abs(a.interarrival.mean * a.rate - 1) < 1e-9;
  return {
    rate: rateText(a.rate),
    ...(poisson ? {} : { interarrival: distributionText(a.interarrival) }),
    ...(a.profile ? { profile: a.profile.map((w) => ({ ...windowText(w), weight: w.weight })) } : {}),
  };
}

/** Keys whose value is undefined, an empty list or the given default are left out. */
function compact(raw: Raw, defaults: Raw = {}): Raw {
  return Object.fromEntries(
    Object.entries(raw).filter(
      ([k, v]) =>
        v !== undefined &&
        !(Array.isArray(v) && v.length === 0) &&
        !(k in defaults && JSON.stringify(defaults[k]) === JSON.stringify(v)),
    ),
  );
}

export function serializeModel(model: Model): Raw {
  const segments = model.segments.map((s) => s.id);
  const sharedArrivals = model.arrivals !== undefined;
  const builtins = new Map(BUILTIN_CHANNELS.map((c) => [c.id, c]));
  return compact({
    linesight: 1,
    kind: model.kind === 'model' ? undefined : model.kind,
    id: model.id,
    name: model.name,
    description: model.description,
    competitor: model.competitor,
    baseline: model.baseline,
    currency: model.currency === 'EUR' ? undefined : model.currency,
    arrivals: model.arrivals ? arrivalsText(model.arrivals) : undefined,
    economics: model.economics ? economicsToFile(model.economics, model.currency) : undefined,
    channels: model.channels
      .filter((c) => JSON.stringify(builtins.get(c.id)) !== JSON.stringify(c))
      .map((c) => compact({ id: c.id, name: c.name, mode: c.mode, description: c.description })),
    organization: compact({
      name: model.organization.name,
      departments: model.organization.departments.map((d) =>
        compact(
          {
            id: d.id,
            name: d.name,
            visibility: d.visibility,
            roles: d.roles.map((r) =>
              compact({
                id: r.id,
                name: r.name,
                visibility: r.visibility === d.visibility ? undefined : r.visibility,
                description: r.description,
              }),
            ),
            description: d.description,
          },
          { visibility: 'backstage' },
        ),
      ),
      systems: model.organization.systems.map((s) =>
        compact(
          {
            id: s.id,
            name: s.name,
            kind: s.kind,
            visibility: s.visibility,
            owner: s.owner,
            description: s.description,
          },
          { kind: 'other', visibility: 'backstage' },
        ),
      ),
    }),
    segments: model.segments.map((s) =>
      compact({
        id: s.id,
        name: s.name,
        share: model.segments.length > 1 || sharedArrivals ? s.share : undefined,
        arrivals: !sharedArrivals && s.arrivals ? arrivalsText(s.arrivals) : undefined,
        patience: s.patience ? distributionText(s.patience) : undefined,
        attributes: Object.keys(s.attributes).length ? s.attributes : undefined,
        description: s.description,
      }),
    ),
    stages: model.stages.map((s) =>
      compact({ id: s.id, name: s.name, goal: s.goal, description: s.description }),
    ),
    processes: model.processes.map((p) =>
      compact({
        id: p.id,
        name: p.name,
        owner: p.owner,
        apqc: p.apqc,
        bpmn: p.bpmn,
        description: p.description,
      }),
    ),
    resources: model.resources.map((r) =>
      compact(
        {
          id: r.id,
          name: r.name,
          role: r.role,
          capacity: r.schedule ? undefined : r.capacity,
          cost: r.cost ? `${r.cost.amount} ${r.cost.currency}/h` : undefined,
          schedule: r.schedule?.map((s) => ({ ...windowText(s), capacity: s.capacity })),
          discipline: r.discipline,
          priority: r.priority,
          assignment: r.assignment,
          patience: r.patience ? distributionText(r.patience) : undefined,
          abandon: r.abandon,
          description: r.description,
        },
        { discipline: 'fifo', assignment: 'pooled' },
      ),
    ),
    steps: model.steps.map((s) =>
      compact(
        {
          id: s.id,
          name: s.name,
          stage: s.stage,
          channel: s.channel,
          touchpoint: s.touchpoint,
          evidence: s.evidence,
          role: s.pool && model.resources.find((r) => r.id === s.pool)?.role === s.role ? undefined : s.role,
          system: s.system,
          pool: s.pool,
          duration: s.duration ? distributionText(s.duration) : undefined,
          effort: s.effort,
          emotion: s.emotion,
          momentOfTruth: s.momentOfTruth,
          asks: s.asks,
          wait: s.wait
            ? compact(
                {
                  duration: distributionText(s.wait.duration),
                  reason: s.wait.reason,
                  addsValue: s.wait.addsValue,
                },
                { addsValue: false },
              )
            : undefined,
          fail: s.fail
            ? compact(
                {
                  p: s.fail.p,
                  severity: s.fail.severity,
                  cause: s.fail.cause,
                  next: flowText(s.fail.next, segments),
                },
                { severity: 3 },
              )
            : undefined,
          backstage: s.backstage.map((a) =>
            compact({
              id: a.id,
              name: a.name,
              department: a.department,
              role: a.role,
              system: a.system,
              duration: a.duration ? distributionText(a.duration) : undefined,
              process: a.process,
              bpmn: a.bpmn,
              apqc: a.apqc,
              description: a.description,
            }),
          ),
          process: s.process,
          bpmn: s.bpmn,
          apqc: s.apqc,
          next: flowText(s.next, segments),
          description: s.description,
        },
        { momentOfTruth: false },
      ),
    ),
    ends: model.ends.map((e) =>
      compact({ id: e.id, name: e.name, outcome: e.outcome, description: e.description }),
    ),
    start: flowText(model.start, segments),
    scenarios: model.scenarios.map((s) =>
      compact({ id: s.id, name: s.name, description: s.description, changes: s.changes }),
    ),
  });
}
