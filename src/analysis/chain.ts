/** An absorbing Markov chain as markov.ts solves it: transient and absorbing states, the moves between them, where it starts. */
export interface Transition {
  from: number;
  /** A transient state index, or -1 - k for absorbing state k. */
  to: number;
  p: number;
}

export interface Chain {
  /** Number of transient states. */
  size: number;
  /** Number of absorbing states. */
  absorbing: number;
  transitions: Transition[];
  /** Start probabilities over transient states (index >= 0) and absorbing ones (-1 - k). */
  start: Transition[];
  /**
   * The moves of a chain whose factor likely holds every move of this one (the same journey
   * with some moves led to an end, or with other probabilities): its order and pattern are
   * reused when they do, which saves working them out again. Answers are the same either way.
   */
  like?: readonly Transition[];
}
