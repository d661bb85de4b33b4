/** Staffing at least cost, as the CLI, the server and the library's users call it. */
export { type HourlyDemand, hourlyDemand } from './hourly-demand.js';
export { hourlyStaff, type ShiftText, scheduleOf, shiftsOf } from './hourly-schedule.js';
export { type StaffingScenario, scenarioEdit } from './scenario-edit.js';
export { fewestAgents, serviceLevel } from './service-level.js';
export {
  type PoolStaffing,
  StaffingError,
  type StaffingOptions,
  type StaffingResult,
  staffModel,
} from './staff.js';
export { staffingScenario } from './staffing-scenario.js';
