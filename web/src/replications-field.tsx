/** The most replications the forms offer: more is a precision's to ask for (it stops when it has enough). */
export const MOST_REPLICATIONS = 200;

/** How many replications a run makes, typed as a whole number (2 to MOST_REPLICATIONS). */
export function ReplicationsField(props: { value: number; onChange: (value: number) => void }) {
  return (
    <label>
      Replications{' '}
      <input
        type="number"
        min={2}
        max={MOST_REPLICATIONS}
        value={props.value}
        onInput={(e) => props.onChange(Number((e.target as HTMLInputElement).value))}
      />
    </label>
  );
}
