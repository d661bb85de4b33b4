/**
 * A model as a BPMN 2.0 collaboration that bpmn.io, Camunda Modeler and Signavio open laid out,
 * valid against the OMG schema and clean under bpmnlint's recommended rules:
 *
 * - the customer's pool on top, one lane per customer lane of the blueprint, a task per step, an
 *   exclusive gateway where the way on branches, an interrupting error boundary event where a
 *   step fails, a timer before a step the customer waits for, start and end events;
 * - the organization's pool below, lanes for the frontstage roles and systems above the backstage
 *   departments; behind each step its touchpoint and backstage activities, from a start event to
 *   an end event;
 * - a message flow at every touchpoint, in the direction of whoever starts the contact;
 * - BPMNDI from the blueprint's layout, lanes grown to fit their names;
 * - BPSim 2.0 parameters for simulators, `linesight:properties` for the model data a diagram
 *   cannot show (see docs/bpmn.md), and the whole model in `linesight:model` so that importing
 *   the file gives back exactly this model.
 */

import { dirname } from 'node:path';
import type { Model } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import { layout } from '../views/render.js';
import { bpmnId } from './bpmn-id.js';
import { type DiagramWriter, diagramWriter } from './diagram-writer.js';
import { writeCustomerProcess } from './export-customer.js';
import { writeOrganizationProcess } from './export-organization.js';
import { rebaseFileLinks } from './file-links.js';
import { bpsimRelationship, type SimParameters } from './interchange/bpsim-write.js';
import { modelProperties } from './interchange/write.js';
import { fitLanes } from './lane-fit.js';
import { createModdle, type Element } from './moddle.js';

/** Room right of each box for its gateways, their fan-out and the flows' labels. */
const GUTTER = 104;
const POOL_GAP = 40;
const POOL_LABEL = 30;

export interface ExportOptions {
  /**
   * The folder the BPMN file goes to: the files the embedded model names (BPMN links, a
   * competitor's baseline) are written relative to it, so that importing it there finds them.
   * Default: the model's own folder.
   */
  linksRelativeTo?: string;
}

