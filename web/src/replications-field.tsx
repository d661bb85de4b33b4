/** How many replications a run makes, typed as a whole number (2 to 200, as the forms offer). */
export function ReplicationsField(props: { value: number; onChange: (value: number) => void }) {
  return (
    <label>
      Replications{' '}
      <input
        type="number"
        min={2}
        max={200}
        value={props.value}
        onInput={(e) => props.onChange(Number((e.target as HTMLInputElement).value))}
      />
    </label>
  );
}
