/**
 * The smallest change that turns one text into another: what a form's or the canvas's edit
 * becomes in the YAML editor, so that only the changed characters move (the cursor, the folds and
 * the undo history of the rest stay as they were).
 */
export function textChange(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
