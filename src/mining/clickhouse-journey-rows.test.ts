import { describe, expect, it } from 'vitest';
import { jsonValueText, piecedSums } from './clickhouse-journey-rows.js';
import { PIECE_PAIRS } from './clickhouse-sql.js';

/** The 14 columns a shard returns for these values (exactSums in clickhouse-sql.ts), computed as it computes them. */
function shardColumns(values: bigint[]): string[] {
  const piece = (x: bigint, k: number) => (x >> BigInt(16 * k)) & 65535n;
  const sums = [0, 1, 2, 3].map((k) => values.reduce((s, x) => s + piece(x, k), 0n));
  const products = PIECE_PAIRS.map(([j, k]) => values.reduce((s, x) => s + piece(x, j) * piece(x, k), 0n));
  return [...sums, ...products].map(String);
}

describe('piecedSums', () => {
  it('puts together the exact sum and sum of squares of times up to 2^63 microseconds', () => {
    const values = [
      0n,
      1n,
      65535n,
      65536n,
      3_600_000_000n,
      86_400_000_000n * 400n,
      2n ** 62n + 12345n,
      2n ** 63n - 1n,
    ];
    expect(piecedSums(shardColumns(values))).toEqual({
      sum: values.reduce((s, x) => s + x, 0n),
      squares: values.reduce((s, x) => s + x * x, 0n),
    });
  });
});

describe('jsonValueText', () => {
  it("reads a raw JSON value as DuckDB's json_extract_string does", () => {
    expect(jsonValueText('')).toBeNull();
    expect(jsonValueText('null')).toBeNull();
    expect(jsonValueText('"Ärger \\"x\\" \\\\ \\u00e9"')).toBe('Ärger "x" \\ é');
    expect(jsonValueText('12.5')).toBe('12.5');
    expect(jsonValueText('true')).toBe('true');
  });
});
