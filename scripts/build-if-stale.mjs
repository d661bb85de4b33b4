/**
 * `npm run prepare`: builds dist/ unless it is newer than every source it is built from. npm runs
 * prepare after `npm ci`, and npx runs it again before the first `npx linesight` in a folder whose
 * package has that bin (it installs the folder into its cache); a full build there kept the
 * README's first command silent for 13 s or more after `npm ci` had just built the same files.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The newest modification time under a file or folder (0 when it is not there). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** The oldest of the build's outputs (0 when one is missing). */
const built = Math.min(
  ...['dist/cli-bundle/main.js', 'dist/index.js', 'dist/web/index.html'].map((f) => newest(join(root, f))),
);
const sources = Math.max(
  ...['src', 'web', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) =>
    newest(join(root, f)),
  ),
);

if (built > 0 && built >= sources) console.log('dist/ is newer than its sources: not built again');
else execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
