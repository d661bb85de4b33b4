/**
 * The built web app (`npm run build`) served by `linesight serve` over a fresh workspace, with
 * Chromium to drive it: started before a test file's tests, stopped after them.
 *
 * @example
 * const app = webApp('linesight-new-', (dir) => cpSync(MMC, join(dir, 'mmc.yaml')));
 * it('lists', async () => { const page = await app.browser.newPage(); await page.goto(`${app.base}/#/`); });
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser.js';
import { serve } from './serve.js';

const BUILT = new URL('../../dist/web/index.html', import.meta.url).pathname;

export interface WebApp {
  browser: Browser;
  base: string;
  dir: string;
}

export function webApp(prefix: string, fill: (dir: string) => void): WebApp {
  const app = {} as WebApp;
  let server: ChildProcess | undefined;
  beforeAll(async () => {
    expect(existsSync(BUILT), 'the web app is built by npm run build (npm ci runs it)').toBe(true);
    app.dir = mkdtempSync(join(tmpdir(), prefix));
    fill(app.dir);
    const served = await serve(app.dir);
    server = served.process;
    app.base = served.base;
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    server?.kill('SIGTERM');
    if (app.dir) rmSync(app.dir, { recursive: true, force: true });
  });
  return app;
}
