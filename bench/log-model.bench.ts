/** Discovering a journey model from a log: teleclaims (46,138 events, XES). Run with `npm run bench`. */
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { discoverLogModel, EventWriter, importXes, openStore } from '../src/mining/index.js';
import { EVENT_LOGS as LOGS } from '../src/testing/data.js';

describe('log model', async () => {
  const store = await openStore(':memory:');
  const writer = await EventWriter.open(store, 'teleclaims');
  await importXes(join(LOGS, 'teleclaims.xes.gz'), writer, { onError: 'skip' });
  writer.close();
  bench(
    'discover the journey model of teleclaims (46,138 events)',
    async () => {
      await discoverLogModel(store, 'teleclaims');
    },
    { iterations: 5, time: 0 },
  );
});
