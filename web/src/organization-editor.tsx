/** The organization behind the journey: departments and roles, systems, segments, pools, processes. */
import type { Doc } from './model-doc';

export function OrganizationEditor(props: { doc: Doc }) {
  return <div class="organization-editor">{props.doc.data.departments.length} departments</div>;
}
