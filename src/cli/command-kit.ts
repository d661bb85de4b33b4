/** What every command module of the CLI shares: the --json option and how a command sets the exit code. */
import { Option } from './commander.js';

export const jsonOption = () => new Option('--json', 'print machine-readable JSON');

/** Sets the process's exit code: 0 fine, 1 the input is invalid, 2 the command line is wrong. */
export type SetExit = (code: number) => void;
