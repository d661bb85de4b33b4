/** What of the customer's pool has no place in a journey (data, annotations, groups): named and left out. */

import { plural } from '../../text/plural.js';
import type { Element } from '../moddle.js';
import type { JourneyContext } from './context.js';

export function warnLeftOut(ctx: JourneyContext): void {
  for (const other of ['bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataObject']) {
    const count = ctx.elements.filter((f) => f.$type === other).length;
    if (count > 0)
      ctx.warn(
        `${plural(count, `${other.slice(5)} element has`, `${other.slice(5)} elements have`)} no place in a customer process; left out`,
      );
  }
  const { journeyProcess, pools } = ctx.scope;
  const artifacts =
    ((journeyProcess.artifacts as Element[] | undefined) ?? []).length +
    pools.collaborations.reduce((n, c) => n + ((c.artifacts as Element[] | undefined) ?? []).length, 0);
  if (artifacts > 0) ctx.warn(`${artifacts} annotation(s), group(s) or association(s) left out`);
}
