/**
 * commander, as every command starts with it: loaded with `require`, from one file with V8's code
 * cache as built (commander.cjs). Imported as an ES module it was first scanned for its exports:
 * 28 ms to load, against 17 ms this way (medians of 15), at every start, `--version` included.
 */
import { fileURLToPath } from 'node:url';
import type * as Commander from 'commander';
import { requireWithCodeCache } from '../startup/code-cache.js';

const commander = requireWithCodeCache(
  fileURLToPath(new URL('./commander.cjs', import.meta.url)),
) as typeof Commander;

export const { Command, CommanderError, Option } = commander;
export type Command = Commander.Command;
export type CommanderError = Commander.CommanderError;
export type Option = Commander.Option;
