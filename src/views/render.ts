/**
 * Rendering a model: check the options against the model (a wrong view, role, segment, stage or
 * step names the valid choices), lay out the view, and write SVG, PNG or PDF.
 */
import type { Model } from '../model/model.js';
import type { ViewOptions } from './customer-lanes.js';
import type { Diagram } from './diagram.js';
import { checkFocus, focusLabel } from './focus.js';
import { journeyPath } from './journey-path.js';
import { hintFor, RenderOptionError } from './option-error.js';
import { toPng } from './png.js';
import { VIEW_IDS, VIEWS } from './registry.js';
import { canvasWidth, toSvg } from './svg.js';

export { RenderOptionError };

export interface RenderOptions extends ViewOptions {
  view: string;
  /**
   * The model without its scenario (when `model` has one): the swimlane views then mark what the
   * scenario adds, changes and removes. Without it, a scenario is drawn as any model is.
   */
  base?: Model;
}

export function checkRenderOptions(model: Model, options: RenderOptions): void {
  const view = VIEWS.find((v) => v.id === options.view);
  if (!view)
    throw new RenderOptionError(
      `unknown view '${options.view}'`,
      `${hintFor(options.view, VIEW_IDS, 'views')} (views: ${VIEW_IDS.join(', ')})`,
    );
  const segments = model.segments.map((s) => s.id);
  if (options.segment !== undefined && !segments.includes(options.segment)) {
    throw new RenderOptionError(
      `the model has no segment '${options.segment}'`,
      `${hintFor(options.segment, segments, 'segments')} (segments: ${segments.join(', ')})`,
    );
  }
  const roles = [
    ...model.organization.departments.map((d) => d.id),
    ...model.organization.departments.flatMap((d) => d.roles.map((r) => r.id)),
  ];
  if (options.role !== undefined && !roles.includes(options.role)) {
    throw new RenderOptionError(
      `the model has no role or department '${options.role}'`,
      `${hintFor(options.role, roles, 'roles')} (roles and departments: ${roles.join(', ')})`,
    );
  }
  if (view.needs === 'role' && options.role === undefined) {
    throw new RenderOptionError(
      `the ${view.id} view needs a role or department`,
      `add --role with one of ${roles.join(', ')}`,
    );
  }
  const swimlanes = VIEWS.filter((v) => v.part === 'focus').map((v) => v.id);
  if (options.focus && view.part !== 'focus')
    throw new RenderOptionError(
      `the ${view.id} view follows one path and takes no focus`,
      `choose its steps with a path, or draw a focus in the ${swimlanes.join(', ')} views`,
    );
  if (options.role !== undefined && view.needs !== 'role')
    throw new RenderOptionError(
      `a role is for the role view, not the ${view.id} view`,
      'draw one role or department across all stages with the role view',
    );
  if (options.path && view.part !== 'path')
    throw new RenderOptionError(
      `a path is for the journey view, not the ${view.id} view`,
      'draw the most likely path in this view with the happy-path focus',
    );
  checkFocus(model, options);
  if (view.part === 'path') journeyPath(model, options);
}

export async function layout(model: Model, options: RenderOptions): Promise<Diagram> {
  checkRenderOptions(model, options);
  const view = VIEWS.find((v) => v.id === options.view);
  const diagram = await (view as NonNullable<typeof view>).build(model, options);
  // A part of the model says so in its title, so that nobody takes it for the whole.
  if (!options.focus) return diagram;
  const label = focusLabel(model, options.focus);
  return {
    ...diagram,
    title: `${diagram.title} (${label})`,
    description: `${diagram.description} Drawn with a ${label}.`,
  };
}

export async function renderSvg(model: Model, options: RenderOptions): Promise<string> {
  return toSvg(await layout(model, options));
}

export async function renderPng(model: Model, options: RenderOptions): Promise<Buffer> {
  const diagram = await layout(model, options);
  return toPng(toSvg(diagram), canvasWidth(diagram), diagram.height);
}

/** A vector PDF: one page when the diagram is readable on A3, else a page per stage group. */
export async function renderPdf(model: Model, options: RenderOptions): Promise<Buffer> {
  const { toPdf } = await import('./pdf.js');
  return (await toPdf(await layout(model, options))).bytes;
}
