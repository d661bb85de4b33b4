/** The command line as a user meets it: exit codes, messages with file:line:column, --json. */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { fixture, positionOf } from '../model/fixtures/locate.js';
import { buildServer } from '../server/app.js';
import { linesight } from '../testing/cli.js';
import { EVENT_LOGS } from '../testing/data.js';
import { holdStore } from '../testing/held-store.js';
import { readPdf } from '../testing/pdf.js';
import { randomModel } from '../testing/random-model.js';
import { limitsOf } from './commands/serve.js';
import { VERSION } from './program.js';

describe('linesight validate', () => {
  it('exits 0 on valid files', async () => {
    const { code, stdout } = await linesight(
      'validate',
      fixture('valid-small.yaml'),
      fixture('shared-org.yaml'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('valid-small.yaml (2 steps, 1 scenario)');
    expect(stdout).toContain('all 2 files valid');
  });

  it('exits 1 on an invalid file and names file:line:column, the source line and a hint for each error', async () => {
    const { code, stdout } = await linesight('validate', fixture('unknown-reference.yaml'));
    expect(code).toBe(1);
    const { line, column } = positionOf('unknown-reference.yaml', 'Biling');
    expect(stdout).toContain(
      `unknown-reference.yaml:${line}:${column}: error: activity 'book-payment': unknown department 'Biling'`,
    );
    expect(stdout).toContain("hint: did you mean 'billing'?");
    expect(stdout).toMatch(/\| {7}- \{ id: book-payment.*Biling/);
    expect(stdout.match(/: error: /g)).toHaveLength(4);
    expect(stdout).toContain('FAILED');
  });

  it('lists every error with --json', async () => {
    const { code, stdout } = await linesight(
      'validate',
      '--json',
      fixture('units.yaml'),
      fixture('valid-small.yaml'),
    );
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ file: fixture('units.yaml'), ok: false });
    expect(results[0].errors).toHaveLength(5);
    for (const error of results[0].errors) {
      expect(error).toEqual(
        expect.objectContaining({
          file: fixture('units.yaml'),
          line: expect.any(Number),
          column: expect.any(Number),
          path: expect.any(String),
          message: expect.any(String),
        }),
      );
    }
    expect(results[1]).toMatchObject({ ok: true, errors: [], steps: 2 });
  });

  it('explains a YAML syntax error, an empty file and a binary file without a stack trace', async () => {
    for (const [name, text] of [
      ['yaml-syntax.yaml', 'yaml-syntax.yaml:2:1: error:'],
      ['empty.yaml', 'is empty'],
      ['binary.yaml', 'is not a text file'],
    ] as const) {
      const { code, stdout, stderr } = await linesight('validate', fixture(name));
      expect(code).toBe(1);
      expect(stdout).toContain(text);
      expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    }
  });

  it('validates the model files in a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    writeFileSync(join(dir, 'a.yaml'), readFileSync(fixture('valid-small.yaml')));
    writeFileSync(join(dir, 'notes.txt'), 'not a model');
    const { code, stdout } = await linesight('validate', dir);
    expect(code).toBe(0);
    expect(stdout).toContain('a.yaml');
    expect(stdout).not.toContain('notes.txt');
  });

  it('searches a folder named through ., .. or a hidden folder, skipping hidden folders and node_modules below it', async () => {
    const ws = join(mkdtempSync(join(tmpdir(), 'linesight-')), '.workspace');
    const valid = readFileSync(fixture('valid-small.yaml'));
    const broken = readFileSync(fixture('unknown-reference.yaml'));
    for (const [path, text] of [
      ['a.yaml', valid],
      ['models/b.yaml', valid],
      ['.git/c.yaml', broken],
      ['models/node_modules/d.yaml', broken],
    ] as const) {
      mkdirSync(dirname(join(ws, path)), { recursive: true });
      writeFileSync(join(ws, path), text);
    }
    for (const folder of [ws, join(ws, '.'), join(ws, 'models', '..')]) {
      const { code, stdout } = await linesight('validate', folder);
      expect(code).toBe(0);
      expect(stdout).toContain('all 2 files valid');
      expect(stdout).toContain('b.yaml');
      expect(stdout).not.toMatch(/[cd]\.yaml/);
    }
  });

  it('fails on a folder that holds no model files, and names the links it did not follow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const empty = await linesight('validate', dir);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`'${dir}' holds no model files`);
    symlinkSync(fixture('valid-small.yaml'), join(dir, 'linked.yaml'));
    const linked = await linesight('validate', dir);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain(
      `1 symbolic link in '${dir}' not followed (validate it by name): ${join(dir, 'linked.yaml')}`,
    );
    writeFileSync(join(dir, 'a.yaml'), readFileSync(fixture('valid-small.yaml')));
    const both = await linesight('validate', dir);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('a.yaml');
    expect(both.stderr).toContain('not followed');
  });

  it('exits 2 on usage errors', async () => {
    expect((await linesight('validate')).code).toBe(2);
    expect((await linesight('validate', '--frobnicate', 'x.yaml')).code).toBe(2);
    const typo = await linesight('valdate', 'x.yaml');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean validate?');
    expect((await linesight()).code).toBe(2);
  });
});

describe('linesight schema, init, --help, --version', () => {
  it('prints the JSON Schema', async () => {
    const { code, stdout } = await linesight('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['steps', 'stages', 'segments', 'organization', 'scenarios']),
    );
    expect((await linesight('schema', '--kind', 'nonsense')).code).toBe(2);
  });

  it('scaffolds a workspace whose starter model validates, and will not overwrite it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'linesight-')), 'workspace');
    const first = await linesight('init', dir, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).files).toHaveLength(3);
    const check = await linesight('validate', join(dir, 'journey.yaml'));
    expect(check.stdout).toContain('ok ');
    expect(check.code).toBe(0);
    const again = await linesight('init', dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await linesight('init', dir, '--force')).code).toBe(0);
    // A name like a model file's meant a file: nothing is made, and the way to a workspace is said.
    const named = join(dirname(dir), 'model.yaml');
    const file = await linesight('init', named);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is named like a model file, but init makes a folder');
    expect(existsSync(named)).toBe(false);
  });

  it("tells the workspace how to run this linesight, which is not on npm's registry", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'linesight-')), 'workspace');
    vi.stubEnv('npm_command', 'exec');
    const viaNpx = await linesight('init', dir);
    expect(viaNpx.stdout).toContain(`next: npx linesight validate ${join(dir, 'journey.yaml')}`);
    vi.stubEnv('npm_command', undefined);
    const installed = await linesight('init', dir, '--force');
    vi.unstubAllEnvs();
    expect(installed.stdout).toContain(`next: linesight validate ${join(dir, 'journey.yaml')}`);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
    expect(readme).toContain(`npm install --global ${root}`);
    expect(readme).not.toContain('npmjs.com');
    expect(readme).not.toContain('{{');
  });

  it('refuses an empty argument (an unset variable) as such, not as a file named nothing', async () => {
    for (const args of [
      ['validate', ''],
      ['render', '', '--view', 'blueprint'],
      ['log', 'import', '', '--log', 'x'],
    ]) {
      const run = await linesight(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^linesight: error: an empty files? argument was given: name it/);
    }
  });

  it('prints help and the version', async () => {
    const help = await linesight('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
    const version = await linesight('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
  });
});