export async function exportBpmn(
  model: Model,
  version: string,
  options: ExportOptions = {},
): Promise<string> {
  const moddle = createModdle();
  const diagram = await layout(model, { view: 'blueprint', leaveRoom: GUTTER });
  const customerLanes = diagram.lanes.filter((l) => l.group === 'customer');
  const orgLanes = diagram.lanes.filter((l) => l.group === 'frontstage' || l.group === 'backstage');
  const fit = fitLanes([...customerLanes, ...orgLanes], orgLanes[0], POOL_GAP);
  const w: DiagramWriter = diagramWriter(moddle, fit);
  const sim: SimParameters[] = [];

  const collaboration = moddle.create('bpmn:Collaboration', {
    id: bpmnId('Collaboration', model.id),
    participants: [],
    messageFlows: [],
  });
  const resources = model.resources.map((r) =>
    moddle.create('bpmn:Resource', { id: w.unique(bpmnId('Resource', r.id)), name: r.name ?? r.id }),
  );
  for (const [i, r] of model.resources.entries())
    sim.push({ elementRef: String(resources[i]?.id), quantity: r.capacity });
  const customer = writeCustomerProcess({ model, diagram, moddle, w, sim, resources });
  const organization = writeOrganizationProcess({ model, diagram, moddle, w, sim, customer, collaboration });

  const pool = (name: string, process: Element, lanes: typeof customerLanes, id: string, data: object) => {
    const participant = moddle.create('bpmn:Participant', {
      id,
      name,
      processRef: process,
      extensionElements: w.extension(data),
    });
    (collaboration.participants as Element[]).push(participant);
    const first = lanes[0];
    const last = lanes[lanes.length - 1];
    if (!first || !last) return;
    const top = fit.lane(first).y;
    const bottom = fit.lane(last).y + fit.lane(last).height;
    w.shape(participant, 16, top, diagram.width - 32, bottom - top, { isHorizontal: true });
    process.laneSets = [
      moddle.create('bpmn:LaneSet', {
        id: w.unique(bpmnId('LaneSet', String(process.id))),
        lanes: lanes.map((l) => {
          const lane = moddle.create('bpmn:Lane', {
            id: w.unique(bpmnId('Lane', l.id)),
            name: l.label,
            flowNodeRef: w.members(l.id),
            extensionElements: w.extension(laneData(model, l.id)),
          });
          const { y, height } = fit.lane(l);
          w.shape(lane, 16 + POOL_LABEL, y, diagram.width - 32 - POOL_LABEL, height, { isHorizontal: true });
          return lane;
        }),
      }),
    ];
  };
  pool(
    customerLanes.length === 1 ? (customerLanes[0]?.label ?? 'Customer') : 'Customer',
    customer.process,
    customerLanes,
    bpmnId('Participant', 'customer'),
    { pool: 'customer' },
  );
  pool(
    model.organization.name ?? 'Organization',
    organization,
    orgLanes,
    bpmnId('Participant', 'organization'),
    { pool: 'organization' },
  );

  // Files the model names, relative to where the BPMN file goes, in its properties as in the model.
  const relinked = <T>(data: T) =>
    rebaseFileLinks(data, dirname(model.file), options.linksRelativeTo ?? dirname(model.file));
  collaboration.extensionElements = moddle.create('bpmn:ExtensionElements', {
    values: [
      ...w.values(relinked(modelProperties(model))),
      moddle.create('linesight:Model', {
        format: 'json',
        text: JSON.stringify(relinked(withoutApplied(serializeModel(model), model.scenario?.id))),
      }),
    ],
  });
  const definitions = moddle.create('bpmn:Definitions', {
    id: bpmnId('Definitions', model.id),
    name: model.name,
    targetNamespace: 'https://linesight.dev/bpmn',
    exporter: 'linesight',
    exporterVersion: version,
    rootElements: [...resources, collaboration, customer.process, organization],
    diagrams: [
      moddle.create('bpmndi:BPMNDiagram', {
        id: bpmnId('Diagram', model.id),
        name: model.name,
        plane: moddle.create('bpmndi:BPMNPlane', {
          id: bpmnId('Plane', model.id),
          bpmnElement: collaboration,
          planeElement: w.planeElements(),
        }),
      }),
    ],
  });
  definitions.relationships = [
    bpsimRelationship(
      moddle,
      definitions,
      model.scenario
        ? { id: bpmnId('Scenario', model.scenario.id), name: model.scenario.name }
        : { id: 'Scenario_baseline', name: 'Baseline' },
      sim,
    ),
  ];
  const { xml } = await moddle.toXML(definitions, { format: true });
  return `${xml}\n`;
}

/** What a company lane stands for, from the blueprint's lane id (role:, system:, dept:). */
function laneData(model: Model, laneId: string): Record<string, unknown> {
  const [kind, id = ''] = laneId.split(':') as [string, string?];
  if (kind === 'customer') return { segments: id ? id.split('+') : model.segments.map((s) => s.id) };
  const departments = model.organization.departments;
  if (kind === 'dept')
    return { department: id, visibility: departments.find((d) => d.id === id)?.visibility };
  if (kind === 'role') {
    const department = departments.find((d) => d.roles.some((r) => r.id === id));
    const role = department?.roles.find((r) => r.id === id);
    return { role: id, department: department?.id, visibility: role?.visibility };
  }
  if (kind === 'system')
    return { system: id, visibility: model.organization.systems.find((s) => s.id === id)?.visibility };
  return {};
}

/**
 * An export of a scenario shows the model with it applied: that is the model the file carries,
 * without the scenario itself, which would apply a second time on import.
 */
function withoutApplied(data: Record<string, unknown>, applied: string | undefined): Record<string, unknown> {
  if (applied === undefined || !Array.isArray(data.scenarios)) return data;
  const scenarios = data.scenarios.filter((s) => (s as { id?: string }).id !== applied);
  const { scenarios: _all, ...rest } = data;
  return scenarios.length > 0 ? { ...rest, scenarios } : rest;
}
