/**
 * The probability editor for a flow (a step's `next`, or its fail point's): per segment, each
 * branch's target and percentage. Changing one percentage rebalances the others so that the
 * segment's branches sum to 100 %; each change is one `set-branches` edit.
 */
import { readFlow, type SegmentFlow } from '../../../src/model/edits/branches';
import type { Branch, SetBranchesEdit } from '../../../src/model/edits/edit';
import {
  type FlowOn,
  reshare,
  retarget,
  sharesShown,
  targetsAfter,
  withBranch,
  withoutBranch,
  writeFlow,
} from '../../../src/model/edits/plans/flow';
import { type Item, labelOf } from '../../../src/model/edits/plans/model-data';
import type { Diagnostic } from '../api';
import { TextField } from './text-field';

export function FlowField(props: {
  label: string;
  step: string;
  on: FlowOn;
  value: unknown;
  /** The steps and ends a branch may lead to. */
  targets: Item[];
  segments: Item[];
  onCommit(edit: SetBranchesEdit): void;
  problems?: Diagnostic[];
}) {
  const flows = readFlow(props.value);
  const ids = targetsAfter(
    props.targets.map((t) => t.id),
    props.step,
  );
  const write = (flow: SegmentFlow, branches: Branch[] | undefined) => {
    if (branches) props.onCommit(writeFlow(props.step, props.on, flow, branches));
  };
  const segmentName = (flow: SegmentFlow) =>
    flow.segment === undefined
      ? ''
      : flow.segment === 'default'
        ? 'everyone else'
        : labelOf(props.segments.find((s) => s.id === flow.segment) ?? { id: flow.segment });
  const own = new Set(flows.map((f) => f.segment));
  const unsplit = props.segments.filter((s) => !own.has(s.id));
  const base = flows.find((f) => f.segment === undefined || f.segment === 'default');
  return (
    <fieldset class={`flow${props.problems?.length ? ' invalid' : ''}`}>
      <legend>{props.label}</legend>
      {flows.map((flow) => (
        <SegmentBranches
          key={flow.segment ?? ''}
          label={[props.label, segmentName(flow)].filter(Boolean).join(', ')}
          name={segmentName(flow)}
          flow={flow}
          targets={props.targets}
          onChange={(branches) => write(flow, branches)}
          onAdd={() => write(flow, withBranch(flow.branches, ids))}
        />
      ))}
      {flows.length === 0 && ids[0] !== undefined ? (
        <button
          type="button"
          class="mini"
          onClick={() => write({ branches: [] }, [{ to: ids[0] as string }])}
        >
          Set where it leads
        </button>
      ) : null}
      {/* A failure's flow rarely differs by segment: the YAML can still say so. */}
      {props.on === 'next' && base && unsplit.length > 0 ? (
        <select
          class="split"
          aria-label={`${props.label}: a flow of its own for a segment`}
          value=""
          onChange={(e) => {
            const segment = (e.target as HTMLSelectElement).value;
            if (segment) write({ segment, branches: [] }, base.branches);
          }}
        >
          <option value="">+ own flow for…</option>
          {unsplit.map((s) => (
            <option key={s.id} value={s.id}>
              {labelOf(s)}
            </option>
          ))}
        </select>
      ) : null}
      {(props.problems ?? []).map((p) => (
        <span key={`${p.path}|${p.message}`} class={`field-problem ${p.severity}`} role="alert">
          {p.message}
        </span>
      ))}
    </fieldset>
  );
}

function SegmentBranches(props: {
  label: string;
  name: string;
  flow: SegmentFlow;
  targets: Item[];
  onChange(branches: Branch[] | undefined): void;
  onAdd(): void;
}) {
  const { branches } = props.flow;
  const shares = sharesShown(branches);
  const nameOf = (id: string) => labelOf(props.targets.find((t) => t.id === id) ?? { id });
  return (
    <div class="segment-flow">
      {props.name ? <div class="segment-name">{props.name}</div> : null}
      {branches.map((b, i) => (
        <div class="branch" key={`${i}-${b.to}`}>
          <select
            aria-label={`${props.label}: branch ${i + 1} leads to`}
            value={b.to}
            onChange={(e) => props.onChange(retarget(branches, i, (e.target as HTMLSelectElement).value))}
          >
            {props.targets.some((t) => t.id === b.to) ? null : <option value={b.to}>{b.to} (unknown)</option>}
            {props.targets.map((t) => (
              <option key={t.id} value={t.id} disabled={t.id !== b.to && branches.some((o) => o.to === t.id)}>
                {labelOf(t)}
              </option>
            ))}
          </select>
          {branches.length > 1 ? (
            <>
              <TextField
                label={`${props.label}: percent to ${nameOf(b.to)}`}
                type="number"
                min={0}
                max={100}
                step={1}
                value={String(shares[i])}
                onCommit={(v) => props.onChange(v === '' ? undefined : reshare(branches, i, Number(v)))}
              />
              <span aria-hidden="true">%</span>
              <button
                type="button"
                class="mini"
                aria-label={`Remove the branch to ${nameOf(b.to)}`}
                title="Remove this branch"
                onClick={() => props.onChange(withoutBranch(branches, i))}
              >
                ×
              </button>
            </>
          ) : null}
        </div>
      ))}
      <button type="button" class="mini" onClick={props.onAdd} aria-label={`${props.label}: add a branch`}>
        + branch
      </button>
    </div>
  );
}
