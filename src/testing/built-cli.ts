/**
 * The built command line (dist/), for benchmarks that time whole processes as users start them:
 * built again first when a source is newer than the build, so a figure never measures old code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The command as npm links it: bin/linesight.js, which loads dist/cli-bundle/main.js. */
export const BUILT_CLI = join(ROOT, 'bin', 'linesight.js');
/** The build's last output (scripts/bundle-cli.mjs). */
const BUILT_MAIN = join(ROOT, 'dist', 'cli-bundle', 'main.js');

/** The newest modification time under a file or folder (0 when it is not there). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/**
 * Builds dist/ with tsc, the bundles of zod, commander and DuckDB's client, and the command line's
 * bundle (as `npm run build` does, without the web app) when it is older than src/. tsc only emits (--noCheck): `npm run
 * typecheck`, which `npm test` runs beside the tests, checks the types, and checking them twice
 * took 8 s.
 */
export function ensureBuiltCli(): void {
  const built = newest(BUILT_MAIN);
  const sources = Math.max(
    ...['src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) =>
      newest(join(ROOT, f)),
    ),
  );
  if (built > 0 && built >= sources) return;
  process.stderr.write(
    'dist/ is older than src/: building it (tsc -p tsconfig.build.json --noCheck, then scripts/bundle-*.mjs)\n',
  );
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noCheck'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    for (const script of ['bundle-dependencies.mjs', 'bundle-cli.mjs'])
      execFileSync(process.execPath, [join(ROOT, 'scripts', script)], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    throw new Error(
      'dist/ is older than src/ and building it failed: fix the errors above, or run npm run build',
    );
  }
}
