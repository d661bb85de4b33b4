/**
 * Screenshots of the web app's pages, written to the machine's temporary folder for a person to
 * look at (the house's rule: look at every page you touch), not to the run's, which goes when the
 * run passes (run-temporary-folder.ts). CI has nobody to look at them and deletes
 * nothing it could keep them in, so there they are not taken: some forty a run, each a full
 * paint and a PNG encoding on two busy cores.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './run-temporary-folder.js';

export function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<unknown> {
  if (process.env.CI) return Promise.resolve();
  return page.screenshot({
    path: join(process.env[SCREENSHOTS] ?? tmpdir(), `linesight-${name}.png`),
    ...options,
  });
}
