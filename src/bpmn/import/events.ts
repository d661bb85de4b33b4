/**
 * Events on the customer's way: a timer caught before a step is the step's wait; an error or
 * escalation boundary event on a step is its fail point; other boundary events are more ways on.
 */
import type { Interchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import { UNNAMED_FAILURE } from '../unnamed-failure.js';
import { label, shown } from './labels.js';
import { nameWithoutProbability, probabilityInName } from './probabilities.js';

const definitions = (e: Element): Element[] => (e.eventDefinitions as Element[] | undefined) ?? [];
const hasDefinition = (e: Element, type: string) => definitions(e).some((d) => d.$type === type);

export const isTimerCatch = (e: Element): boolean =>
  e.$type === 'bpmn:IntermediateCatchEvent' && hasDefinition(e, 'bpmn:TimerEventDefinition');

/** An error or escalation on a step: the step went wrong. */
export const isFailBoundary = (e: Element): boolean =>
  e.$type === 'bpmn:BoundaryEvent' &&
  (hasDefinition(e, 'bpmn:ErrorEventDefinition') || hasDefinition(e, 'bpmn:EscalationEventDefinition'));

const FAILS: [string, string][] = [
  ['bpmn:ErrorEventDefinition', 'errorRef'],
  ['bpmn:EscalationEventDefinition', 'escalationRef'],
];

/** An end event that throws an error or escalation: the sub-process it ends went wrong. */
export const isFailEnd = (e: Element): boolean =>
  e.$type === 'bpmn:EndEvent' && FAILS.some(([type]) => hasDefinition(e, type));

/**
 * Whether a fail boundary event catches what a fail end throws: the same kind (error or
 * escalation), and the same error unless the boundary names none (it then catches them all).
 */
export function catches(boundary: Element, end: Element): boolean {
  return FAILS.some(([type, ref]) => {
    const caught = definitions(boundary).find((d) => d.$type === type);
    const thrown = definitions(end).find((d) => d.$type === type);
    return caught !== undefined && thrown !== undefined && (!caught[ref] || caught[ref] === thrown[ref]);
  });
}

/** The name of the error or escalation an event throws or catches, when the file gives one. */
export function failName(e: Element): string | undefined {
  for (const [type, ref] of FAILS) {
    const named = (definitions(e).find((d) => d.$type === type)?.[ref] as Element | undefined)?.name;
    if (typeof named === 'string' && named.trim()) return named.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

const UNIT_SECONDS: [string, number][] = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
];

/** An ISO 8601 duration (PT2H, P3D, P1DT12H, PT90M) as a model duration ("2 h", "3 d", "36 h"); undefined for months, years or anything else. */
export function isoDuration(text: string): string | undefined {
  const m =
    /^\s*P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/i.exec(
      text,
    );
  if (!m?.slice(1).some((x) => x !== undefined)) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  const seconds = w * 604800 + d * 86400 + h * 3600 + min * 60 + s;
  if (seconds <= 0) return undefined;
  for (const [unit, size] of UNIT_SECONDS)
    if (Number.isInteger(seconds / size)) return `${seconds / size} ${unit}`;
  return `${seconds} s`;
}

/** The wait a timer catch event makes: its interchange duration, else its ISO 8601 timeDuration. */
export function timerWait(
  event: Element,
  interchange: Interchange,
  warn: (message: string) => void,
): Record<string, unknown> | undefined {
  const reason = label(event) === String(event.id) ? undefined : label(event);
  const withReason = (duration: unknown) => (reason ? { duration, reason } : { duration });
  const given = interchange.duration(String(event.id));
  if (given !== undefined) return withReason(given);
  const timer = definitions(event).find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const written = (timer?.timeDuration as Element | undefined)?.body;
  const duration = typeof written === 'string' ? isoDuration(written) : undefined;
  if (duration) return withReason(duration);
  warn(
    `timer '${shown(event)}' gives no duration${typeof written === 'string' ? ` ('${written.trim()}' is not an ISO 8601 duration such as PT2H or P3D)` : ''}: the wait before the step after it is left out`,
  );
  return undefined;
}

/** A fail point's probability: the interchange's, else its name's percentage, else 0.1 (said so). */
export function failProbability(
  boundary: Element,
  interchange: Interchange,
  warn: (message: string) => void,
): number {
  const given = interchange.probability(String(boundary.id)) ?? probabilityInName(boundary.name);
  if (given !== undefined) return given;
  warn(
    `the fail point${typeof boundary.name === 'string' && boundary.name.trim() ? ` '${shown(boundary)}'` : ''} on '${shown(boundary.attachedToRef as Element)}' gives no probability: the step fails with p 0.1`,
  );
  return 0.1;
}

/**
 * A fail point's cause: its name without the probability written in it ("Upload rejected (20%)"),
 * else the name of the error it catches; none for an unnamed event (never its id, which is no
 * cause a reader of the blueprint can use).
 */
export function failCause(boundary: Element, interchange: Interchange): string | undefined {
  const name = typeof boundary.name === 'string' ? label(boundary) : '';
  const said = interchange.element(String(boundary.id));
  if (name === UNNAMED_FAILURE && said.step !== undefined && said.cause === undefined) return undefined;
  return nameWithoutProbability(name) || name || failName(boundary);
}
