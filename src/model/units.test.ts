import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DURATION_UNITS,
  formatDuration,
  MAX_DURATION,
  MIN_POSITIVE_DURATION,
  parseCostPerHour,
  parseDuration,
  parseMoney,
  parseProbability,
  parseRate,
  parseServiceLevel,
} from './units.js';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);

describe('durations', () => {
  it('reads the units people write', () => {
    expect(value(parseDuration('90 s'))).toBe(90);
    expect(value(parseDuration('5 min'))).toBe(300);
    expect(value(parseDuration('1.5h'))).toBe(5400);
    expect(value(parseDuration('2 d'))).toBe(172800);
    expect(value(parseDuration('1 week'))).toBe(604800);
    expect(value(parseDuration('250 ms'))).toBe(0.25);
    expect(value(parseDuration(0))).toBe(0);
  });

  it('refuses a number without a unit, and says how to write it', () => {
    const r = parseDuration(5);
    expect(r).toMatchObject({ ok: false, message: 'the duration 5 has no unit' });
    expect(r.ok ? '' : r.hint).toContain('"5 s"');
  });

  it('refuses unknown units, negative values and non-text', () => {
    expect(parseDuration('3 fortnights')).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown time unit'),
    });
    expect(parseDuration('-2 min')).toMatchObject({
      ok: false,
      message: expect.stringContaining('negative'),
    });
    expect(parseDuration(['5 min'])).toMatchObject({ ok: false, message: 'expected a duration, got a list' });
    expect(parseDuration('soon')).toMatchObject({ ok: false });
  });

  it('is linear in the amount for every unit, from a microsecond to ten years, and refuses the rest (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, noNaN: true })),
        fc.constantFrom(...Object.keys(DURATION_UNITS)),
        (amount, unit) => {
          const seconds = amount * (DURATION_UNITS[unit] ?? Number.NaN);
          const parsed = parseDuration(`${amount} ${unit}`);
          if (seconds === 0 || (seconds >= MIN_POSITIVE_DURATION && seconds <= MAX_DURATION))
            expect(value(parsed)).toBeCloseTo(seconds, 6);
          else expect(parsed.ok).toBe(false);
        },
      ),
    );
  });

  it('refuses what is not finite, or longer than ten years, or under a microsecond, saying how to write it', () => {
    expect(parseDuration('1e309 min')).toMatchObject({
      ok: false,
      message: 'the duration "1e309 min" is longer than ten years',
    });
    expect(parseDuration('3651 d')).toMatchObject({ ok: false, hint: 'durations are at most 3650 d' });
    expect(value(parseDuration('3650 d'))).toBe(MAX_DURATION);
    expect(parseDuration('1e-320 s')).toMatchObject({
      ok: false,
      message: expect.stringContaining('shorter than a microsecond'),
    });
    expect(parseDuration(Number.POSITIVE_INFINITY)).toMatchObject({
      ok: false,
      message: 'the duration .inf is not a finite number',
    });
    expect(parseDuration(Number.NaN)).toMatchObject({ ok: false });
  });

  it('reads back what it formats, to three significant digits (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e8, noNaN: true }), (seconds) => {
        const back = value(parseDuration(formatDuration(seconds))) ?? Number.NaN;
        expect(Math.abs(back - seconds) / seconds).toBeLessThan(0.005);
      }),
    );
  });
});

