/**
 * The child process of a BoundedRunner: runs one case at a time and answers with its outcome and
 * the process's peak resident memory. An exception is a crash; so is a broken contract, which
 * targets throw as ContractError.
 */
import { type TargetName, targets } from './fuzz-targets.js';
import { peakResidentBytes } from './peak-memory.js';

let current: string | undefined;

const send = (message: Record<string, unknown>) =>
  process.send?.({ ...message, rssMb: peakResidentBytes() / 2 ** 20 });

const crash = (error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  send({ status: 'crash', detail: `${current ?? 'between cases'}: ${detail}` });
};

// Failures that escape the case (a promise nobody awaited) still belong to it.
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// A runner that is gone (killed, crashed) leaves nobody to answer to.
process.on('disconnect', () => process.exit(0));

process.on('message', async (job: { target: TargetName; input: unknown }) => {
  current = job.target;
  try {
    const summary = await targets[job.target](job.input as never);
    send({ status: 'ok', summary });
  } catch (error) {
    crash(error);
  } finally {
    current = undefined;
  }
});

// Loaded: the runner starts timing cases from here.
process.send?.({ ready: true });
