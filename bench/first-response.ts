import type { PhaseTimings } from '../deploy/phases.js';
import { median } from './stats.js';

/**
 * One measured "request → first HTTP 200": the client's total, the environment's own breakdown of
 * the operation (its status `timings`), and `routable`, the time from the environment being ready
 * to the first 200 the client saw through the gateway.
 */
export interface FirstResponse {
  totalMs: number;
  phases: Record<string, number>;
}

/** The run as the client saw it, split by the environment's breakdown. */
export function firstResponse(params: {
  startedAt: number;
  answeredAt: number;
  timings: PhaseTimings | undefined;
}): FirstResponse {
  const { startedAt, answeredAt, timings } = params;
  const phases: Record<string, number> = {};
  if (timings) {
    // Before the request reached the lifecycle client (the bench's own call), counted with `accepted`.
    const before = Math.max(0, Date.parse(timings.requestedAt) - startedAt);
    for (const p of timings.phases) phases[p.phase] = (phases[p.phase] ?? 0) + p.ms;
    const first = timings.phases[0]?.phase;
    if (first) phases[first]! += before;
    phases.routable = Math.max(0, answeredAt - Date.parse(timings.finishedAt));
  }
  return { totalMs: Math.round(answeredAt - startedAt), phases };
}

/** Medians per phase and of the total, plus every run's total. */
export function summarise(runs: FirstResponse[]) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  const phases: Record<string, number> = {};
  for (const name of names) phases[name] = Math.round(median(runs.map((r) => r.phases[name] ?? 0)));
  const totals = runs.map((r) => r.totalMs);
  const medianMs = Math.round(median(totals));
  const sumOfMedians = Object.values(phases).reduce((a, b) => a + b, 0);
  return { medianMs, runs: totals, phases, sumOfPhaseMedians: sumOfMedians };
}
