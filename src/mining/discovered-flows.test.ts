/**
 * A discovered step's flows make the moves the log shows: per segment, the model's chance of each
 * move (failing or not) is the observed share, whatever the segment's share of repeats.
 */
import { describe, expect, it } from 'vitest';
import type { Branch } from '../model/model.js';
import { discoveredFlows } from './discovered-flows.js';
import { stepNodes } from './journey-counts.js';

/** The chance of each move: (1 - f) next + f fail.next. */
function moves(next: Branch[], fail?: { p: number; next: Branch[] }): Map<string, number> {
  const out = new Map<string, number>();
  const f = fail?.p ?? 0;
  for (const b of next) out.set(b.to, (out.get(b.to) ?? 0) + (1 - f) * b.p);
  for (const b of fail?.next ?? []) out.set(b.to, (out.get(b.to) ?? 0) + f * b.p);
  return out;
}

describe('flows discovered from moves', () => {
  it("makes a fail point of repeats, one rate for all segments, and keeps every segment's moves", () => {
    const groups = new Map([
      [
        'heavy',
        new Map([
          ['call', 30],
          ['order', 50],
          ['left', 20],
        ]),
      ],
      [
        'light',
        new Map([
          ['call', 5],
          ['order', 75],
          ['left', 20],
        ]),
      ],
    ]);
    const flows = discoveredFlows('call', groups);
    expect(flows.fail?.p).toBe(0.175);
    for (const [g, counts] of groups) {
      const made = moves(flows.next.get(g) as Branch[], {
        p: flows.fail?.p as number,
        next: flows.fail?.next.get(g) as Branch[],
      });
      for (const [to, n] of counts) expect(made.get(to), `${g} ${to}`).toBeCloseTo(n / 100, 4);
    }
    // The segment that repeats more than the rate fails to itself only, and repeats the rest.
    expect(flows.fail?.next.get('heavy')).toEqual([{ to: 'call', p: 1 }]);
  });

  it('takes the rate over all customers when a pooled default stands beside a segment', () => {
    const big = new Map([
      ['x', 40],
      ['y', 60],
    ]);
    const everyone = new Map([
      ['x', 41],
      ['y', 62],
    ]);
    const flows = discoveredFlows(
      'x',
      new Map([
        ['big', big],
        ['default', everyone],
      ]),
      everyone,
    );
    expect(flows.fail?.p).toBe(Number((41 / 103).toFixed(4)));
  });

  it('makes no fail point without repeats, and never rounds a move the log shows away', () => {
    const flows = discoveredFlows(
      'a',
      new Map([
        [
          '*',
          new Map([
            ['b', 199_999],
            ['c', 1],
          ]),
        ],
      ]),
    );
    expect(flows.fail).toBeUndefined();
    expect(flows.next.get('*')).toEqual([
      { to: 'b', p: 0.9999 },
      { to: 'c', p: 0.0001 },
    ]);
  });

  it("adds no stray way on from the failure rate's rounding, above it or below it", () => {
    // 8,894 repeats in 100,000 moves: the rate is written 0.0889, and the 0.00004 left over is
    // no move of its own. Nor are 8,886 (0.08886, written 0.0889 too) a reason for the fail
    // point to lead anywhere but back to the step.
    for (const repeats of [8894, 8886]) {
      const counts = new Map([
        ['a', repeats],
        ['b', 60_000],
        ['c', 100_000 - 60_000 - repeats],
      ]);
      const flows = discoveredFlows('a', new Map([['*', counts]]));
      expect(flows.fail?.p, String(repeats)).toBe(0.0889);
      expect(flows.fail?.next.get('*'), String(repeats)).toEqual([{ to: 'a', p: 1 }]);
      const next = flows.next.get('*') ?? [];
      expect(next.map((b) => b.to).sort(), String(repeats)).toEqual(['b', 'c']);
      // Each move still as the log shows it, within the file's four decimals' rounding.
      const made = moves(next, { p: 0.0889, next: [{ to: 'a', p: 1 }] });
      for (const [to, c] of counts)
        expect(Math.abs((made.get(to) ?? 0) - c / 100_000), to).toBeLessThan(2e-4);
    }
  });

  it('keeps every way on of more than ten thousand, with the decimals they need, summing to 1', () => {
    for (const ways of [9_999, 12_000, 25_000]) {
      const counts = new Map(Array.from({ length: ways }, (_, i) => [`s${i}`, i === 0 ? 3 * ways : 1]));
      const next = discoveredFlows('start', new Map([['*', counts]])).next.get('*') as Branch[];
      expect(next).toHaveLength(ways);
      const decimals = ways < 10_000 ? 4 : 5;
      for (const b of next) {
        expect(b.p).toBeGreaterThan(0);
        expect(b.p.toFixed(decimals)).toBe(String(b.p).padEnd(decimals + 2, '0'));
      }
      expect(next.reduce((sum, b) => sum + b.p, 0)).toBeCloseTo(1, 9);
    }
  });
});

describe('steps from activities and channels', () => {
  it('splits an activity by channel only where another channel carries a tenth of it and 20 events', () => {
    const nodes = stepNodes([
      { activity: 'Ask', channel: 'phone', n: 60 },
      { activity: 'Ask', channel: 'chat', n: 35 },
      { activity: 'Ask', channel: 'email', n: 5 },
      { activity: 'Pay', channel: 'web', n: 100 },
      { activity: 'Pay', channel: 'app', n: 15 },
    ]);
    expect(nodes.map((n) => [n.activity, n.channel, n.channels, n.events])).toEqual([
      ['Ask', 'phone', ['phone', 'email'], 65],
      ['Ask', 'chat', ['chat'], 35],
      ['Pay', 'web', ['web', 'app'], 115],
    ]);
  });
});
