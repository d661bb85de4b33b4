import { describe, expect, it } from 'vitest';
import { hash, KeyedUniform, mix32, Stream } from './random.js';

const M32 = 0xffffffffn;

/** sfc32 as its author states it, on unsigned 32-bit words in BigInt: no int32 tricks to share a fault with. */
function referenceSfc32(seed: number, name: string): () => number {
  let h = BigInt(hash(name, seed >>> 0));
  const next = () => {
    h = (h + 0x9e3779b9n) & M32;
    let z = h;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M32;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M32;
    return z ^ (z >> 16n);
  };
  let a = next();
  let b = next();
  let c = next();
  let counter = next() | 1n;
  const draw = () => {
    const t = (a + b + counter) & M32;
    counter = (counter + 1n) & M32;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M32;
    c = ((((c << 21n) | (c >> 11n)) & M32) + t) & M32;
    return Number(t) / 2 ** 32;
  };
  for (let i = 0; i < 12; i++) draw();
  return draw;
}

describe('random numbers', () => {
  it('draws the sfc32 sequence, the same for the same seed and name', () => {
    for (const [seed, name] of [
      [1, 'arrivals:default'],
      [0xdeadbeef, 'arrival-profile:business'],
      [-7, ''],
    ] as const) {
      const stream = new Stream(seed, name);
      const reference = referenceSfc32(seed, name);
      for (let i = 0; i < 5000; i++) expect(stream.uniform()).toBe(reference());
    }
    expect(new Stream(1, 'a').uniform()).not.toBe(new Stream(1, 'b').uniform());
  });

  it('gives each decision its own numbers from who, where and what, past the tabled visits and draws', () => {
    const keyed = new KeyedUniform();
    const expected = (customer: number, place: number, visit: number, n: number) =>
      mix32(mix32(customer ^ mix32(place ^ mix32(visit + 0x632be5ab))) ^ mix32(n * 0x9e3779b9)) / 2 ** 32;
    for (const [customer, place, visit] of [
      [0, 0, 0],
      [0x9e3779b9, 12345, 1],
      [-1, 0xfffffffe, 63],
      [42, 7, 64],
      [42, 7, 1000],
    ] as const) {
      keyed.at(customer, place, visit);
      for (let n = 1; n <= 70; n++) expect(keyed.uniform()).toBe(expected(customer, place, visit, n));
      // A new decision starts its draws again.
      expect(keyed.at(customer, place, visit).uniform()).toBe(expected(customer, place, visit, 1));
    }
  });
});
