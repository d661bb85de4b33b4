/** A segment or channel the log lacks: named with the one meant, or the ones it has. */
import { describe, expect, it } from 'vitest';
import { unknownSlice } from './unknown-slice.js';

const known = { segments: ['business', 'consumer'], channels: ['chat', 'phone', 'web'] };

describe('unknownSlice', () => {
  it('passes what the log has, and names what it lacks with what it has', () => {
    expect(unknownSlice('orders', known, { segment: 'consumer', channel: 'web' })).toBeUndefined();
    expect(unknownSlice('orders', known, {})).toBeUndefined();
    expect(unknownSlice('orders', known, { segment: 'consumers' })).toEqual({
      message: "the log 'orders' has no segment 'consumers'",
      hint: "did you mean 'consumer'?",
    });
    expect(unknownSlice('orders', known, { channel: 'mail' })).toEqual({
      message: "the log 'orders' has no channel 'mail'",
      hint: "known channels: 'chat', 'phone', 'web'",
    });
    expect(unknownSlice('orders', { segments: [], channels: [] }, { segment: 'x' })?.hint).toBe(
      'its events name no segment',
    );
  });
});
