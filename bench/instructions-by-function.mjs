/**
 * Where a simulated customer's instructions go, by the source function that holds them, inlined
 * or not: the profile V8's own sampling profiler cannot give, since nearly all of the simulator is
 * inlined into three optimized functions (run, ready, takeTurn) and it charges everything to them.
 *
 *   node bench/instructions-by-function.mjs [model] [customers]    (valgrind must be installed)
 *
 * TOP_LINES=n in the environment lists the n costliest source lines (40 by default).
 *
 * The model and customers are bench/instructions.mjs's (M/M/1 at 0.8 and 200,000-customer
 * replications by default). The built engine runs five replications under valgrind, compiling on
 * the main thread and logging its code with source positions (--log-code --log-source-position).
 * Valgrind counts each machine instruction's executions; V8's log says which optimized code holds
 * it and, through the code's table of source positions and inlining ids, which function's source
 * it was compiled from, inlined or not. The figures are per customer, over every customer of the
 * five replications, and count optimized code only: the first replication's start, interpreted
 * while V8 compiles, the builtins it calls (Math.log, allocation) and the garbage collector are
 * left out (the total is printed beside instructions.mjs's whole figure to compare).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { engineScript } from './engine-script.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { countBelow } = await import(`${root}dist/collections/sorted-search.js`);

const [model = 'mmc:0.8:1:1', customersArg = '200000'] = process.argv.slice(2);
const REPLICATIONS = 5;
const TOP_LINES = Number(process.env.TOP_LINES ?? 40);

/** Runs the engine under valgrind; the instruction counts' file, V8's log and the customers. */
function profile(dir) {
  const counts = join(dir, 'callgrind.out');
  const log = join(dir, 'v8.log');
  const run = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--dump-instr=yes',
      '--compress-pos=no',
      '--compress-strings=no',
      `--callgrind-out-file=${counts}`,
      'node',
      '--no-concurrent-recompilation',
      '--log-code',
      '--log-source-position',
      '--no-logfile-per-isolate',
      `--logfile=${log}`,
      '--input-type=module',
      '-e',
      engineScript(root),
      model,
      customersArg,
      String(REPLICATIONS),
    ],
    { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 },
  );
  if (run.error?.code === 'ENOENT') {
    process.stderr.write('valgrind is not installed: apt-get install -y valgrind\n');
    process.exit(1);
  }
  if (run.status !== 0) throw new Error(`valgrind failed: ${run.stderr?.slice(-2000)}`);
  return { counts, log, customers: Number(run.stdout) };
}

/**
 * Executions by instruction address: callgrind's self costs (the line after `calls=` is the call's
 * inclusive cost, left out).
 */
async function instructionCounts(file) {
  const byAddress = new Map();
  let callCost = false;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (callCost) {
      callCost = false;
      continue;
    }
    if (line.startsWith('calls=')) callCost = true;
    else if (line.startsWith('0x')) {
      const [address, , count] = line.split(' ');
      if (count !== undefined) {
        const at = Number.parseInt(address, 16);
        byAddress.set(at, (byAddress.get(at) ?? 0) + Number(count));
      }
    }
  }
  return byAddress;
}

