/** Arrival profiles from logs: hour weights as entries, counted in the log's local time. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrivalProfile, profileEntries } from './arrival-profile.js';
import { importCsv } from './import-csv.js';
import { openStore } from './store.js';

describe('profileEntries', () => {
  it('joins equal hours of a day into one span and leaves out hours with no arrivals', () => {
    const weights = new Array<number>(168).fill(0);
    for (let h = 8; h < 18; h++) weights[h] = 1.5; // Monday 08-18
    weights[18] = 0.5;
    weights[6 * 24 + 23] = 2; // Sunday 23-24
    expect(profileEntries(weights)).toEqual([
      { days: 'mon', hours: '08:00-18:00', weight: 1.5 },
      { days: 'mon', hours: '18:00-19:00', weight: 0.5 },
      { days: 'sun', hours: '23:00-24:00', weight: 2 },
    ]);
  });
});

describe('arrivalProfile', () => {
  it('counts customers in the local time the log wrote, offsets kept', async () => {
    // 2000 customers over three Mondays, each first seen at 09:xx local time, written +02:00.
    const rows = ['case_id,activity,timestamp'];
    for (let i = 0; i < 2000; i++) {
      const day = 1 + 7 * (i % 3);
      rows.push(
        `c${i},Call,2024-01-${String(day).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+02:00`,
      );
    }
    const file = join(mkdtempSync(join(tmpdir(), 'linesight-profile-')), 'calls.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const store = await openStore(':memory:');
    try {
      await importCsv(store, file, 'calls', { onError: 'fail' });
      expect(await arrivalProfile(store, 'calls')).toEqual({
        entries: [{ days: 'mon', hours: '09:00-10:00', weight: 168 }],
      });
    } finally {
      store.close();
    }
  });
});
