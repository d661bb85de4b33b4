/**
 * A segment or channel a discovery was asked for that the log does not have: said, not answered
 * with a graph of no events (`--segment nope` answered "0 events" with exit 0).
 */
import { didYouMean } from '../model/suggest.js';

export interface LogSlice {
  segment?: string | undefined;
  channel?: string | undefined;
}

/** What is wrong with the slice asked for, and how to fix it; undefined when the log has it. */
export function unknownSlice(
  log: string,
  known: { segments: string[]; channels: string[] },
  slice: LogSlice,
): { message: string; hint: string } | undefined {
  for (const [kind, given, values] of [
    ['segment', slice.segment, known.segments],
    ['channel', slice.channel, known.channels],
  ] as const) {
    if (given === undefined || values.includes(given)) continue;
    return {
      message: `the log '${log}' has no ${kind} '${given}'`,
      hint: values.length === 0 ? `its events name no ${kind}` : didYouMean(given, values, `${kind}s`),
    };
  }
  return undefined;
}
