/**
 * How a discovered model groups a log's activities, from what the user gave or else from the log:
 * who serves a step (which makes it a contact), which stage it is in, and whether a journey that
 * ends after it ended in a success or an exit.
 */
import type { JourneyCounts, StepNode } from './journey-counts.js';

export type EndOutcome = 'success' | 'exit';

/**
 * An option as notes name it, for the CLI and the API alike (the API's field is the CLI's option
 * without its dashes): on the data page "--stages" alone named a flag nobody there can give.
 */
const flag = (option: string) => `${option} in a request, --${option} on the command line`;
const given = (option: string) => `the ${option} given (${flag(option)})`;

/** Activity to group, as `--stages`, `--ends` and `--roles` give them. */
export interface ActivityGroups {
  stages?: Map<string, string>;
  ends?: Map<string, string>;
  roles?: Map<string, string>;
}

/** A mapping's activities the log does not have, named in a warning. */
function unknownActivities(
  mapping: Map<string, string>,
  nodes: StepNode[],
  option: string,
  warnings: string[],
) {
  const activities = new Set(nodes.map((n) => n.activity));
  const unknown = [...mapping.keys()].filter((a) => !activities.has(a));
  if (unknown.length > 0)
    warnings.push(`${option} name activities the log does not have: ${unknown.join(', ')}`);
}

/**
 * Who serves each node (its steps are then contacts): the role `--roles` names, else `Staff`
 * where most of its events name a resource, else nobody.
 */
export function rolesOf(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ActivityGroups,
  notes: string[],
  warnings: string[],
): (n: StepNode) => string | undefined {
  const mapping = options.roles ?? new Map<string, string>();
  unknownActivities(mapping, nodes, given('roles'), warnings);
  const byResource = nodes.filter((n) => !mapping.has(n.activity) && (counts.served.get(n.node) ?? 0) >= 0.5);
  if (mapping.size > 0)
    notes.push(`roles (who serves a step, which makes it a contact) as given (${flag('roles')})`);
  if (byResource.length > 0)
    notes.push(
      `served by 'Staff' (most of their events name a resource): ${[...new Set(byResource.map((n) => n.activity))].join(', ')}`,
    );
  if (mapping.size === 0 && byResource.length === 0)
    notes.push(
      `no step is a contact: the log names no resource; say who serves which step with roles (${flag('roles')})`,
    );
  return (n) => mapping.get(n.activity) ?? (byResource.includes(n) ? 'Staff' : undefined);
}

/** Each node's stage name: the mapping's, else the log's `stage` attribute, else one stage. */
export function stagesOf(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ActivityGroups,
  notes: string[],
  warnings: string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (options.stages && options.stages.size > 0) {
    const mapping = options.stages;
    unknownActivities(mapping, nodes, given('stages'), warnings);
    const unmapped = [...new Set(nodes.filter((n) => !mapping.has(n.activity)).map((n) => n.activity))];
    if (unmapped.length > 0)
      warnings.push(
        `${given('stages')} leave out ${unmapped.join(', ')}: put in the stage 'Other' (move them by hand)`,
      );
    for (const n of nodes) out.set(n.node, mapping.get(n.activity) ?? 'Other');
    notes.push(`stages as given (${flag('stages')})`);
    return out;
  }
  const votes = new Map<string, { stage: string; n: number }>();
  for (const v of counts.stageVotes) {
    const best = votes.get(v.node);
    if (!best || v.n > best.n) votes.set(v.node, v);
  }
  if (votes.size > 0) {
    for (const n of nodes) out.set(n.node, votes.get(n.node)?.stage ?? 'Other');
    notes.push("stages from the log's stage attribute (each step in the stage most of its events name)");
    return out;
  }
  for (const n of nodes) out.set(n.node, 'Journey');
  notes.push(
    `one stage: the log names no stages; group the steps by hand, or give each activity its stage (${flag('stages')})`,
  );
  return out;
}

/** How a journey that ends at each node ended: the mapping's word, else by where most go. */
export function endsOf(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ActivityGroups,
  notes: string[],
  warnings: string[],
): Map<string, EndOutcome> {
  const mapping = options.ends ?? new Map<string, string>();
  for (const [activity, outcome] of mapping)
    if (outcome !== 'success' && outcome !== 'exit')
      warnings.push(`ends: "${outcome}" for ${activity} is neither success nor exit; the default decides`);
  unknownActivities(mapping, nodes, '--ends', warnings);
  const total = new Map<string, number>();
  const ending = new Map<string, number>();
  for (const m of counts.moves) {
    total.set(m.from, (total.get(m.from) ?? 0) + m.n);
    if (m.to === null && !m.gaveUp) ending.set(m.from, (ending.get(m.from) ?? 0) + m.n);
  }
  const out = new Map<string, EndOutcome>();
  const guessed: string[] = [];
  for (const n of nodes) {
    if (!ending.has(n.node)) continue;
    const given = mapping.get(n.activity);
    if (given === 'success' || given === 'exit') out.set(n.node, given);
    else {
      const success = (ending.get(n.node) ?? 0) >= 0.5 * (total.get(n.node) ?? 0);
      out.set(n.node, success ? 'success' : 'exit');
      if (success) guessed.push(n.activity);
    }
  }
  if (guessed.length > 0)
    notes.push(
      `journeys ending after ${[...new Set(guessed)].join(', ')} count as completed (most journeys there end there); name exits with --ends`,
    );
  return out;
}
