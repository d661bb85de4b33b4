import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChange } from './text-change';

const apply = (text: string, c: { from: number; to: number; insert: string }) =>
  text.slice(0, c.from) + c.insert + text.slice(c.to);

describe('textChange', () => {
  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(apply(a, textChange(a, b))).toBe(b);
      }),
    );
  });

  it('touches only the changed value of one line', () => {
    const before = 'steps:\n  - id: a\n    effort: 2 # hard\n  - id: b\n';
    const after = before.replace('effort: 2', 'effort: 4');
    expect(textChange(before, after)).toEqual({
      from: before.indexOf('2 #'),
      to: before.indexOf('2 #') + 1,
      insert: '4',
    });
  });

  it('is empty for the same text', () => {
    const c = textChange('abc', 'abc');
    expect(c.insert).toBe('');
    expect(c.to - c.from).toBe(0);
  });
});
