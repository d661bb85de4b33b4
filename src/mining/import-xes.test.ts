/**
 * What an XES import keeps of each event: the standard attributes in their columns, the channel
 * and segment from the event or its trace, every other top-level attribute (the trace's as
 * `case:...`, first) in the event's JSON in the order written, nested lists and containers left
 * out, namespaced tags read as plain ones, and only the lifecycle transitions asked for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLog } from './import-log.js';
import { MAX_EVENT_CHARS, MAX_UNTAGGED_CHARS } from './import-xes.js';
import { type EventStore, openStore, queryRows } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-xes-'));
let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const LOG = `<?xml version="1.0" encoding="UTF-8"?>
<xes:log xmlns:xes="http://www.xes-standard.org/" xes.version="1.0">
  <xes:string key="concept:name" value="a log attribute, not an event's"/>
  <xes:trace>
    <xes:string key="concept:name" value="T1"/>
    <xes:string key="channel" value="phone"/>
    <xes:int key="priority" value="2"/>
    <xes:event>
      <xes:string key="concept:name" value="Call"/>
      <xes:date key="time:timestamp" value="2024-01-01T10:00:00.250+01:00"/>
      <xes:string key="lifecycle:transition" value="start"/>
      <xes:string key="org:resource" value="Ann"/>
      <xes:string key="topic" value="refund"/>
      <xes:list key="history"><xes:string key="ignored" value="nested"/></xes:list>
      <xes:float key="cost" value="1.5"/>
    </xes:event>
    <xes:event>
      <xes:string key="concept:name" value="Call"/>
      <xes:date key="time:timestamp" value="2024-01-01T10:05:00Z"/>
      <xes:string key="lifecycle:transition" value="COMPLETE"/>
      <xes:string key="segment" value="business"/>
    </xes:event>
  </xes:trace>
  <trace>
    <string key="concept:name" value="T2"/>
    <event>
      <string key="concept:name" value="Visit"/>
      <date key="time:timestamp" value="2024-01-02T09:00:00"/>
    </event>
  </trace>
</xes:log>
`;

async function imported(log: string, lifecycle?: string[]) {
  const file = join(dir, `${log}.xes.gz`);
  writeFileSync(file, gzipSync(LOG));
  const report = await importLog(store, file, { log, onError: 'fail', ...(lifecycle ? { lifecycle } : {}) });
  const rows = await queryRows(
    store,
    `select case_id, activity, ts_us, tz_offset_min, lifecycle, resource, channel, segment, attributes::varchar as attributes
     from events where log = '${log}' order by seq`,
  );
  return { report, rows };
}

describe('an XES import', () => {
  it('keeps each event whole: columns, channel and segment, and the other attributes in order', async () => {
    const { report, rows } = await imported('whole');
    expect(report).toMatchObject({ events: 3, cases: 2, skipped: 0 });
    expect(rows).toEqual([
      {
        case_id: 'T1',
        activity: 'Call',
        ts_us: BigInt(Date.UTC(2024, 0, 1, 9, 0, 0, 250)) * 1000n,
        tz_offset_min: 60,
        lifecycle: 'start',
        resource: 'Ann',
        channel: 'phone',
        segment: null,
        attributes: '{"case:channel":"phone","case:priority":"2","topic":"refund","cost":"1.5"}',
      },
      {
        case_id: 'T1',
        activity: 'Call',
        ts_us: BigInt(Date.UTC(2024, 0, 1, 10, 5)) * 1000n,
        tz_offset_min: 0,
        lifecycle: 'COMPLETE',
        resource: null,
        channel: 'phone',
        segment: 'business',
        attributes: '{"case:channel":"phone","case:priority":"2","segment":"business"}',
      },
      {
        case_id: 'T2',
        activity: 'Visit',
        ts_us: BigInt(Date.UTC(2024, 0, 2, 9)) * 1000n,
        tz_offset_min: null,
        lifecycle: null,
        resource: null,
        channel: null,
        segment: null,
        attributes: null,
      },
    ]);
  });

  it('keeps only the lifecycle transitions asked for, whatever their case, and events without one', async () => {
    const { report, rows } = await imported('completes', ['complete']);
    expect(report).toMatchObject({ events: 2, cases: 2 });
    expect(rows.map((r) => `${r.case_id} ${r.activity} ${r.lifecycle}`)).toEqual([
      'T1 Call COMPLETE',
      'T2 Visit null',
    ]);
  });

  it('reads the text in the encoding the file declares, and refuses bytes that are not text in it', async () => {
    const xes = (declaration: string, activity: string) =>
      `${declaration}\n<log><trace><string key="concept:name" value="C1"/><event><string key="concept:name" value="${activity}"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event></trace></log>\n`;
    const activities = async (log: string, bytes: Buffer) => {
      const file = join(dir, `${log}.xes`);
      writeFileSync(file, bytes);
      await importLog(store, file, { log, onError: 'fail' });
      return (await queryRows(store, 'select activity from events where log = $log', { log })).map(
        (r) => r.activity,
      );
    };
    const latin1 = Buffer.from(xes('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Café à Zürich'), 'latin1');
    expect(await activities('latin1', latin1)).toEqual(['Café à Zürich']);
    const windows = Buffer.from(xes("<?xml version='1.0' encoding='windows-1252'?>", 'x'), 'latin1');
    windows[windows.indexOf('value="x"') + 7] = 0x80;
    expect(await activities('cp1252', windows)).toEqual(['€']);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(xes('<?xml version="1.0"?>', 'Grüße'), 'utf16le'),
    ]);
    expect(await activities('utf16', utf16)).toEqual(['Grüße']);
    const long = `Caf\u00e9 ${'x'.repeat(3000)}`;
    expect(
      await activities('utf8', Buffer.from(xes('<?xml version="1.0" encoding="UTF-8"?>', long))),
    ).toEqual([long]);

    const undeclared = join(dir, 'undeclared.xes');
    writeFileSync(undeclared, Buffer.from(xes('<?xml version="1.0"?>', 'Café'), 'latin1'));
    await expect(importLog(store, undeclared, { log: 'undeclared', onError: 'fail' })).rejects.toThrow(
      /is not valid utf-8 in bytes 1 to \d+: it may be written in another encoding without declaring it/,
    );
    const unknown = join(dir, 'unknown.xes');
    writeFileSync(unknown, xes('<?xml version="1.0" encoding="x-klingon"?>', 'a'));
    await expect(importLog(store, unknown, { log: 'unknown', onError: 'fail' })).rejects.toThrow(
      'declares its encoding as "x-klingon", which linesight cannot read: convert it to UTF-8 (iconv -f x-klingon -t UTF-8)',
    );
  });

  it('refuses a value that never ends once it passes 16 MiB, and reads one up to that whole', async () => {
    // A gzip bomb of one attribute: 64 MiB of one letter unzipped, in a file of 64 KiB.
    const file = join(dir, 'bomb.xes.gz');
    const head =
      '<?xml version="1.0"?>\n<log>\n<trace><string key="concept:name" value="C1"/>\n<event><string key="concept:name" value="';
    writeFileSync(
      file,
      gzipSync(Buffer.concat([Buffer.from(head), Buffer.alloc(64 << 20, 'a')]), { level: 1 }),
    );
    await expect(importLog(store, file, { log: 'bomb', onError: 'fail' })).rejects.toThrow(
      `bomb.xes.gz: line 4 holds more than ${MAX_UNTAGGED_CHARS >> 20} MiB of characters with no tag`,
    );
    // A value up to that bound is read to its end, and then its event weighed: one past 64 KiB of
    // text is left out, said so, and one just under is kept whole.
    const event = (id: string, note: number) =>
      `<event><string key="concept:name" value="${id}"/><string key="note" value="${'b'.repeat(note)}"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>`;
    const fine = join(dir, 'long.xes.gz');
    const kept = MAX_EVENT_CHARS - 100;
    writeFileSync(
      fine,
      gzipSync(
        `<log><trace><string key="concept:name" value="C1"/>${event('huge', MAX_UNTAGGED_CHARS - 200)}${event('kept', kept)}</trace></log>`,
      ),
    );
    const report = await importLog(store, fine, { log: 'long', onError: 'skip' });
    expect(report.events).toBe(1);
    expect(report.problems[0]?.message).toMatch(
      /^the event holds 16\d{3} KiB of text; linesight keeps events of up to 64 KiB/,
    );
    const [row] = await queryRows(
      store,
      "select activity, length(attributes->>'note') as n from events where log = 'long'",
    );
    expect(row?.activity).toBe('kept');
    expect(Number(row?.n)).toBe(kept);
  });

  it('refuses an upload whose XML unpacks to more than it may hold', async () => {
    const file = join(dir, 'packed.xes.gz');
    const events = Array.from(
      { length: 2000 },
      (_, i) =>
        `<event><string key="concept:name" value="a${i}"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>`,
    );
    writeFileSync(
      file,
      gzipSync(`<log><trace><string key="concept:name" value="C1"/>${events.join('')}</trace></log>`),
    );
    await expect(
      importLog(store, file, { log: 'packed', onError: 'skip', maxBytes: 64 << 10 }),
    ).rejects.toThrow('it holds more than 64 KiB of XML once unpacked, more than an upload may');
    expect((await importLog(store, file, { log: 'packed', onError: 'skip' })).events).toBe(2000);
  });
});
