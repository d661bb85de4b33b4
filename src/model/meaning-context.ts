/**
 * What the meaning check (normalize.ts) and its parts share: the parsed file's types and the
 * list the problems found go to, each reported at its place in the file.
 */

import type { Diagnostic, DiagnosticCode, Path } from './diagnostic.js';
import { type ModelDocument, type ReportOptions, report } from './document.js';
import type { FlowSchema, ModelSchema } from './schema.js';
import type * as z from './zod.js';

export type Parsed = z.output<typeof ModelSchema>;
export type RawFlow = z.output<typeof FlowSchema>;

export interface Context {
  doc: ModelDocument;
  diagnostics: Diagnostic[];
  options: ReportOptions;
}

export function problem(
  ctx: Context,
  path: Path,
  code: DiagnosticCode,
  message: string,
  extra: ReportOptions = {},
): void {
  ctx.diagnostics.push(report(ctx.doc, path, code, message, { ...ctx.options, ...extra }));
}
