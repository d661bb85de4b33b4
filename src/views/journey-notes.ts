/**
 * What the journey map says at each step of the path, row by row: the customer's action, who
 * serves them and on which channel, how many of the segment reach the step, effort, waits,
 * pain points and the analysis's findings as opportunities. Plain text, in names (never ids);
 * the layout wraps it.
 */
import type { PathLink } from '../analysis/likely-path.js';
import { meanOf } from '../model/distribution.js';
import type { Model, Step } from '../model/model.js';
import { formatDuration } from '../model/units.js';
import { grouped } from '../text/grouped.js';
import { percent } from '../text/percent.js';
import { badgesOf } from './customer-lanes.js';
import type { Badge, BoxKind, LaneGroup } from './diagram.js';

/** One step of the path as the customer meets it. */
export interface Visit {
  step: Step;
  /** Position on the path, from 0. */
  index: number;
  /** The move on from this step: to the next step, or into the end. */
  onward?: PathLink;
  /** Probability that a customer of the segment ever reaches the step. */
  reach: number;
}

/** A box's content: paragraphs wrapped one after another. */
export interface Note {
  paragraphs: string[];
  caption?: string;
  badges?: Badge[];
  /** A share in [0, 1] drawn as a bar under the text (reach). */
  bar?: number;
  /** The full meaning, for the tooltip, when the paragraphs abbreviate it. */
  title?: string;
}

export interface Row {
  id: string;
  label: string;
  group: LaneGroup;
  kind: BoxKind;
  notes: (visit: Visit) => Note[];
}

/** A finding as the journey map shows it: its rank in the analysis, and the path positions it concerns. */
export interface Opportunity {
  rank: number;
  severity: string;
  title: string;
  because: string;
  /** Path positions (from 0) of the steps it concerns. */
  at: number[];
  /** About a department or system behind many steps, rather than about a step. */
  organization: boolean;
}

const EFFORT = ['', 'effortless', 'easy', 'some effort', 'hard', 'very hard'];
/** Findings shown under one step; the rest are counted, and the analysis lists them all. */
export const OPPORTUNITIES_PER_STEP = 3;

/** Customers per 1,000 as a board reads them: whole numbers, one decimal under 10. */
export const perThousandText = (p: number) => {
  const x = p * 1000;
  return x >= 10 || x === 0 ? grouped(Math.round(x)) : x.toFixed(1);
};

export function journeyRows(model: Model, opportunities: readonly Opportunity[], steps: number): Row[] {
  const who = servers(model);
  const channels = new Map(model.channels.map((c) => [c.id, c.name]));
  return [
    {
      id: 'actions',
      label: 'Customer actions',
      group: 'customer',
      kind: 'step',
      notes: (v) => [
        { paragraphs: [v.step.name], caption: `step ${v.index + 1} of ${steps}`, badges: badgesOf(v.step) },
      ],
    },
    {
      id: 'touchpoints',
      label: 'Touchpoints (who serves)',
      group: 'frontstage',
      kind: 'touchpoint',
      notes: (v) => [{ paragraphs: who(v.step) }],
    },
    {
      id: 'channels',
      label: 'Channels',
      group: 'frontstage',
      kind: 'channel',
      notes: (v) => [
        {
          paragraphs: [
            v.step.channel ? (channels.get(v.step.channel) ?? v.step.channel) : 'No channel given',
          ],
        },
      ],
    },
    {
      id: 'reach',
      label: 'Customers per 1,000 arrivals who reach it',
      group: 'measure',
      kind: 'figure',
      notes: (v) => [
        {
          paragraphs: [`${perThousandText(v.reach)} of 1,000`],
          bar: v.reach,
          title: `${Number((v.reach * 1000).toFixed(1))} of every 1,000 customers of the segment who arrive reach this step at least once`,
        },
      ],
    },
    {
      id: 'effort',
      label: 'Effort (1 to 5)',
      group: 'measure',
      kind: 'figure',
      notes: (v) => [
        {
          paragraphs: [
            v.step.effort === undefined ? 'Not rated' : `${v.step.effort} of 5: ${EFFORT[v.step.effort]}`,
          ],
        },
      ],
    },
    {
      id: 'waits',
      label: 'Waits',
      group: 'measure',
      kind: 'figure',
      notes: (v) => [{ paragraphs: waitOf(model, v.step) }],
    },
    { id: 'emotion', label: 'Emotion (-2 to +2)', group: 'emotion', kind: 'figure', notes: () => [] },
    { id: 'pain', label: 'Pain points', group: 'pain', kind: 'pain', notes: painPoints },
    {
      id: 'opportunities',
      label: 'Opportunities (findings of the analysis)',
      group: 'opportunity',
      kind: 'opportunity',
      notes: (v) => opportunityNotes(opportunities, v.index),
    },
  ];
}

