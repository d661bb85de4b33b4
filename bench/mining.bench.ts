/**
 * Importing and mining real logs: teleclaims (46,138 events, XES, gzipped) and receipt (CSV); and
 * a wide CSV, 2,000 rows of 2,000 columns, as a CRM's export has them. Run with `npm run bench`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import {
  discover,
  EventWriter,
  importCsv,
  importLog,
  importXes,
  journeyAnalytics,
  openStore,
} from '../src/mining/index.js';
import { EVENT_LOGS as LOGS } from '../src/testing/data.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-bench-wide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2,000 rows of case, activity, timestamp and 1,997 more columns (11 MB). */
function wideCsv(): string {
  const file = join(dir, 'wide.csv');
  const extra = Array.from({ length: 1_997 }, (_, i) => i);
  const lines = [['case', 'activity', 'timestamp', ...extra.map((i) => `attr${i}`)].join(',')];
  for (let r = 0; r < 2_000; r++) {
    const time = `2024-01-01T${String(r % 24).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}:00`;
    lines.push([`c${Math.floor(r / 5)}`, `a${r % 7}`, time, ...extra.map((i) => (r * i) % 97)].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('mining', () => {
  bench(
    'import teleclaims.xes.gz (46,138 events) and discover',
    async () => {
      const store = await openStore(':memory:');
      const writer = await EventWriter.open(store, 'teleclaims');
      await importXes(join(LOGS, 'teleclaims.xes.gz'), writer, { onError: 'skip' });
      writer.close();
      await discover(store, 'teleclaims');
      store.close();
    },
    { iterations: 2, time: 0 },
  );
  bench(
    'import receipt.csv (8,577 events), discover and journey analytics',
    async () => {
      const store = await openStore(':memory:');
      await importCsv(store, join(LOGS, 'receipt.csv'), 'receipt', { onError: 'skip' });
      await discover(store, 'receipt');
      await journeyAnalytics(store, 'receipt');
      store.close();
    },
    { iterations: 3, time: 0 },
  );
  const wide = wideCsv();
  bench(
    'import a wide CSV: 2,000 rows of 2,000 columns (11 MB)',
    async () => {
      const store = await openStore(':memory:');
      await importLog(store, wide, { log: 'wide', onError: 'fail' });
      store.close();
    },
    { iterations: 3, time: 0 },
  );
});
