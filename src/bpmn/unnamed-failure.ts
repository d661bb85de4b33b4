/**
 * What an export calls a fail point that has no cause, and the importer reads back as no cause:
 * shared so that neither side loads the other's code to know it.
 */
export const UNNAMED_FAILURE = 'Fails';
