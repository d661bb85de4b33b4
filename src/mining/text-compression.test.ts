/**
 * A store names FSST and dictionaries only in the formats that still write them (DuckDB 1.0 to
 * 1.3): naming them in a store of 1.4 or later is refused by DuckDB, and one in memory keeps its
 * tables uncompressed.
 */
import { describe, expect, it } from 'vitest';
import { namesTextMethods } from './text-compression.js';

describe('which stores name their text compression', () => {
  it('names it in the formats of DuckDB 0.10 to 1.3', () => {
    for (const version of ['v0.10.2+', 'v1.0.0+', 'v1.2.0+', 'v1.3.9+'])
      expect(namesTextMethods(version), version).toBe(true);
  });

  it('names none from 1.4 on, nor without a version (a store in memory)', () => {
    for (const version of ['v1.4.0+', 'v1.5.0+', 'v1.10.0+', 'v2.0.0+', null, ''])
      expect(namesTextMethods(version), String(version)).toBe(false);
  });
});
