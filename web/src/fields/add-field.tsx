/** A name typed and a button: adds a new element of a list under that name (Enter adds too). */
import { useState } from 'preact/hooks';

export function AddField(props: { noun: string; onAdd(name: string): void }) {
  const [name, setName] = useState('');
  return (
    <form
      class="add-field"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAdd(name);
        setName('');
      }}
    >
      <input
        value={name}
        aria-label={`Name of the new ${props.noun}`}
        placeholder={`New ${props.noun}'s name`}
        onInput={(e) => setName((e.target as HTMLInputElement).value)}
      />
      <button type="submit">Add {props.noun}</button>
    </form>
  );
}
