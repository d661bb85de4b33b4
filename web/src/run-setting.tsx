/** A run setting typed as text (a duration or a share), labelled, with what it means on hover. */
export function RunSetting(props: {
  label: string;
  help: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label title={props.help}>
      {props.label}{' '}
      <input
        type="text"
        size={5}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(e) => props.onChange((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