/** A V8 log line's fields (V8 quotes a field only when it holds a comma). */
function fields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * The optimized code objects (TurboFan's, `*`) in the log, the last at each address, with their
 * source positions: [pc offset, script position, function] triples, the function being the outer
 * one's name or an inlined one's. Inlining id k is the k-th inlined call site
 * (F<function>O<position>), whose function is an index into the S<shared function info> list.
 */
function optimizedCode(file) {
  const names = new Map();
  const codes = new Map();
  let created;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('code-creation,JS,')) {
      const f = fields(line);
      created = { address: Number.parseInt(f[4], 16), size: Number(f[5]), name: f[6], tier: f[8] };
      names.set(f[7], f[6]);
    } else if (line.startsWith('code-source-info,') && created) {
      const f = fields(line);
      if (Number.parseInt(f[1], 16) === created.address && created.tier === '*') {
        const functions = [...f[7].matchAll(/S(0x[0-9a-f]+)/g)].map((m) => m[1]);
        const sites = [...f[6].matchAll(/F(\d+)O\d+/g)].map((m) => functions[Number(m[1])]);
        const positions = [...f[5].matchAll(/C(\d+)O(\d+)(?:I(\d+))?/g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
          m[3] === undefined ? undefined : sites[Number(m[3])],
        ]);
        codes.set(created.address, { ...created, positions, pcs: positions.map((p) => p[0]) });
      }
      created = undefined;
    }
  }
  const byStart = [...codes.values()].sort((a, b) => a.address - b.address);
  const starts = byStart.map((c) => c.address);
  const nameOf = (sfi, outer) => (sfi === undefined ? outer : (names.get(sfi) ?? sfi));
  return { byStart, starts, nameOf };
}

/** The last index of `sorted` (ascending) whose value is at most `x`; -1 when none is. */
const lastIndexAtMost = (sorted, x) => countBelow(sorted, x, true) - 1;

const lineStarts = new Map();
/** "dist/...js:line" of a script position in the file a V8 function name ("f file:///...js:12:3") names. */
function sourceLine(functionName, position) {
  const url = /file:\/\/(\S+?\.js)/.exec(functionName)?.[1];
  if (!url) return '?';
  if (!lineStarts.has(url)) {
    const text = readFileSync(url, 'utf8');
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    lineStarts.set(url, starts);
  }
  const line = countBelow(lineStarts.get(url), position, true);
  return `${url.slice(url.indexOf('/dist/') + 1)}:${line}`;
}

/**
 * "takeTurn (simulation/replication.js)" for "takeTurn file:///.../dist/simulation/replication.js:161:13";
 * Node's own functions as V8 names them.
 */
const shortName = (v8Name) => {
  const [fn, url = ''] = v8Name.split(' ');
  const at = url.indexOf('/dist/');
  return at < 0 ? v8Name : `${fn || '(anonymous)'} (${url.slice(at + 6).replace(/:\d+:\d+$/, '')})`;
};

function table(title, counts, customers, limit) {
  // Below half an instruction a customer: code that ran before or after the replications' customers.
  const rows = [...counts]
    .filter(([, n]) => n / customers >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit);
  process.stdout.write(`\n${title}\n`);
  for (const [key, n] of rows) process.stdout.write(`${(n / customers).toFixed(0).padStart(7)}  ${key}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'linesight-profile-'));
try {
  const { counts, log, customers } = profile(dir);
  const byAddress = await instructionCounts(counts);
  const { byStart, starts, nameOf } = optimizedCode(log);
  const byFunction = new Map();
  const byLine = new Map();
  const byCode = new Map();
  let total = 0;
  for (const [address, n] of byAddress) {
    const code = byStart[lastIndexAtMost(starts, address)];
    if (!code || address >= code.address + code.size) continue;
    const k = lastIndexAtMost(code.pcs, address - code.address);
    if (k < 0) continue;
    const [, position, sfi] = code.positions[k];
    const fn = nameOf(sfi, code.name);
    total += n;
    const add = (map, key) => map.set(key, (map.get(key) ?? 0) + n);
    add(byCode, shortName(code.name));
    add(byFunction, shortName(fn));
    add(byLine, `${sourceLine(fn, position)}  ${shortName(fn).split(' ')[0]}`);
  }
  process.stdout.write(
    `${model}: ${customers.toLocaleString('en')} customers in ${REPLICATIONS} replications; ${(total / customers).toFixed(0)} instructions per customer in optimized code\n`,
  );
  table('by optimized function (what V8 compiled, with what it inlined):', byCode, customers, 8);
  table('by source function (inlined code counted in its own function):', byFunction, customers, 60);
  table(`by source line (the ${TOP_LINES} costliest):`, byLine, customers, TOP_LINES);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
