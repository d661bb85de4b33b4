/**
 * The organization behind the journey, one folding section each: departments and their roles,
 * systems, segments, pools, processes, the model's own channels and the ends.
 */
import type { Doc } from './model-doc';
import { Channels } from './organization/channels';
import { Departments } from './organization/departments';
import { Ends } from './organization/ends';
import { Pools } from './organization/pools';
import { Processes } from './organization/processes';
import { Segments } from './organization/segments';
import { Systems } from './organization/systems';

export function OrganizationEditor(props: { doc: Doc }) {
  const { doc } = props;
  return (
    <div class="organization-editor">
      <Departments doc={doc} />
      <Systems doc={doc} />
      <Segments doc={doc} />
      <Pools doc={doc} />
      <Processes doc={doc} />
      <Channels doc={doc} />
      <Ends doc={doc} />
    </div>
  );
}
