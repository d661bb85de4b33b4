/**
 * The BPSim 2.0 vocabulary (http://www.bpsim.org/schemas/2.0) as a moddle package, so that
 * bpmn-moddle reads any tool's `bpsim:BPSimData` into typed elements and writes linesight's. It
 * covers the parts of the standard a journey simulation has a meaning for: scenario parameters,
 * time, control and resource parameters, and every distribution the standard names.
 */

const attr = (name: string, type = 'String') => ({ name, type, isAttr: true });
// moddle names an element by its type: each parameter slot is a type of its own, a Parameter.
const SLOTS = {
  ScenarioParameters: ['Start', 'Duration', 'Warmup'],
  TimeParameters: [
    'TransferTime',
    'QueueTime',
    'WaitTime',
    'SetupTime',
    'ProcessingTime',
    'ValidationTime',
    'ReworkTime',
  ],
  ControlParameters: ['InterTriggerTimer', 'TriggerCount', 'Probability', 'Condition'],
  ResourceParameters: ['Availability', 'Quantity', 'Selection', 'Role'],
};
const parameterSlots = (names: string[]) => names.map((name) => ({ name, type: name }));

/** The standard's distributions with their attributes; all numbers are in the scenario's base time unit. */
export const BPSIM_DISTRIBUTIONS: Record<string, string[]> = {
  BetaDistribution: ['shape', 'scale'],
  BinomialDistribution: ['probability', 'trials'],
  ErlangDistribution: ['mean', 'k'],
  GammaDistribution: ['shape', 'scale'],
  LogNormalDistribution: ['mean', 'standardDeviation'],
  NegativeExponentialDistribution: ['mean'],
  NormalDistribution: ['mean', 'standardDeviation'],
  PoissonDistribution: ['mean'],
  TriangularDistribution: ['min', 'mode', 'max'],
  TruncatedNormalDistribution: ['mean', 'standardDeviation', 'min', 'max'],
  UniformDistribution: ['min', 'max'],
  WeibullDistribution: ['shape', 'scale'],
};

const constants: Record<string, string> = {
  FloatingParameter: 'Real',
  NumericParameter: 'Integer',
  BooleanParameter: 'Boolean',
  StringParameter: 'String',
  DurationParameter: 'String',
  DateTimeParameter: 'String',
};

export const bpsimDescriptor = {
  name: 'BPSim',
  uri: 'http://www.bpsim.org/schemas/2.0',
  prefix: 'bpsim',
  types: [
    {
      name: 'BPSimData',
      superClass: ['Element'],
      properties: [{ name: 'scenarios', type: 'Scenario', isMany: true }],
    },
    {
      name: 'Scenario',
      properties: [
        attr('id'),
        attr('name'),
        attr('description'),
        attr('author'),
        attr('vendor'),
        attr('version'),
        attr('inherits'),
        { name: 'ScenarioParameters', type: 'ScenarioParameters' },
        { name: 'elementParameters', type: 'ElementParameters', isMany: true },
      ],
    },
    {
      name: 'ScenarioParameters',
      properties: [
        attr('replication', 'Integer'),
        attr('seed', 'Integer'),
        attr('baseTimeUnit'),
        attr('baseCurrencyUnit'),
        ...parameterSlots(SLOTS.ScenarioParameters),
      ],
    },
    {
      name: 'ElementParameters',
      properties: [
        attr('id'),
        attr('elementRef'),
        { name: 'TimeParameters', type: 'TimeParameters' },
        { name: 'ControlParameters', type: 'ControlParameters' },
        { name: 'ResourceParameters', type: 'ResourceParameters' },
      ],
    },
    {
      name: 'TimeParameters',
      properties: parameterSlots(SLOTS.TimeParameters),
    },
    {
      name: 'ControlParameters',
      properties: parameterSlots(SLOTS.ControlParameters),
    },
    {
      name: 'ResourceParameters',
      properties: parameterSlots(SLOTS.ResourceParameters),
    },
    {
      name: 'Parameter',
      properties: [attr('value'), { name: 'values', type: 'ParameterValue', isMany: true }],
    },
    ...Object.values(SLOTS)
      .flat()
      .map((name) => ({ name, superClass: ['Parameter'] })),
    {
      name: 'ParameterValue',
      isAbstract: true,
      properties: [attr('instance'), attr('result'), attr('validFor')],
    },
    ...Object.entries(constants).map(([name, type]) => ({
      name,
      superClass: ['ParameterValue'],
      properties: [attr('value', type), attr('timeUnit')],
    })),
    ...Object.entries(BPSIM_DISTRIBUTIONS).map(([name, attrs]) => ({
      name,
      superClass: ['ParameterValue'],
      properties: attrs.map((a) => attr(a, 'Real')),
    })),
    {
      name: 'UserDistribution',
      superClass: ['ParameterValue'],
      properties: [
        attr('discrete', 'Boolean'),
        { name: 'points', type: 'UserDistributionDataPoint', isMany: true },
      ],
    },
    {
      name: 'UserDistributionDataPoint',
      properties: [attr('probability', 'Real'), { name: 'value', type: 'ParameterValue' }],
    },
  ],
};