describe('linesight render', () => {
  const example = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

  it('writes SVG and PNG files, and a summary with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const svg = await linesight('render', example, '--view', 'blueprint', '-o', join(dir, 'b.svg'), '--json');
    expect(svg.code).toBe(0);
    expect(JSON.parse(svg.stdout)).toMatchObject({
      view: 'blueprint',
      format: 'svg',
      boxes: expect.any(Number),
    });
    expect(readFileSync(join(dir, 'b.svg'), 'utf8')).toMatch(/^<svg /);
    const png = await linesight(
      'render',
      example,
      '--view',
      'journey',
      '--segment',
      'business',
      '-o',
      join(dir, 'j.png'),
    );
    expect(png.code).toBe(0);
    expect(readFileSync(join(dir, 'j.png')).subarray(1, 4).toString()).toBe('PNG');
    const stdout = await linesight('render', example, '--view', 'role', '--role', 'billing');
    expect(stdout.stdout).toContain('data-view="role"');
  });

  it("tells the size of the PNG it wrote, which is not the diagram's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const out = join(dir, 'b.png');
    const result = await linesight('render', example, '--view', 'blueprint', '-o', out);
    expect(result.code).toBe(0);
    const png = readFileSync(out);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const svg = (await linesight('render', example, '--view', 'blueprint')).stdout;
    const [svgWidth, svgHeight] = (svg.match(/<svg [^>]*width="([\d.]+)" height="([\d.]+)"/) ?? [])
      .slice(1)
      .map(Number);
    // The blueprint at 2x would be 52 megapixels: it is drawn at the scale that makes 24, in its
    // own proportions, and the message tells that scale and the cap.
    const scale = Math.sqrt(24e6 / ((svgWidth ?? 0) * (svgHeight ?? 0)));
    expect(width).toBeCloseTo(scale * (svgWidth ?? 0), -1);
    expect(height).toBeCloseTo(scale * (svgHeight ?? 0), -1);
    expect(width * height).toBeLessThanOrEqual(24e6 + width + height);
    expect(result.stderr).toContain(
      `wrote ${out} (blueprint, ${width} x ${height} px, the diagram at ${Math.round(scale * 100) / 100}x, capped at 24 megapixels,`,
    );
    // A diagram over 8,000 px on a side would pass the 16,000 px cap at 2x: it is drawn smaller.
    const big = join(dir, 'big.yaml');
    writeFileSync(big, stringify(randomModel({ steps: 300, seed: 3 })));
    const capped = await linesight('render', big, '--view', 'blueprint', '-o', join(dir, 'big.png'));
    const bigPng = readFileSync(join(dir, 'big.png'));
    const sides = [bigPng.readUInt32BE(16), bigPng.readUInt32BE(20)];
    expect(Math.max(...sides)).toBe(16000);
    expect(capped.stderr).toMatch(/the diagram at \d\.\d+x, capped at 16000 px a side,/);
    const json = await linesight(
      'render',
      example,
      '--view',
      'role',
      '--role',
      'sales',
      '-o',
      join(dir, 'r.png'),
      '--json',
    );
    const small = readFileSync(join(dir, 'r.png'));
    expect(JSON.parse(json.stdout).image).toEqual({
      width: small.readUInt32BE(16),
      height: small.readUInt32BE(20),
      scale: 2,
    });
  });

  it('writes a PDF of the pages it tells, with -o x.pdf or --format pdf, and only to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const blueprint = await linesight('render', example, '--view', 'blueprint', '-o', join(dir, 'b.pdf'));
    expect(blueprint.code).toBe(0);
    expect(blueprint.stderr).toMatch(
      /\(blueprint, one page of A0 landscape, text 6\.\d pt or larger, \d+ boxes\)/,
    );
    expect(readPdf(readFileSync(join(dir, 'b.pdf'))).pages).toHaveLength(1);
    const role = await linesight(
      'render',
      example,
      '-v',
      'role',
      '-r',
      'returns',
      '-f',
      'pdf',
      '-o',
      join(dir, 'role'),
      '--json',
    );
    expect(JSON.parse(role.stdout)).toMatchObject({ format: 'pdf', pages: 1, paper: 'A3' });
    expect(readFileSync(join(dir, 'role')).subarray(0, 5).toString()).toBe('%PDF-');
    const toTerminal = await linesight('render', example, '-v', 'journey', '-f', 'pdf');
    expect(toTerminal.code).toBe(2);
    expect(toTerminal.stderr).toContain('a PDF needs an output file: add -o diagram.pdf');
    expect(toTerminal.stdout).toBe('');
  });

  it('names the valid choices for a bad --view, --role or --segment, with exit code 2', async () => {
    const view = await linesight('render', example, '--view', 'bluprint');
    expect(view.code).toBe(2);
    expect(view.stderr).toContain("did you mean 'blueprint'? (views: blueprint, entity, journey, role, e2e)");
    const role = await linesight('render', example, '--view', 'role', '--role', 'biling');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("did you mean 'billing'?");
    const segment = await linesight('render', example, '--view', 'blueprint', '--segment', 'nobody');
    expect(segment.code).toBe(2);
    expect(segment.stderr).toContain('(segments: consumer, business)');
    expect((await linesight('render', example, '--view', 'journey', '-o', 'x.gif')).code).toBe(2);
  });

  it('refuses to draw an invalid model, with its errors', async () => {
    const result = await linesight('render', fixture('units.yaml'), '--view', 'blueprint');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the duration 5 has no unit');
    expect(result.stdout).toBe('');
  });
});

