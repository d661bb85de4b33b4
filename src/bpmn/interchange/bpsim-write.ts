/**
 * linesight's numbers as BPSim 2.0: one scenario whose element parameters give durations
 * (ProcessingTime), branch and failure probabilities (Probability), arrivals (InterTriggerTimer)
 * and pool sizes (Quantity), in minutes. A relationship of type "BPSimData" carries it, as the
 * standard prescribes.
 */
import type { Distribution } from '../../model/distribution.js';
import type { Element, Moddle } from '../moddle.js';

export const BASE_TIME_UNIT = 'min';
const UNIT_SECONDS = 60;

export interface SimParameters {
  elementRef: string;
  processingTime?: Distribution;
  probability?: number;
  interTriggerTimer?: Distribution;
  quantity?: number;
}

const inUnit = (seconds: number) => Number((seconds / UNIT_SECONDS).toPrecision(12));

/** A distribution of seconds as the BPSim parameter value in minutes. */
export function bpsimValue(moddle: Moddle, d: Distribution): Element {
  const t = inUnit;
  switch (d.kind) {
    case 'fixed':
      return moddle.create('bpsim:FloatingParameter', { value: t(d.value) });
    case 'exponential':
      return moddle.create('bpsim:NegativeExponentialDistribution', { mean: t(d.mean) });
    case 'lognormal':
      return moddle.create('bpsim:LogNormalDistribution', { mean: t(d.mean), standardDeviation: t(d.sd) });
    case 'gamma':
      return moddle.create('bpsim:GammaDistribution', {
        shape: Number(((d.mean / d.sd) ** 2).toPrecision(12)),
        scale: t((d.sd * d.sd) / d.mean),
      });
    case 'normal':
      // linesight cuts a normal at 0 by default; BPSim's plain normal is the nearest a tool reads.
      return d.min === 0 && !Number.isFinite(d.max)
        ? moddle.create('bpsim:NormalDistribution', { mean: t(d.mean), standardDeviation: t(d.sd) })
        : moddle.create('bpsim:TruncatedNormalDistribution', {
            mean: t(d.mean),
            standardDeviation: t(d.sd),
            min: t(d.min),
            max: Number.isFinite(d.max) ? t(d.max) : t(d.mean + 100 * d.sd),
          });
    case 'uniform':
      return moddle.create('bpsim:UniformDistribution', { min: t(d.min), max: t(d.max) });
    case 'triangular':
      return moddle.create('bpsim:TriangularDistribution', { min: t(d.min), mode: t(d.mode), max: t(d.max) });
    case 'empirical': {
      const total = d.weights.reduce((a, b) => a + b, 0);
      return moddle.create('bpsim:UserDistribution', {
        discrete: true,
        points: d.values.map((v, i) =>
          moddle.create('bpsim:UserDistributionDataPoint', {
            probability: Number(((d.weights[i] ?? 0) / total).toPrecision(12)),
            value: moddle.create('bpsim:FloatingParameter', { value: t(v) }),
          }),
        ),
      });
    }
  }
}

const slot = (moddle: Moddle, type: string, value: Element) =>
  moddle.create(`bpsim:${type}`, { values: [value] });

function elementParameters(moddle: Moddle, p: SimParameters): Element {
  const attrs: Record<string, unknown> = { elementRef: p.elementRef };
  if (p.processingTime)
    attrs.TimeParameters = moddle.create('bpsim:TimeParameters', {
      ProcessingTime: slot(moddle, 'ProcessingTime', bpsimValue(moddle, p.processingTime)),
    });
  const control: Record<string, Element> = {};
  if (p.interTriggerTimer)
    control.InterTriggerTimer = slot(moddle, 'InterTriggerTimer', bpsimValue(moddle, p.interTriggerTimer));
  if (p.probability !== undefined)
    control.Probability = slot(
      moddle,
      'Probability',
      moddle.create('bpsim:FloatingParameter', { value: Number(p.probability.toPrecision(12)) }),
    );
  if (Object.keys(control).length)
    attrs.ControlParameters = moddle.create('bpsim:ControlParameters', control);
  if (p.quantity !== undefined)
    attrs.ResourceParameters = moddle.create('bpsim:ResourceParameters', {
      Quantity: slot(moddle, 'Quantity', moddle.create('bpsim:NumericParameter', { value: p.quantity })),
    });
  return moddle.create('bpsim:ElementParameters', attrs);
}

/** The relationship that carries the scenario; `definitions` is its source and target, as BPSim asks. */
export function bpsimRelationship(
  moddle: Moddle,
  definitions: Element,
  scenario: { id: string; name: string },
  parameters: SimParameters[],
): Element {
  const data = moddle.create('bpsim:BPSimData', {
    scenarios: [
      moddle.create('bpsim:Scenario', {
        id: scenario.id,
        name: scenario.name,
        author: 'linesight',
        ScenarioParameters: moddle.create('bpsim:ScenarioParameters', {
          replication: 1,
          baseTimeUnit: BASE_TIME_UNIT,
          // A week: arrivals follow a weekly profile, so shorter runs miss the quiet days.
          Duration: slot(moddle, 'Duration', moddle.create('bpsim:DurationParameter', { value: 'P7D' })),
        }),
        elementParameters: parameters.map((p) => elementParameters(moddle, p)),
      }),
    ],
  });
  return moddle.create('bpmn:Relationship', {
    id: `${String(definitions.id)}_BPSim`,
    type: 'BPSimData',
    source: [definitions],
    target: [definitions],
    extensionElements: moddle.create('bpmn:ExtensionElements', { values: [data] }),
  });
}
