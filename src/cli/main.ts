#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './program.js';

// A reader that stops early (`linesight schema | head`) closes the pipe: end quietly, as other
// command-line tools do, rather than with Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });

process.exitCode = await run(process.argv.slice(2), processIo());
