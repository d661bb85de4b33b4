/**
 * Where the tests' real data lives: `testdata/` in the repository, so that a clone passes its
 * tests with nothing beside it. See testdata/README.md for each file's origin and licence.
 */
import { fileURLToPath } from 'node:url';

export const TESTDATA = fileURLToPath(new URL('../../testdata/', import.meta.url));
/** Event logs (XES, CSV, OCEL 2.0) and pm4py's outputs for them. */
export const EVENT_LOGS = fileURLToPath(new URL('../../testdata/eventlogs/', import.meta.url));
/** The BPMN MIWG interchange test suite. */
export const BPMN_SUITE = fileURLToPath(new URL('../../testdata/bpmn/', import.meta.url));
