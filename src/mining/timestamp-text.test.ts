/**
 * Timestamps read in JS (streamed XES) and in SQL (CSV, OCEL) must agree: the same text gives the
 * same instant and the same written offset, whichever importer read it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from './sql-text.js';
import { type EventStore, openStore } from './store.js';
import { instantSql, parseTimestamp, tzOffsetSql } from './timestamp-text.js';

let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
  await store.connection.run("set TimeZone = 'UTC'");
});
afterAll(() => store.close());

async function readBySql(text: string): Promise<{ us: bigint; offset: number | null }> {
  const t = quoteLiteral(text);
  const [row] = (
    await store.connection.runAndReadAll(`select ${instantSql(t)} as us, ${tzOffsetSql(t)} as offset`)
  ).getRowObjectsJS();
  return { us: row?.us as bigint, offset: row?.offset === null ? null : Number(row?.offset) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('timestamp texts', () => {
  it('with no offset read in UTC, whatever zone a text before them named', async () => {
    // DuckDB's timestamptz reading kept the zone of "... EST" for the texts after it in a batch.
    const texts = ['2024-01-01 10:00:00 EST', '2024-01-01 12:00:00', '2024-01-01T09:30:00.25', '2024-01-02'];
    const rows = (
      await store.connection.runAndReadAll(
        `select ${instantSql('t')} as us, ${tzOffsetSql('t')} as offset
         from unnest([${texts.map(quoteLiteral).join(', ')}]) as u(t)`,
      )
    ).getRowObjectsJS();
    expect(rows.map((r) => [r.us, r.offset])).toEqual([
      [BigInt(Date.UTC(2024, 0, 1, 15)) * 1000n, null],
      ...texts.slice(1).map((text) => [parseTimestamp(text)?.us, null]),
    ]);
  });

  it.each([
    ['2024-01-01 10:00:00+05:30', 330],
    ['2024-01-01T10:00:00.123-0300', -180],
    ['2024-01-01 10:00:00-01', -60],
    ['2024-01-01T10:00:00Z', 0],
    ['2024-01-01T10:00:00+00', 0],
    ['2024-01-01 10:00:00.5+0000', 0],
    ['2024-01-01 10:00:00+00:00', 0],
    ['2024-01-01 10:00:00+05:30 ', 330],
    ['2024-01-01 10:00:00+00:00 ', 0],
    ['2024-01-01 10:00:00 ', null],
    ['2024-01-01 10:00:00', null],
    ['2010-12-30', null],
  ])('%s was written with offset %s', async (text, offset) => {
    expect((await readBySql(text)).offset).toBe(offset);
    expect(parseTimestamp(text)?.offset).toBe(offset);
  });

  it('SQL and JS read every form alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          ms: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
          zone: fc.oneof(
            fc.constant<number | 'Z' | null>(null),
            fc.constant<'Z'>('Z'),
            fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
          ),
          separator: fc.constantFrom('T', ' '),
          colon: fc.boolean(),
          short: fc.boolean(),
          fraction: fc.boolean(),
        }),
        async ({ ms, zone, separator, colon, short, fraction }) => {
          const minutes = typeof zone === 'number' ? zone : 0;
          const local = new Date(ms + minutes * 60_000);
          const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction ? `.${pad(local.getUTCMilliseconds(), 3)}` : ''}`;
          const suffix =
            zone === null
              ? ''
              : zone === 'Z'
                ? 'Z'
                : `${zone < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(zone) / 60))}${short && zone % 60 === 0 ? '' : `${colon ? ':' : ''}${pad(Math.abs(zone) % 60)}`}`;
          const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}${separator}${time}${suffix}`;
          const js = parseTimestamp(text);
          const sql = await readBySql(text);
          const instant = BigInt(fraction ? ms : ms - (ms % 1000)) * 1000n;
          expect(js).toEqual({ us: instant, offset: zone === 'Z' ? 0 : zone });
          expect(sql).toEqual(js);
        },
      ),
      { numRuns: 200 },
    );
  });
});
