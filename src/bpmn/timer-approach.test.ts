/** A flow into the timer before a waited step: straight in from the left, round the task from the right. */
import { describe, expect, it } from 'vitest';
import { timerApproach } from './timer-approach.js';

const timer: [number, number] = [100, 200];
const span = { top: 160, bottom: 240 };

describe('the way into a waited step’s timer', () => {
  it('turns into the timer at its height when it comes from the left', () => {
    expect(timerApproach([60, 150], timer, span)).toEqual([
      [60, 200],
      [100, 200],
    ]);
  });

  it('goes over the task and down left of the timer when it comes from the right', () => {
    expect(timerApproach([300, 220], timer, span)).toEqual([
      [300, 148],
      [88, 148],
      [88, 200],
      [100, 200],
    ]);
  });

  it('goes under instead when a shape lies above in its way, and over when both ways are blocked', () => {
    const above = { x: 150, y: 130, width: 120, height: 25 };
    expect(timerApproach([300, 220], timer, span, [above])[0]).toEqual([300, 252]);
    const below = { x: 150, y: 245, width: 120, height: 25 };
    expect(timerApproach([300, 220], timer, span, [above, below])[0]).toEqual([300, 148]);
  });
});
