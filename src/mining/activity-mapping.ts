/**
 * Which step of a model each event of a log stands for, as conformance and calibration read it.
 * Mostly an activity is a step: by a mapping the user gives, else by the step's id or name
 * (ignoring case). But one activity may be several steps, one per channel: a discovered model
 * names them "Place order (web)" and "Place order (phone)", and a hand-written one may have two
 * steps named "Place order" on different channels. So an activity whose events on some channel
 * map to a step of their own is mapped channel by channel ("activity (channel)" in a mapping, or
 * a step of that name, or the one step of the activity's name on that channel); its events on a
 * channel no step names count at the activity's own step, else at the step of its most common
 * mapped channel, as a discovered model's main step takes the rare channels' events.
 */
import type { Model } from '../model/model.js';
import { slug } from './slug.js';

/** An activity's events (on one channel, or on all when `channel` is absent) as a step. */
export interface StepMapping {
  activity: string;
  /** Only the events on this channel (null: those naming none); absent: every channel. */
  channel?: string | null;
  step: string;
}

/** An activity on a channel, with how many events the log has of it. */
export interface ActivityChannel {
  activity: string;
  channel: string | null;
  n: number;
}

export interface LogToSteps {
  rows: StepMapping[];
  /** What maps to which step, by label: the activity, or "activity (channel)" where mapped by channel. */
  mapped: Record<string, string>;
  /** The labels of what maps to no step. */
  unmapped: string[];
  /** Entries of the user's mapping that name no activity of the log or no step of the model. */
  problems: string[];
}

/** How an activity on a channel is named, in a mapping and in what is reported. */
export const channelLabel = (activity: string, channel: string | null) =>
  channel === null ? activity : `${activity} (${channel})`;

/** Log activities (and channels) to steps; `pairs` are the log's activities per channel. */
export function mapLogToSteps(
  model: Model,
  pairs: ActivityChannel[],
  mapping: Record<string, string> = {},
): LogToSteps {
  const stepIds = new Set(model.steps.map((s) => s.id));
  const byName = new Map<string, string>();
  for (const s of model.steps) {
    byName.set(s.id.toLowerCase(), s.id);
    byName.set(s.name.toLowerCase(), s.id);
  }
  const onChannel = new Map<string, string[]>();
  for (const s of model.steps) {
    if (s.channel === undefined) continue;
    const key = `${s.name.toLowerCase()}\u0000${s.channel}`;
    onChannel.set(key, [...(onChannel.get(key) ?? []), s.id]);
  }
  const given = (key: string) => (stepIds.has(mapping[key] ?? '') ? mapping[key] : undefined);
  const named = (key: string) => byName.get(key.toLowerCase());
  const out: LogToSteps = {
    rows: [],
    mapped: {},
    unmapped: [],
    problems: mappingProblems(mapping, pairs, stepIds),
  };
  for (const [activity, list] of byActivity(pairs)) {
    const own = given(activity) ?? named(activity);
    // A channel's own step: given for it, else (unless the activity is given as a whole) by name.
    const ofChannel = (c: string | null) => {
      if (c === null) return undefined;
      const label = channelLabel(activity, c);
      if (given(label)) return given(label);
      if (activity in mapping) return undefined;
      const same = onChannel.get(`${activity.toLowerCase()}\u0000${slug(c)}`) ?? [];
      return named(label) ?? (same.length === 1 ? same[0] : undefined);
    };
    const channelSteps = list.map((p) => ({ ...p, step: ofChannel(p.channel) }));
    const main = channelSteps.find((p) => p.step !== undefined)?.step;
    const steps = channelSteps.map((p) => ({ channel: p.channel, step: p.step ?? own ?? main }));
    // One step for all its channels: the activity is mapped as a whole.
    const whole = main === undefined ? own : new Set(steps.map((p) => p.step)).size === 1 ? main : undefined;
    if (whole !== undefined) {
      out.rows.push({ activity, step: whole });
      out.mapped[activity] = whole;
    } else if (main === undefined) out.unmapped.push(activity);
    else
      for (const { channel, step = main } of steps) {
        out.rows.push({ activity, channel, step });
        out.mapped[channelLabel(activity, channel)] = step;
      }
  }
  return out;
}

/** The log's pairs by activity in byte order, each activity's channels most common first. */
function byActivity(pairs: ActivityChannel[]): [string, ActivityChannel[]][] {
  const out = new Map<string, ActivityChannel[]>();
  for (const p of pairs) out.set(p.activity, [...(out.get(p.activity) ?? []), p]);
  const text = (c: string | null) => c ?? '';
  return [...out]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([a, list]) => [
      a,
      [...list].sort((x, y) => y.n - x.n || (text(x.channel) < text(y.channel) ? -1 : 1)),
    ]);
}

/** What of a user's mapping cannot be used, said so that it is not dropped unseen. */
function mappingProblems(
  mapping: Record<string, string>,
  pairs: ActivityChannel[],
  steps: Set<string>,
): string[] {
  const labels = new Set(pairs.flatMap((p) => [p.activity, channelLabel(p.activity, p.channel)]));
  const problems: string[] = [];
  for (const [key, step] of Object.entries(mapping)) {
    if (!labels.has(key)) {
      // "Ask (fax)" for an activity the log has on other channels: say which.
      const [, activity] = /^(.*) \([^()]*\)$/.exec(key) ?? [];
      const channels = pairs
        .filter((p) => p.activity === activity && p.channel !== null)
        .map((p) => p.channel);
      problems.push(
        channels.length > 0
          ? `the mapping names '${key}', but the log has '${activity}' only on ${channels.join(', ')}`
          : `the mapping names '${key}', which the log has neither as an activity nor as "activity (channel)"`,
      );
    } else if (!steps.has(step))
      problems.push(`the mapping maps '${key}' to '${step}', which is no step id of the model`);
  }
  return problems;
}
