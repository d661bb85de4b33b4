/** Importing and mining real logs: teleclaims (46,138 events, XES, gzipped) and receipt (CSV). Run with `npm run bench`. */
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import {
  discover,
  EventWriter,
  importCsv,
  importXes,
  journeyAnalytics,
  openStore,
} from '../src/mining/index.js';
import { EVENT_LOGS as LOGS } from '../src/testing/data.js';

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
});
