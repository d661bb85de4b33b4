/** Names sort alike on every machine, whatever its locale. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const NAMES = ['zebra', 'Äpfel', 'apple', 'Banana', 'ärende', 'Zoo'];

/** The names sorted by compareText, and by localeCompare, in a process run under `locale`. */
function sortedUnder(locale: string): { compareText: string[]; localeCompare: string[] } {
  const module = new URL('./compare-text.ts', import.meta.url).href;
  const script = `import { compareText } from ${JSON.stringify(module)};
    const names = ${JSON.stringify(NAMES)};
    process.stdout.write(JSON.stringify({
      compareText: [...names].sort(compareText),
      localeCompare: [...names].sort((a, b) => a.localeCompare(b)),
    }));`;
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const run = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, LANG: locale, LC_ALL: locale },
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('compareText', () => {
  it('sorts in US English order under a Swedish locale too, where localeCompare put "ä" after "z"', () => {
    const here = sortedUnder('C.UTF-8');
    const sweden = sortedUnder('sv_SE.UTF-8');
    // The locale does change localeCompare's answer: the test would prove nothing otherwise.
    expect(sweden.localeCompare).not.toEqual(here.localeCompare);
    expect(sweden.compareText).toEqual(here.compareText);
    expect(here.compareText).toEqual(['Äpfel', 'apple', 'ärende', 'Banana', 'zebra', 'Zoo']);
  });
});
