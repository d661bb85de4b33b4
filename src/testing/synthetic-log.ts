/**
 * Synthetic event logs made to find where two event stores differ: equal times (ties broken by file
 * order), time zones, names that sort differently by bytes than by UTF-16, text needing escapes;
 * and, for a model discovered from a log, start and complete events, stages, resources, an
 * activity split over channels and contacts given up in the queue. The same every run.
 */

/** Deterministic numbers in [0, 1) (mulberry32), so that the synthetic log is the same every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Byte order and UTF-16 order differ for the emoji against U+FF5E; upper before lower case; escapes.
const ACTIVITIES = [
  'Anruf',
  'Ärger gemeldet',
  'zeta',
  'Zeta',
  '📞 call',
  '～ wave',
  'web visit',
  "it's done",
  'back\\slash',
  'tab\tinside',
  'line\nbreak',
];
const CHANNELS = ['phone', 'web', 'shop'];
const SEGMENTS = ['gold', 'basic'];
const NOTES = ['plain', 'tab\there', 'two\nlines', 'quote "x"', 'back\\n not a line', ''];

/** An instant written with one of several offsets (or none): the same instant may read differently. */
function timeText(ms: number, pick: number): string {
  const offsets = [0, 120, -300, 330];
  if (pick === 4) return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  const offset = offsets[pick] as number;
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset > 0 ? '+' : '-';
  const h = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const m = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${h}:${m}`;
}

const csvCell = (text: string) => (/[",\n\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `cases` customers; times on whole minutes so that many events of a case tie; rows shuffled a little. */
export function syntheticCsv(cases: number, seed: number, firstCase = 0): string {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
  const rows: string[] = [];
  for (let c = firstCase; c < firstCase + cases; c++) {
    let t = Date.UTC(2024, 2, 30, 22, 0) + Math.floor(next() * 600) * 60_000;
    const segment = next() < 0.1 ? '' : pick(SEGMENTS);
    const steps = 1 + Math.floor(next() * 7);
    const caseRows: string[] = [];
    for (let s = 0; s < steps; s++) {
      // One step in three at the very same instant as the one before (a tie to break by file order).
      if (next() > 0.33) t += Math.floor(next() * 90) * 60_000;
      caseRows.push(
        [`C${c}`, pick(ACTIVITIES), timeText(t, Math.floor(next() * 5)), pick(CHANNELS), segment, pick(NOTES)]
          .map(csvCell)
          .join(','),
      );
    }
    // Now and then a case's rows out of time order in the file.
    if (next() < 0.2) caseRows.reverse();
    rows.push(...caseRows);
  }
  return `case_id,activity,timestamp,channel,segment,note\n${rows.join('\n')}\n`;
}

/**
 * `cases` customers for a discovered model, over two weeks, times to the second (some equal):
 * browsing on the web, asking on the phone or in the chat (each channel a step of its own, a
 * contact with a resource, now and then given up in the queue: `outcome: abandoned`), ordering
 * with start and complete events (lifecycles in any letter case, some completes
 * missing), and a `stage` column with quotes, backslashes and non-ASCII (some empty).
 */
export function modelFeaturesCsv(cases: number, seed: number): string {
  const next = random(seed);
  const rows: string[] = [];
  const stages: Record<string, string> = {
    Browse: 'Looking "around"',
    Ask: 'Ärger \\ Fragen',
    Order: 'Order',
  };
  for (let c = 0; c < cases; c++) {
    let t = Date.UTC(2024, 0, 1) + Math.floor(next() * 14 * 86400) * 1000;
    const segment = ['gold', 'basic', ''][Math.floor(next() * 3)] as string;
    const event = (activity: string, lifecycle: string, channel: string, resource = '', outcome = '') => {
      const stage = next() < 0.1 ? '' : (stages[activity] as string);
      const cells = [`F${c}`, activity, timeText(t, Math.floor(next() * 5)), lifecycle, channel, segment];
      rows.push([...cells, resource, stage, outcome].map(csvCell).join(','));
      if (next() > 0.2) t += Math.floor(1 + next() * 3600) * 1000;
    };
    event('Browse', next() < 0.1 ? 'START' : 'complete', 'web');
    const asks = Math.floor(next() * 3);
    for (let a = 0; a < asks; a++) {
      const givenUp = a === asks - 1 && next() < 0.3;
      event(
        'Ask',
        'Complete',
        next() < 0.7 ? 'phone' : 'chat',
        givenUp ? '' : 'agent',
        givenUp ? 'abandoned' : 'answered',
      );
      if (givenUp) break;
    }
    if (next() < 0.6) {
      event('Order', 'start', 'web');
      if (next() < 0.9) event('Order', 'complete', 'web', 'shop');
    }
  }
  return `case_id,activity,timestamp,lifecycle,channel,segment,resource,stage,outcome\n${rows.join('\n')}\n`;
}
