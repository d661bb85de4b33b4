/**
 * Rendering a model: check the options against the model (a wrong view, role or segment names
 * the valid choices), lay out the view, and write SVG, PNG or PDF.
 */
import type { Model } from '../model/model.js';
import { didYouMean } from '../model/suggest.js';
import type { ViewOptions } from './customer-lanes.js';
import type { Diagram } from './diagram.js';
import { toPdf } from './pdf.js';
import { toPng } from './png.js';
import { VIEW_IDS, VIEWS } from './registry.js';
import { canvasWidth, toSvg } from './svg.js';

export interface RenderOptions extends ViewOptions {
  view: string;
}

/** A choice that names nothing: what was asked, and what could have been. */
export class RenderOptionError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
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
}

const hintFor = (word: string, choices: string[], noun: string) => {
  const hint = didYouMean(word, choices, noun);
  return hint.startsWith('did you mean') ? hint : 'check the spelling';
};

export async function layout(model: Model, options: RenderOptions): Promise<Diagram> {
  checkRenderOptions(model, options);
  const view = VIEWS.find((v) => v.id === options.view);
  return (view as NonNullable<typeof view>).build(model, options);
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
  return (await toPdf(await layout(model, options))).bytes;
}
