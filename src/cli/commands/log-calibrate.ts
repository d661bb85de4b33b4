/** `linesight log calibrate`: a what-if overlay with the model's figures as the log has them. */
import { basename, dirname, relative } from 'node:path';
import { stringify } from 'yaml';
import { writeAtomic } from '../../fs/write-atomic.js';
import { calibrate } from '../../mining/calibrate.js';
import { load } from '../../model/load.js';
import { InputError, type Io } from '../io.js';
import { refuseOutputOverInput } from '../output-file.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { withLogAgainstModel } from './log-against-model.js';
import type { StoreOptions } from './log-store.js';

export async function logCalibrateCommand(
  o: StoreOptions & { model: string; mapping?: string; output?: string },
  io: Io,
): Promise<number> {
  const output = o.output ?? 'calibrated.yaml';
  refuseOutputOverInput(output, [o.model, o.mapping]);
  return withLogAgainstModel(o, io, async ({ model, mapping, store, log }) => {
    const base = relative(dirname(output), o.model) || basename(o.model);
    const { scenario, notes } = await calibrate(store, log, model, { mapping, base });
    const text = `# A what-if overlay calibrated from the log '${log}' by linesight.\n${notes.map((n) => `# ${n}`).join('\n')}\n${stringify(scenario)}`;
    writeAtomic(output, text);
    const checked = load(output);
    for (const n of notes) io.err(`${n}\n`);
    if (!checked.ok) {
      io.err(
        printDiagnostics(
          checked.diagnostics.filter((d) => d.severity === 'error'),
          io.color,
        ),
      );
      throw new InputError(
        `the calibrated overlay in ${output} does not apply cleanly to ${o.model}`,
        'see the errors above; map the log activities to steps with --mapping',
      );
    }
    io.err(`wrote ${output} (${(scenario.changes as unknown[]).length} changes)\n`);
    if (o.json) io.out(`${JSON.stringify({ output, notes, changes: scenario.changes }, null, 2)}\n`);
    return 0;
  });
}
