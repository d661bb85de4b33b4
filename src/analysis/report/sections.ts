/**
 * The content of the reports as headed tables and findings, independent of format: the text,
 * Markdown and HTML writers only lay these out.
 */
import type { Model } from '../../model/model.js';
import { formatDuration } from '../../model/units.js';
import { aheadText } from '../ahead-text.js';
import type { Analysis } from '../analyze.js';
import type { Comparison } from '../compare.js';
import type { ScenarioDiff } from '../diff.js';
import { pct } from '../finding.js';
import { journeyMetricCatalog, STAGE_METRICS } from '../metric-catalog.js';
import { queueSections } from './queue-sections.js';
import type { Section } from './table.js';

export function analysisSections(model: Model, a: Analysis): Section[] {
  const catalog = journeyMetricCatalog(model.ends);
  const segments = a.metrics.segments;
  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  const showOverall = segments.length > 1;
  const journey: Section = {
    title: 'The journey, per customer (exact, without queues)',
    intro:
      a.queues.pools.length > 0
        ? "Expected values for one customer entering the journey, exact for the model as written: no time in the pools' queues and no one giving up there (the next sections add them, approximately)."
        : 'Expected values for one customer entering the journey, exact for the model as written.',
    headers: [
      'Metric',
      ...(showOverall ? ['All customers'] : []),
      ...segments.map((s) => names.get(s.segment) ?? s.segment),
    ],
    rows: catalog.map((def) => [
      def.label,
      ...(showOverall ? [show(def.get(a.metrics.overall), def.format)] : []),
      ...segments.map((s) => show(def.get(s), def.format)),
    ]),
  };
  const stages: Section = {
    title: 'Stage by stage',
    headers: ['Stage', ...STAGE_METRICS.map((m) => m.label)],
    rows: model.stages.map((s) => {
      const m = a.metrics.overall.byStage[s.id];
      return [s.name, ...STAGE_METRICS.map((def) => (m ? def.format(def.get(m) ?? 0) : '-'))];
    }),
  };
  const sight: Section = {
    title: "Each department's line of sight",
    intro: 'Distance: hand-offs between the customer and the department (0: it serves the customer itself).',
    headers: [
      'Department',
      'Visibility',
      'Touchpoints',
      'Serves directly',
      'Distance',
      'Reach /1000',
      'Failures felt /1000',
    ],
    rows: a.lineOfSight.map((s) => [
      s.name,
      s.visibility,
      s.touchpoints.length,
      s.serves.length,
      s.distance ?? '-',
      s.reachPer1000,
      s.failuresPer1000,
    ]),
  };
  const cover: Section = {
    title: 'Coverage by internal processes',
    headers: ['What', 'Linked', 'Of'],
    rows: [
      ['Touchpoints with an owning process', a.coverage.owned, a.coverage.touchpoints],
      [
        'Backstage activities with a BPMN or APQC link',
        a.coverage.activities - a.coverage.unlinkedActivities.length,
        a.coverage.activities,
      ],
    ],
  };
  return [journey, ...queueSections(model, a), stages, sight, cover];
}

export function diffSections(d: ScenarioDiff): Section[] {
  const change = (c: ScenarioDiff['metrics'][number]) => c.changeText;
  return [
    {
      title: `What '${d.scenario.name}' changes (exact, without queues)`,
      headers: ['Metric', 'Baseline', 'Scenario', 'Change', 'For the customer'],
      rows: d.metrics.map((c) => [c.label, c.baseText, c.scenarioText, change(c), c.verdict]),
    },
    ...(d.queues
      ? [
          {
            title: 'With the queues (approximate)',
            intro:
              'The journey with the waits and abandonment of the queues, and each pool, by the queueing formulas (see analyze); simulate for firm figures.',
            headers: ['', 'Metric', 'Baseline', 'Scenario', 'Change', 'For the customer'],
            rows: [
              ...d.queues.metrics.map((c) => [
                'Journey',
                c.label,
                c.baseText,
                c.scenarioText,
                change(c),
                c.verdict,
              ]),
              ...d.queues.pools.flatMap((p) =>
                p.metrics.map((c) => [p.name, c.label, c.baseText, c.scenarioText, change(c), c.verdict]),
              ),
            ],
          },
        ]
      : []),
    {
      title: 'Stage by stage',
      headers: ['Stage', 'Metric', 'Baseline', 'Scenario', 'Change', 'For the customer'],
      rows: d.stages.flatMap((s) =>
        s.metrics
          .filter((c) => c.verdict !== 'same')
          .map((c) => [s.name, c.label, c.baseText, c.scenarioText, change(c), c.verdict]),
      ),
    },
    {
      title: 'Findings',
      headers: ['', 'Finding'],
      rows: [...d.removed.map((f) => ['gone', f.title]), ...d.added.map((f) => ['new', f.title])],
    },
  ];
}

export function comparisonSections(c: Comparison): Section[] {
  const them = c.theirs.competitor ?? c.theirs.name;
  const names = (ids: string[]) =>
    ids.map((id) => c.stages.find((s) => s.stage === id)?.name ?? id).join(', ');
  return [
    {
      title: `Us against ${them}, stage by stage`,
      intro: `Per customer, exact. "Behind by" is how much more the customer has of it with us.${c.stages.some((s) => s.inOurs && s.inTheirs) ? '' : ` The two journeys share no stage, so no stage is compared: give the stages that match the same ids.`}`,
      headers: ['Stage', 'Metric', 'Us', them, 'Ahead', 'Behind by'],
      rows: c.stages.flatMap((s) =>
        s.metrics.map((m) => [
          s.name,
          m.label,
          s.inOurs ? m.oursText : '-',
          s.inTheirs ? m.theirsText : '-',
          !s.inOurs ? 'not in our journey' : !s.inTheirs ? `not in ${them}'s` : aheadText(m.ahead, them),
          s.inOurs && s.inTheirs ? gap(m) : '',
        ]),
      ),
    },
    {
      title: 'The whole journey',
      headers: ['Metric', 'Us', them, 'Ahead', 'Behind by'],
      rows: c.overall.map((m) => [m.label, m.oursText, m.theirsText, aheadText(m.ahead, them), gap(m)]),
    },
    {
      title: 'Who leads where',
      headers: ['', 'Stages'],
      rows: [
        ['We lead', names(c.stagesWeLead) || '-'],
        [`${them} leads`, names(c.stagesTheyLead) || '-'],
        ...(c.onlyOurs.length > 0 ? [['Only in our journey', names(c.onlyOurs)]] : []),
        ...(c.onlyTheirs.length > 0 ? [[`Only in ${them}'s`, names(c.onlyTheirs)]] : []),
      ],
    },
  ];
}

function gap(m: Comparison['overall'][number]): string {
  if (m.ahead !== 'them') return '';
  const absolute = m.key === 'time' ? formatDuration(m.gap) : Number(m.gap.toFixed(3)).toString();
  return m.relativeGap === null ? absolute : `${absolute} (${pct(m.relativeGap)})`;
}

const show = (v: number | null, format: (x: number) => string) => (v === null ? '-' : format(v));
