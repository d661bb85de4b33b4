/** What every task is given: the workspace, the server's limits, and a way to report progress. */
import type { Limits } from '../options.js';
import type { Workspace } from '../workspace.js';

export interface TaskContext {
  workspace: Workspace;
  limits: Limits;
  /** Worker threads for each simulation. */
  workers: number;
  progress(done: number, total: number): void;
}
