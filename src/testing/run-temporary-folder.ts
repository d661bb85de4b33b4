/**
 * One temporary folder per test run, for everything the run writes: the tests make their folders
 * under os.tmpdir(), which reads TMPDIR, and so do the processes they start (the command line,
 * ClickHouse, Chromium), which inherit it. A run that passes removes the folder; one that fails
 * keeps it, and says where, for a failing case's files (a fuzz case's input, a store a killed
 * import left). Before, every run left about a hundred folders in /tmp, 90 MB each of them the
 * killed imports' stores, and a machine that had run the tests a few dozen times held 16 GB there.
 *
 * Screenshots, which are for a person to look at after the run, go to the machine's own temporary
 * folder (SCREENSHOTS names it for the workers).
 *
 * A reporter, not a global setup: it hears how the run ended. It sets TMPDIR when vitest starts,
 * before the workers are spawned with a copy of the environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reporter, TestRunEndReason, Vitest } from 'vitest/node';

/** The environment variable that holds the folder screenshots are kept in (screenshot.ts). */
export const SCREENSHOTS = 'LINESIGHT_SCREENSHOTS';

export class RunTemporaryFolder implements Reporter {
  private folder = '';
  private watching = false;
  private lastRun: TestRunEndReason = 'passed';

  onInit(vitest: Vitest): void {
    process.env[SCREENSHOTS] ??= tmpdir();
    this.folder = mkdtempSync(join(tmpdir(), 'linesight-test-run-'));
    process.env.TMPDIR = this.folder;
    this.watching = vitest.config.watch;
    // In watch mode the workers write there between runs: the folder goes when vitest does.
    if (this.watching) process.once('exit', () => this.end());
  }

  onTestRunEnd(_modules: unknown, _errors: unknown, reason: TestRunEndReason): void {
    this.lastRun = reason;
    if (!this.watching) this.end();
  }

  private end(): void {
    if (!this.folder) return;
    if (this.lastRun === 'passed') rmSync(this.folder, { recursive: true, force: true });
    else process.stderr.write(`\nThe run's temporary files are kept in ${this.folder}\n`);
    this.folder = '';
  }
}
