/**
 * The probability of each way out of a split, first that answers: the interchange's per-segment
 * shares (linesight's own exports), its probability (BPSim), a percentage or probability written
 * in the flow's name ("yes (85%)", "70%", "p=0.7", "0.7"), else an even share of what is left.
 * Conditions and default flows carry no number: they label the way, and the gateway is named.
 */

import { plural } from '../../text/plural.js';
import type { Share, WalkEdge } from '../gateway-walk.js';
import type { Interchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import { shown } from './labels.js';

const NUMBER_IN_NAME =
  /\(?\s*(\d+(?:[.,]\d+)?\s*%|\b(?:p|prob(?:ability)?)\s*[=:]\s*[01]?\.?\d*|^\s*0?\.\d+\s*$)\s*\)?/gi;

/** A probability written in a name: "yes (85%)", "70%", "p=0.7", "0.7"; undefined when none is. */
export function probabilityInName(name: unknown): number | undefined {
  if (typeof name !== 'string') return undefined;
  const percent = /(\d+(?:[.,]\d+)?)\s*%/.exec(name);
  if (percent) {
    const p = Number(percent[1]?.replace(',', '.')) / 100;
    return p <= 1 ? p : undefined;
  }
  const written =
    /\b(?:p|prob(?:ability)?)\s*[=:]\s*(0?\.\d+|[01](?:\.\d+)?)\b/i.exec(name) ??
    /^\s*(0?\.\d+|[01]\.\d+)\s*$/.exec(name);
  if (written) {
    const p = Number(written[1]);
    return p <= 1 ? p : undefined;
  }
  return undefined;
}

/** A name without the probability written in it: "yes (85%)" is "yes"; empty when it was only a number. */
export function nameWithoutProbability(name: string): string {
  return name.replace(NUMBER_IN_NAME, '').trim();
}

/** The text of a flow's condition, when it has one. */
export function conditionText(flow: Element | undefined): string | undefined {
  const body = (flow?.conditionExpression as Element | undefined)?.body;
  if (typeof body !== 'string') return undefined;
  const text = body.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function saidLabel(said: Record<string, unknown>, segment: string | undefined): string | undefined {
  const labels = said.labels as Record<string, string> | undefined;
  const own = segment === undefined ? undefined : labels?.[segment];
  return own ?? (typeof said.label === 'string' ? said.label : undefined);
}

export interface ShareTerms {
  interchange: Interchange;
  /** The segment whose shares are asked for, when the model has per-segment flows. */
  segment?: string;
  warnOnce(key: string, message: string): void;
}

/** The shares of a node's ways out (more than one), normalised to 1. */
export function branchShares(node: Element, edges: WalkEdge[], terms: ShareTerms): Share[] {
  const { interchange, segment } = terms;
  const known = edges.map(({ flow }) => {
    const id = flow?.id === undefined ? undefined : String(flow.id);
    if (id === undefined) return undefined;
    const shares = segment === undefined ? undefined : interchange.shares(id);
    // A flow written per segment that does not name this one: this segment never goes that way.
    const perSegment = shares && segment !== undefined ? (shares[segment] ?? 0) : undefined;
    return perSegment ?? interchange.probability(id) ?? probabilityInName(flow?.name);
  });
  const labels = edges.map(({ flow }) => {
    // linesight's exports name a flow by its probabilities and say the branch's label beside.
    const said = flow ? interchange.element(String(flow.id)) : {};
    if ('segments' in said || 'label' in said || 'labels' in said) return saidLabel(said, segment);
    // The number is the probability; the rest of the name ("yes" of "yes (85%)") is the label.
    const text = typeof flow?.name === 'string' ? nameWithoutProbability(flow.name) : '';
    const name = text === '' ? undefined : text;
    // After an event-based gateway the way is named by the event that decides it ("Reply by e-mail").
    const caught =
      node.$type === 'bpmn:EventBasedGateway' ? (flow?.targetRef as Element | undefined)?.name : undefined;
    return (
      name ??
      conditionText(flow) ??
      (node.default === flow && flow ? 'otherwise' : typeof caught === 'string' ? caught : undefined)
    );
  });
  const unknown = known.filter((p) => p === undefined).length;
  const conditioned = edges.filter(
    ({ flow }, i) => known[i] === undefined && (conditionText(flow) !== undefined || node.default === flow),
  );
  if (conditioned.length > 0)
    terms.warnOnce(
      `condition ${String(node.id)}`,
      `the ways out of '${shown(node)}' carry conditions, not probabilities (${conditioned
        .map(({ flow }) => `'${conditionText(flow) ?? 'default'}'`)
        .join(', ')}): they take an even share of what is left`,
    );
  else if (unknown === edges.length && node.$type === 'bpmn:EventBasedGateway')
    terms.warnOnce(
      `event ${String(node.id)}`,
      `event-based gateway '${shown(node)}': which event comes first is not in the file; each takes an even share`,
    );
  else if (unknown > 0)
    terms.warnOnce(
      `even ${String(node.id)}`,
      `the ways out of '${shown(node)}' carry no probabilities: they share evenly`,
    );
  const sum = known.reduce<number>((s, p) => s + (p ?? 0), 0);
  const rest = Math.max(0, 1 - sum);
  let ps = known.map((p) => p ?? (unknown > 0 ? rest / unknown : 0));
  if (unknown > 0 && rest < 1e-9) {
    // The numbered ways take everything: a way without a number would never be taken.
    const even = 1 / edges.length;
    const scale = sum > 0 ? (1 - unknown * even) / sum : 0;
    ps = known.map((p) => (p === undefined ? even : p * scale));
    terms.warnOnce(
      `rest ${String(node.id)}`,
      `the probabilities out of '${shown(node)}' add up to ${Number(sum.toFixed(4))} and leave nothing for its ${plural(unknown, 'way')} without one: each of those takes ${Number(even.toFixed(4))}, the others are scaled down`,
    );
  }
  const total = ps.reduce((s, p) => s + p, 0);
  if (Math.abs(total - 1) > 1e-9) {
    terms.warnOnce(
      `sum ${String(node.id)}`,
      `the probabilities out of '${shown(node)}' add up to ${Number(total.toFixed(4))}, not 1: they are scaled to 1`,
    );
    ps = total > 0 ? ps.map((p) => p / total) : ps.map(() => 1 / ps.length);
  }
  return ps.map((p, i) => (labels[i] === undefined ? { p } : { p, label: labels[i] }));
}
