import { type PhaseMarks, type PhaseTimings, phaseBreakdown, type TimedOperation } from '../deploy/phases.js';

/**
 * An operation's breakdown from the marks its activities reported (their clocks, never the workflow's):
 * from `requestedAt` (the caller's request time, ISO) or, without one, from the first mark.
 */
export function timingsOf(params: {
  operation: TimedOperation;
  requestedAt?: string | number;
  marks: (PhaseMarks | undefined)[];
}): PhaseTimings | undefined {
  const marks: PhaseMarks = Object.assign({}, ...params.marks.filter(Boolean));
  const moments = Object.values(marks).filter((n): n is number => typeof n === 'number');
  if (moments.length === 0) return undefined;
  const requested =
    typeof params.requestedAt === 'string' ? Date.parse(params.requestedAt) : params.requestedAt;
  return phaseBreakdown({
    operation: params.operation,
    requestedAt: requested !== undefined && Number.isFinite(requested) ? requested : Math.min(...moments),
    marks,
  });
}
