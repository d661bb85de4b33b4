/**
 * The README as a newcomer follows it: every command of the tour runs as written, in order, in a
 * fresh folder with only what a clone has, and shows what the README says it shows.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import { ensureBuiltCli } from '../testing/built-cli.js';
import { linesight } from '../testing/cli.js';
import { codeBlocks, referenceRows, section, tourCommands } from '../testing/readme.js';
import type { Command } from './commander.js';
import { buildProgram } from './program.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** A folder that looks like a fresh clone to the tour: examples to write beside, the rest to read. */
function cloneLike(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-tour-'));
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  for (const read of ['testdata', 'src']) symlinkSync(join(REPO, read), join(dir, read));
  return dir;
}

describe('the README tour', () => {
  const commands = tourCommands(section('A two-minute tour'));
  const home = process.cwd();
  afterAll(() => process.chdir(home));

  it('has the commands a newcomer runs, none of them reading files a clone lacks', () => {
    expect(commands.length).toBeGreaterThan(25);
    for (const c of commands) expect(c.text).not.toMatch(/\.\.\/shared|their-|my-model/);
  });

  it('runs every command as written, in order, each showing what the README shows', async () => {
    const dir = cloneLike();
    process.chdir(dir);
    const ran: string[] = [];
    for (const command of commands) {
      // The server runs until stopped: the server's own tests and CI's first run cover it.
      if (command.argv[0] === 'serve') continue;
      const { code, stdout, stderr } = await linesight(...command.argv);
      const said = `npx linesight ${command.text} (exit ${code})\n${stderr}`;
      expect(stderr, said).not.toContain('internal error');
      if (command.shows) {
        // The README shows an excerpt: its lines appear in the output, in its order.
        const lines = stdout.split('\n');
        let at = 0;
        for (const shown of command.shows) {
          const found = lines.findIndex((l, i) => i >= at && l.trimEnd() === shown.trimEnd());
          expect(found, `${said}\nthe README shows: ${shown}\nthe output:\n${stdout}`).toBeGreaterThanOrEqual(
            0,
          );
          at = found + 1;
        }
      } else expect(code, said).toBe(0);
      ran.push(command.text);
    }
    expect(ran.length).toBe(commands.filter((c) => c.argv[0] !== 'serve').length);
    for (const made of ['my-journeys/journey.yaml', 'blueprint.svg', 'journey.png', 'report.html', 'dfg.svg'])
      expect(existsSync(join(dir, made)), made).toBe(true);
    // What the tour imported and calibrated is a model that validates where it was written.
    const check = await linesight('validate', 'order-imported.yaml', 'amazon.yaml', 'calibrated.yaml');
    expect(check.code, check.stdout).toBe(0);
  }, 600_000);
});

/** Each command the program has, by its words (`log import`), with its options. */
function leafCommands(): Map<string, Command> {
  const silent = { out: () => {}, err: () => {}, color: false };
  const leaves = new Map<string, Command>();
  const walk = (c: Command, path: string[]) => {
    if (c.commands.length === 0) leaves.set(path.join(' '), c);
    for (const sub of c.commands) walk(sub, [...path, sub.name()]);
  };
  walk(
    buildProgram(silent, () => {}),
    [],
  );
  return leaves;
}

const flagsOf = (c: Command) => c.options.flatMap((o) => [o.long, o.short].filter((f) => f !== undefined));

describe('the README CLI reference', () => {
  const text = section('CLI reference');
  const rows = referenceRows(text).filter((r) => r.command.length > 0);
  const commands = leafCommands();

  it('has a row for every command, and a command for every row', () => {
    expect(rows.map((r) => r.command.join(' ')).sort()).toEqual([...commands.keys()].sort());
  });

  it("names each command's options, and only options the command has", () => {
    for (const { command, row } of rows) {
      const c = commands.get(command.join(' ')) as Command;
      const mentioned = [...row.matchAll(/(?:^|[\s`(,])(--?[a-z][a-z-]*)/g)].map((m) => m[1] as string);
      for (const flag of mentioned) expect(flagsOf(c), `${command.join(' ')} has no ${flag}`).toContain(flag);
      for (const o of c.options)
        if (o.long !== '--json')
          expect(mentioned, `the row of ${command.join(' ')} leaves out ${o.long}`).toContain(o.long);
    }
  });

  it('says which options are required, as --help does', () => {
    for (const { command, row } of rows) {
      const c = commands.get(command.join(' ')) as Command;
      for (const o of c.options.filter((x) => x.mandatory)) {
        expect(row, `${command.join(' ')} ${o.long}`).toContain(
          `${o.flags.split(' ')[0]} ${o.long}\` is required`,
        );
        expect(o.description).toContain('(required)');
      }
    }
  });

  it('names the commands without --json, and every other command takes it', () => {
    const without = [...commands]
      .filter(([, c]) => !c.options.some((o) => o.long === '--json'))
      .map(([name]) => name)
      .sort();
    expect(without).toEqual(['bpmn export', 'serve']);
    expect(text).toContain('(all but `serve` and `bpmn export`');
  });
});

describe('the README library example', () => {
  // The package as users install it: dist/, built again when a source is newer.
  beforeAll(() => ensureBuiltCli(), 300_000);
  const [example] = codeBlocks(section('A two-minute tour'), 'ts');

  it('compiles under strict TypeScript, as a user of the package writes it', () => {
    expect(example).toContain("from 'linesight'");
    const dir = mkdtempSync(join(tmpdir(), 'linesight-example-'));
    const file = join(dir, 'example.ts');
    writeFileSync(file, example ?? '');
    const program = ts.createProgram([file], {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      typeRoots: [join(REPO, 'node_modules', '@types')],
      skipLibCheck: true,
      noEmit: true,
      // The package as it is published: its built types, which a user's compiler reads (checking
      // it against the sources instead took the whole library's type check again, 25 s).
      baseUrl: REPO,
      paths: { linesight: ['dist/index.d.ts'] },
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file || d.file === undefined)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
    // It compiled against the published types, not against something else named linesight.
    expect(program.getSourceFile(join(REPO, 'dist', 'index.d.ts'))).toBeDefined();
  });

  it('prints what the model holds', async () => {
    // The example as a user runs it: compiled to JavaScript, importing the built package.
    const dir = mkdtempSync(join(tmpdir(), 'linesight-example-'));
    const file = join(dir, 'example.mjs');
    const built = pathToFileURL(join(REPO, 'dist', 'index.js')).href;
    const { outputText } = ts.transpileModule(example ?? '', {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
    });
    writeFileSync(file, outputText.replace("from 'linesight'", `from ${JSON.stringify(built)}`));
    const { stdout } = await run(process.execPath, [file], { cwd: REPO });
    const loaded = load(join(REPO, 'examples', 'order-departments.yaml'), { scenario: 'ivr-reroute' });
    if (!loaded.ok) throw new Error('the example model does not load');
    const shares = loaded.model.segments.map((s) => `'${s.id} ${s.share}'`).join(', ');
    expect(stdout).toBe(`${loaded.model.steps.length} steps; [ ${shares} ]\n`);
  });
});
