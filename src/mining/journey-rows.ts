/**
 * What a journey model is discovered from, as aggregated rows that either engine returns: the
 * events counted by activity and channel (with their lifecycle, stage and whether they name who
 * served them), and each customer's journey (their events in order: time, then file order) counted
 * as where it starts, its moves, and its visits with the times to the next event. The per-customer
 * work happens where the customer's events are (on ClickHouse, on the shard that holds them); the
 * rows are keyed by activity and channel, not by step, so that a store needs to know nothing of the
 * steps: journey-counts.ts makes steps of them and adds the rows up, in one fixed order. Sums are
 * whole numbers (microseconds), exact, so that their order does not change them.
 */

/** An activity on a channel (null for events naming none). */
export interface ActivityChannel {
  activity: string;
  channel: string | null;
}

/** How an event's lifecycle counts: a start, a complete, or anything else (none included). */
export type LifecycleKind = 'start' | 'complete' | 'other';

export interface EventGroup extends ActivityChannel {
  lifecycle: LifecycleKind;
  /** The `stage` attribute's value as text, null without one. */
  stage: string | null;
  /** The events name a resource (who served them). */
  served: boolean;
  n: number;
}

/** Customers whose journey starts at an activity and channel, with the segment of that first event. */
export interface StartGroup extends ActivityChannel {
  /** '' when the first event names none. */
  segment: string;
  n: number;
  /** Earliest and latest of their first events, microseconds UTC. */
  min: bigint;
  max: bigint;
}

/** Moves from an activity and channel to the next event's, or to the journey's end (next null). */
export interface MoveGroup extends ActivityChannel {
  /** The segment of the customer's first event ('' for none). */
  segment: string;
  next: ActivityChannel | null;
  /** A last event the log marks `outcome: abandoned`: the customer gave up in a queue. */
  gaveUp: boolean;
  n: number;
}

/**
 * Visits of an activity and channel: how many, how many an event follows, and the sums of the time
 * to the next event and of its square (microseconds, a last visit counting 0), and of the visits'
 * positions in their journeys (1 for a first event).
 */
export interface VisitGroup extends ActivityChannel {
  visits: number;
  followed: number;
  gapSum: bigint;
  gapSquares: bigint;
  positions: bigint;
}

/** Start-to-complete times of an activity (the n-th start of a customer with their n-th complete). */
export interface LifecycleGroup {
  activity: string;
  n: number;
  sum: bigint;
  squares: bigint;
}

/**
 * A log's rows, or a part's (a shard's: the rows of several parts together are the log's, as a
 * customer is on one part). With start and complete events (`journeyPaired`), the starts are in
 * `events` only: the journeys are made of the other events, and the pairs time the steps.
 */
export interface JourneyRows {
  events: EventGroup[];
  starts: StartGroup[];
  moves: MoveGroup[];
  visits: VisitGroup[];
  lifecycles: LifecycleGroup[];
}

export interface JourneyRowsSource {
  journeyRows(log: string): Promise<JourneyRows>;
}

/** Whether the log has both start and complete events: then the completes make the journeys. */
export const journeyPaired = (events: EventGroup[]) =>
  events.some((e) => e.lifecycle === 'start' && e.n > 0) &&
  events.some((e) => e.lifecycle === 'complete' && e.n > 0);

/** The parts' rows as one log's (the steps add them up: counts and sums add, spans widen). */
export function joinedJourneyRows(parts: JourneyRows[]): JourneyRows {
  return {
    events: parts.flatMap((p) => p.events),
    starts: parts.flatMap((p) => p.starts),
    moves: parts.flatMap((p) => p.moves),
    visits: parts.flatMap((p) => p.visits),
    lifecycles: parts.flatMap((p) => p.lifecycles),
  };
}
