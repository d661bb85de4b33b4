/**
 * The file format of a customer process model, as Zod schemas: one source for validation, the
 * TypeScript types (`z.output`) and the JSON Schema that editors use (`linesight schema`).
 *
 * Four kinds of file share it:
 * - `model`: a customer process (the default);
 * - `competitor`: a competitor's journey over the same stages, compared with ours;
 * - `part`: shared pieces (organization, channels, segments, ...) that models import;
 * - `scenario`: a what-if overlay kept in its own file (e.g. written by `log calibrate`).
 */
import { MAX_WEIGHT } from './distribution.js';
import { EconomicsSchema } from './economics-schema.js';
import {
  apqcField,
  costPerHourField,
  distributionField,
  durationField,
  effortField,
  emotionField,
  idField,
  probabilityField,
  rateField,
  serviceLevelField,
  severityField,
} from './fields.js';
import { sharedSchema } from './shared-schema.js';
import * as z from './zod.js';

const text = sharedSchema(() => z.string({ error: 'expected text' }));
const described = { description: text().optional() };

export const VISIBILITIES = ['frontstage', 'backstage'] as const;
const visibility = sharedSchema(() =>
  z.enum(VISIBILITIES, {
    error:
      'visibility is "frontstage" (the customer touches it) or "backstage" (behind the line of visibility)',
  }),
);

// --- organization --------------------------------------------------------------------------

export const RoleSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    visibility: visibility().optional(),
    ...described,
  })
  .meta({ description: 'A role inside a department; inherits its visibility unless it says otherwise.' });

export const DepartmentSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    visibility: visibility().default('backstage'),
    roles: z.array(RoleSchema).default([]),
    ...described,
  })
  .meta({ description: 'A department: a lane behind the customer (Rummler-Brache swimlane).' });

export const SYSTEM_KINDS = [
  'website',
  'app',
  'ivr',
  'chatbot',
  'crm',
  'erp',
  'oms',
  'wms',
  'billing',
  'email',
  'other',
] as const;

export const SystemSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    kind: z.enum(SYSTEM_KINDS).default('other'),
    visibility: visibility().default('backstage'),
    owner: idField().optional().meta({ description: 'The department that runs the system.' }),
    ...described,
  })
  .meta({
    description:
      'A system: frontstage if the customer uses it (website, IVR), backstage otherwise (CRM, ERP).',
  });

export const OrganizationSchema = z.strictObject({
  name: text().optional(),
  departments: z.array(DepartmentSchema).default([]),
  systems: z.array(SystemSchema).default([]),
});

// --- customers, channels, stages, processes ----------------------------------------------------

export const CHANNEL_MODES = ['digital', 'voice', 'written', 'physical'] as const;

export const ChannelSchema = z
  .strictObject({
    id: idField(),
    name: text().optional(),
    mode: z.enum(CHANNEL_MODES).optional(),
    ...described,
  })
  .meta({
    description:
      'A channel beyond the built-in ones (web, app, phone, ivr, chat, email, sms, mail, store, field, social).',
  });

const attributeValue = z.union([z.string(), z.number(), z.boolean()]);

export const ArrivalsSchema = z
  .strictObject({
    rate: rateField(),
    interarrival: distributionField()
      .optional()
      .meta({ description: 'Time between arrivals when not Poisson; its mean must match the rate.' }),
    profile: z
      .array(
        z.strictObject({
          days: text().default('mon-sun').meta({ description: 'Weekdays, e.g. "mon-fri".' }),
          hours: text().meta({ description: 'Clock hours, e.g. "08:00-18:00".' }),
          weight: z
            .number()
            .min(0)
            .max(MAX_WEIGHT)
            .meta({ description: 'Relative arrival intensity in these hours.' }),
        }),
      )
      .optional()
      .meta({
        description:
          'When in the week customers arrive: relative weights by weekday and hour (overlapping entries add up; times no entry covers get none); `rate` stays the weekly average.',
      }),
  })
  .meta({
    description:
      'How customers arrive: Poisson at `rate` (shaped by `profile` over the week) unless `interarrival` gives a distribution.',
  });

export const SegmentSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    share: probabilityField().optional().meta({ description: 'Share of all arrivals; the shares sum to 1.' }),
    arrivals: ArrivalsSchema.optional(),
    patience: distributionField()
      .optional()
      .meta({ description: 'How long these customers wait in a queue before they give up.' }),
    attributes: z.record(z.string(), attributeValue).default({}),
    ...described,
  })
  .meta({ description: 'A customer segment (persona): its own lane, paths and probabilities.' });

export const StageSchema = z
  .strictObject({ id: idField(), name: text(), goal: text().optional(), ...described })
  .meta({ description: 'A stage (phase) of the journey with one customer goal, e.g. "place order".' });

