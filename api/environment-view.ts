import type { PhaseTimings } from '../deploy/phases.js';
import { costAsOf, type EnvironmentCost } from '../store/environment-costs.js';
import type { EnvironmentRecord } from '../store/environments.js';
import type { EventRecord } from '../store/events.js';

const money = (value: number): number => Math.round(value * 1e6) / 1e6;

/** An environment's (or a team's) cost so far, with what sleeping and branch reuse saved. */
export function costView(cost: EnvironmentCost) {
  return {
    accrued: money(cost.accrued),
    runningHours: money(cost.runningSeconds / 3600),
    asleepHours: money(cost.asleepSeconds / 3600),
    neverSleeping: money(cost.neverSleeping),
    savedBySleeping: money(cost.neverSleeping - cost.accrued),
    cloneAll: money(cost.cloneAll),
    savedByReuse: money(cost.cloneAll - cost.accrued),
  };
}

/** The plan as stored, less the breakdown, which has a field of its own in responses. */
function splitPlan(plan: unknown): { plan?: unknown; timings?: PhaseTimings } {
  if (!plan || typeof plan !== 'object' || !('timings' in plan)) return { plan: plan ?? undefined };
  const { timings, ...rest } = plan as { timings?: PhaseTimings };
  return { plan: rest, timings };
}

/** What members and admins see of an environment. */
export function environmentView(env: EnvironmentRecord) {
  return {
    id: env.id,
    name: env.name,
    labels: env.labels,
    phase: env.phase,
    team: env.teamId,
    owner: env.ownerName,
    blueprint: { name: env.blueprintName, version: env.blueprintVersion },
    parent: env.parentId,
    baseline: env.baselineId,
    services: env.services,
    urls: env.urls,
    ...splitPlan(env.plan),
    costPerHour: env.costPerHour,
    cost: costView(costAsOf(env.cost, new Date())),
    ttlSeconds: env.ttlSeconds,
    expiresAt: env.expiresAt?.toISOString() ?? null,
    workflowId: env.workflowId,
    error: env.error,
    createdAt: env.createdAt.toISOString(),
    updatedAt: env.updatedAt.toISOString(),
  };
}

/** What a share holder sees: status and URLs, nothing about people, plans or costs. */
export function sharedEnvironmentView(env: EnvironmentRecord) {
  return {
    id: env.id,
    phase: env.phase,
    services: env.services.map(({ name, state }) => ({ name, state })),
    urls: env.urls,
    expiresAt: env.expiresAt?.toISOString() ?? null,
    updatedAt: env.updatedAt.toISOString(),
  };
}

/** An audit event as responses show it. */
export function auditEventView(event: EventRecord) {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    details: event.details,
  };
}
