/**
 * The most resident memory this process has held, in bytes, for the fuzz cases' memory limit and
 * the benches' peak-memory figures. Not getrusage's maxRSS alone: Linux carries it across exec, so
 * a process forked from a 600 MB one reports 600 MB before it has done anything (a fuzz case's
 * limit was measured from the size of the test process that forked it). Linux's VmHWM starts anew
 * with the exec; where there is none, maxRSS is the answer there is.
 */
import { readFileSync } from 'node:fs';

export function peakResidentBytes(): number {
  try {
    const kib = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) * 1024;
  } catch {
    // No /proc here (not Linux).
  }
  return process.resourceUsage().maxRSS * 1024;
}
