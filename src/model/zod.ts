/**
 * zod, as the model's schemas use it: the names below, loaded with `require` from one file that V8's
 * code cache goes with (zod.cjs as built). The build takes these names, and only these, from zod's
 * 95 modules (scripts/bundle-dependencies.mjs): every command that reads a model loads zod in about
 * 7 ms where zod in full, as one ES module, took 30 to 40. Run from the sources (tests, tsx) it is
 * zod as installed. A name used elsewhere must be added here. The web app takes zod as it is
 * (web/vite.config.ts).
 */
import { fileURLToPath } from 'node:url';
import type * as Zod from 'zod';
import { requireWithCodeCache } from '../startup/code-cache.js';

const zod = requireWithCodeCache(fileURLToPath(new URL('./zod.cjs', import.meta.url))) as typeof Zod;

export type * from 'zod';
export const {
  array,
  boolean,
  enum: anyOf,
  globalRegistry,
  literal,
  looseObject,
  NEVER,
  number,
  record,
  strictObject,
  string,
  toJSONSchema,
  union,
  unknown,
} = zod;
export { anyOf as enum };
