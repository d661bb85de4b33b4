// DuckDB's client. The build replaces this file in dist/ by the client's modules in one file
// (scripts/bundle-dependencies.mjs); run from the sources it is the package as installed.
const { existsSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');

/**
 * The client's bindings package picks its native library by asking detect-libc whether the C
 * library is glibc or musl, and detect-libc asks by building Node's whole diagnostic report:
 * 10 to 14 ms at the start of every command that opens a store. Where Linux has no musl loader
 * the C library is glibc, so the glibc build is loaded here and stands in for that package; on any
 * other system, or if that fails, the package decides as it always does.
 */
function loadGlibcBindings() {
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) return;
  if (existsSync(`/lib/ld-musl-${process.arch === 'x64' ? 'x86_64' : 'aarch64'}.so.1`)) return;
  try {
    const bindings = require.resolve('@duckdb/node-bindings');
    if (require.cache[bindings]) return;
    const native = require(`@duckdb/node-bindings-linux-${process.arch}/duckdb.node`);
    const stand = new Module(bindings);
    stand.filename = bindings;
    stand.paths = Module._nodeModulePaths(dirname(bindings));
    stand.exports = native;
    stand.loaded = true;
    require.cache[bindings] = stand;
  } catch {
    // Not installed as npm installs it on glibc: the package finds its own.
  }
}

loadGlibcBindings();
module.exports = require('@duckdb/node-api');
