/** Importing and mining real logs: BPIC 2012 (262,200 events, XES, gzipped) and receipt (CSV). Run with `npm run bench`. */
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

const LOGS = process.env.LINESIGHT_SHARED_DATA
  ? join(process.env.LINESIGHT_SHARED_DATA, 'eventlogs')
  : new URL('../../shared/data/eventlogs/', import.meta.url).pathname;

describe('mining', () => {
  bench(
    'import bpic2012.xes.gz (262,200 events) and discover',
    async () => {
      const store = await openStore(':memory:');
      const writer = await EventWriter.open(store, 'bpic2012');
      await importXes(join(LOGS, 'bpic2012.xes.gz'), writer, { onError: 'skip' });
      writer.close();
      await discover(store, 'bpic2012');
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
