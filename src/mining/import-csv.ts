/**
 * CSV event logs, read by DuckDB (delimiter and quoting detected, UTF-8 or Latin-1), with the
 * columns for case, activity and timestamp found by their usual names or given. Rows DuckDB cannot
 * split, and rows without a case, an activity or a readable timestamp, are reported with their
 * line and field; `onError` decides whether they are skipped or stop the import.
 */
import { readFileSync } from 'node:fs';
import type { ImportProblem, ImportReport } from './import-xes.js';
import { type EventStore, nextSeq } from './store.js';

export interface CsvColumns {
  case?: string;
  activity?: string;
  timestamp?: string;
  channel?: string;
  resource?: string;
  segment?: string;
  lifecycle?: string;
}

const GUESSES: Record<keyof CsvColumns, string[]> = {
  case: [
    'case:concept:name',
    'case_id',
    'caseid',
    'case id',
    'case',
    'customerid',
    'customer_id',
    'customer id',
    'customer',
  ],
  activity: ['concept:name', 'activity', 'activity_name', 'activity name', 'event', 'action', 'task'],
  timestamp: [
    'time:timestamp',
    'timestamp',
    'time',
    'datetime',
    'date',
    'start_time',
    'contactdate',
    'event_time',
  ],
  channel: ['channel', 'case:channel', 'contact_channel'],
  resource: ['org:resource', 'resource', 'agent', 'user'],
  segment: ['segment', 'case:segment'],
  lifecycle: ['lifecycle:transition', 'lifecycle'],
};

export class CsvMappingError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * SQL for the UTC offset in minutes that a timestamp text was written with (+01:00, +0100, +01 or
 * Z after a time of day); null when it has none. A date alone ("2010-12-30") has no offset.
 */
export const tzOffsetSql = (text: string) => {
  const tail = "'([+-])(\\d{2})(:?(\\d{2}))?$'";
  return `case when regexp_matches(${text}, '\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?[+-]\\d{2}(:?\\d{2})?$') then (case when regexp_extract(${text}, ${tail}, 1) = '-' then -1 else 1 end) * (cast(regexp_extract(${text}, ${tail}, 2) as integer) * 60 + coalesce(try_cast(nullif(regexp_extract(${text}, ${tail}, 4), '') as integer), 0)) when regexp_matches(${text}, '\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z$') then 0 else null end`;
};

export async function importCsv(
  store: EventStore,
  file: string,
  log: string,
  options: { columns?: CsvColumns; onError: 'skip' | 'fail' },
): Promise<ImportReport> {
  const c = store.connection;
  const head = readFileSync(file).subarray(0, 1 << 16);
  let encoding = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      head.subarray(0, head.lastIndexOf(10) + 1 || head.length),
    );
  } catch {
    encoding = 'latin-1';
  }
  await c.run("set TimeZone = 'UTC'");
  await c.run('drop table if exists staging');
  await c.run(
    `create temp table staging as select row_number() over () as line_number, * from read_csv(${literal(file)}, all_varchar = true, header = true, encoding = ${literal(encoding)}, store_rejects = true)`,
  );
  const columns = (
    await c.runAndReadAll(
      "select column_name from information_schema.columns where table_name = 'staging' order by ordinal_position",
    )
  )
    .getRowObjectsJS()
    .map((r) => String(r.column_name))
    .filter((n) => n !== 'line_number');
  const pick = (role: keyof CsvColumns, required: boolean): string | undefined => {
    const given = options.columns?.[role];
    if (given !== undefined) {
      if (!columns.includes(given))
        throw new CsvMappingError(
          `${file} has no column '${given}' for the ${role}`,
          `the columns are ${columns.map((x) => `'${x}'`).join(', ')}`,
        );
      return given;
    }
    const found = GUESSES[role].map((g) => columns.find((col) => col.toLowerCase() === g)).find(Boolean);
    if (!found && required)
      throw new CsvMappingError(
        `cannot tell which column of ${file} holds the ${role}`,
        `name it with --${role} COLUMN (the columns are ${columns.map((x) => `'${x}'`).join(', ')})`,
      );
    return found;
  };
  const map = {
    case: pick('case', true) as string,
    activity: pick('activity', true) as string,
    timestamp: pick('timestamp', true) as string,
    channel: pick('channel', false),
    resource: pick('resource', false),
    segment: pick('segment', false),
    lifecycle: pick('lifecycle', false),
  };
  const mapped = new Set(Object.values(map).filter(Boolean));
  const rest = columns.filter((col) => !mapped.has(col) && col !== 'column0' && col !== '');
  const problems: ImportProblem[] = [];
  // The header is line 1, so row n of the data is line n + 1 of the file.
  for (const r of (
    await c.runAndReadAll('select line, column_name, error_message from reject_errors order by line')
  ).getRowObjectsJS()) {
    problems.push({
      line: Number(r.line),
      field: String(r.column_name ?? 'row'),
      message: String(r.error_message).split('\n')[0] ?? 'unreadable row',
    });
  }
  const ts = `try_cast(${quote(map.timestamp)} as timestamptz)`;
  const bad = (
    await c.runAndReadAll(`
    select line_number + 1 as line,
      case when ${quote(map.case)} is null or trim(${quote(map.case)}) = '' then 'case'
           when ${quote(map.activity)} is null or trim(${quote(map.activity)}) = '' then 'activity'
           else 'timestamp' end as field,
      ${quote(map.timestamp)} as value
    from staging
    where ${quote(map.case)} is null or trim(${quote(map.case)}) = '' or ${quote(map.activity)} is null or trim(${quote(map.activity)}) = '' or ${ts} is null
    order by line_number`)
  ).getRowObjectsJS();
  for (const r of bad) {
    const field = String(r.field);
    const column = map[field as 'case' | 'activity' | 'timestamp'];
    problems.push({
      line: Number(r.line),
      field: column,
      message:
        field === 'timestamp' ? `"${String(r.value ?? '')}" is not a timestamp` : `the ${field} is empty`,
    });
  }
  if (options.onError === 'fail' && problems.length > 0) {
    const first = problems[0] as ImportProblem;
    throw new CsvMappingError(
      `${file}, line ${first.line}, ${first.field}: ${first.message}`,
      `${problems.length} row(s) have problems; fix them, or import with --on-error skip`,
    );
  }
  const next = await nextSeq(store, log);
  const offset = tzOffsetSql(quote(map.timestamp));
  const optional = (column: string | undefined) => (column ? quote(column) : 'null');
  const attributes =
    rest.length > 0
      ? `json_object(${rest.map((col) => `${literal(col)}, ${quote(col)}`).join(', ')})`
      : 'null';
  await c.run(`
    insert into events
    select ${literal(log)}, ${next} + line_number - 1, ${quote(map.case)}, ${quote(map.activity)}, epoch_us(${ts}), ${offset},
      ${optional(map.lifecycle)}, ${optional(map.resource)}, ${optional(map.channel)}, ${optional(map.segment)}, ${attributes}
    from staging
    where not (${quote(map.case)} is null or trim(${quote(map.case)}) = '' or ${quote(map.activity)} is null or trim(${quote(map.activity)}) = '' or ${ts} is null)`);
  const [counts] = (
    await c.runAndReadAll(
      `select count(*) as events, count(distinct case_id) as cases from events where log = $log and seq >= ${next}`,
      { log },
    )
  ).getRowObjectsJS();
  await c.run('drop table staging');
  return {
    events: Number(counts?.events ?? 0),
    cases: Number(counts?.cases ?? 0),
    skipped: problems.length,
    problems,
  };
}
