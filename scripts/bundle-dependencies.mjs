/**
 * Part of the build (after tsc): three libraries of many modules, each loaded from one file of
 * the build (esbuild), since resolving, reading and compiling a module at a time costs every start.
 * - zod: src/model/zod.cjs becomes the part of zod that src/model/zod.ts names, in one file of
 *   dist/model with its code cache, its messages in English only. zod loads 95 modules, 64 of them
 *   translations that linesight never uses (its messages are its own; zod's English ones are the
 *   fallback). Loaded whole as one ES module it took 30 to 40 ms at every start of a command that
 *   reads a model; its used part, with the cache, 7 ms.
 * - DuckDB's client: src/mining/duckdb-node-api.cjs, which requires @duckdb/node-api, becomes its
 *   124 CommonJS modules in one file of dist/mining (the native bindings stay where npm put them):
 *   49 ms to load instead of 90 on the same machine, at every start of a command that opens a store.
 *   Beside it, V8's code cache of it (dist/mining/duckdb-node-api.cjs.v8-cache), which saves
 *   compiling it again at each start.
 * - commander: src/cli/commander.cjs becomes commander in one file of dist/cli, with its code
 *   cache: every command starts with it.
 */
import childProcess, { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A package's licence, as a comment heading its code in the bundle. */
function banner(name) {
  const folder = join(root, 'node_modules', name);
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const licence = readFileSync(join(folder, 'LICENSE'), 'utf8').replaceAll('*/', '* /');
  return { js: `/*\n${name} ${version}, bundled by scripts/bundle-dependencies.mjs.\n\n${licence}*/` };
}

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

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

/**
 * src/model/zod.cjs, built as zod's ES modules with only the names src/model/zod.ts takes from it:
 * esbuild leaves out the rest (JSON Schema's reading, zod's mini API), and the file loads in 7 ms
 * instead of 21 (zod in full, as CommonJS with its code cache) at the start of every command that
 * reads a model. zod.ts's list of names is the only one.
 */
const zodAsUsed = {
  name: 'zod-as-used',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]model[\\/]zod\.cjs$/ }, () => {
      const source = readFileSync(join(root, 'src', 'model', 'zod.ts'), 'utf8');
      const list = /export const \{([^}]*)\} = zod;/.exec(source)?.[1];
      if (!list) throw new Error("src/model/zod.ts: no 'export const { ... } = zod;' to take the names from");
      const names = list
        .split(',')
        .map((entry) => entry.split(':')[0].trim())
        .filter(Boolean);
      return { contents: `export { ${names.join(', ')} } from 'zod';`, loader: 'js', resolveDir: root };
    });
  },
};

/**
 * node:child_process as commander takes it: required at the first spawn, not at commander's load.
 * commander spawns only for a command kept in a file of its own, which linesight has none of, but
 * its require at the top loaded the module with net, dgram and the streams behind it: 5 ms of every
 * command's start.
 */
const childProcessAtFirstSpawn = {
  name: 'child-process-at-first-spawn',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.namespace === 'at-first-spawn'
        ? { path: 'node:child_process', external: true }
        : { path: 'child_process', namespace: 'at-first-spawn' },
    );
    // Every name the module has, each read from it at its first use.
    const names = Object.keys(childProcess).map((name) => JSON.stringify(name));
    b.onLoad({ filter: /.*/, namespace: 'at-first-spawn' }, () => ({
      contents: `let loaded;\nconst real = () => (loaded ??= require('node:child_process'));\nfor (const name of [${names.join(', ')}])\n  Object.defineProperty(exports, name, { enumerable: true, get: () => real()[name] });\n`,
      loader: 'js',
    }));
  },
};

/**
 * A CommonJS file of src/ (a package's one require) as the package in one file at the same place
 * in dist/, its licence heading it; `external` stays required where npm put it.
 */
async function bundleCommonJs(path, name, { external = [], plugins = [] } = {}) {
  const outfile = join(root, 'dist', path);
  await build({
    ...common,
    entryPoints: [join(root, 'src', path)],
    outfile,
    format: 'cjs',
    external,
    plugins,
    banner: banner(name),
  });
  return outfile;
}

// The native library and its loader: found from dist/ as from src/, in node_modules.
const duckdb = await bundleCommonJs('mining/duckdb-node-api.cjs', '@duckdb/node-api', {
  external: ['@duckdb/node-bindings', '@duckdb/node-bindings-*'],
});
const commander = await bundleCommonJs('cli/commander.cjs', 'commander', {
  plugins: [childProcessAtFirstSpawn],
});
const zod = await bundleCommonJs('model/zod.cjs', 'zod', {
  plugins: [englishOnly, zodAsUsed],
});

// V8's code cache of each beside it (src/startup/code-cache.ts), made by this Node in a process
// of its own with no flags, as the commands run: DuckDB's client took 58 ms to load and 40 with
// it, commander (with its import as an ES module) 28 and 17, zod's part 21 and 7.
const codeCache = new URL('../dist/startup/code-cache-writer.js', import.meta.url).href;
for (const file of [duckdb, commander, zod]) {
  // An earlier build's cache is of an earlier file: never used, but not left to mislead.
  rmSync(`${file}.v8-cache`, { force: true });
  try {
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { writeCodeCache } from ${JSON.stringify(codeCache)}; writeCodeCache(${JSON.stringify(file)});`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    // A cache saves time and nothing more: a file that cannot run here (DuckDB's native library
    // missing for this platform, say) is built without one, and loads as it always did.
    const lines = String(error.stderr || error).split('\n');
    const why = lines.find((line) => /^\w*Error: /.test(line)) ?? lines[0];
    console.warn(`no code cache for ${file}: ${why}`);
  }
}
