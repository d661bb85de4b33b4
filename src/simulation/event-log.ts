/**
 * An interaction log simulated from a model: one replication, every step each customer reaches,
 * as a CRM, contact-center or web log would record it (the customer, the step's name, when the
 * contact was made, its channel, the customer's segment, and "abandoned" where the customer gave
 * up in the queue). Mining tools can be tried on it, and calibration checked against the model
 * that made it.
 */
import type { Model } from '../model/model.js';
import { compileModel } from './compile.js';
import { runReplication } from './replication.js';

export interface EventLogOptions {
  /** Seconds of arrivals; customers who arrived before it finish their journeys. */
  horizon: number;
  seed: number;
  /** What time 0 is, in ms since the epoch (UTC); the simulator's week starts on a Monday. */
  start?: number;
}

export interface SimulatedEvent {
  customer: string;
  activity: string;
  timestamp: string;
  channel: string;
  segment: string;
  outcome: 'completed' | 'abandoned';
}

/** Monday 1 January 2024, 00:00 UTC. */
const MONDAY = Date.UTC(2024, 0, 1);

export function simulateEventLog(model: Model, options: EventLogOptions): SimulatedEvent[] {
  const compiled = compileModel(model);
  const start = options.start ?? MONDAY;
  const visits: { customer: number; segment: number; step: number; at: number; abandoned: boolean }[] = [];
  runReplication(compiled, {
    horizon: options.horizon,
    warmup: 0,
    seed: options.seed,
    replication: 0,
    trace: (customer, segment, step, at, abandoned) =>
      visits.push({ customer, segment, step, at, abandoned }),
  });
  // Visits are told when they end; a log lists each customer's contacts in the order they were made.
  visits.sort((a, b) => a.customer - b.customer || a.at - b.at);
  const width = String(Math.max(1, visits.length)).length;
  return visits.map((v) => {
    const step = model.steps[v.step];
    return {
      customer: `C${String(v.customer).padStart(width, '0')}`,
      activity: step?.name ?? '',
      timestamp: new Date(start + Math.round(v.at * 1000)).toISOString(),
      channel: step?.channel ?? '',
      segment: compiled.segmentIds[v.segment] ?? '',
      outcome: v.abandoned ? 'abandoned' : 'completed',
    };
  });
}

const cell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The log as CSV with a header row, as `linesight log import` reads it. */
export function eventLogCsv(events: SimulatedEvent[]): string {
  const columns = ['customer', 'activity', 'timestamp', 'channel', 'segment', 'outcome'] as const;
  return `${[columns.join(','), ...events.map((e) => columns.map((k) => cell(e[k])).join(','))].join('\n')}\n`;
}
