/**
 * The view options that choose a part of the model, from a request: a focus for the swimlane
 * views (happyPath, minReach, stages) and the journey map's path. In a query, lists are
 * comma-separated and happyPath is true or false; in a JSON body, lists are lists.
 */
import type { ViewOptions } from '../views/customer-lanes.js';
import type { Focus } from '../views/focus.js';
import { HttpError } from './http-error.js';
import { type Body, optionalString, stringList } from './request.js';

export const PART_FIELDS = ['happyPath', 'minReach', 'stages', 'path'] as const;

type Parts = Pick<ViewOptions, 'focus' | 'path'>;

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parts(
  happyPath: boolean,
  minReach: string | number | undefined,
  stages?: string[],
  path?: string[],
): Parts {
  const focus: Focus = {
    ...(happyPath ? { happyPath } : {}),
    ...(minReach !== undefined ? { minReach } : {}),
    ...(stages !== undefined ? { stages } : {}),
  };
  return { ...(Object.keys(focus).length > 0 ? { focus } : {}), ...(path !== undefined ? { path } : {}) };
}

export function partsOfQuery(q: Record<string, string | undefined>): Parts {
  if (q.happyPath !== undefined && q.happyPath !== 'true' && q.happyPath !== 'false')
    throw new HttpError(400, `'happyPath' is true or false, not '${q.happyPath}'`);
  return parts(
    q.happyPath === 'true',
    q.minReach,
    q.stages !== undefined ? list(q.stages) : undefined,
    q.path !== undefined ? list(q.path) : undefined,
  );
}

export function partsOfBody(body: Body): Parts {
  const happyPath = body.happyPath ?? false;
  if (typeof happyPath !== 'boolean') throw new HttpError(400, "'happyPath' is true or false");
  const minReach = typeof body.minReach === 'number' ? body.minReach : optionalString(body, 'minReach');
  return parts(
    happyPath,
    minReach,
    stringList(body, 'stages', 'research'),
    stringList(body, 'path', 'browse-catalogue'),
  );
}
