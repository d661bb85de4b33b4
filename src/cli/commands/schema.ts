/** `linesight schema`: the JSON Schema of model files, for editors and other tools. */

import { writeAtomic } from '../../fs/write-atomic.js';
import { jsonSchema } from '../../model/json-schema.js';
import { FILE_KINDS, type FileKind } from '../../model/schema.js';
import { type Io, UsageError } from '../io.js';

export function schemaCommand(options: { kind?: string; output?: string }, io: Io): number {
  const kind = (options.kind ?? 'model') as FileKind;
  if (!FILE_KINDS.includes(kind))
    throw new UsageError(`unknown kind '${options.kind}': use one of ${FILE_KINDS.join(', ')}`);
  const text = `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
  if (options.output) {
    writeAtomic(options.output, text);
    io.err(`wrote ${options.output}\n`);
  } else io.out(text);
  return 0;
}
