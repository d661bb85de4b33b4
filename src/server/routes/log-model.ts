/**
 * `POST /api/logs/:log/model`: a journey model discovered from a log, written into the workspace
 * as `discovered-LOG.yaml` (over an earlier one the server made), as `linesight log model` does.
 * The body may group activities: `stages`, `ends` (success or exit) and `roles`, each an object
 * of activity names to the group. On either store (DuckDB or ClickHouse), with the same file.
 */
import type { Req, Server } from '../context.js';
import { JSON_BODY } from '../guard.js';
import { HttpError } from '../http-error.js';
import { bodyOf } from '../request.js';

const GROUPS = ['stages', 'ends', 'roles'] as const;

/** A group field of the body: activity name to group name. */
function groupsOf(value: unknown, field: string): Map<string, string> | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.values(value).some((v) => typeof v !== 'string')
  )
    throw new HttpError(
      400,
      `${field} is an object of activity names to ${field === 'ends' ? '"success" or "exit"' : 'names'}`,
      `e.g. {"${field}": {"Call sales": "${field === 'ends' ? 'success' : field === 'roles' ? 'agent' : 'Order'}"}}`,
    );
  const map = new Map(Object.entries(value as Record<string, string>));
  if (field === 'ends')
    for (const [activity, outcome] of map)
      if (outcome !== 'success' && outcome !== 'exit')
        throw new HttpError(
          400,
          `ends: "${outcome}" for ${activity} is neither success nor exit`,
          'an end is "success" or "exit"',
        );
  return map;
}

export function logModelRoutes({ app, workspace, events }: Server): void {
  app.post('/api/logs/:log/model', { config: { accepts: JSON_BODY } }, async (request: Req) => {
    const log = request.params.log as string;
    const body = bodyOf(request.body, GROUPS);
    const options = Object.fromEntries(
      GROUPS.map((g) => [g, groupsOf(body[g], g)]).filter(([, v]) => v !== undefined),
    );
    const none = () => {
      throw new HttpError(404, `there is no log '${log}'`, 'GET /api/logs lists them');
    };
    // The discovery loads on the first request, not when the server starts.
    const { discoverLogModel, LogModelError } = await import('../../mining/index.js');
    return events.with(
      'read',
      async (store) => {
        if (!(await store.hasLog(log))) none();
        const found = await discoverLogModel(store, log, options).catch((error: unknown) => {
          throw error instanceof LogModelError ? new HttpError(422, error.message, error.hint) : error;
        });
        if (found.errors.length > 0)
          throw new HttpError(
            500,
            `the model discovered from '${log}' does not validate: ${found.errors.join('; ')}`,
          );
        const file = `discovered-${log}.yaml`.replace(/[^A-Za-z0-9._-]/g, '-');
        workspace.replace(file, found.text);
        return {
          file,
          steps: (found.document.steps as unknown[]).length,
          notes: found.notes,
          warnings: found.warnings,
        };
      },
      none,
    );
  });
}
