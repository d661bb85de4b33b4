/** Departments (the lanes behind the customer) and, inside each, its roles. */

import type { Item } from '../../../src/model/edits/plans/model-data';
import { itemPath } from '../../../src/model/edits/plans/org-kinds';
import { AddField } from '../fields/add-field';
import { PickField } from '../fields/pick-field';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import { adder } from './adder';
import { bind } from './bind';
import { VISIBILITY } from './choices';
import { ElementCard } from './element-card';
import { type OpenItems, useOpenItems } from './open-items';
import { Section } from './section';

function Role(props: { doc: Doc; role: Item; department: Item; open: OpenItems }) {
  const { doc, role, department } = props;
  const path = itemPath('role', role.id, department.id);
  const own = role.visibility as string | undefined;
  return (
    <ElementCard doc={doc} kind="role" item={role} department={department.id} open={props.open} detail={own}>
      <TextField label="Name" {...bind(doc, path, role, 'name')} />
      <PickField
        label="Visibility"
        {...bind(doc, path, role, 'visibility')}
        value={own}
        choices={VISIBILITY}
        none={`as its department (${String(department.visibility ?? 'backstage')})`}
      />
      <TextField label="Description" wide {...bind(doc, path, role, 'description')} />
    </ElementCard>
  );
}

function Department(props: { doc: Doc; department: Item; open: OpenItems; roles: OpenItems }) {
  const { doc, department } = props;
  const path = itemPath('department', department.id);
  const roles = doc.data.roles.filter((r) => r.department === department.id);
  const visibility = String(department.visibility ?? 'backstage');
  const add = adder(doc, props.roles, 'role', department.id);
  return (
    <ElementCard
      doc={doc}
      kind="department"
      item={department}
      open={props.open}
      detail={`${visibility} · ${roles.length} ${roles.length === 1 ? 'role' : 'roles'}`}
      holds={
        <fieldset class="org-roles">
          <legend>Roles</legend>
          {roles.map((role) => (
            <Role key={role.id} doc={doc} role={role} department={department} open={props.roles} />
          ))}
          <AddField noun="role" onAdd={add} />
        </fieldset>
      }
    >
      <TextField label="Name" {...bind(doc, path, department, 'name')} />
      <PickField
        label="Visibility"
        {...bind(doc, path, department, 'visibility')}
        value={visibility}
        choices={VISIBILITY}
      />
      <TextField label="Description" wide {...bind(doc, path, department, 'description')} />
    </ElementCard>
  );
}

export function Departments(props: { doc: Doc }) {
  const { doc } = props;
  const open = useOpenItems();
  const roles = useOpenItems();
  const add = adder(doc, open, 'department');
  return (
    <Section
      title="Departments and roles"
      count={doc.data.departments.length}
      noun="department"
      onAdd={add}
      open
      note="The lanes behind the customer; frontstage ones are above the line of visibility."
    >
      {doc.data.departments.map((d) => (
        <Department key={d.id} doc={doc} department={d} open={open} roles={roles} />
      ))}
    </Section>
  );
}