describe('linesight analyze and compare', () => {
  const example = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
  const competitor = fileURLToPath(new URL('../../examples/competitor.yaml', import.meta.url));

  it('prints ranked findings and the exact journey metrics', async () => {
    const { code, stdout } = await linesight('analyze', example, '--top', '5');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Findings, most serious first\n-+\n 1\. \[(critical|high)\]/);
    expect(stdout).toContain('The journey, per customer (exact, without queues)');
    expect(stdout).toContain('Queues at the pools (approximate)');
    expect(stdout).toContain("Each department's line of sight");
  });

  it('writes JSON, Markdown and a self-contained HTML report with the blueprint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const json = JSON.parse((await linesight('analyze', example, '--json')).stdout);
    expect(json.findings.length).toBeGreaterThan(10);
    expect(json.metrics.overall.ends).toHaveProperty('order-received');
    expect((await linesight('analyze', example, '-o', join(dir, 'report.md'))).code).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^# .*analysis\n\n## Findings\n\n1\. \*\*/);
    expect(
      (await linesight('analyze', example, '--format', 'html', '-o', join(dir, 'report.html'))).code,
    ).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).toContain('class="badge finding"');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('shows what a scenario changes, and names the scenarios when one is misspelt', async () => {
    const diff = await linesight('analyze', example, '--diff', 'better-product-pages');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/Contacts per customer\s+0\.709\s+0\.633\s+-0\.076 \(-10\.7%\)\s+better/);
    const typo = await linesight('analyze', example, '--diff', 'better-pages');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      "known scenarios: 'account-executives', 'ivr-reroute', 'better-product-pages'",
    );
    expect(typo.stderr.match(/account-executives/g)).toHaveLength(1);
    // With --scenario as well, the diff set one scenario's model against the other's applied to
    // the bare one and called the gap the second's effect.
    const both = await linesight(
      'analyze',
      example,
      '--scenario',
      'account-executives',
      '--diff',
      'ivr-reroute',
    );
    expect([both.code, both.stdout]).toEqual([2, '']);
    expect(both.stderr).toContain('--diff ivr-reroute compares that scenario with the model as written');
  });

  it('compares us with the competitor stage by stage', async () => {
    const { code, stdout } = await linesight('compare', example, competitor);
    expect(code).toBe(0);
    expect(stdout).toContain('against Contoso Direct');
    expect(stdout).toMatch(/We lead\s+Revise or ask/);
    expect(stdout).toMatch(/Contoso Direct leads\s+Research/);
  });

  it('refuses to compare a model with itself', async () => {
    const { code, stderr } = await linesight('compare', example, example);
    expect(code).toBe(2);
    expect(stderr).toContain('both sides are the same model');
  });

  it('analyses a model whose loop has no way out, and reports it first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const file = join(dir, 'stuck.yaml');
    writeFileSync(
      file,
      'name: Stuck\nstages: [{ id: s, name: S }]\nsteps:\n  - { id: a, name: A, stage: s, next: [{ to: b, p: 0.3 }, { to: done }] }\n  - { id: b, name: B, stage: s, next: b }\nends: [{ id: done, name: Done, outcome: success }]\nstart: a\n',
    );
    expect((await linesight('validate', file)).code).toBe(1);
    const { code, stdout } = await linesight('analyze', file);
    expect(code).toBe(0);
    expect(stdout).toContain(' 1. [critical] Customers enter a loop with no way out');
  });
});

