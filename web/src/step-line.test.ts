/** Finding a step's definition in the model text, for a click on its box. */
import { describe, expect, it } from 'vitest';
import { idLine } from './step-line';

const text = `journey:
  steps:
    - id: browse
      name: Browses
    - id: "pay"   # quoted
      name: Pays
    - name: Waits
      id: wait.long
  ends:
    - id: browse-ended
`;

const at = (id: string) => {
  const found = idLine(text, id);
  return found && text.slice(found.from, found.to);
};

describe('a step in the YAML', () => {
  it('is its "- id:" line, without the dash, the indentation or a comment', () => {
    expect(at('browse')).toBe('id: browse');
    expect(at('pay')).toBe('id: "pay"');
  });

  it('is an "id:" key further down an item, taken as it is written (a dot is no wildcard)', () => {
    expect(at('wait.long')).toBe('id: wait.long');
    expect(at('waitXlong')).toBeNull();
  });

  it('is not a longer id that starts the same', () => {
    expect(at('browse')).not.toContain('ended');
    expect(at('brows')).toBeNull();
  });
});
