/** A KPI named (in a sweep's target, a precision rule) that the model's simulation does not report. */
export class UnknownKpiError extends Error {
  constructor(
    readonly key: string,
    readonly known: string[],
  ) {
    super(`unknown KPI '${key}'`);
  }
}