describe('linesight simulate and whatif', () => {
  const mmcFile = fileURLToPath(new URL('../../examples/mmc.yaml', import.meta.url));
  const example = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

  it('writes a simulated event log that log import reads, the same for the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const args = ['simulate', example, '-n', '1', '--horizon', '3d', '--warmup', '1d', '--seed', '9'];
    const first = await linesight(...args, '--event-log', join(dir, 'a.csv'));
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/wrote [\d,]+ events of [\d,]+ customers to .*a\.csv/);
    await linesight(...args, '--event-log', join(dir, 'b.csv'));
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(csv);
    expect(csv.split('\n')[0]).toBe('customer,activity,timestamp,channel,segment,outcome');
    const imported = await linesight('log', 'import', join(dir, 'a.csv'), '--db', join(dir, 'e.duckdb'));
    expect(imported.stdout).toContain(
      `${(csv.trim().split('\n').length - 1).toLocaleString('en-US')} events`,
    );
    expect(imported.stdout).toContain('0 rows skipped');
  });

  it('says the horizon counts the warm-up in, as the customers counted show', async () => {
    const short = ['-n', '2', '--horizon', '3d', '--warmup', '1d', '-w', '1'];
    const run = await linesight('simulate', mmcFile, ...short);
    expect(run.stdout).toContain('2 replications of 3 d including 24 h of warm-up, seed 1');
    // 100 customers an hour over the 2 days after the warm-up: 4,800, not 7,200.
    const counted = Number(/Customers counted\s+([\d,]+)/.exec(run.stdout)?.[1]?.replace(/,/g, ''));
    expect(counted).toBeGreaterThan(4_400);
    expect(counted).toBeLessThan(5_200);
  });

  it('simulates a scenario file as its base with the scenario applied, and what-ifs from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    writeFileSync(join(dir, 'mmc.yaml'), readFileSync(mmcFile, 'utf8'));
    writeFileSync(
      join(dir, 'more.yaml'),
      'kind: scenario\nbase: mmc.yaml\nid: more\nname: Eleven agents\nchanges:\n  - { set: resources.agents.capacity, value: 11 }\n',
    );
    const short = ['-n', '2', '--horizon', '2d', '--warmup', '1d'];
    const scenario = JSON.parse(
      (await linesight('simulate', join(dir, 'more.yaml'), ...short, '--json')).stdout,
    );
    const set = JSON.parse(
      (await linesight('simulate', mmcFile, ...short, '--json', '--set', 'resources.agents.capacity=11'))
        .stdout,
    );
    expect(scenario.overall).toEqual(set.overall);
    expect(scenario.model.scenario).toEqual({ id: 'more', name: 'Eleven agents' });
    const more = ['--set', 'resources.agents.capacity=12'];
    const whatif = await linesight('whatif', join(dir, 'more.yaml'), ...short, ...more);
    expect(whatif.code).toBe(0);
    expect(whatif.stdout).toContain("from scenario 'Eleven agents': what-if");
  });

  it('simulates with confidence intervals, the same JSON for one worker or two', async () => {
    const one = await linesight(
      'simulate',
      mmcFile,
      '-n',
      '4',
      '--horizon',
      '5d',
      '--warmup',
      '1d',
      '--workers',
      '1',
      '--json',
    );
    const two = await linesight(
      'simulate',
      mmcFile,
      '-n',
      '4',
      '--horizon',
      '5d',
      '--warmup',
      '1d',
      '--workers',
      '2',
      '--json',
    );
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const result = JSON.parse(one.stdout);
    expect(result.overall.queueWait).toMatchObject({
      mean: expect.any(Number),
      halfWidth: expect.any(Number),
      n: 4,
    });
    const text = await linesight('simulate', mmcFile, '-n', '3', '--horizon', '3d', '--warmup', '1d');
    // One unit a row, named once in its column: no "12.7 min ± 114 s".
    expect(text.stdout).toMatch(/Time waiting in queues\s+(s|min)\s+[\d.]+ ± [\d.]+\n/);
    expect(text.stdout).toMatch(/Customers counted\s+[\d,]+ ± [\d,]+\n/);
    expect(text.stdout).toContain("Little's law");
    expect(text.stdout).toContain('KPI (mean ± 95% CI)');
    // One replication has no interval: the headings do not promise one.
    const single = await linesight('simulate', mmcFile, '-n', '1', '--horizon', '3d', '--warmup', '1d');
    expect(single.stdout).toContain('KPI (one replication: no CI)');
    expect(single.stdout).toContain('Contact center (one replication: no CI;');
    expect(single.stdout).not.toContain('±');
  });

  it('answers the account-executives question side by side, with the pool it adds and one unit a row', async () => {
    const { code, stdout } = await linesight(
      'whatif',
      example,
      '--scenarios',
      'account-executives',
      '-n',
      '3',
      '--horizon',
      '3d',
      '--warmup',
      '1d',
    );
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    // The headline names the scenario and what moved most, before the table.
    expect(lines[2]).toMatch(/^Dedicated account executives for business buyers: .*moved most: /);
    for (const kpi of [
      'Calls per order',
      'Time waiting in queues',
      'Abandonment (share of queue entries)',
      'Staff cost per order',
      'Experience score (0-100)',
      'Utilisation of Inside sales reps',
    ]) {
      const row = lines.find((l) => l.startsWith(kpi));
      // KPI, its unit once, then figures only: baseline, scenario, change, verdict.
      expect(row, kpi).toMatch(
        /^.+?\s{2,}(s|min|h|d|%( \(pp\))?|EUR)?\s+[\d,.]+ ± [\d,.]+\s+[\d,.]+ ± [\d,.]+\s+[+-]?[\d,.]+ ± [\d,.]+\s+(better|worse|higher|lower|no clear difference)$/,
      );
    }
    // The pool the scenario adds is a row, empty in the baseline and explained.
    expect(stdout).toMatch(
      /Utilisation of Account executives\s+% \(pp\)\s+—\s+[\d.]+ ± [\d.]+\s+—\s+new in the scenario/,
    );
    expect(stdout).toMatch(/Abandonment at Account executives\s+% \(pp\)\s+—/);
    expect(stdout).toContain('the baseline has no such KPI');
    // Pools by their names, never their ids.
    expect(stdout).not.toMatch(/sales-reps|account-executives\b/);
    // With the example's economics: the headline says whether it pays, the details follow the table.
    expect(lines[2]).toMatch(
      /: (pays|costs) EUR [\d,]+ a month \(95%: -?[\d,]+ to -?[\d,]+\)|: no clear answer whether it pays/,
    );
    expect(stdout).toMatch(
      /Does 'Dedicated account executives for business buyers' pay\? (yes, it pays|no, it costs more than it brings|no clear difference): [+-]?[\d,]+ EUR a month \(95% interval [+-]?[\d,]+ EUR to [+-]?[\d,]+ EUR\)/,
    );
    expect(stdout).toMatch(
      /Margin per order, Business buyers\s+50 EUR\s+economics\.margin\.business in order-departments\.yaml/,
    );
    expect(stdout).toMatch(
      /Value lost when a customer leaves, Business buyers\s+300 EUR\s+[+-][\d,]+ EUR \((pays|costs|no clear difference)\)/,
    );
  });

  it('tries a change with --set and finds the smallest staffing with --sweep', async () => {
    const set = await linesight(
      'whatif',
      mmcFile,
      '--set',
      'resources.agents.capacity=12',
      '-n',
      '4',
      '--horizon',
      '5d',
      '--warmup',
      '1d',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/Time waiting in queues\s+(s|min)\s.*\s-[\d.]+ ± [\d.]+\s+better/);
    // A model without economics says nothing about money but that it has none.
    expect(set.stdout).not.toContain('Does ');
    expect(set.stdout).toContain('no money figure (the model has no economics to value it)');
    const sweep = await linesight(
      'simulate',
      mmcFile,
      '--sweep',
      'resources.agents.capacity=8..12',
      '--target',
      'queueWait<=30s',
      '-n',
      '4',
      '--horizon',
      '5d',
      '--warmup',
      '1d',
    );
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toMatch(/^\s*8\s+overloaded/m);
    // The answer is the first value whose whole interval meets the target; Erlang C says it cannot be below 11.
    const first = /^(\d+)\s.*\syes$/m.exec(sweep.stdout)?.[1];
    expect(Number(first)).toBeGreaterThanOrEqual(11);
    expect(sweep.stdout).toContain(
      `The smallest value that meets queueWait<=30s (judged on the 95% interval): resources.agents.capacity=${first}.`,
    );
    // An overloaded value meets no target; the target's KPI, one of the columns, is not shown twice.
    expect(sweep.stdout).toMatch(/^\s*8\s+overloaded\s+no$/m);
    const headers = sweep.stdout.split('\n')[0]?.split(/\s{2,}/) ?? [];
    expect(headers.filter((h) => h === 'Time waiting in queues')).toHaveLength(1);
    // A value with a unit: a rate swept per hour, as the hint for a bare number says to write it.
    const rates = await linesight(
      'simulate',
      mmcFile,
      '--sweep',
      'arrivals.rate=90..91/h',
      '-n',
      '2',
      '--horizon',
      '1d',
      '--warmup',
      '0',
    );
    expect(rates.code).toBe(0);
    expect(rates.stdout).toMatch(/^90\/h\s/m);
    expect(rates.stdout).toMatch(/^91\/h\s/m);
    const mixed = await linesight('simulate', mmcFile, '--sweep', 'arrivals.rate=90/h..91/min');
    expect([mixed.code, mixed.stderr]).toEqual([
      2,
      'linesight: error: --sweep 90/h..91/min: give both ends in one unit\n',
    ]);
  });

  it('refuses bad parameters before simulating', async () => {
    const unknown = await linesight('simulate', mmcFile, '--set', 'resources.agent.capacity=3');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("did you mean 'agents'?");
    const overloaded = await linesight('simulate', mmcFile, '--set', 'resources.agents.capacity=8');
    expect(overloaded.code).toBe(1);
    expect(overloaded.stderr).toContain("pool 'agents' is overloaded");
    const negative = await linesight('simulate', mmcFile, '--set', 'arrivals.rate=-5/h');
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('negative');
    expect((await linesight('simulate', mmcFile, '--horizon', 'soon')).code).toBe(2);
    // A setting that cannot be is a usage error, as every other bad option is.
    const warmup = await linesight('simulate', mmcFile, '--warmup', '40d');
    expect(warmup.code).toBe(2);
    expect(warmup.stderr).toContain('the warm-up (40 d) must be shorter than the horizon (30 d)');
    expect((await linesight('simulate', mmcFile, '--horizon', '0s')).code).toBe(2);
    // A what-if of a model without scenarios says how to give it one, naming the model's own pool.
    const none = await linesight('whatif', mmcFile);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('write one under scenarios: in the model');
    expect(none.stderr).toContain('--set resources.agents.capacity=11');
    // A short horizon alone takes a warm-up in proportion (a fifteenth), not the 2 days it did not ask for.
    const short = await linesight('simulate', mmcFile, '--horizon', '1d', '-n', '2', '-w', '1');
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('2 replications of 24 h including 96 min of warm-up');
    // Options that belong to another run are refused, not dropped: a sweep wrote no event log,
    // and a target without a sweep ran a plain simulation.
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const sweptLog = await linesight(
      'simulate',
      mmcFile,
      '--sweep',
      'resources.agents.capacity=9..10',
      '--event-log',
      join(dir, 'ev.csv'),
    );
    expect([sweptLog.code, sweptLog.stdout]).toEqual([2, '']);
    expect(sweptLog.stderr).toContain('--event-log writes the events of one simulation, not of a sweep');
    expect(existsSync(join(dir, 'ev.csv'))).toBe(false);
    const nothing = await linesight('whatif', example, '--scenarios', ' ,');
    expect([nothing.code, nothing.stdout]).toEqual([2, '']);
    expect(nothing.stderr).toContain(
      "--scenarios names none: give their ids, comma-separated (the model's: account-executives, ivr-reroute, better-product-pages)",
    );
    expect((await linesight('analyze', example, '--top', '-1')).stderr).toContain(
      '--top takes a whole number of at least 0',
    );
    const target = await linesight('simulate', mmcFile, '--target', 'queueWait<=30s');
    expect([target.code, target.stdout]).toEqual([2, '']);
    expect(target.stderr).toContain('--target goes with --sweep');
  });

  it('refuses numbers past their range on the command line: infinite rates, endless runs, aliased seeds', async () => {
    const infinite = await linesight('simulate', mmcFile, '--set', 'arrivals.rate=1e309/h');
    expect(infinite.code).toBe(2);
    expect(infinite.stderr).toContain('more than a million an hour');
    const huge = await linesight('simulate', mmcFile, '--set', 'resources.agents.capacity=1e15');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('at most 100000');
    for (const [flag, value] of [
      ['--replications', '1e300'],
      ['--seed', '4294967296'],
      ['--workers', '100000'],
      ['--horizon', '1e309d'],
    ]) {
      const refused = await linesight('simulate', mmcFile, flag as string, value as string);
      expect(refused.code, `${flag} ${value}`).toBe(2);
      expect(refused.stderr).not.toContain('    at ');
    }
  });
});

