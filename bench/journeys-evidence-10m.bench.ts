/**
 * Journey analytics with attributes at scale: a log of 10 million events from the seeded web and
 * contact-center generator (src/testing/contact-log.ts, seed 16: 1.6 million customers, product,
 * page, term, results and form attributes, inbound and outbound contacts) imported into a store on
 * disk, then `journeyAnalytics` in full: contacts classified, channel switching, repeats, activity
 * pairs, drivers by activity and by product, page and term, website signs. Goal: within 1.5 times
 * the 10 s the journeys took before attributes (15 s). For scale, the parts that existed before
 * (switching, repeats, activity pairs) are timed alone on the same store. Times and the peak memory
 * (max RSS, DuckDB included) are printed at the end. Run with `npm run bench` (slow: run it alone).
 * On a quiet two-core machine: the journeys in full 7.4 s (the parts before 2.6 s, peak memory
 * 3.2 GB), against 12.1 s (3.9 s, 3.7 GB) before each unit and class was grouped once and the
 * attribute texts a log repeats were parsed once; 14 s of processor time against 23 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { activityPairs } from '../src/mining/activity-pairs.js';
import { channelSwitching } from '../src/mining/channel-switching.js';
import { classifyContacts } from '../src/mining/contact-classification.js';
import { journeyEvidence } from '../src/mining/duckdb-journey-evidence.js';
import { importLog, journeyAnalytics, openStore } from '../src/mining/index.js';
import { repeatContacts } from '../src/mining/repeat-contacts.js';
import { writeContactLog } from '../src/testing/contact-log.js';
import { peakResidentBytes } from '../src/testing/peak-memory.js';

const EVENTS = 10_000_000;
const dir = mkdtempSync(join(tmpdir(), 'linesight-evidence-10m-'));
const file = join(dir, 'contacts.csv');
const path = join(dir, 'events.duckdb');
const parts: string[] = [];
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(2)} s`;
const gigabytes = () => (peakResidentBytes() / 2 ** 30).toFixed(2);

let t = performance.now();
const written = writeContactLog(file, { seed: 16, events: EVENTS });
parts.push(`generate: ${seconds(t)} (${written.events} events, ${written.customers} customers)`);
const setup = await openStore(path);
t = performance.now();
await importLog(setup, file, { log: 'contacts', onError: 'fail' });
parts.push(`import: ${seconds(t)}`);
setup.close();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(parts.join('\n'));
  console.log(`peak memory (max RSS): ${gigabytes()} GB`);
});

describe('journey analytics with attributes, 10 million events', () => {
  bench(
    'the parts that existed before: channel switching, repeats, activity pairs',
    async () => {
      const store = await openStore(path, { access: 'read' });
      const t0 = performance.now();
      const source = journeyEvidence(store);
      const { rule } = await classifyContacts(source, 'contacts');
      await channelSwitching(source, 'contacts');
      await repeatContacts(source, 'contacts', { rule, windowUs: 7 * 86400e6 });
      await activityPairs(source, 'contacts', { rule, windowUs: 86400e6, minSupport: 0.01 });
      parts.push(`switching, repeats, activity pairs: ${seconds(t0)}`);
      store.close();
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
  bench(
    'in full: with drivers by activity, product, page and term, and website signs',
    async () => {
      const store = await openStore(path, { access: 'read' });
      const t0 = performance.now();
      const j = await journeyAnalytics(store, 'contacts');
      if (j.findings.length !== 1 || j.webSigns.filter((s) => s.significant).length !== 3)
        throw new Error(`the planted effects were not found: ${JSON.stringify(j.findings)}`);
      parts.push(
        `journeys in full: ${seconds(t0)} (${j.attributeDrivers.length} driver candidates; ${j.findings[0]?.text})`,
      );
      store.close();
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
