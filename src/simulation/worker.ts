/**
 * A worker thread: told the models and the run's settings once per simulation (it compiles and
 * rehearses the models then), then runs the replications of a model it is given, one message
 * each; told to forget them when the simulation is over and it waits for the next
 * (worker-pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Model } from '../model/model.js';
import { type CompiledModel, compileModel } from './compile.js';
import { rehearse } from './rehearsal.js';
import { runReplication } from './replication.js';
import type { RunOptions } from './run.js';

type Message =
  | { forget: true }
  | { models: Model[]; settings: Omit<RunOptions, 'replication' | 'trace'> }
  | { model: number; replications: number[] };

let compiled: CompiledModel[] = [];
let settings: Omit<RunOptions, 'replication' | 'trace'> | undefined;

parentPort?.on('message', (message: Message) => {
  if ('forget' in message) {
    compiled = [];
    settings = undefined;
    return;
  }
  if ('models' in message) {
    compiled = message.models.map((m) => compileModel(m));
    settings = message.settings;
    for (const m of compiled) rehearse(m);
    return;
  }
  const model = compiled[message.model];
  if (!model || !settings) throw new Error('a worker was given replications before its models');
  for (const replication of message.replications) {
    const result = runReplication(model, { ...settings, replication });
    parentPort?.postMessage({ replication, result });
  }
});
