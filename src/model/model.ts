/**
 * The model every part of linesight reads: the file format after parsing and normalising.
 * Units are gone (seconds, per-second rates, money per hour), every flow is spelled out per
 * segment with its probabilities, and references are known to resolve.
 */

import type { Distribution } from './distribution.js';
import type { Economics } from './economics.js';
import type {
  ActivitySchema,
  ChannelSchema,
  DepartmentSchema,
  EndSchema,
  ProcessSchema,
  ResourceSchema,
  RoleSchema,
  ScenarioSchema,
  SegmentSchema,
  StageSchema,
  StepSchema,
  SystemSchema,
} from './schema.js';
import type { Money } from './units.js';
import type * as z from './zod.js';

export type Visibility = 'frontstage' | 'backstage';
export type Role = z.output<typeof RoleSchema> & { visibility: Visibility; department: string };
export type Department = Omit<z.output<typeof DepartmentSchema>, 'roles'> & { roles: Role[] };
export type System = z.output<typeof SystemSchema>;
export type Channel = z.output<typeof ChannelSchema> & {
  name: string;
  mode: 'digital' | 'voice' | 'written' | 'physical';
};
export type Stage = z.output<typeof StageSchema>;
export type End = z.output<typeof EndSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

export interface BpmnLink {
  file?: string;
  process?: string;
  activity?: string;
}

export type Process = Omit<z.output<typeof ProcessSchema>, 'bpmn'> & { bpmn?: BpmnLink };
export type Activity = Omit<z.output<typeof ActivitySchema>, 'bpmn'> & { bpmn?: BpmnLink };

export interface Arrivals {
  /** Customers per second, averaged over the week. */
  rate: number;
  /** Time between arrivals; exponential (Poisson arrivals) unless the model says otherwise. */
  interarrival: Distribution;
  /** Relative intensity by weekday and hour; none means the same at all times. */
  profile?: ArrivalWindow[];
}

export interface ArrivalWindow {
  /** 0 = Monday ... 6 = Sunday. */
  days: number[];
  /** Minutes after midnight; `end` may be smaller than `start` past midnight. */
  start: number;
  end: number;
  weight: number;
}

export type Segment = Omit<z.output<typeof SegmentSchema>, 'share' | 'arrivals'> & {
  /** Share of all arrivals, in [0, 1]; the shares sum to 1. */
  share: number;
  arrivals?: Arrivals;
};

export interface Shift {
  /** 0 = Monday ... 6 = Sunday. */
  days: number[];
  /** Minutes after midnight; `end` may be smaller than `start` for a shift past midnight. */
  start: number;
  end: number;
  capacity: number;
}

export type Resource = Omit<z.output<typeof ResourceSchema>, 'cost' | 'schedule' | 'capacity'> & {
  /** Members serving in parallel; with a schedule, the most any shift has. */
  capacity: number;
  cost?: Money;
  schedule?: Shift[];
};

export interface Branch {
  to: string;
  p: number;
  label?: string;
}

/** What follows, per segment id: every segment has its list, whose probabilities sum to 1. */
export type Flow = Record<string, Branch[]>;

export interface Wait {
  duration: Distribution;
  reason?: string;
  addsValue: boolean;
}

export interface FailPoint {
  p: number;
  severity: number;
  cause?: string;
  next: Flow;
}

export type Step = Omit<z.output<typeof StepSchema>, 'next' | 'fail' | 'wait' | 'backstage' | 'bpmn'> & {
  next: Flow;
  fail?: FailPoint;
  wait?: Wait;
  backstage: Activity[];
  bpmn?: BpmnLink;
};

export interface Organization {
  name?: string;
  departments: Department[];
  systems: System[];
}

export interface Model {
  kind: 'model' | 'competitor';
  id: string;
  name: string;
  description?: string;
  competitor?: string;
  baseline?: string;
  currency: string;
  /** The file the model was loaded from. */
  file: string;
  /** The what-if scenario applied to this model, if any. */
  scenario?: { id: string; name: string };
  channels: Channel[];
  organization: Organization;
  segments: Segment[];
  arrivals?: Arrivals;
  /** What orders earn, contacts cost and leaving customers take: for the value of a what-if. */
  economics?: Economics;
  stages: Stage[];
  processes: Process[];
  resources: Resource[];
  steps: Step[];
  ends: End[];
  start: Flow;
  scenarios: Scenario[];
}
