/**
 * Which npm packages a `linesight` command loads, run from the sources in its own Node process:
 * every module the ES module loader resolves and every CommonJS module required is logged to a
 * file, and the packages are read off their paths. For tests that keep start-up light.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_CLI, ensureBuiltCli, ROOT } from './built-cli.js';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

/** Runs in the loader's thread: logs each module it resolves, as it resolves it. */
const HOOKS = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + '\\n');
  return resolved;
}`;

/**
 * Runs first in the command's own thread: the hooks, and at exit every CommonJS module required
 * and every public module of Node's own that the thread loaded (as `node:` plus its name).
 */
const PRELOAD = `
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const log = process.env.LINESIGHT_MODULE_LOG;
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)}, { data: { log } });
process.on('exit', () => {
  const required = Object.keys(createRequire(process.cwd() + '/').cache);
  const builtins = process.moduleLoadList
    .filter((m) => m.startsWith('NativeModule ') && !m.startsWith('NativeModule internal/'))
    .map((m) => 'node:' + m.slice('NativeModule '.length));
  appendFileSync(log, [...required, ...builtins].join('\\n') + '\\n');
});`;

/** A module of linesight's own (not a package's), as a path from the repository's root. */
function ownModule(location: string): string | undefined {
  const path = location.startsWith('file:') ? fileURLToPath(location) : location;
  return path.startsWith(ROOT) && !path.includes('/node_modules/') ? path.slice(ROOT.length) : undefined;
}

/** The package a module's path or URL lies in (scoped names whole), if it lies in node_modules. */
function packageOf(location: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(location)?.[1];
}

export interface LoadedPackages {
  code: number | null;
  stdout: string;
  stderr: string;
  packages: Set<string>;
  /** linesight's own modules, as paths from the repository's root. */
  own: Set<string>;
  /** Node's own public modules the command's thread loaded, as `node:child_process`. */
  builtins: Set<string>;
}

/** Runs `linesight ...argv` (through tsx, from src/) and names every package it loaded. */
export function loadedPackages(...argv: string[]): Promise<LoadedPackages> {
  return packagesOf(['--import', 'tsx'], MAIN, argv);
}

/** Runs `linesight ...argv` as built (bin/linesight.js, dist/) and names every package it loaded. */
export function builtLoadedPackages(...argv: string[]): Promise<LoadedPackages> {
  ensureBuiltCli();
  return packagesOf([], BUILT_CLI, argv);
}

function packagesOf(loader: string[], main: string, argv: string[]): Promise<LoadedPackages> {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-modules-'));
  const log = join(dir, 'modules.log');
  const child = spawn(
    process.execPath,
    [...loader, '--import', `data:text/javascript,${encodeURIComponent(PRELOAD)}`, main, ...argv],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LINESIGHT_MODULE_LOG: log } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const lines = readFileSync(log, 'utf8').split('\n');
        const packages = new Set(lines.map(packageOf).filter((p): p is string => p !== undefined));
        const own = new Set(lines.map(ownModule).filter((p): p is string => p !== undefined));
        const builtins = new Set(lines.filter((line) => line.startsWith('node:')));
        resolve({ code, stdout, stderr, packages, own, builtins });
      } catch (error) {
        reject(new Error(`the module log was not written (${(error as Error).message}); stderr: ${stderr}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
