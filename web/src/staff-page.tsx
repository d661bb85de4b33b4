/**
 * Staffing at least cost: runs `staff` on the server, shows each pool's week (staff found, staff
 * today, offered load), its cost against today's and the hours simulation changed, and saves the
 * result as a scenario of the model.
 */
import { useState } from 'preact/hooks';
import { applyEdit } from '../../src/model/edits/apply';
import { scenarioEdit } from '../../src/simulation/staffing/scenario-edit';
import { percent } from '../../src/text/percent';
import { active, api, type JobOf, problemText, waitingText } from './api';
import { useTab } from './edit-pane';
import { follow } from './follow';
import { openSectionNext } from './organization/section';
import { ReplicationsField } from './replications-field';
import { StaffingChart } from './staffing-chart';

type Staffing = JobOf<{
  model: { name: string };
  pools: {
    id: string;
    name: string;
    targetText: string;
    method: string;
    load: number[];
    staff: number[];
    formula: number[];
    today: number[];
    serviceLevel: (number | null)[];
    missing: number[];
    /** The savings left untaken for want of replications, said (null: none). */
    unprovenText: string | null;
    memberHours: { staffed: number; today: number };
    cost: { staffed: number; today: number; currency: string } | null;
  }[];
  skipped: { id: string; name: string; reason: string }[];
  rounds: number;
  verified: boolean;
  options: { replications: number; days: number; seed: number };
  caution?: string;
  scenario: Parameters<typeof scenarioEdit>[1] | null;
}>;

const whole = (x: number) => Math.round(x).toLocaleString('en-US');
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function StaffPage(props: { name: string }) {
  const [, setTab] = useTab();
  const [replications, setReplications] = useState(10);
  const [days, setDays] = useState(14);
  const [job, setJob] = useState<Staffing | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const run = async () => {
    setError('');
    setSaved('');
    try {
      follow((await api.staff(props.name, { replications, days })).id, setJob);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const save = async () => {
    const scenario = job?.result?.scenario;
    if (!scenario) return;
    setError('');
    try {
      const { text, etag } = await api.model(props.name);
      const result = await api.save(props.name, applyEdit(text, scenarioEdit(text, scenario)).text, etag);
      if (!result.ok) throw new Error('the model would not be valid with the scenario; nothing was saved');
      setSaved(scenario.id);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const r = job?.result;
  return (
    <section class="staff">
      <h1>Staffing at least cost: {props.name}</h1>
      <p>
        For each pool with a service level, the fewest members in each hour of the week that meet it: queueing
        formulas first (Erlang C, or Erlang A where customers give up), then checked by simulating the whole
        model and corrected hour by hour.
      </p>
      <fieldset>
        <legend>Find the staffing</legend>
        <ReplicationsField value={replications} onChange={setReplications} />{' '}
        <label>
          Days per replication{' '}
          <input
            type="number"
            min={7}
            max={365}
            value={days}
            onInput={(e) => setDays(Number((e.target as HTMLInputElement).value))}
          />
        </label>{' '}
        <button type="button" class="run" onClick={run} disabled={active(job)}>
          Find the staffing
        </button>{' '}
        <button type="button" class="save-scenario" onClick={save} disabled={!r?.scenario || Boolean(saved)}>
          Save as scenario
        </button>
        {job && active(job) ? (
          <button type="button" onClick={() => api.cancel(job.id)}>
            Cancel
          </button>
        ) : null}
      </fieldset>
      {error ? <p class="error">{error}</p> : null}
      {job && active(job) ? (
        <p>
          <progress class="progress" max={job.total || 1} value={job.done} /> Simulation {job.done} of at most{' '}
          {job.total || '…'}
        </p>
      ) : null}
      {waitingText(job) ? <p class="waiting">{waitingText(job)}</p> : null}
      {job?.state === 'failed' || job?.state === 'cancelled' ? <p class="error">{job.error}</p> : null}
      {saved ? (
        <p class="saved">
          Saved as scenario '{saved}'.{' '}
          <a href={`#/whatif/${encodeURIComponent(props.name)}/${encodeURIComponent(saved)}`}>
            Compare it with today
          </a>
        </p>
      ) : null}
      {r ? (
        <p class="verdict">
          {r.pools.length === 0
            ? 'No pool was staffed.'
            : r.verified
              ? `Every open hour meets its target in the last of ${plural(r.rounds, 'simulation')} (${r.options.replications} replications of ${r.options.days} days).`
              : `Not every hour was confirmed by simulation within ${plural(r.rounds, 'round')}: see each pool.`}
          {r.caution ? <span class="caution"> {r.caution}</span> : null}
        </p>
      ) : null}
      {r?.pools.map((p) => {
        const changed = p.staff.filter((n, h) => n !== p.formula[h]).length;
        const levels = p.serviceLevel.filter((x, h): x is number => x !== null && (p.staff[h] ?? 0) > 0);
        return (
          <div key={p.id} class="pool-staffing">
            <h2>{p.name}</h2>
            <p>
              Target {p.targetText} ({p.method} per hour, then simulation). {whole(p.memberHours.staffed)}{' '}
              member-hours a week (today {whole(p.memberHours.today)})
              {p.cost
                ? `, ${p.cost.currency} ${whole(p.cost.staffed)} a week (today ${p.cost.currency} ${whole(p.cost.today)}; ${p.cost.today >= p.cost.staffed ? `${p.cost.currency} ${whole(p.cost.today - p.cost.staffed)} less` : `${p.cost.currency} ${whole(p.cost.staffed - p.cost.today)} more`})`
                : ', no cost per hour set'}
              .{' '}
              {levels.length
                ? `Lowest simulated service level in an open hour: ${percent(Math.min(...levels))}. `
                : ''}
              {changed ? `Simulation changed the formula's answer in ${plural(changed, 'hour')}.` : ''}
              {p.missing.length
                ? ` ${plural(p.missing.length, 'hour')} still below target in the last check.`
                : ''}
            </p>
            {p.unprovenText ? <p class="unproven">{p.unprovenText}</p> : null}
            <StaffingChart name={p.name} staff={p.staff} today={p.today} load={p.load} />
          </div>
        );
      })}
      {r?.skipped.length ? (
        <ul class="skipped">
          {r.skipped.map((s) => (
            <li key={s.id}>
              Not staffed: {s.name}, because {s.reason}.
            </li>
          ))}
        </ul>
      ) : null}
      {/* Where the target is set, one click away: it was two folded sections deep, and unsaid. */}
      {r?.skipped.some((s) => s.reason.includes('service level')) ? (
        <p class="where-target">
          A pool's target is its <b>Service level target</b>, under Pools on the model's{' '}
          <a
            href={`#/model/${encodeURIComponent(props.name)}`}
            onClick={() => {
              setTab('organization');
              openSectionNext('Pools');
            }}
          >
            Organization tab
          </a>
          .
        </p>
      ) : null}
    </section>
  );
}
