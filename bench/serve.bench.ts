/**
 * A cold `linesight serve examples` (target: its first page within 2 seconds): a new Node process
 * from the built CLI, timed from spawn until `/` and the model list have answered. Needs `npm run
 * build` (npm ci runs it). Run with `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { serve } from '../src/testing/serve.js';

const EXAMPLES = new URL('../examples', import.meta.url).pathname;

async function coldServe(): Promise<void> {
  const server = await serve(EXAMPLES);
  try {
    for (const path of ['/', '/api/models']) {
      const response = await fetch(`${server.base}${path}`);
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await response.text();
    }
  } finally {
    server.process.kill('SIGTERM');
  }
}

describe('cold serve', () => {
  bench('spawn linesight serve examples, then GET / and /api/models', coldServe, { iterations: 5, time: 0 });
});
