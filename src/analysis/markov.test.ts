/** Move arrays rebuilt round after round (a fixed point) keep only the one before them alive. */
import { describe, expect, it } from 'vitest';
import type { Transition } from './chain.js';
import { keptBehind, reuseMoves } from './markov.js';

const moves = (p: number): Transition[] => [
  { from: 0, to: 1, p },
  { from: 0, to: -1, p: 1 - p },
  { from: 1, to: -1, p: 1 },
];

describe('reuseMoves', () => {
  it('gives the same array back for the same moves, and links a changed one to the last only', () => {
    const owner = {};
    const first = reuseMoves(owner, 'journey', moves(0.5));
    expect(reuseMoves(owner, 'journey', moves(0.5))).toBe(first);
    let last = first;
    for (let round = 1; round <= 200; round++) last = reuseMoves(owner, 'journey', moves(0.5 + round / 1000));
    expect(last).not.toBe(first);
    expect(keptBehind(last)).toBe(1);
    expect(keptBehind(reuseMoves(owner, 'other', moves(0.5)))).toBe(0);
  });
});
