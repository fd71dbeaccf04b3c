/**
 * Where the time of an operation (create, update, wake, seed) goes, from the request to the first
 * answer. Pure vocabulary and arithmetic: the workflow sandbox imports it, the deploy layer and the
 * API too.
 */

/**
 * The phases in the order they happen. Each is named after the moment it ends: `accepted` is the
 * time from the request until a worker took it up, `planned` until the plan was made, `image` until
 * every new pod's images were on its node (pulled, or already there), `published` until the
 * workflow had recorded the outcome and told the caller, `routable` until the gateway answered.
 */
export const TIMING_PHASES = [
  'accepted',
  'planned',
  'placement',
  'applied',
  'scheduled',
  'image',
  'started',
  'init',
  'ready',
  'published',
  'routable',
] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];

/** When each phase ended (epoch ms on the clock of the process that saw it); a phase not seen is absent. */
export type PhaseMarks = Partial<Record<TimingPhase, number>>;

export const TIMED_OPERATIONS = ['create', 'claim', 'update', 'wake', 'seed'] as const;
export type TimedOperation = (typeof TIMED_OPERATIONS)[number];

/** An operation's breakdown: its phases add up to `totalMs` exactly. */
export interface PhaseTimings {
  operation: TimedOperation;
  /** When the request was made (ISO). */
  requestedAt: string;
  /** When the last phase seen ended (ISO). */
  finishedAt: string;
  totalMs: number;
  /** The phases seen, in order; a phase not seen (no init steps, no placement) is left out. */
  phases: { phase: TimingPhase; ms: number }[];
}

/**
 * The breakdown from a request time and the marks the steps reported. Marks are taken on different
 * clocks (the API's, the worker's): each is clamped between its predecessor and the last one, so the
 * phases never go negative and always add up to the total.
 */
export function phaseBreakdown(params: {
  operation: TimedOperation;
  requestedAt: number;
  marks: PhaseMarks;
}): PhaseTimings {
  const seen = TIMING_PHASES.filter((p) => params.marks[p] !== undefined);
  const end = Math.max(params.requestedAt, ...seen.map((p) => params.marks[p]!));
  const phases: PhaseTimings['phases'] = [];
  let previous = params.requestedAt;
  for (const phase of seen) {
    const at = Math.min(end, Math.max(previous, params.marks[phase]!));
    phases.push({ phase, ms: Math.round(at - previous) });
    previous = at;
  }
  // Rounding each phase may leave a millisecond or two: the last phase takes it.
  const totalMs = Math.round(end - params.requestedAt);
  const rounded = phases.reduce((sum, p) => sum + p.ms, 0);
  if (phases.length > 0) phases[phases.length - 1]!.ms += totalMs - rounded;
  return {
    operation: params.operation,
    requestedAt: new Date(params.requestedAt).toISOString(),
    finishedAt: new Date(end).toISOString(),
    totalMs,
    phases,
  };
}

/**
 * The breakdown with one more phase at its end (e.g. `published`, known only once the status that
 * carries the breakdown has been recorded). A moment before the end adds a zero-length phase.
 */
export function withPhaseEnd(timings: PhaseTimings, phase: TimingPhase, at: number): PhaseTimings {
  const finished = Date.parse(timings.finishedAt);
  const end = Math.max(finished, Math.round(at));
  return {
    ...timings,
    finishedAt: new Date(end).toISOString(),
    totalMs: timings.totalMs + (end - finished),
    phases: [...timings.phases, { phase, ms: end - finished }],
  };
}
