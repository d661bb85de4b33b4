/** `linesight init [DIR]`: a workspace with a starter model that validates, its README and the JSON Schema. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { writeAtomic } from '../../fs/write-atomic.js';
import { jsonSchema } from '../../model/json-schema.js';
import { PACKAGE_ROOT as ROOT, starterModel, TEMPLATES } from '../../model/templates.js';
import { VERSION } from '../../version.js';
import { InputError, type Io, UsageError } from '../io.js';

/** How the user called linesight: through npx (in its folder), or as an installed command. */
const command = () => (process.env.npm_command === 'exec' ? 'npx linesight' : 'linesight');

/** The workspace README says where this linesight is installed, so that its commands work. */
const readme = (dir: string) =>
  readFileSync(join(TEMPLATES, 'README.md'), 'utf8')
    .replaceAll('{{version}}', VERSION)
    .replaceAll('{{root}}', ROOT.replace(/[\\/]$/, ''))
    .replaceAll('{{workspace}}', resolve(dir));

export function initCommand(dir: string, options: { force?: boolean; json?: boolean }, io: Io): number {
  // `init model.yaml` meant a file: made as a folder, it held journey.yaml and looked like a model.
  if (/\.(ya?ml|json)$/i.test(basename(dir)) && !existsSync(dir))
    throw new UsageError(
      `'${dir}' is named like a model file, but init makes a folder (a workspace) holding journey.yaml: name a folder (linesight init my-journeys), or run linesight init and rename journey.yaml`,
    );
  const files: Record<string, string> = {
    'journey.yaml': starterModel(),
    'README.md': readme(dir),
    'linesight.schema.json': `${JSON.stringify(jsonSchema('model'), null, 2)}\n`,
  };
  const existing = Object.keys(files).filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !options.force) {
    throw new InputError(
      `${resolve(dir)} already has ${existing.join(', ')}`,
      'choose another folder, or add --force to overwrite them',
    );
  }
  for (const [name, content] of Object.entries(files)) writeAtomic(join(dir, name), content);
  const written = Object.keys(files).map((name) => join(dir, name));
  if (options.json) io.out(`${JSON.stringify({ dir: resolve(dir), files: written }, null, 2)}\n`);
  else io.out(`created ${written.join(', ')}\nnext: ${command()} validate ${join(dir, 'journey.yaml')}\n`);
  return 0;
}
