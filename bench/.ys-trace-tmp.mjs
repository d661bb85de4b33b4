
const T=[]; const mark=(l)=>T.push(`${performance.now().toFixed(0)} ${l}`); mark('start');
import { DuckDBInstance } from '@duckdb/node-api';
mark('loaded');
const [file, db] = process.argv.slice(2);
const c = await (await DuckDBInstance.create(db)).connect();
mark('open');
await c.run(`create table ev as
  select case_id, activity, epoch_us(timestamp) as t from read_csv('${file}', header = true)`);
mark('q');
await c.run(`create temp table codes as
  select activity, (row_number() over (order by activity))::integer as a from (select distinct activity from ev)`);
mark('q');
await c.run(`create temp table steps as
  select case_id, a, row_number() over w as p, lead(a) over w as b, lead(t) over w - t as d
  from ev join codes using (activity) window w as (partition by case_id order by t)`);
mark('q');
const dfg = await c.runAndReadAll(`select a, b, count(*), avg(d), median(d), quantile_cont(d, 0.9), min(d), max(d)
  from steps where b is not null group by a, b`);
mark('q');
const ends = await c.runAndReadAll(`select p = 1 as first, a, count(*) from steps where p = 1 or b is null group by all`);
mark('q');
const top = await c.runAndReadAll(`select v, count(*) as n, count(*) over () from
  (select list(a order by p) as v from steps group by case_id) group by v order by n desc, v limit 20`);
mark('q');
process.stdout.write(String(dfg.getRows().length + ends.getRows().length + top.getRows().length));

mark('end'); process.on('exit',()=>{mark('exit'); console.error(T.join('\n'))});
