/** What a CSV's columns can stand for: the roles a column is named for on import (`--case`, `?case=`, ...). */
export const CSV_ROLES = ['case', 'activity', 'timestamp', 'channel', 'resource', 'segment'] as const;
