/**
 * A CSV imported alone into a store of its own (importCsv, rows that cannot be read skipped): its
 * report, and its events as stored, in file order, for tests that hold two ways of storing a file
 * to the same result.
 */
import { importCsv } from '../mining/import-csv.js';
import { openStore, queryRows } from '../mining/store.js';

export async function storedCsv(path: string, file: string, options: { unorderedFrom?: number } = {}) {
  const store = await openStore(path, { access: 'create' });
  try {
    const report = await importCsv(store, file, 'log', { onError: 'skip', ...options });
    const events = await queryRows(
      store,
      'select seq, case_id, activity, ts_us, tz_offset_min, attributes from events order by seq',
    );
    return { report, events };
  } finally {
    store.close();
  }
}
