/**
 * A fast start: `linesight --version` and `linesight validate` load none of the heavy libraries
 * that only other commands use (each costs a user tens to hundreds of milliseconds at every start).
 * Whoever imports one of them statically into the command line's common path fails here.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtLoadedPackages, loadedPackages } from '../testing/loaded-packages.js';
import { VERSION } from './program.js';

const MMC = fileURLToPath(new URL('../../examples/mmc.yaml', import.meta.url));
const DEPARTMENTS = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

/** Libraries only some commands need: the event store, layout, drawing, the server, BPMN, progress bars. */
const HEAVY = [
  '@duckdb/node-api',
  'elkjs',
  '@resvg/resvg-js',
  'pdfkit',
  'fontkit',
  'opentype.js',
  'fastify',
  'bpmn-moddle',
  'saxes',
  'sql.js',
  'playwright-core',
  'cli-progress',
];

describe('what a command loads at start', () => {
  it('--version loads only the argument parser: no model library, no heavy one', async () => {
    const run = await loadedPackages('--version');
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.packages).toContain('commander');
    for (const name of [...HEAVY, 'zod', 'yaml', 'js-yaml']) expect(run.packages).not.toContain(name);
  });

  it('validate of a valid model loads its reader and checks, none of the heavy libraries', async () => {
    const run = await loadedPackages('validate', MMC);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok .*mmc\.yaml/);
    // The log sees what validate needs: zod (CommonJS from the sources), js-yaml and commander.
    for (const name of ['commander', 'zod', 'js-yaml']) expect(run.packages).toContain(name);
    // `yaml` places diagnostics and expands aliases; a valid file without aliases needs neither.
    for (const name of [...HEAVY, 'yaml']) expect(run.packages).not.toContain(name);
  });

  it('validate of a valid model with scenarios does not parse it again with positions', async () => {
    const run = await loadedPackages('validate', DEPARTMENTS);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok .*3 scenarios/);
    // Each scenario located its changes with `yaml`, for a hint no valid model shows: 0.18 s.
    for (const name of ['yaml', '@duckdb/node-api', 'elkjs', 'fastify'])
      expect(run.packages).not.toContain(name);
  });

  it('as built, loads zod and commander each from its one bundled file, not their modules', async () => {
    const run = await builtLoadedPackages('validate', MMC);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok .*mmc\.yaml/);
    // The build's scripts/bundle-dependencies.mjs: zod's modules and translations took 55 ms of every
    // start; the part of zod used, with its code cache (src/model/zod.ts), takes 7 ms.
    expect(run.packages).toContain('js-yaml');
    expect(run.packages).not.toContain('zod');
    // commander too, with its code cache (src/cli/commander.ts): 17 against 28 ms of every start.
    expect(run.packages).not.toContain('commander');
  });

  it("as built, loads linesight's own code from the command line's bundle, in few files", async () => {
    const run = await builtLoadedPackages('validate', MMC);
    expect(run.stdout).toMatch(/^ok .*mmc\.yaml/);
    // Module by module, validate loaded 70 of dist/'s (scripts/bundle-cli.mjs): 15 ms of every start.
    const own = [...run.own];
    const elsewhere = own.filter((m) => !m.startsWith('dist/cli-bundle/') && !m.endsWith('.cjs'));
    expect(elsewhere).toEqual(['bin/linesight.js']);
    expect(own.filter((m) => m.startsWith('dist/cli-bundle/')).length).toBeLessThan(40);
    // The dependencies bundled with their code caches are found beside their modules' places.
    expect(own.filter((m) => m.endsWith('.cjs')).sort()).toEqual([
      'dist/cli/commander.cjs',
      'dist/model/zod.cjs',
    ]);
  });

  it("as built, --version and validate load neither Node's child_process nor its crypto", async () => {
    for (const argv of [['--version'], ['validate', MMC]]) {
      const run = await builtLoadedPackages(...argv);
      expect(run.code).toBe(0);
      // The log sees Node's modules: fs is on every command's path.
      expect(run.builtins).toContain('node:fs');
      // commander's require of child_process (with net, dgram and the streams behind it) and the
      // atomic write's of crypto took 10 ms of every start: they are loaded at their first use.
      expect(run.builtins).not.toContain('node:child_process');
      expect(run.builtins).not.toContain('node:crypto');
    }
  });

  it('as built, an edit loads zod from the same bundled file, not a second copy of its 95 modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-start-'));
    try {
      const file = join(dir, 'mmc.yaml');
      writeFileSync(file, readFileSync(MMC));
      const rename = JSON.stringify([{ kind: 'set', path: ['name'], value: 'Renamed' }]);
      const run = await builtLoadedPackages('edit', file, rename, '--dry-run');
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/did not write .*1 edit, 1 line changed/);
      // The edits' own shapes imported zod by its package name: its modules came on top of the
      // bundle the model's schemas use, 80 ms more of every edit and of the server's start.
      expect(run.packages).not.toContain('zod');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("as built, a command on a store loads DuckDB's client from its one bundled file, not its 124 modules", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-start-'));
    try {
      const csv = join(dir, 'calls.csv');
      writeFileSync(csv, 'case_id,activity,timestamp\nc1,call,2024-01-01 10:00:00\n');
      const run = await builtLoadedPackages('log', 'import', csv, '--db', join(dir, 'events.duckdb'));
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/1 event, 1 case/);
      // The native library is loaded where npm put it; its client's modules took 40-50 ms more
      // one by one (scripts/bundle-dependencies.mjs).
      expect(run.packages).toContain('@duckdb/node-bindings');
      expect(run.packages).not.toContain('@duckdb/node-api');
      // On Linux with glibc the glibc build is loaded at once: the bindings' own choice asked
      // detect-libc, which builds Node's diagnostic report, 10-14 ms of every such start.
      if (process.platform === 'linux' && process.arch === 'x64' && !existsSync('/lib/ld-musl-x86_64.so.1')) {
        expect(run.packages).toContain('@duckdb/node-bindings-linux-x64');
        expect(run.packages).not.toContain('detect-libc');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a text analysis loads no font or diagram library', async () => {
    const run = await loadedPackages('analyze', MMC);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/analysis/);
    for (const name of [...HEAVY, 'opentype.js', 'dejavu-fonts-ttf'])
      expect(run.packages).not.toContain(name);
  });

  it('an SVG diagram loads no PDF or PNG writer', async () => {
    const run = await loadedPackages('render', MMC, '--view', 'blueprint');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<svg/);
    // pdfkit and fontkit took 120 ms of every render, the PNG renderer 7 ms more.
    for (const name of ['pdfkit', 'fontkit', '@resvg/resvg-js', 'saxes', 'elkjs', '@duckdb/node-api'])
      expect(run.packages).not.toContain(name);
    // Labels are measured with the fonts' widths as a table (src/views/dejavu-widths.ts): parsing
    // the fonts with opentype.js took 80 to 100 ms of every render.
    expect(run.packages).not.toContain('opentype.js');
  });

  it('a small simulation, its output piped, loads no bar and no YAML document library', async () => {
    const args = ['simulate', MMC, '-n', '2', '--horizon', '2d', '--warmup', '0d', '-w', '1'];
    const run = await loadedPackages(...args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/M\/M\/c queue/);
    for (const name of [...HEAVY, 'yaml']) expect(run.packages).not.toContain(name);
    // `--set` reads its value as YAML: then, and only then, `yaml` is loaded.
    const set = await loadedPackages(...args, '--set', 'resources.agents.capacity=12');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/M\/M\/c queue/);
    expect(set.packages).toContain('yaml');
  });

  it('a CSV import, a listing, discovery and journeys load the event store, no reader of another format and no model library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-start-'));
    try {
      const csv = join(dir, 'calls.csv');
      writeFileSync(
        csv,
        'case_id,activity,timestamp\nc1,call,2024-01-01 10:00:00\nc1,refund,2024-01-01 11:00:00\n',
      );
      const db = join(dir, 'events.duckdb');
      for (const argv of [
        ['log', 'import', csv, '--db', db],
        ['log', 'list', '--db', db],
        ['log', 'discover', '--db', db],
        ['log', 'journeys', '--db', db],
      ]) {
        const run = await loadedPackages(...argv);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.packages).toContain('@duckdb/node-api');
        // saxes reads XES and OCEL XML, sql.js OCEL SQLite: loading them cost every store command ~20 ms.
        // `log journeys` took them all through the mining index, with the model's YAML readers: 0.18 s.
        for (const name of ['saxes', 'sql.js', 'elkjs', 'fastify', 'yaml', 'js-yaml'])
          expect(run.packages).not.toContain(name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