describe('rates, money and probabilities', () => {
  it('reads rates per time unit into per second', () => {
    expect(value(parseRate('12/h'))).toBeCloseTo(12 / 3600, 12);
    expect(value(parseRate('300 / d'))).toBeCloseTo(300 / 86400, 12);
    expect(value(parseRate('12 per hour'))).toBeCloseTo(12 / 3600, 12);
    expect(parseRate(12)).toMatchObject({ ok: false, message: 'the rate 12 has no time unit' });
    expect(parseRate('12/fortnight')).toMatchObject({ ok: false });
  });

  it('quotes 80 characters of a value of megabytes (the fuzzer found a 10 MB message)', () => {
    const r = parseDuration(`${'9'.repeat(2 ** 20)} s`);
    expect(r.ok ? '' : r.message).toBe(
      `the duration "${'9'.repeat(80)}… (1,048,578 characters)" is longer than ten years`,
    );
  });

  it('refuses rates that are not finite or beyond a million an hour, which would simulate without end', () => {
    expect(parseRate('1e309/h')).toMatchObject({
      ok: false,
      message: 'the rate "1e309/h" is more than a million an hour',
    });
    expect(parseRate('1e12/s')).toMatchObject({ ok: false });
    expect(value(parseRate('1000000/h'))).toBeCloseTo(1e6 / 3600, 9);
    expect(parseRate('1e-10/h')).toMatchObject({ ok: false, hint: 'write 0/h for no arrivals at all' });
    expect(value(parseRate('0/h'))).toBe(0);
    expect(parseRate(Number.POSITIVE_INFINITY)).toMatchObject({
      ok: false,
      message: 'the rate .inf is not a finite number',
    });
  });

  it('refuses amounts of money that are not finite or past a trillion, also once made hourly', () => {
    expect(parseMoney(Number.POSITIVE_INFINITY, 'EUR')).toMatchObject({ ok: false });
    expect(parseMoney('1e309', 'EUR')).toMatchObject({
      ok: false,
      message: expect.stringContaining('trillion'),
    });
    expect(parseCostPerHour('1e308/ms', 'EUR')).toMatchObject({
      ok: false,
      message: expect.stringContaining('more than a trillion'),
    });
    expect(parseCostPerHour('1e309 EUR/h', 'EUR')).toMatchObject({ ok: false });
  });

  it('reads money and costs per hour in the model currency unless another is named', () => {
    expect(value(parseMoney('38', 'EUR'))).toEqual({ amount: 38, currency: 'EUR' });
    expect(value(parseMoney('€38.50', 'USD'))).toEqual({ amount: 38.5, currency: 'EUR' });
    expect(value(parseMoney('12 usd', 'EUR'))).toEqual({ amount: 12, currency: 'USD' });
    expect(parseMoney('$12 EUR', 'EUR')).toMatchObject({
      ok: false,
      message: expect.stringContaining('two currencies'),
    });
    expect(value(parseCostPerHour('38 EUR/h', 'EUR'))).toEqual({ amount: 38, currency: 'EUR' });
    expect(value(parseCostPerHour('€300/d', 'EUR'))).toEqual({ amount: 12.5, currency: 'EUR' });
    expect(value(parseCostPerHour('1/min', 'GBP'))).toEqual({ amount: 60, currency: 'GBP' });
    expect(parseCostPerHour('38 EUR', 'EUR')).toMatchObject({ ok: false });
  });

  it('reads probabilities as numbers or percentages, within [0, 1]', () => {
    expect(value(parseProbability(0.15))).toBe(0.15);
    expect(value(parseProbability('15%'))).toBeCloseTo(0.15, 12);
    expect(value(parseProbability('0.2'))).toBe(0.2);
    expect(parseProbability(1.5)).toMatchObject({
      ok: false,
      message: 'the probability 1.5 is outside [0, 1]',
    });
    expect(parseProbability('120%')).toMatchObject({ ok: false });
    expect(parseProbability('likely')).toMatchObject({ ok: false });
  });

  it('reads a bare 0 as no time, and asks for the unit of any other bare number', () => {
    expect(value(parseDuration('0'))).toBe(0);
    expect(value(parseDuration(' 0 '))).toBe(0);
    expect(parseDuration('20')).toMatchObject({ ok: false, hint: expect.stringContaining('"20 s"') });
  });

  it('reads a service level the way contact centers state it', () => {
    expect(value(parseServiceLevel('80% in 20 s'))).toEqual({ share: 0.8, within: 20 });
    expect(value(parseServiceLevel('90 % within 2 min'))).toEqual({ share: 0.9, within: 120 });
    // As probabilities are written elsewhere in a model: a fraction.
    expect(value(parseServiceLevel('0.8 in 30 s'))).toEqual({ share: 0.8, within: 30 });
    expect(parseServiceLevel('80 in 20 s')).toMatchObject({
      ok: false,
      message: expect.stringContaining('a fraction from 0 to 1 or a percentage'),
    });
    expect(parseServiceLevel('80% in 20')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no unit'),
    });
    expect(parseServiceLevel('120% in 20 s')).toMatchObject({
      ok: false,
      message: expect.stringContaining('0 to 100'),
    });
    expect(parseServiceLevel('fast')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('80% in 20 s'),
    });
    expect(parseServiceLevel(0.8)).toMatchObject({ ok: false });
  });
});
