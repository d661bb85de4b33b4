/**
 * BPSim 2.0 parameters from any tool's file, by element id: the first scenario (later ones are
 * named as not read), in its base time unit (BPSim's default is minutes). Durations come back as
 * linesight distributions in seconds; what linesight has no meaning for is named, not dropped.
 */
import type { Distribution } from '../../model/distribution.js';
import type { Element } from '../moddle.js';

export interface BpsimValues {
  processingTime?: Distribution;
  probability?: number;
  interTriggerTimer?: Distribution;
  quantity?: number;
}

export interface BpsimRead {
  byElement: Map<string, BpsimValues>;
  /** What the file's BPSim says that linesight does not read, one sentence each. */
  unmapped: string[];
}

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  min: 60,
  hour: 3600,
  day: 86400,
  year: 31536000,
};

/** ISO 8601 durations as BPSim's DurationParameter writes them ("PT5M", "P1DT2H"). */
export function isoSeconds(text: string): number | undefined {
  const m =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text.trim(),
    );
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return d * 86400 + h * 3600 + mi * 60 + s;
}

function scenariosOf(definitions: Element): Element[] {
  const out: Element[] = [];
  for (const rel of (definitions.relationships as Element[] | undefined) ?? []) {
    const values = ((rel.extensionElements as Element | undefined)?.values as Element[] | undefined) ?? [];
    for (const v of values)
      if (v.$type === 'bpsim:BPSimData') out.push(...((v.scenarios as Element[] | undefined) ?? []));
  }
  return out;
}

export function readBpsim(definitions: Element): BpsimRead {
  const byElement = new Map<string, BpsimValues>();
  const unmapped: string[] = [];
  const [scenario, ...others] = scenariosOf(definitions);
  for (const o of others)
    unmapped.push(`BPSim scenario '${String(o.name ?? o.id)}' is not read: only the first one is`);
  if (!scenario) return { byElement, unmapped };
  const parameters = scenario.ScenarioParameters as Element | undefined;
  const unitName = String(parameters?.baseTimeUnit ?? 'min');
  const unit = UNIT_SECONDS[unitName] ?? 60;
  if (!(unitName in UNIT_SECONDS))
    unmapped.push(`BPSim base time unit '${unitName}' is unknown; minutes are assumed`);

  for (const ep of (scenario.elementParameters as Element[] | undefined) ?? []) {
    const ref = String(ep.elementRef ?? '');
    if (!ref) continue;
    const where = `BPSim parameters of '${ref}'`;
    const values: BpsimValues = byElement.get(ref) ?? {};
    const parameterOf = (group: string, name: string) =>
      ((ep[group] as Element | undefined)?.[name] as Element | undefined)?.values as Element[] | undefined;
    const time = (group: string, name: string) => {
      const v = parameterOf(group, name)?.[0];
      if (!v) return undefined;
      const d = distribution(v, unit);
      if (typeof d === 'string') unmapped.push(`${where}: ${name} ${d}`);
      return typeof d === 'string' ? undefined : d;
    };
    const processing = time('TimeParameters', 'ProcessingTime');
    if (processing) values.processingTime = processing;
    const timer = time('ControlParameters', 'InterTriggerTimer');
    if (timer) values.interTriggerTimer = timer;
    const p = number(parameterOf('ControlParameters', 'Probability')?.[0]);
    // Some tools write percentages; a probability is at most 1.
    if (p !== undefined) values.probability = p > 1 && p <= 100 ? p / 100 : p;
    const q = number(parameterOf('ResourceParameters', 'Quantity')?.[0]);
    if (q !== undefined) values.quantity = q;
    for (const group of ['TimeParameters', 'ControlParameters', 'ResourceParameters']) {
      const g = ep[group] as Element | undefined;
      for (const key of Object.keys(g ?? {}))
        if (
          !key.startsWith('$') &&
          !['ProcessingTime', 'InterTriggerTimer', 'Probability', 'Quantity'].includes(key)
        )
          unmapped.push(`${where}: ${key} is not read`);
    }
    byElement.set(ref, values);
  }
  return { byElement, unmapped };
}

function number(v: Element | undefined): number | undefined {
  if (!v || !['bpsim:FloatingParameter', 'bpsim:NumericParameter'].includes(v.$type)) return undefined;
  const n = Number(v.value);
  return Number.isFinite(n) ? n : undefined;
}

/** A BPSim value as a distribution of seconds, or why it is not one linesight has. */
function distribution(v: Element, unit: number): Distribution | string {
  const n = (name: string) => Number(v[name]) * unit;
  switch (v.$type) {
    case 'bpsim:FloatingParameter':
    case 'bpsim:NumericParameter':
      return { kind: 'fixed', value: Number(v.value) * unit };
    case 'bpsim:DurationParameter': {
      const s = isoSeconds(String(v.value ?? ''));
      return s === undefined
        ? `'${String(v.value)}' is not an ISO 8601 duration`
        : { kind: 'fixed', value: s };
    }
    case 'bpsim:NegativeExponentialDistribution':
      return { kind: 'exponential', mean: n('mean') };
    case 'bpsim:NormalDistribution':
      return {
        kind: 'normal',
        mean: n('mean'),
        sd: n('standardDeviation'),
        min: 0,
        max: Number.POSITIVE_INFINITY,
      };
    case 'bpsim:TruncatedNormalDistribution':
      return { kind: 'normal', mean: n('mean'), sd: n('standardDeviation'), min: n('min'), max: n('max') };
    case 'bpsim:LogNormalDistribution':
      return { kind: 'lognormal', mean: n('mean'), sd: n('standardDeviation') };
    case 'bpsim:GammaDistribution': {
      const shape = Number(v.shape);
      return { kind: 'gamma', mean: shape * n('scale'), sd: Math.sqrt(shape) * n('scale') };
    }
    case 'bpsim:ErlangDistribution': {
      const k = Number(v.k);
      return { kind: 'gamma', mean: n('mean'), sd: n('mean') / Math.sqrt(k) };
    }
    case 'bpsim:UniformDistribution':
      return { kind: 'uniform', min: n('min'), max: n('max') };
    case 'bpsim:TriangularDistribution':
      return { kind: 'triangular', min: n('min'), mode: n('mode'), max: n('max') };
    case 'bpsim:UserDistribution': {
      const points = (v.points as Element[] | undefined) ?? [];
      const values = points.map((p) => Number((p.value as Element | undefined)?.value) * unit);
      if (!points.length || values.some((x) => !Number.isFinite(x))) return 'has points that are not numbers';
      return { kind: 'empirical', values, weights: points.map((p) => Number(p.probability)) };
    }
    default:
      return `${v.$type.replace('bpsim:', '')} has no linesight equivalent; it is not read`;
  }
}