/** Who serves a step, in names: the touchpoint, the pool or role, the system. */
function servers(model: Model): (step: Step) => string[] {
  const roles = new Map(
    model.organization.departments.flatMap((d) => d.roles.map((r) => [r.id, r.name] as const)),
  );
  const pools = new Map(model.resources.map((r) => [r.id, r.name]));
  const systems = new Map(model.organization.systems.map((s) => [s.id, s.name]));
  return (step) => {
    const person = step.pool ? pools.get(step.pool) : step.role ? roles.get(step.role) : undefined;
    const system = step.system ? systems.get(step.system) : undefined;
    const lines = [
      ...(step.touchpoint ? [step.touchpoint] : []),
      ...(person ? [`Served by ${person}`] : []),
      ...(system ? [`Via ${system}`] : []),
    ];
    return lines.length > 0 ? lines : ['Self-service: nobody serves this step'];
  };
}

function waitOf(model: Model, step: Step): string[] {
  if (step.wait) {
    const mean = formatDuration(meanOf(step.wait.duration));
    return [
      `${step.wait.addsValue ? 'Waits' : 'Idle wait of'} ${mean}`,
      ...(step.wait.reason ? [step.wait.reason] : []),
    ];
  }
  const pool = step.pool ? model.resources.find((r) => r.id === step.pool) : undefined;
  if (pool) return [`Queues for ${pool.name}`, 'a simulation tells how long'];
  return ['No wait'];
}

function painPoints(v: Visit): Note[] {
  const notes: Note[] = [];
  const { step } = v;
  if (step.fail && step.fail.p > 0) {
    const met = (v.onward?.failure ?? 0) > 0 && (v.onward?.failure ?? 0) >= (v.onward?.p ?? 0) / 2;
    notes.push({
      paragraphs: [
        `Fails for ${percent(step.fail.p)} (severity ${step.fail.severity} of 5)${step.fail.cause ? `: ${step.fail.cause}` : ''}`,
        ...(met ? ['On this path the customer meets this failure'] : []),
      ],
    });
  }
  if (step.wait && !step.wait.addsValue)
    notes.push({
      paragraphs: [
        `Idle wait: ${formatDuration(meanOf(step.wait.duration))} that adds nothing for the customer${step.wait.reason ? ` (${step.wait.reason})` : ''}`,
      ],
    });
  if ((step.effort ?? 0) >= 4) notes.push({ paragraphs: [`High effort: ${step.effort} of 5`] });
  return notes;
}

const headline = (o: Opportunity) =>
  `${o.rank}. ${o.severity[0]?.toUpperCase()}${o.severity.slice(1)}: ${o.title}`;
const stepList = (at: readonly number[]) =>
  `step${at.length > 1 ? 's' : ''} ${at.map((i) => i + 1).join(', ')}`;

/** Findings about the organization behind the path, one paragraph each with the steps they concern. */
export function behindSteps(opportunities: readonly Opportunity[]): string[] {
  return opportunities.map((o) => `${headline(o)} (${stepList(o.at)})`);
}

function opportunityNotes(opportunities: readonly Opportunity[], index: number): Note[] {
  const here = opportunities.filter((o) => o.at[0] === index);
  const notes: Note[] = here.slice(0, OPPORTUNITIES_PER_STEP).map((o) => {
    const others = o.at.slice(1);
    return {
      paragraphs: [headline(o), ...(others.length > 0 ? [`Also ${stepList(others)}`] : [])],
      title: `${o.title}\n${o.because}`,
    };
  });
  const more = here.length - OPPORTUNITIES_PER_STEP;
  if (more > 0)
    notes.push({ paragraphs: [`${more} more finding${more > 1 ? 's' : ''} here: see the analysis`] });
  return notes;
}
