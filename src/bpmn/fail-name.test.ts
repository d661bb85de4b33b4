/** The name an export gives a failure's boundary event, from its cause: short, and no bracket left open. */
import { describe, expect, it } from 'vitest';
import { failName } from './fail-name.js';
import { UNNAMED_FAILURE } from './unnamed-failure.js';

describe("a failure's name in an export", () => {
  it('is its cause up to the first comma or semicolon, without a bracket the cut left open', () => {
    expect(failName('The page does not answer the question (rare; the Q&A usually does)')).toBe(
      'The page does not answer the question',
    );
    expect(failName('The bot cannot answer; it hands over to a chat agent')).toBe('The bot cannot answer');
    expect(failName('Payment declined (card)')).toBe('Payment declined (card)');
    expect(failName('(rare; seen twice)')).toBe('(rare');
    expect(failName(undefined)).toBe(UNNAMED_FAILURE);
  });

  it('drops asides in brackets from a long cause before it is cut', () => {
    expect(
      failName('Payment declined or checkout error (pay-by-invoice not offered to a new business account)'),
    ).toBe('Payment declined or checkout error');
    const long = failName('The delivery van breaks down on the motorway and the parcel arrives days late');
    expect(long).toHaveLength(48);
    expect(long.endsWith('…')).toBe(true);
  });
});
