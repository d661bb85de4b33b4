/**
 * The benches' plain log, written by DuckDB straight to CSV (a JS writer would take longer than
 * what is measured): event i belongs to customer i mod `customers`; a customer's k-th event is k
 * hours (plus jitter) after the start, so each journey is in time order; activities are spread by
 * a hash over 33 names. Every size has the same shape, so figures at 1e6, 1e7 and 1e8 compare.
 */
import { execFileSync } from 'node:child_process';
import { openStore } from '../src/mining/index.js';

const copySql = (file: string, events: number, customers: number) => `copy (
    select 'C' || (i % ${customers}) as case_id,
      'Activity ' || lpad(cast(hash(i) % 33 as varchar), 2, '0') as activity,
      timestamptz '2024-01-01 00:00:00+00' + to_seconds(cast((i // ${customers}) * 3600 + hash(i * 7) % 3000 as bigint)) as timestamp
    from range(${events}) t(i)) to '${file}' (header, delimiter ',')`;

export async function writeGeneratedLog(file: string, events: number, customers: number): Promise<void> {
  const generator = await openStore(':memory:');
  await generator.connection.run(copySql(file, events, customers));
  generator.close();
}

/** The same log written by another process, so that its memory does not count in this one's peak. */
export function writeGeneratedLogApart(file: string, events: number, customers: number): void {
  const script = `import { DuckDBInstance } from '@duckdb/node-api';
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(${JSON.stringify(copySql(file, events, customers))});`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url).pathname,
    stdio: 'inherit',
  });
}
