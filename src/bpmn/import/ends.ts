/**
 * The journey's ends: one per end event reached (linesight's exports draw one end event per place
 * an end is reached: those are one end of the model), its outcome as the file says or as its name
 * suggests; and "Done" for a way that stops at no end event.
 */
import { idWords } from '../../model/id-words.js';
import type { Element } from '../moddle.js';
import type { Data, JourneyContext } from './context.js';
import { failName, isFailBoundary, isFailEnd } from './events.js';
import { label } from './labels.js';

const EXIT = /cancel|abandon|reject|declin|fail|error|lost|terminat|escalat|refus|timeout|no\b/i;

export interface Ends {
  /** The model end of an end event, made the first time it is reached. */
  end(e: Element): string;
  /** The end of a way that stops at no end event. */
  done(): string;
  /** The ends made so far, in the order they were reached. */
  list: Data[];
}

export function endMaker(ctx: JourneyContext): Ends {
  const { interchange, ids } = ctx;
  const list: Data[] = [];
  const endOf = new Map<Element, string>();
  const make = (e: Element): string => {
    const said = interchange.element(String(e.id));
    const known = typeof said.end === 'string' ? list.find((x) => x.id === said.end) : undefined;
    if (known) return String(known.id);
    const failed = failedName(ctx, e);
    const named = typeof e.name === 'string' && e.name.trim() !== '';
    const name = named ? label(e) : (failed ?? 'Done');
    // An unnamed end's id is made from the name it is given here, not from its BPMN id.
    const id =
      typeof said.end === 'string' && !ids.taken(said.end)
        ? ids.of(e, 'end', said.end)
        : ids.of(e, 'end', named ? undefined : idWords(name) || undefined);
    const outcome =
      said.outcome === 'exit' || said.outcome === 'success'
        ? said.outcome
        : EXIT.test(label(e)) || failed !== undefined
          ? 'exit'
          : 'success';
    list.push({ id, name, outcome });
    return id;
  };
  let implicit: string | undefined;
  return {
    list,
    end(e) {
      if (!endOf.has(e)) endOf.set(e, make(e));
      return endOf.get(e) as string;
    },
    done() {
      if (!implicit) {
        implicit = ctx.makeId({ $type: 'end', name: 'Done' }, 'done');
        list.push({ id: implicit, name: 'Done', outcome: 'success' });
      }
      return implicit;
    },
  };
}

/**
 * The name of an end where the journey goes wrong, when the diagram says so without naming the
 * end: an error end names its error, else "Failed"; an end reached only from error boundary
 * events says what failed ("Checkout failed"). Undefined for any other end.
 */
function failedName(ctx: JourneyContext, e: Element): string | undefined {
  if (isFailEnd(e)) return failName(e) ?? 'Failed';
  const from = ctx.graph.incoming(e).map((f) => f.sourceRef as Element);
  if (from.length === 0 || !from.every(isFailBoundary)) return undefined;
  const hosts = [...new Set(from.map((b) => label(b.attachedToRef as Element)))];
  return `${hosts.join(' or ')} failed`;
}
