import { describe, expect, it } from 'vitest';
import type { PoolStaffing, StaffingResult } from '../../simulation/staffing/staff.js';
import { staffingText } from './staff-text.js';

const HOURS = 168;

function result(level: number): StaffingResult {
  const staff = Array.from({ length: HOURS }, (_, h) => (h === 12 ? 1200 : 0));
  const pool: PoolStaffing = {
    id: 'agents',
    name: 'Agents',
    target: { share: 0.8, within: 20 },
    method: 'Erlang C',
    contactsPerHour: staff.map((n) => n * 9),
    load: staff.map((n) => n * 0.9),
    formula: staff,
    staff,
    today: staff,
    serviceLevel: staff.map((n) => (n ? level : null)),
    missing: [12],
    unproven: [],
    memberHours: { staffed: 1200, today: 1200 },
    cost: null,
  };
  return {
    model: { id: 'm', name: 'Hotline' },
    pools: [pool],
    skipped: [],
    rounds: 8,
    verified: false,
    options: { replications: 10, days: 14, seed: 1 },
  };
}

describe('the staffing as `linesight staff` prints it', () => {
  it('shows an hour just below its target below it, not rounded up to the target, in the list and as the lowest', () => {
    const text = staffingText(result(0.79962));
    expect(text).toContain('Still below target in the last check: Mon 12:00-13:00 79.9%;');
    expect(text).toContain('each was raised by what it lacked');
    expect(text).toContain('Simulated service level: lowest 79.9% (Mon 12:00-13:00)');
    expect(staffingText(result(0.29))).toContain('Mon 12:00-13:00 29%;');
  });
});
