/** Groups of activities on one line: read in order, an activity in two groups refused. */
import { describe, expect, it } from 'vitest';
import { GroupListError, parseGroupList } from './group-list-text.js';

describe('group lists', () => {
  it('reads groups of activities, spaces trimmed and empty parts skipped', () => {
    expect([...parseGroupList(' research = Browse , Read page ;; order=Check out;', '--stages')]).toEqual([
      ['Browse', 'research'],
      ['Read page', 'research'],
      ['Check out', 'order'],
    ]);
  });

  it('refuses an activity in two groups, and a part without a group', () => {
    expect(() => parseGroupList('success=Pay;exit=Pay', '--ends')).toThrow(
      new GroupListError('--ends: "Pay" is in both "success" and "exit"; name it once'),
    );
    expect(() => parseGroupList('=Pay', '--ends')).toThrow(GroupListError);
  });
});
