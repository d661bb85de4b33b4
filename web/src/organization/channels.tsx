/** The model's own channels, beyond the built-in ones (web, phone, chat...). */
import { BUILTIN_CHANNELS } from '../../../src/model/channels';
import { elementsOf, itemPath } from '../../../src/model/edits/plans/org-kinds';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind } from './bind';
import { CHANNEL_MODE } from './choices';
import { ElementCard } from './element-card';
import { useOpenItems } from './open-items';
import { Section } from './section';

export function Channels(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const own = elementsOf(doc.data, 'channel');
  const add = adder(doc, open, 'channel');
  return (
    <Section
      title="Channels"
      count={own.length}
      noun="channel"
      onAdd={add}
      note={`Built in: ${BUILTIN_CHANNELS.map((c) => c.id).join(', ')}.`}
    >
      {own.map((channel) => {
        const path = itemPath('channel', channel.id);
        return (
          <ElementCard
            key={channel.id}
            doc={doc}
            kind="channel"
            item={channel}
            open={open}
            detail={channel.mode as string | undefined}
          >
            <TextField label="Name" {...bind(doc, path, channel, 'name')} />
            <PickField
              label="Mode"
              {...bind(doc, path, channel, 'mode')}
              value={channel.mode as string | undefined}
              choices={CHANNEL_MODE}
              none="not said"
            />
            <TextField label="Description" wide {...bind(doc, path, channel, 'description')} />
          </ElementCard>
        );
      })}
    </Section>
  );
}
