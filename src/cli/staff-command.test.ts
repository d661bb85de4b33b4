/** `linesight staff`: the week grid and cost in text, the scenario written into the file (comments kept), --dry-run and --json, and clear refusals. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../model/edits/apply.js';
import { load } from '../model/load.js';
import { linesight } from '../testing/cli.js';

const FIXTURE = new URL('../simulation/staffing/fixtures/hotline.yaml', import.meta.url).pathname;
const quick = ['-n', '2', '--days', '7', '--seed', '3', '-w', '1'];

function copy(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'linesight-staff-cli-')), 'hotline.yaml');
  copyFileSync(FIXTURE, file);
  return file;
}

describe('linesight staff', () => {
  it('prints the week and its cost, and writes the scenario into the model', async () => {
    const file = copy();
    const r = await linesight('staff', file, ...quick, '--scenario-id', 'cheapest');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Hotline agents: target 80% answered in 20 s (Erlang C per hour, then simulation)',
    );
    expect(r.stdout).toMatch(/^Sun {2}( +\.){24}$/m);
    expect(r.stdout).toMatch(/Cost a week: EUR [\d,]+ \(today EUR 30,720; EUR [\d,]+ less\)/);
    expect(r.stdout).toContain(`Wrote scenario 'cheapest' (Staffing at least cost) into ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# A hotline with a weekly arrival profile');
    const staffed = load(file, { scenario: 'cheapest' }).model;
    expect(staffed?.resources[0]?.schedule?.length).toBeGreaterThan(2);
    // Staffed again: the scenario staffing wrote is replaced, not added twice.
    expect((await linesight('staff', file, ...quick, '--seed', '4', '--scenario-id', 'cheapest')).code).toBe(
      0,
    );
    expect(readFileSync(file, 'utf8').match(/id: cheapest/g)).toHaveLength(1);
  });

  it('leaves a scenario someone wrote as it is, when staffing is told to write one of its id', async () => {
    const file = copy();
    const mine = {
      id: 'more-agents',
      name: 'Two more agents',
      changes: [{ set: 'resources.agents.capacity', value: 25 }],
    };
    writeFileSync(
      file,
      applyEdit(readFileSync(file, 'utf8'), { kind: 'set', path: ['scenarios'], value: [mine] }).text,
    );
    const before = readFileSync(file, 'utf8');
    const r = await linesight('staff', file, ...quick, '--scenario-id', 'more-agents');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain(
      "the model already has a scenario 'more-agents' that staffing did not write: it was left as it is, and the staffing not saved",
    );
    expect(r.stderr).toContain('--scenario-id');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('writes nothing with --dry-run, and answers JSON with every hour', async () => {
    const file = copy();
    const r = await linesight('staff', file, ...quick, '--dry-run', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.written).toBe(false);
    expect(json.pools[0].staff).toHaveLength(168);
    expect(json.scenario.changes.map((c: { set: string }) => c.set)).toEqual([
      'resources.agents.capacity',
      'resources.agents.schedule',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('refuses an unknown pool and too few days, saying what to give', async () => {
    const pool = await linesight('staff', FIXTURE, '--pools', 'agnets', '--dry-run');
    expect(pool.code).toBe(2);
    expect(pool.stderr).toContain("the model has no pool 'agnets' (its pools: agents)");
    const days = await linesight('staff', FIXTURE, '--days', '3', '--dry-run');
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('--days takes a whole number from 7 to 365');
    const rounds = await linesight('staff', FIXTURE, '--rounds', '1', '--dry-run');
    expect(rounds.code).toBe(2);
    expect(rounds.stderr).toContain('--rounds takes a whole number from 2 to 50');
  });

  it('runs at most the rounds asked for, and says how many it ran', async () => {
    const r = await linesight('staff', FIXTURE, ...quick, '--rounds', '2', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('round 2 of at most 2');
    expect(r.stderr).not.toContain('round 3');
    expect(r.stdout).toMatch(/checked by [12] simulations? of 2 replications x 7 days, seed 3/);
  });

  it('fails, writing nothing, when no pool can be staffed, and says why for each', async () => {
    const mmc = new URL('../../examples/mmc.yaml', import.meta.url).pathname;
    const none = await linesight('staff', mmc, '--json');
    expect(none.code).toBe(1);
    // Nothing written; the refusal, asked for as JSON, comes as JSON.
    expect(JSON.parse(none.stdout).error).toContain('could be staffed');
    expect(none.stderr).toContain(
      `no pool of ${mmc} could be staffed: 'agents', because it has no service level target`,
    );
    expect(none.stderr).toContain('hint: staffing meets each pool');
  });
});
