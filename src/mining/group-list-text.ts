/**
 * Groups of activities written on one line, as `log model --stages` and `--ends` take them:
 * `research=Browse catalogue,Read product page;order=Check out`. A group's name comes first,
 * then its activities, separated by commas; groups are separated by semicolons.
 */

export class GroupListError extends Error {}

/** Activity to group, in the order written; an activity named twice is an error. */
export function parseGroupList(text: string, option: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const group = eq < 0 ? '' : part.slice(0, eq).trim();
    if (group === '')
      throw new GroupListError(
        `${option}: "${part.trim()}" names no group; write GROUP=activity,activity;GROUP=activity`,
      );
    for (const activity of part
      .slice(eq + 1)
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '')) {
      const before = out.get(activity);
      if (before !== undefined && before !== group)
        throw new GroupListError(
          `${option}: "${activity}" is in both "${before}" and "${group}"; name it once`,
        );
      out.set(activity, group);
    }
  }
  return out;
}