export const BpmnLinkSchema = z
  .union([
    text(),
    z.strictObject({
      file: text().optional(),
      process: text().optional(),
      activity: text().optional(),
    }),
  ])
  .meta({ description: 'A BPMN process or activity: an element id, or {file, process, activity}.' });

export const ProcessSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    owner: idField().optional().meta({ description: 'The department that owns the process.' }),
    apqc: apqcField().optional(),
    bpmn: BpmnLinkSchema.optional(),
    ...described,
  })
  .meta({ description: 'An internal process (e.g. order-to-cash) that backstage activities belong to.' });

// --- resources -----------------------------------------------------------------------------------

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The most members a pool may have: more than any contact centre, few enough to simulate one by one. */
export const MAX_CAPACITY = 100_000;

export const ShiftSchema = z
  .strictObject({
    days: text().default('mon-sun').meta({ description: 'Weekdays, e.g. "mon-fri", "sat", "mon,wed,fri".' }),
    hours: text().meta({ description: 'Clock hours, e.g. "08:00-18:00".' }),
    capacity: z.number().int().min(0).max(MAX_CAPACITY),
  })
  .meta({ description: 'Staffing in one period of the week; outside all shifts the pool is closed.' });

export const ResourceSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    role: idField().optional().meta({ description: 'The role whose people staff this pool.' }),
    capacity: z.number().int().min(1).max(MAX_CAPACITY).optional().meta({
      description:
        'Members (agents, executives) serving in parallel; with a schedule, the headcount no shift may exceed (default: the largest shift).',
    }),
    cost: costPerHourField().optional().meta({ description: 'Cost of one member per hour.' }),
    schedule: z.array(ShiftSchema).optional(),
    discipline: z.enum(['fifo', 'priority']).default('fifo'),
    priority: z
      .array(idField())
      .optional()
      .meta({ description: 'Segments in priority order (with discipline: priority).' }),
    assignment: z.enum(['pooled', 'dedicated']).default('pooled').meta({
      description: 'dedicated: each customer is owned by one member across steps (an account executive).',
    }),
    patience: distributionField()
      .optional()
      .meta({ description: 'How long customers wait in this queue before giving up.' }),
    serviceLevel: serviceLevelField().optional().meta({
      description:
        'The answer target the pool is staffed for, e.g. "80% in 20 s" (the share answered within the time).',
    }),
    abandon: idField().optional().meta({
      description:
        'Where customers who give up waiting go: an end or a step (default: an end named abandon..., else the first exit).',
    }),
    ...described,
  })
  .meta({ description: 'A staffed pool: a step that needs it queues for a free member.' });

// --- flow ------------------------------------------------------------------------------------------

export const BranchSchema = z
  .strictObject({
    to: idField().meta({ description: 'The next step, or an end.' }),
    p: probabilityField()
      .optional()
      .meta({ description: 'Probability; one branch without p takes the rest.' }),
    label: text().optional(),
  })
  .meta({ description: 'One way on: a target and its probability.' });

const branchList = z.union([idField(), z.array(BranchSchema)]);

/** What follows: one id, a list of branches, or a list per segment (`default` for the others). */
export const FlowSchema = z
  .union([branchList, z.record(z.string(), branchList)])
  .meta({ description: 'What follows: an id, a list of {to, p}, or {SEGMENT: ..., default: ...}.' });

export const WaitSchema = z
  .union([
    durationField(),
    z.strictObject({
      duration: distributionField(),
      reason: text().optional(),
      addsValue: z
        .boolean()
        .default(false)
        .meta({ description: 'true when the wait serves the customer (e.g. delivery).' }),
    }),
  ])
  .meta({
    description:
      'A wait point: the customer waits (W) this long before the step (e.g. delivery, a call-back), on top of any queueing for a pool, which the simulator works out.',
  });

export const FailSchema = z
  .strictObject({
    p: probabilityField(),
    severity: severityField().default(3),
    cause: text().optional(),
    next: FlowSchema.meta({
      description:
        'What follows a failure: the same step again (repeat), another step or channel, or an end.',
    }),
  })
  .meta({ description: 'A fail point (F): the step goes wrong in a way the customer feels.' });

const links = {
  process: idField().optional().meta({ description: 'The internal process this belongs to.' }),
  bpmn: BpmnLinkSchema.optional(),
  apqc: apqcField().optional(),
};

export const ActivitySchema = z
  .strictObject({
    id: idField(),
    name: text(),
    department: idField(),
    role: idField().optional(),
    system: idField().optional(),
    duration: distributionField().optional(),
    ...links,
    ...described,
  })
  .meta({ description: 'A backstage activity behind a touchpoint, below the line of visibility.' });

