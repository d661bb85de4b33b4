/**
 * Part of the build (after tsc and bundle-dependencies.mjs): the command line as `linesight` runs it
 * (bin/linesight.js), dist/cli/main.js and the modules it imports bundled by esbuild into
 * dist/cli-bundle/. Node loads an ES module at a time, resolving, reading and compiling each, and
 * `linesight validate` loaded 70 of linesight's: bundled they are 30 chunks, and every command
 * starts sooner (validate 15 ms, --version 5 ms; medians of 30 paired runs). Each command's module
 * stays its own chunk, loaded when the command runs, so that a command loads no more than before.
 * The packages stay where npm put them, and dist/ itself is unchanged: the library (dist/index.js)
 * and the worker threads (dist/simulation/worker.js, dist/server/thread.js) load it module by module.
 *
 * A module finds files beside it through `import.meta.url` (its worker's module, a bundled
 * dependency, the web app, package.json). In a chunk that is the chunk's address, so each use is
 * made the module's own address in dist/ again, relative to the chunk's folder.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const outdir = join(dist, 'cli-bundle');

const ownAddress = {
  name: 'own-address',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const own = JSON.stringify(relative(outdir, path).split(sep).join('/'));
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`),
        loader: 'js',
      };
    });
  },
};

// Chunks of an earlier build are not left beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(dist, 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  plugins: [ownAddress],
  logLevel: 'warning',
});
