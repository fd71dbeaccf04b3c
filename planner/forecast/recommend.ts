import { fitDemandModel, forecastDemand } from './demand-model.js';
import type { EnvRequest } from './types.js';
import { recommendWarmPool } from './warm-pool.js';

export interface BlueprintWarmPool {
  blueprint: string;
  /** Expected requests for each hour from `now`. */
  forecast: number[];
  /** Warm environments to keep ready in each of those hours. */
  poolSizes: number[];
  expectedHitRate: number;
  expectedIdlePodHours: number;
}

/**
 * What the pre-warm workflow asks: for every blueprint in the request history, the demand forecast
 * for the next hours and the warm-pool size per hour that reaches the target hit rate at the lowest
 * idle cost. Pure: the caller passes the history and the current time.
 */
export function recommendWarmPools(options: {
  requests: readonly EnvRequest[];
  now: number;
  hours?: number;
  refillMinutes: number;
  targetHitRate: number;
  /** Pods in one environment of each blueprint (default 1): idle cost is counted in pod-hours. */
  podsPerEnvironment?: Record<string, number>;
  historyWeeks?: number;
}): BlueprintWarmPool[] {
  const blueprints = [...new Set(options.requests.map((r) => r.blueprint))].sort();
  return blueprints.map((blueprint) => {
    const model = fitDemandModel({
      requests: options.requests,
      blueprint,
      now: options.now,
      weeks: options.historyWeeks,
    });
    const forecast = forecastDemand(model, { from: options.now, hours: options.hours ?? 24 });
    const recommendation = recommendWarmPool({
      expectedPerHour: forecast,
      refillMinutes: options.refillMinutes,
      targetHitRate: options.targetHitRate,
      podsPerEnvironment: options.podsPerEnvironment?.[blueprint] ?? 1,
    });
    return { blueprint, forecast, ...recommendation };
  });
}