export const StepSchema = z
  .strictObject({
    id: idField(),
    name: text().meta({ description: "The customer's action, in the customer's words." }),
    stage: idField(),
    channel: idField().optional(),
    touchpoint: text().optional().meta({ description: 'What the customer meets: the frontstage action.' }),
    evidence: text().optional().meta({ description: 'Physical evidence: what the customer sees or keeps.' }),
    role: idField().optional().meta({ description: 'The frontstage role that serves the step.' }),
    system: idField().optional().meta({ description: 'The system that serves the step (website, IVR).' }),
    pool: idField().optional().meta({ description: 'The staffed pool the step queues for.' }),
    duration: distributionField().optional(),
    effort: effortField().optional(),
    emotion: emotionField().optional(),
    momentOfTruth: z.boolean().default(false),
    asks: z
      .array(text())
      .default([])
      .meta({ description: 'Information the customer has to give (e.g. order-number).' }),
    wait: WaitSchema.optional(),
    fail: FailSchema.optional(),
    backstage: z.array(ActivitySchema).default([]),
    ...links,
    next: FlowSchema,
    ...described,
  })
  .meta({ description: 'A step of the customer (a touchpoint when it has a channel).' });

export const END_OUTCOMES = ['success', 'exit'] as const;

export const EndSchema = z
  .strictObject({
    id: idField(),
    name: text(),
    outcome: z.enum(END_OUTCOMES, {
      error: 'outcome is "success" (e.g. order received) or "exit" (e.g. abandoned)',
    }),
    ...described,
  })
  .meta({ description: 'Where a journey ends: a success (order received) or an exit (abandoned).' });

// --- scenarios -------------------------------------------------------------------------------------

export const ChangeSchema = z
  .union([
    z.strictObject({ set: text(), value: z.unknown() }),
    z.strictObject({ add: text(), value: z.unknown() }),
    z.strictObject({ remove: text() }),
  ])
  .meta({
    description:
      'One change: `set: PATH` with `value`, `add: LIST-PATH` with `value`, or `remove: PATH`. ' +
      'PATH names list items by id (steps.call-sales.fail.p) and branches by target (steps.ivr.next.billing.p).',
  });

const scenarioFields = {
  id: idField(),
  name: text(),
  changes: z.array(ChangeSchema).min(1, { error: 'a scenario needs at least one change' }),
  ...described,
};

export const ScenarioSchema = z
  .strictObject(scenarioFields)
  .meta({ description: 'A named what-if overlay on the model.' });

// --- files -------------------------------------------------------------------------------------------

const imports = z
  .array(text())
  .default([])
  .meta({ description: 'Files whose parts are merged into this one (relative paths).' });

const shared = {
  imports,
  channels: z.array(ChannelSchema).default([]),
  organization: OrganizationSchema.default({ departments: [], systems: [] }),
  segments: z.array(SegmentSchema).default([]),
  stages: z.array(StageSchema).default([]),
  processes: z.array(ProcessSchema).default([]),
  resources: z.array(ResourceSchema).default([]),
  steps: z.array(StepSchema).default([]),
  ends: z.array(EndSchema).default([]),
  scenarios: z.array(ScenarioSchema).default([]),
};

const formatVersion = z.literal(1, { error: 'this linesight reads format version 1' }).optional();

export const ModelSchema = z
  .strictObject({
    linesight: formatVersion,
    kind: z.enum(['model', 'competitor']).default('model'),
    id: idField().optional(),
    name: text(),
    ...described,
    competitor: text()
      .optional()
      .meta({ description: 'For kind: competitor, the company whose journey this is.' }),
    baseline: text()
      .optional()
      .meta({ description: 'For kind: competitor, our model file it compares with.' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'currency is a three-letter ISO code such as EUR or USD' })
      .default('EUR'),
    arrivals: ArrivalsSchema.optional(),
    economics: EconomicsSchema.optional(),
    start: FlowSchema.meta({
      description: 'Where customers enter the journey (per segment where they differ).',
    }),
    ...shared,
  })
  .meta({ title: 'linesight model', description: 'A customer process model.' });

export const PartSchema = z
  .strictObject({ linesight: formatVersion, kind: z.literal('part'), ...described, ...shared })
  .meta({ title: 'linesight part', description: 'Shared pieces that models import.' });

export const ScenarioFileSchema = z
  .strictObject({
    linesight: formatVersion,
    kind: z.literal('scenario'),
    base: text().optional().meta({ description: 'The model file this scenario applies to.' }),
    ...scenarioFields,
  })
  .meta({ title: 'linesight scenario', description: 'A what-if overlay in its own file.' });

export const FILE_KINDS = ['model', 'competitor', 'part', 'scenario'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The list-valued top-level fields that imports merge. */
export const MERGED_LISTS = [
  'channels',
  'segments',
  'stages',
  'processes',
  'resources',
  'steps',
  'ends',
  'scenarios',
] as const;
