/**
 * Which column of an uploaded CSV plays which role: each found by its usual name unless picked
 * here. Offered once a CSV file is chosen, with the file's own column names, and opened when an
 * import could not find a role's column: that one is marked and takes the focus, so that the fix
 * is where the user looks.
 */
import { useEffect, useRef } from 'preact/hooks';
import { guessedColumn } from '../../src/mining/csv-guesses';

export const CSV_ROLES = [
  ['case', 'Case'],
  ['activity', 'Activity'],
  ['timestamp', 'Time'],
  ['channel', 'Channel'],
  ['segment', 'Segment'],
  ['resource', 'Resource'],
] as const;

export type CsvRole = (typeof CSV_ROLES)[number][0];
export type CsvChoice = Partial<Record<CsvRole, string>>;

/** The roles an import cannot do without. */
const REQUIRED: readonly CsvRole[] = ['case', 'activity', 'timestamp'];

/** The required roles that neither a pick nor a usual name gives a column of `columns`. */
export const lackingRoles = (columns: readonly string[], chosen: CsvChoice): CsvRole[] =>
  REQUIRED.filter((role) => !chosen[role] && !guessedColumn(role, columns));

/** The words for roles: 'the case, the activity and the time'. */
export function unfound(roles: CsvRole[]): string {
  const words = roles.map((r) => `the ${(CSV_ROLES.find(([id]) => id === r)?.[1] ?? r).toLowerCase()}`);
  return words.length > 1
    ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
    : (words[0] ?? '');
}

export function CsvColumns(props: {
  file: string;
  columns: string[];
  chosen: CsvChoice;
  /** The role the last import could not find a column for. */
  missing: string;
  onChange: (chosen: CsvChoice) => void;
  onImport: () => void;
}) {
  const missingSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => missingSelect.current?.focus(), [props.missing]);
  const picked = Object.entries(props.chosen).map(([role, column]) => `${role} ${column}`);
  // The column the import takes for each role not picked, as the server guesses it: said before
  // the import, all of them at once (each missing one cost an import that failed on it).
  const guessed = (role: CsvRole) => guessedColumn(role, props.columns);
  const lacking = lackingRoles(props.columns, props.chosen);
  // Closed while every column is found by its usual name: most files need nothing here.
  return (
    <details class="csv-columns" open={props.missing !== '' || picked.length > 0 || lacking.length > 0}>
      <summary class="csv-columns-head">
        Columns of {props.file}:{' '}
        {lacking.length > 0
          ? `no column found for ${unfound(lacking)}: pick ${lacking.length > 1 ? 'them' : 'it'} below`
          : picked.length > 0
            ? picked.join(', ')
            : 'found by their names'}
      </summary>
      <div class="csv-columns-body">
        {CSV_ROLES.map(([role, label]) => (
          <label key={role} class={role === props.missing || lacking.includes(role) ? 'missing' : ''}>
            {label}{' '}
            <select
              ref={role === props.missing ? missingSelect : undefined}
              aria-label={`${label} column`}
              value={props.chosen[role] ?? ''}
              onChange={(e) => {
                const value = (e.target as HTMLSelectElement).value;
                const { [role]: _, ...rest } = props.chosen;
                props.onChange(value ? { ...rest, [role]: value } : rest);
              }}
            >
              <option value="">
                {guessed(role) ? `found by its name: ${guessed(role)}` : 'none found by its name'}
              </option>
              {props.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="button" class="import-columns" onClick={props.onImport}>
          Import with these columns
        </button>
      </div>
    </details>
  );
}
