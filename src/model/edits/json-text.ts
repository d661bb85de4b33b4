/**
 * A model written as JSON stays JSON when it is edited. The edits splice YAML text (block lists,
 * plain scalars), which in a JSON file gave `"name": New name` or broke the file outright. JSON
 * has no comments or hand layout to keep, so a JSON model is edited as the YAML it reads as and
 * written back as JSON, in its own indentation and with its keys in their order.
 */
import { Document, parse as parseYaml } from 'yaml';

export interface JsonText {
  /** What JSON.stringify indents with: the file's own step, or none for a file on one line. */
  indent: string | undefined;
  finalNewline: boolean;
}

/** How the text is written as JSON; undefined when it is not JSON (YAML, or YAML-only syntax). */
export function jsonTextOf(text: string): JsonText | undefined {
  const start = text.trimStart()[0];
  if (start !== '{') return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  // The first indented line gives the step (two spaces, four, a tab).
  const step = /\n([ \t]+)\S/.exec(text)?.[1];
  return { indent: step, finalNewline: text.endsWith('\n') };
}

/** The JSON text as YAML block text, for the edits to splice. */
export function yamlOfJson(text: string): string {
  return new Document(JSON.parse(text)).toString({ lineWidth: 0 });
}

/** The edited YAML text written back as JSON in the file's style. */
export function jsonOfYaml(yamlText: string, style: JsonText): string {
  const json = JSON.stringify(parseYaml(yamlText), null, style.indent);
  return style.finalNewline ? `${json}\n` : json;
}
