/** The refusal of work that ran past its time limit, the same from a thread and from the event store. */
import { HttpError } from './http-error.js';

const seconds = (ms: number) =>
  ms < 1000 ? `${ms} ms` : ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;

export function tookTooLong(
  timeout: number,
  limitOption: string,
  smaller = 'fewer steps, replications or days',
): HttpError {
  return new HttpError(
    503,
    `the work took longer than this server's limit of ${seconds(timeout)} and was stopped`,
    `make the request smaller (${smaller}), or start linesight serve with a longer ${limitOption}`,
  );
}
