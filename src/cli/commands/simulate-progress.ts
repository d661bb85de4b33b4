/** What a long simulation says on the terminal: how much work it is before, a progress bar while. */
import { describeWork, roughDuration, type WorkEstimate } from '../../simulation/index.js';
import type { Io } from '../io.js';
import { progressBarOn } from '../progress-bar.js';

/**
 * What a long run says up front (a rate of 1e6/h runs for hours): how much work it is, how long it
 * may take, how to make it shorter; nothing for a short one.
 */
export function workNotice(work: WorkEstimate, workers: number): string | undefined {
  const time = roughDuration(work, workers);
  return time
    ? `simulating ${describeWork(work)}: ${time} on ${workers} thread(s); fewer --replications or a shorter --horizon make it quicker, Ctrl+C stops it\n`
    : undefined;
}

export function announceWork(work: WorkEstimate, workers: number, io: Io) {
  const notice = workNotice(work, workers);
  if (notice) io.err(notice);
}

export function progressBar(
  enabled: boolean,
  label: string,
): { onProgress?: (done: number, total: number) => void; stop(): void } {
  if (!enabled) return { stop() {} };
  const bar = progressBarOn({
    format: `${label} [{bar}] {value}/{total} replications, {eta_formatted} left`,
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
