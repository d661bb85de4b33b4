import { describe, expect, it } from 'vitest';
import { clickHouseCredentials, parseClickHouseAddress } from './clickhouse-address.js';
import { clickHouseError } from './clickhouse-http.js';

describe('a ClickHouse store address', () => {
  it('names the shards, the database and the cluster', () => {
    expect(parseClickHouseAddress('clickhouse://ch1:8123,10.0.0.2:8124/journeys?cluster=linesight')).toEqual({
      shards: ['ch1:8123', '10.0.0.2:8124'],
      database: 'journeys',
      cluster: 'linesight',
    });
    expect(parseClickHouseAddress('clickhouse://localhost:8123/events')).toEqual({
      shards: ['localhost:8123'],
      database: 'events',
      cluster: undefined,
    });
  });

  it.each([
    ['clickhouse://ch1:8123', 'names no database'],
    ['clickhouse://ch1/events', "has 'ch1' where a HOST:PORT"],
    ['clickhouse://ch1:8123/my-events', "names the database 'my-events'"],
    ['clickhouse://ch1:8123,ch2:8123/events', 'lists several shards but no cluster'],
    ['clickhouse://ch1:8123/events?password=x', "has 'password', which linesight does not know"],
  ])('refuses %s: it %s', (store, said) => {
    expect(() => parseClickHouseAddress(store)).toThrow(said);
  });

  it('takes user and password from the environment only', () => {
    expect(clickHouseCredentials({})).toEqual({ user: 'default', password: '' });
    expect(
      clickHouseCredentials({ LINESIGHT_CLICKHOUSE_USER: 'ls', LINESIGHT_CLICKHOUSE_PASSWORD: 'secret' }),
    ).toEqual({ user: 'ls', password: 'secret' });
  });
});

describe("ClickHouse's errors", () => {
  it('keep what went wrong and leave out the stack', () => {
    const text =
      "Code: 60, e.displayText() = DB::Exception: Table lt.events_local doesn't exist., e.what() = DB::Exception\n\n0. clickhouse-server(StackTrace::StackTrace()+0x16)";
    const error = clickHouseError(text, 'ch1:8123');
    expect(error.message).toBe("ClickHouse at ch1:8123: Table lt.events_local doesn't exist.");
    expect(error.code).toBe(60);
    // Current versions write it differently.
    const current = clickHouseError(
      'Code: 210. DB::NetException: Connection refused (127.0.0.1:9001). (NETWORK_ERROR) (version 24.3.1.1)',
      'ch1:8123',
    );
    expect(current.message).toBe('ClickHouse at ch1:8123: Connection refused (127.0.0.1:9001).');
    expect(current.code).toBe(210);
    const insert = clickHouseError(
      'Code: 210, e.displayText() = DB::NetException: Connection refused (127.0.0.1:19124): Insertion status:\nWrote 3 blocks, e.what() = DB::NetException',
      'ch1:8123',
    );
    expect(insert.message).toBe('ClickHouse at ch1:8123: Connection refused (127.0.0.1:19124)');
  });
});
