/**
 * The render options that choose a part of the model: a focus for the swimlane views
 * (--happy-path, --min-reach, --stages) and the journey map's --path, as the views take them.
 */
import type { ViewOptions } from '../../views/customer-lanes.js';

export interface PartCommandOptions {
  happyPath?: boolean;
  minReach?: string;
  stages?: string;
  path?: string;
}

/** "a, b,c" as ['a', 'b', 'c']. */
const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function partOptions(options: PartCommandOptions): Pick<ViewOptions, 'focus' | 'path'> {
  const focused = options.happyPath || options.minReach !== undefined || options.stages !== undefined;
  return {
    ...(focused
      ? {
          focus: {
            ...(options.happyPath ? { happyPath: true } : {}),
            ...(options.minReach !== undefined ? { minReach: options.minReach } : {}),
            ...(options.stages !== undefined ? { stages: list(options.stages) } : {}),
          },
        }
      : {}),
    ...(options.path !== undefined ? { path: list(options.path) } : {}),
  };
}
