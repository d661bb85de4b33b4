/**
 * A progress bar on stderr, in one style for every long command. cli-progress (with the string
 * width tables it needs) is loaded only when a bar is shown: a command whose output is piped, or
 * whose work is short, never loads it.
 */
import { createRequire } from 'node:module';
import type { Options, SingleBar } from 'cli-progress';

export function progressBarOn(options: Options): SingleBar {
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
  return new cliProgress.SingleBar(options, cliProgress.Presets.shades_classic);
}
