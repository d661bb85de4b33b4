/** A worker thread: compiles the model once and runs the replications it is given, one message each. */
import { parentPort } from 'node:worker_threads';
import type { Model } from '../model/model.js';
import { compileModel } from './compile.js';
import { type RunOptions, runReplication } from './run.js';

interface Job {
  model: Model;
  options: Omit<RunOptions, 'replication'>;
  replications: number[];
}

parentPort?.on('message', (job: Job) => {
  const compiled = compileModel(job.model);
  for (const replication of job.replications) {
    const result = runReplication(compiled, { ...job.options, replication });
    parentPort?.postMessage({ replication, result });
  }
});
