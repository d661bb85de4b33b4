import { describe, expect, it } from 'vitest';
import { mayNestPast } from './nesting-scan.js';

describe('the nesting scan before a recursive parser', () => {
  const n = 100_000;
  it('sees deep flow brackets, flow maps, JSON and sequence items', () => {
    for (const text of [
      `a: ${'['.repeat(n)}1${']'.repeat(n)}`,
      `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
      `{"a": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`,
      `a:\n  ${'- '.repeat(n)}x`,
      `a: ${'['.repeat(n)}`,
      // An apostrophe in a plain scalar opens no quote that could hide what follows.
      `name: Don't\ndeep: ${'['.repeat(n)}`,
      `name: a#b ${'['.repeat(n)}`,
    ])
      expect(mayNestPast(text, 64)).toBe(true);
  });

  it('lets real models through: brackets closed, and those in quotes and comments not counted', () => {
    const ok = [
      `steps:\n  - {id: a, next: [{to: b, p: 0.5}, {to: c, p: 0.5}]}\n`,
      `name: "${'['.repeat(200)}"\n`,
      `name: '${'{'.repeat(200)} it''s'\n`,
      `# ${'['.repeat(200)}\nname: x\n`,
      `a: ${'[1, '.repeat(60)}1${']'.repeat(60)}\n`,
      `list:\n${'  - x\n'.repeat(500)}`,
    ];
    for (const text of ok) expect(mayNestPast(text, 64)).toBe(false);
  });
});
