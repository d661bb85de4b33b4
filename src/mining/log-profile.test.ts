/**
 * A log's profile as the stores count it: customers by the hour of the week they started in (the
 * log's own time, before 1970 too), the spans of their first events, their segments; and parts
 * (shards) put together as one log, counts added in a fixed order.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duckDbLogProfile } from './duckdb-fit-counts.js';
import { importCsv } from './import-csv.js';
import { EMPTY_PROFILE, type LogProfile, mergeLogProfiles } from './log-profile.js';
import { type MappedMoves, mergeMappedMoves } from './mapped-moves.js';
import { openStore } from './store.js';

const HOUR_US = 3_600_000_000n;

describe('the log profile of a DuckDB store', () => {
  it('puts each customer in the hour of the week of their first event, as the log wrote it', async () => {
    const rows = [
      'case_id,activity,timestamp,segment',
      // Wednesday 31 December 1969, 23:30 UTC: hour 71 of the week, before the epoch.
      'a,Call,1969-12-31T23:30:00Z,gold',
      'a,Visit,1970-01-01T01:00:00Z,gold',
      // Monday 10:00 as written (+02:00), 08:00 UTC: hour 10.
      'b,Visit,2024-01-01T10:00:00+02:00,basic',
      // Sunday 23:59: hour 167; the least of its segments counts.
      'c,Call,2024-01-07T23:59:00Z,gold',
      'c,Call,2024-01-08T00:10:00Z,basic',
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'linesight-log-profile-')), 'log.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const store = await openStore(':memory:');
    try {
      await importCsv(store, file, 'log', { onError: 'fail' });
      const profile = await duckDbLogProfile(store, 'log');
      expect(profile.activities).toEqual(['Call', 'Visit']);
      expect(profile.segments).toEqual(['basic', 'gold']);
      expect(profile.cases).toBe(3);
      expect(profile.weekHours).toEqual([
        [10, 1],
        [71, 1],
        [167, 1],
      ]);
      expect(profile.segmentCases).toEqual([
        ['basic', 2],
        ['gold', 1],
      ]);
      expect(profile.firstSpan?.min).toBe(-HOUR_US / 2n);
      expect(profile.localFirstSpan?.max).toBe(BigInt(Date.parse('2024-01-07T23:59:00Z')) * 1000n);
    } finally {
      store.close();
    }
  });
});

describe('parts put together', () => {
  const part = (over: Partial<LogProfile>): LogProfile => ({ ...EMPTY_PROFILE, ...over });

  it('adds customers, takes the widest spans, and orders names by their bytes', () => {
    const merged = mergeLogProfiles([
      part({
        activities: ['～ wave', 'b'],
        channels: [
          { activity: 'b', channel: 'web', n: 2 },
          { activity: 'b', channel: null, n: 1 },
        ],
        segments: ['gold'],
        cases: 2,
        firstSpan: { min: 5n, max: 9n },
        weekHours: [[3, 2]],
        segmentCases: [['gold', 2]],
      }),
      part({
        activities: ['📞 call', 'b'],
        channels: [
          { activity: 'b', channel: 'web', n: 3 },
          { activity: '📞 call', channel: 'phone', n: 1 },
        ],
        segments: [null, 'basic'],
        cases: 1,
        firstSpan: { min: 1n, max: 7n },
        weekHours: [
          [3, 1],
          [0, 0],
        ],
        segmentCases: [[null, 1]],
      }),
    ]);
    // U+FF5E sorts before U+1F4DE in UTF-16, after it in bytes (as both databases sort).
    expect(merged.activities).toEqual(['b', '～ wave', '📞 call']);
    expect(merged.channels).toEqual([
      { activity: 'b', channel: null, n: 1 },
      { activity: 'b', channel: 'web', n: 5 },
      { activity: '📞 call', channel: 'phone', n: 1 },
    ]);
    expect(merged.segments).toEqual([null, 'basic', 'gold']);
    expect(merged.cases).toBe(3);
    expect(merged.firstSpan).toEqual({ min: 1n, max: 9n });
    expect(merged.localFirstSpan).toBeUndefined();
    expect(merged.weekHours).toEqual([
      [0, 0],
      [3, 3],
    ]);
    expect(merged.segmentCases).toEqual([
      [null, 1],
      ['gold', 2],
    ]);
  });

  it('adds the counts of equal moves and durations, whichever shard returned them first', () => {
    const a: MappedMoves = {
      moves: [
        { group: '*', step: 'y', next: '(end)', abandoned: false, first: false, n: 2 },
        { group: '*', step: 'x', next: 'y', abandoned: false, first: true, n: 3 },
      ],
      cases: 3,
      fitting: 2,
      durations: [{ step: 'x', us: 60_000_000n, n: 3 }],
    };
    const b: MappedMoves = {
      moves: [{ group: '*', step: 'x', next: 'y', abandoned: false, first: true, n: 1 }],
      cases: 1,
      fitting: 1,
      durations: [
        { step: 'x', us: 60_000_000n, n: 1 },
        { step: 'x', us: 1_000_000n, n: 1 },
      ],
    };
    const merged = mergeMappedMoves([a, b]);
    expect(mergeMappedMoves([b, a])).toEqual(merged);
    expect(merged).toEqual({
      moves: [
        { group: '*', step: 'x', next: 'y', abandoned: false, first: true, n: 4 },
        { group: '*', step: 'y', next: '(end)', abandoned: false, first: false, n: 2 },
      ],
      cases: 4,
      fitting: 3,
      durations: [
        { step: 'x', us: 1_000_000n, n: 1 },
        { step: 'x', us: 60_000_000n, n: 4 },
      ],
    });
  });
});