describe('linesight log', () => {
  const logs = EVENT_LOGS;

  it("refuses an option of another format's logs, and a log of no name, rather than importing as if all were well", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const db = join(dir, 'events.duckdb');
    const csv = join(logs, 'running-example.csv');
    const lifecycle = await linesight('log', 'import', csv, '--db', db, '--lifecycle', 'complete');
    expect(lifecycle.code).toBe(1);
    expect(lifecycle.stderr).toContain(
      'running-example.csv is CSV, not XES: it has no lifecycle transitions for --lifecycle to keep',
    );
    const caseType = await linesight(
      'log',
      'import',
      join(logs, 'running-example.xes'),
      '--db',
      db,
      '--case-type',
      'Order',
    );
    expect(caseType.code).toBe(1);
    expect(caseType.stderr).toContain(
      'running-example.xes is XES, not OCEL: it has no object types for --case-type',
    );
    const nameless = await linesight('log', 'import', csv, '--db', db, '--log', ' ');
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain('has no name');
    expect(existsSync(db)).toBe(false);
  });

  it('says it is laying out a graph of a hundred edges and more before the layout holds it for seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    // Eleven activities, each followed once by each other: 110 edges.
    const names = Array.from({ length: 11 }, (_, i) => `step ${i}`);
    const rows = names.flatMap((a, i) =>
      names.flatMap((b, j) =>
        i === j ? [] : [`c${i}-${j},${a},2024-01-01 10:00:00`, `c${i}-${j},${b},2024-01-01 10:05:00`],
      ),
    );
    const csv = join(dir, 'pairs.csv');
    writeFileSync(csv, `case_id,activity,timestamp\n${rows.join('\n')}\n`);
    const db = join(dir, 'events.duckdb');
    expect((await linesight('log', 'import', csv, '--db', db)).code).toBe(0);
    const svg = join(dir, 'pairs.svg');
    const drawn = await linesight('log', 'discover', '--db', db, '--svg', svg, '--edges', '100');
    expect(drawn.code).toBe(0);
    expect(drawn.stderr).toContain("laying out the graph's 100 edges: ELK takes seconds");
    expect(drawn.stderr.indexOf('laying out')).toBeLessThan(drawn.stderr.indexOf('wrote'));
    expect(readFileSync(svg, 'utf8')).toContain('The 100 most frequent of 110 directly-follows edges');
  });

  it('imports, lists and discovers, appending without counting an event twice', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'linesight-')), 'events.duckdb');
    const first = await linesight('log', 'import', join(logs, 'running-example.xes'), '--db', db);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "log 'running-example': 42 events, 6 cases; 0 rows skipped; 0 duplicate events",
    );
    const again = await linesight('log', 'import', join(logs, 'running-example.xes'), '--db', db);
    expect(again.stdout).toContain('0 events');
    expect(again.stdout).toContain('42 duplicate events already in the store, not added');
    const list = JSON.parse((await linesight('log', 'list', '--db', db, '--json')).stdout);
    expect(list).toEqual([{ log: 'running-example', events: 42, cases: 6 }]);
    const svg = join(tmpdir(), `dfg-${Date.now()}.svg`);
    const discovered = await linesight('log', 'discover', '--db', db, '--json', '--svg', svg, '--edges', '5');
    expect(JSON.parse(discovered.stdout)).toMatchObject({
      events: 42,
      cases: 6,
      start: { 'register request': 6 },
    });
    expect(readFileSync(svg, 'utf8')).toMatch(/The 5 most frequent of \d+ directly-follows edges/);
    expect(discovered.stderr).not.toContain('laying out');
    const all = JSON.parse(discovered.stdout).dfg.length;
    const cut = JSON.parse(
      (await linesight('log', 'discover', '--db', db, '--json', '--most-edges', '2')).stdout,
    );
    expect(cut.dfg).toHaveLength(2);
    expect(cut.moreEdges).toBe(all - 2);
    expect((await linesight('log', 'discover', '--db', db, '--most-activities', '1')).stdout).toMatch(
      /^Log 'running-example': \d+ events, 6 cases of the most frequent activity \(7 others left out\)$/m,
    );
    const listed = (await linesight('log', 'discover', '--db', db, '--most-edges', '3')).stdout;
    expect(listed).toContain(`Directly-follows (the 3 most frequent of ${all} edges)`);
    expect((await linesight('log', 'discover', '--db', db)).stdout).toContain(
      all > 25
        ? `Directly-follows (the 25 most frequent of ${all} edges)`
        : `Directly-follows (${all} edges, most frequent first)`,
    );
    // A segment the log does not have is said, not answered with a graph of no events.
    const nowhere = await linesight('log', 'discover', '--db', db, '--segment', 'nope');
    expect([nowhere.code, nowhere.stdout]).toEqual([1, '']);
    expect(nowhere.stderr).toContain("the log 'running-example' has no segment 'nope'");
    expect(nowhere.stderr).toContain('its events name no segment');
    const huge = await linesight('log', 'discover', '--db', db, '--svg', svg, '--edges', '501');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('--edges takes a whole number from 1 to 500');
    const strict = JSON.parse(
      (await linesight('log', 'journeys', '--db', db, '--json', '--min-support', '100%')).stdout,
    );
    expect(strict.drivers).toEqual([]);
    const badSupport = await linesight('log', 'journeys', '--db', db, '--min-support', 'most');
    expect(badSupport.code).toBe(2);
    expect(badSupport.stderr).toContain('--min-support');
    // A log without channels: no switching to show, and every event counted as a contact, said so.
    const text = (await linesight('log', 'journeys', '--db', db)).stdout;
    expect(text).toContain('the log names no channel: no switching to show');
    expect(text).not.toContain('0.0% of customers');
    expect(text).toContain('contacts are every event: the log names no phone, chat, mail');
    expect(text).toContain('  found by the name rule (the default): searches, page views and forms');
    // The per-month figures of the drivers: extrapolated from a log shorter than a month, said so;
    // over a longer one, its months.
    expect(text).toContain(
      "per month extrapolated from the log's 25.2 d, less than a month: read it with care",
    );
    const months = join(dirname(db), 'months.csv');
    writeFileSync(
      months,
      'case_id,activity,timestamp\nc1,call,2024-01-01 10:00:00\nc1,call,2024-03-01 10:00:00\n',
    );
    const longDb = join(dirname(db), 'months.duckdb');
    expect((await linesight('log', 'import', months, '--log', 'months', '--db', longDb)).code).toBe(0);
    const long = (await linesight('log', 'journeys', '--db', longDb)).stdout;
    expect(long).toContain("Log 'months': 1 customer\n");
    expect(long).toMatch(/Holm-corrected at 0\.05; per month over the log's 2\.0 months\n/);
    const named = await linesight(
      'log',
      'journeys',
      '--db',
      db,
      '--contacts',
      'decide',
      '--web-signs',
      'check ticket',
    );
    expect(named.stdout).toContain(
      '  found by the activities and patterns named as signs\n  check ticket: the activity, against the days with other events that are not contacts',
    );
    const badSigns = await linesight('log', 'journeys', '--db', db, '--web-signs', '/([/');
    expect(badSigns.code).toBe(2);
    expect(badSigns.stderr).toContain('--web-signs: /([/ is no regular expression');
    const badLevel = await linesight('log', 'journeys', '--db', db, '--level', '0.9');
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toContain('--level');
    const both = await linesight('log', 'journeys', '--db', db, '--initiator', 'x', '--outbound', 'y');
    expect(both.stderr).toContain('--outbound: name who started a contact either by a column');
    const unknown = await linesight('log', 'remove', 'receipts', '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no log 'receipts' (logs: running-example)");
    const removed = await linesight('log', 'remove', 'running-example', '--db', db);
    expect(removed.stdout).toBe("removed log 'running-example' (42 events)\n");
    expect(JSON.parse((await linesight('log', 'list', '--db', db, '--json')).stdout)).toEqual([]);
  });

  it('leaves the store as it was when a file fails half-way (a truncated XES)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const db = join(dir, 'events.duckdb');
    expect((await linesight('log', 'import', join(logs, 'running-example.xes'), '--db', db)).code).toBe(0);
    const xes = readFileSync(join(logs, 'running-example.xes'), 'utf8');
    // Cut inside the fifth trace: four whole traces come before the break.
    const cut =
      xes.indexOf(
        '<trace>',
        xes.indexOf(
          '<trace>',
          xes.indexOf('<trace>', xes.indexOf('<trace>', xes.indexOf('<trace>') + 1) + 1) + 1,
        ) + 1,
      ) + 40;
    const truncated = join(dir, 'more.xes');
    writeFileSync(truncated, xes.slice(0, cut));
    const failed = await linesight(
      'log',
      'import',
      truncated,
      '--db',
      db,
      '--log',
      'running-example',
      '--on-error',
      'fail',
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('more.xes');
    const list = JSON.parse((await linesight('log', 'list', '--db', db, '--json')).stdout);
    expect(list).toEqual([{ log: 'running-example', events: 42, cases: 6 }]);
  });

  it("reports each file's outcome: the good one imported with its counts, the bad one failed with nothing left", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const db = join(dir, 'events.duckdb');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'case_id,activity,timestamp\nc1,Call,2024-01-01T10:00:00Z\nc1,Call,not a time\n');
    const good = join(logs, 'running-example.csv');
    const text = await linesight('log', 'import', good, bad, '--db', db, '--on-error', 'fail');
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(
      `${good} -> log 'running-example': 42 events, 6 cases; 0 rows skipped; 0 duplicate events already in the store, not added\n`,
    );
    expect(text.stderr).toContain(
      `linesight: error: ${bad}, line 3, timestamp: "not a time" is not a timestamp`,
    );
    expect(text.stderr).toContain('1 of 2 files imported; the 1 that failed added nothing to the store');
    expect(JSON.parse((await linesight('log', 'list', '--db', db, '--json')).stdout)).toEqual([
      { log: 'running-example', events: 42, cases: 6 },
    ]);
    const json = await linesight('log', 'import', bad, good, '--db', db, '--on-error', 'fail', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        file: bad,
        log: 'bad',
        status: 'failed',
        error: `${bad}, line 3, timestamp: "not a time" is not a timestamp`,
        hint: '1 row has problems; fix them, or import with --on-error skip',
      },
      expect.objectContaining({ file: good, status: 'imported', events: 0, duplicates: 42 }),
    ]);
  });

  it('reads no store that is not there and makes none: it says to import first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const db = join(dir, 'new', 'dir', 'x.duckdb');
    for (const command of ['list', 'discover', 'journeys']) {
      const result = await linesight('log', command, '--db', db);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `linesight: error: there is no event store at ${db} yet\n      hint: import a log first: linesight log import FILE --db ${db}\n`,
      );
    }
    expect((await linesight('log', 'remove', 'claims', '--db', db)).code).toBe(1);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'case_id,activity,timestamp\nc1,Call,not a time\n');
    expect((await linesight('log', 'import', bad, '--db', db, '--on-error', 'fail')).code).toBe(1);
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });

  it('says which process holds the store, and lets readers read side by side', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'linesight-')), 'events.duckdb');
    expect((await linesight('log', 'import', join(logs, 'running-example.xes'), '--db', db)).code).toBe(0);
    const writer = await holdStore(db, 'write');
    try {
      for (const argv of [['import', join(logs, 'running-example.csv')], ['list']]) {
        const busy = await linesight('log', ...argv, '--db', db);
        expect(busy.code).toBe(1);
        expect(busy.stderr).toBe(
          `linesight: error: the event store ${db} is in use by another linesight process (PID ${writer.pid})\n      hint: wait until that process finishes (an import, or linesight serve on this workspace), then try again\n`,
        );
      }
    } finally {
      await writer.release();
    }
    const reader = await holdStore(db, 'read');
    try {
      const list = await linesight('log', 'list', '--db', db, '--json');
      expect(JSON.parse(list.stdout)).toEqual([{ log: 'running-example', events: 42, cases: 6 }]);
      expect((await linesight('log', 'discover', '--db', db, '--json')).code).toBe(0);
      const remove = await linesight('log', 'remove', 'running-example', '--db', db);
      expect(remove.code).toBe(1);
      expect(remove.stderr).toContain(`(PID ${reader.pid})`);
    } finally {
      await reader.release();
    }
  });

  it('stops at the first bad row with --on-error fail, naming line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    writeFileSync(
      join(dir, 'bad.csv'),
      'case_id,activity,timestamp\nc1,Call,2024-01-01T10:00:00Z\nc1,Call,not a time\n',
    );
    const result = await linesight(
      'log',
      'import',
      join(dir, 'bad.csv'),
      '--db',
      join(dir, 'e.duckdb'),
      '--on-error',
      'fail',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3, timestamp: "not a time" is not a timestamp');
    const skipped = await linesight('log', 'import', join(dir, 'bad.csv'), '--db', join(dir, 'e.duckdb'));
    expect(skipped.stdout).toContain('1 row skipped');
    const unknown = await linesight(
      'log',
      'import',
      join(dir, 'bad.csv'),
      '--db',
      join(dir, 'f.duckdb'),
      '--activity',
      'Activty',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("has no column 'Activty'");
  });

  it('checks conformance and writes a calibrated overlay that validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const db = join(dir, 'e.duckdb');
    await linesight('log', 'import', join(logs, 'running-example.csv'), '--db', db);
    writeFileSync(
      join(dir, 'claims.yaml'),
      `name: Compensation requests
arrivals: { rate: 1/d }
stages: [{ id: s, name: S }]
steps:
  - { id: register, name: register request, stage: s, next: [{ to: examine, p: 0.5 }, { to: check, p: 0.5 }] }
  - { id: examine, name: examine casually, stage: s, next: check }
  - { id: check, name: check ticket, stage: s, next: decide }
  - { id: decide, name: decide on the claim, stage: s, next: [{ to: paid, p: 0.5 }, { to: rejected, p: 0.5 }] }
ends: [{ id: paid, name: Paid, outcome: success }, { id: rejected, name: Rejected, outcome: exit }]
start: register
`,
    );
    const fit = JSON.parse(
      (await linesight('log', 'conformance', '--db', db, '--model', join(dir, 'claims.yaml'), '--json'))
        .stdout,
    );
    expect(fit.unmappedActivities).toEqual(
      expect.arrayContaining([
        'examine thoroughly',
        'pay compensation',
        'reject request',
        'reinitiate request',
      ]),
    );
    expect(fit.fitness).toBeGreaterThan(0);
    expect(fit.fitness).toBeLessThan(1);
    // The text sets each end's journeys beside those the model expects there, steps by name.
    const text = (await linesight('log', 'conformance', '--db', db, '--model', join(dir, 'claims.yaml')))
      .stdout;
    const ends = text.slice(text.indexOf('Where journeys end'));
    expect(ends).toMatch(/Step\s+Journeys\s+Expected\s+Share\s+Modelled share\s+z/);
    const names = fit.names as Record<string, string>;
    const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const p of fit.ends[0].places as { step: string; observed: number; expected: number }[]) {
      expect(names[p.step]).not.toBe(p.step);
      expect(ends).toMatch(
        new RegExp(
          `${literally(names[p.step] as string)}\\s+${p.observed.toLocaleString('en-US')}\\s+${p.expected.toLocaleString('en-US', { maximumFractionDigits: 1 })}\\s`,
        ),
      );
    }
    // A model none of whose steps the log's activities name: nothing compared, and said so.
    writeFileSync(
      join(dir, 'other.yaml'),
      `name: Another process
arrivals: { rate: 1/d }
stages: [{ id: s, name: S }]
steps:
  - { id: apply, name: Apply online, stage: s, next: wait }
  - { id: wait, name: Wait for the letter, stage: s, next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: apply
`,
    );
    const nothing = await linesight('log', 'conformance', '--db', db, '--model', join(dir, 'other.yaml'));
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain('Nothing to compare: no event of the log maps to a step of the model');
    expect(nothing.stdout).not.toContain('Where journeys start');
    const none = JSON.parse(
      (await linesight('log', 'conformance', '--db', db, '--model', join(dir, 'other.yaml'), '--json'))
        .stdout,
    );
    expect([none.moves, none.starts[0].verdict, none.starts[0].p]).toEqual([0, 'none', 1]);
    // A mapping's line that names no activity, or no step, is said, not dropped.
    writeFileSync(join(dir, 'typo.yaml'), 'Apply onlin: apply\n');
    const typo = await linesight(
      'log',
      'conformance',
      '--db',
      db,
      '--model',
      join(dir, 'other.yaml'),
      '--mapping',
      join(dir, 'typo.yaml'),
    );
    expect(typo.stdout).toContain(
      `Not used: the mapping names 'Apply onlin', which the log has neither as an activity nor as "activity (channel)"`,
    );
    const out = join(dir, 'calibrated.yaml');
    const calibrated = await linesight(
      'log',
      'calibrate',
      '--db',
      db,
      '--model',
      join(dir, 'claims.yaml'),
      '-o',
      out,
    );
    expect(calibrated.code).toBe(0);
    expect((await linesight('validate', out)).code).toBe(0);
    // A mapping is read as a bounded regular file: a device or a FIFO is refused, not read for ever.
    const fifo = join(dir, 'mapping.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const [mapping, what] of [
      ['/dev/zero', 'is a device, not a file'],
      [fifo, 'is a FIFO (named pipe), not a file'],
    ]) {
      const refused = await linesight(
        'log',
        'conformance',
        '--db',
        db,
        '-m',
        join(dir, 'claims.yaml'),
        '--mapping',
        mapping as string,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`linesight: error: the mapping ${mapping} ${what}`);
    }
  });
});

