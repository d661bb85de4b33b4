/**
 * No command writes its output over the model it reads (`analyze m.yaml -o m.yaml` once turned the
 * model into its report, exit 0), under the same name or another name of the same file; a picture
 * is not written under another format's name.
 */
import { copyFileSync, existsSync, linkSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';

const MMC = new URL('../../examples/mmc.yaml', import.meta.url).pathname;
const COMPETITOR = new URL('../../examples/competitor.yaml', import.meta.url).pathname;

it('refuses an output that is the model read, by any name, and leaves the model as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-output-'));
  const model = join(dir, 'm.yaml');
  copyFileSync(MMC, model);
  const other = join(dir, 'competitor.yaml');
  copyFileSync(COMPETITOR, other);
  const alias = join(dir, 'alias.yaml');
  linkSync(model, alias);
  const short = ['-n', '1', '--horizon', '1d', '--warmup', '0'];
  const cases: [string[], string][] = [
    [['analyze', model, '-o', model], '-o'],
    [['render', model, '-v', 'blueprint', '-o', alias], '-o'],
    [['simulate', model, ...short, '-o', model], '-o'],
    [['simulate', model, ...short, '--event-log', model], '--event-log'],
    [['whatif', model, ...short, '-o', model], '-o'],
    [['bpmn', 'export', model, '-o', model], '-o'],
    [['compare', model, other, '-o', other], '-o'],
  ];
  for (const [argv, option] of cases) {
    const r = await linesight(...argv);
    expect(r.code, argv.join(' ')).toBe(2);
    expect(r.stderr, argv.join(' ')).toContain(`${option} ${argv.at(-1)} is `);
    expect(r.stderr).toContain('writing there would replace it: name another file for the output');
  }
  expect(readFileSync(model, 'utf8')).toBe(readFileSync(MMC, 'utf8'));
  expect(readFileSync(other, 'utf8')).toBe(readFileSync(COMPETITOR, 'utf8'));
  // A run's report: in the format its name says, and never under another's name.
  const html = await linesight('simulate', model, ...short, '-o', join(dir, 'run.html'));
  expect([html.code, html.stderr]).toEqual([
    2,
    `linesight: error: -o ${join(dir, 'run.html')}: a run's report is text, md or json, not .html; name the file .txt, .md or .json\n`,
  ]);
  const both = await linesight('simulate', model, ...short, '--json', '-f', 'text');
  expect([both.code, both.stderr]).toEqual([
    2,
    'linesight: error: --json and --format text disagree: give one of them\n',
  ]);
  expect((await linesight('simulate', model, ...short, '-o', join(dir, 'run.json'))).code).toBe(0);
  expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).overall).toBeDefined();
  const png = await linesight('render', model, '-v', 'journey', '-f', 'png', '-o', join(dir, 'j.svg'));
  expect(png.code).toBe(2);
  expect(png.stderr).toContain(`--format png and the output ${join(dir, 'j.svg')} disagree`);
  // Markdown under an .html name, and BPMN under a picture's, were written without a word.
  const md = await linesight('analyze', model, '--format', 'md', '-o', join(dir, 'a.html'));
  expect([md.code, md.stderr]).toEqual([
    2,
    `linesight: error: --format md and the output ${join(dir, 'a.html')} disagree: name the file .md, or leave out --format\n`,
  ]);
  const bpmn = await linesight('bpmn', 'export', model, '-o', join(dir, 'a.svg'));
  expect([bpmn.code, bpmn.stderr]).toEqual([
    2,
    `linesight: error: -o ${join(dir, 'a.svg')}: a BPMN export is XML; name the file .bpmn (or .xml)\n`,
  ]);
  expect(existsSync(join(dir, 'a.html')) || existsSync(join(dir, 'a.svg'))).toBe(false);
  // A folder for -o has no extension: it was said as "cannot write ''".
  const folder = await linesight('render', model, '-v', 'journey', '-o', dir);
  expect([folder.code, folder.stderr]).toEqual([
    2,
    `linesight: error: -o ${dir} names no file of a diagram's kind: give a file ending in .svg, .png or .pdf, or --format svg|png|pdf\n`,
  ]);
}, 60_000);
