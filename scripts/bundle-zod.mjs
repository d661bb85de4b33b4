/**
 * Part of the build (after tsc): dist/model/zod.js, which re-exports zod, becomes zod in one file
 * (esbuild), its messages in English only. zod loads 95 modules, 64 of them translations that
 * linesight never uses (its messages are its own; zod's English ones are the fallback): one file
 * of them loads in 48 ms instead of 105 ms on a slow two-core machine, at every start of a command
 * that reads a model.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = join(root, 'dist', 'model', 'zod.js');
const zod = join(root, 'node_modules', 'zod');
const zodVersion = JSON.parse(readFileSync(join(zod, 'package.json'), 'utf8')).version;
const licence = readFileSync(join(zod, 'LICENSE'), 'utf8').replaceAll('*/', '* /');

/** zod's index of translations, as one that has English alone (what zod configures itself with). */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

await build({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // zod's MIT licence goes with its code.
  banner: { js: `/*\nzod ${zodVersion}, bundled by scripts/bundle-zod.mjs.\n\n${licence}*/` },
  logLevel: 'warning',
  plugins: [englishOnly],
});