describe('linesight serve', () => {
  it('says which port is taken, and which folder is missing, without a stack trace', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = String((taken.address() as { port: number }).port);
    try {
      const busy = await linesight(
        'serve',
        fileURLToPath(new URL('../../examples', import.meta.url)),
        '--port',
        port,
      );
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(busy.stderr).toContain('--port');
      expect(busy.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      taken.close();
    }
    const missing = await linesight('serve', join(tmpdir(), 'linesight-no-such-folder'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is not a folder');
  });

  it('refuses a --store that is no ClickHouse address, or that does not answer, before it listens', async () => {
    const examples = fileURLToPath(new URL('../../examples', import.meta.url));
    const file = await linesight('serve', examples, '--store', 'events.duckdb');
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(
      "--store takes a ClickHouse address, clickhouse://HOST:PORT/DATABASE, not 'events.duckdb'",
    );
    const malformed = await linesight('serve', examples, '--store', 'clickhouse://127.0.0.1/x');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("has '127.0.0.1' where a HOST:PORT");
    // Port 9 (discard) on loopback: nothing listens there.
    const silent = await linesight('serve', examples, '--store', 'clickhouse://127.0.0.1:9/x');
    expect(silent.code).toBe(1);
    expect(silent.stderr).toContain('127.0.0.1:9');
    expect(silent.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('refuses an empty or short token, on every address, before it listens', async () => {
    const examples = fileURLToPath(new URL('../../examples', import.meta.url));
    for (const [host, token, said] of [
      // An unset shell variable in --token "$T": before, a server on every address with no token at all.
      ['0.0.0.0', '', 'the token has 0 characters, fewer than 16'],
      ['0.0.0.0', 'a', 'the token has 1 characters, fewer than 16'],
      ['127.0.0.1', 'short-token', 'the token has 11 characters'],
      ['0.0.0.0', 'sixteen chars ok', 'the token has spaces'],
    ] as const) {
      const r = await linesight('serve', examples, '--host', host, '--port', '0', '--token', token);
      expect(r.code, token).toBe(2);
      expect(r.stderr, token).toContain(said);
      expect(r.stderr, token).toContain('leave --token out and serve makes one up');
      expect(r.stdout, token).not.toContain('is serving');
    }
    expect(() => buildServer({ workspace: examples, host: '0.0.0.0' })).toThrow(
      'a server on 0.0.0.0, not loopback, needs a token',
    );
    expect(() => buildServer({ workspace: examples, token: '' })).toThrow('the token has 0 characters');
  });

  it('reads its limits as numbers and durations, and says which one is wrong', async () => {
    const examples = fileURLToPath(new URL('../../examples', import.meta.url));
    for (const [option, value, said] of [
      ['--max-jobs', 'many', '--max-jobs takes a whole number'],
      ['--max-customers', '-5', '--max-customers takes a whole number'],
      ['--request-timeout', 'soon', '--request-timeout takes a duration'],
    ] as const) {
      const r = await linesight('serve', examples, option, value);
      expect(r.code, option).toBe(2);
      expect(r.stderr, option).toContain(said);
    }
    expect(limitsOf({ requestTimeout: '10min', maxJobs: '4', maxCustomers: '5_000_000' })).toMatchObject({
      requestTimeout: 600_000,
      maxJobs: 4,
      maxCustomers: 5_000_000,
      maxQueue: 20,
    });
  });
});

describe('linesight log import, OCEL 2.0', () => {
  it('asks which object type is the case, then imports onto it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'linesight-ocel-')), 'events.duckdb');
    const file = join(EVENT_LOGS, 'ocel2/ocel20_example.jsonocel');
    const asked = await linesight('log', 'import', file, '--db', db);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('--case-type');
    expect(asked.stderr).toContain('Purchase Order (2)');
    const done = await linesight('log', 'import', file, '--db', db, '--case-type', 'Purchase Order');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("log 'ocel20_example': 5 events, 2 cases; 8 rows skipped");
    // What the file holds and the flattening does not use is said, not dropped.
    expect(done.stdout).toContain(
      "  note: 7 object-to-object relations read and not used (a journey follows one object, the case): Invoice to Payment 'Payment from invoice' (3);",
    );
    expect(done.stdout).toContain(
      "  note: attributes of objects other than the case type 'Purchase Order' read and not stored: Invoice (3 objects): is_blocked; Purchase Requisition (1 object): pr_product, pr_quantity;",
    );
  });
});
