/**
 * Another process holding an event store open (to write, or to read) until released: what a
 * `linesight log import` in a terminal does to the CLI and the server beside it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { StoreAccess } from '../mining/store.js';
import { ensureBuiltCli } from './built-cli.js';

const CHILD = fileURLToPath(new URL('../mining/fixtures/store-child.mjs', import.meta.url));

export interface HeldStore {
  pid: number;
  /** Lets the process close the store and end. */
  release(): Promise<void>;
  /** Ends the process at once, whatever it does (for clean-up after a failed test). */
  kill(): void;
}

export async function holdStore(db: string, access: StoreAccess): Promise<HeldStore> {
  // The process opens the store with the build (fixtures/store-child.mjs).
  ensureBuiltCli();
  const child = spawn(process.execPath, [CHILD, 'hold', db, access]);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  while (!out.includes('open')) {
    if (child.exitCode !== null) throw new Error(`the holding process ended: ${out}`);
    await once(child.stdout, 'data');
  }
  return {
    pid: child.pid as number,
    release: async () => {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
    kill: () => child.kill(),
  };
}
