/** Who is ahead on a compared metric, in the words of the comparison's tables (CLI reports and web app alike). */
import type { ComparedMetric } from './compare.js';

export function aheadText(ahead: ComparedMetric['ahead'], them: string): string {
  if (ahead === 'us') return 'us';
  if (ahead === 'them') return them;
  // An unrated step is no figure: where one side leaves some unrated, no one can be called ahead.
  if (ahead === 'unrated') return 'cannot tell: steps unrated';
  return 'even';
}
