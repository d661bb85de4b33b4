/** A run's warnings as the text report ends with them, each remedy as this command's options. */
import type { RunRemedy, RunWarning } from '../../simulation/index.js';

const REMEDY_OPTIONS: Record<keyof RunRemedy, string> = {
  horizon: '--horizon',
  warmup: '--warmup',
  replications: '--replications',
  precision: '--precision',
  maxReplications: '--max-replications',
};

/** A warning's remedies as this command's options: " (--replications 40, or --precision 10%)". */
function remediesText(remedies: RunRemedy[]): string {
  const options = remedies.map((r) =>
    Object.entries(r)
      .map(([key, value]) => `${REMEDY_OPTIONS[key as keyof RunRemedy]} ${value}`)
      .join(' '),
  );
  return options.length ? ` (${options.join(', or ')})` : '';
}

/** The warnings as the text report ends with them; nothing when there are none. */
export function warningsText(warnings: { side?: string; warning: RunWarning }[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings.map(
    ({ side, warning }) => `- ${side ? `${side}: ` : ''}${warning.message}${remediesText(warning.remedies)}`,
  );
  return `\nWarnings:\n${lines.join('\n')}\n`;
}
