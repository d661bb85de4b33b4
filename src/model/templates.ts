/**
 * The texts a new model starts from, shared by `linesight init` and the server's "new model": a
 * blank model (the least that validates), the starter (templates/journey.yaml) and the examples
 * shipped in the package's examples folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (with templates/ and examples/) is two levels above this file in src/ and dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATES = join(PACKAGE_ROOT, 'templates');
export const EXAMPLES = join(PACKAGE_ROOT, 'examples');

/** The starter model `linesight init` writes: a web shop's order journey that validates. */
export const starterModel = (): string => readFileSync(join(TEMPLATES, 'journey.yaml'), 'utf8');

/** A title for a file name: "order-returns.yaml" → "Order returns". */
export const titleOf = (file: string): string => {
  const words = file
    .replace(/\.(ya?ml|json)$/, '')
    .replace(/[-_.]+/g, ' ')
    .trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : 'New journey';
};

/** The least model that validates: one stage, one step, one end, to grow in the editor. */
export const blankModel = (title: string): string => `linesight: 1
name: ${JSON.stringify(title)}

arrivals:
  rate: 10/h

stages:
  - id: first-stage
    name: First stage

steps:
  - id: first-step
    name: First step
    stage: first-stage
    channel: web
    next: done

ends:
  - id: done
    name: Done
    outcome: success

start: first-step
`;

/** The example models shipped with linesight (examples/*.yaml), by file name. */
export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => d.name)
    .sort();

/** An example's text, or undefined when there is no such example. */
export const exampleModel = (file: string): string | undefined =>
  exampleFiles().includes(file) ? readFileSync(join(EXAMPLES, file), 'utf8') : undefined;
