import { PlannerError } from '../errors.js';

/**
 * Warm-pool sizing. A warm environment serves one request and is then rebuilt, which takes the
 * refill time; while all warm slots are being rebuilt, a request misses (gets a cold create). With
 * Poisson arrivals this is exactly the Erlang loss system: the hit rate of k warm slots under an
 * offered load a = rate x refill time is 1 - B(k, a), and on average k - a(1 - B) slots sit idle.
 */

/** Erlang B: the share of requests that find all k slots rebuilding, under offered load a. */
export function erlangB(k: number, load: number): number {
  let b = 1;
  for (let i = 1; i <= k; i++) b = (load * b) / (i + load * b);
  return b;
}

/** Expected hits and idle slots in one hour with k slots and `rate` requests per hour. */
export function hourOutlook(k: number, rate: number, refillHours: number): { hits: number; idle: number } {
  const load = rate * refillHours;
  const served = 1 - erlangB(k, load);
  return { hits: rate * served, idle: k - load * served };
}

export interface WarmPoolRecommendation {
  /** Pool size for each hour of the horizon. */
  poolSizes: number[];
  /** Demand-weighted hit rate the sizes are expected to reach (1 when no demand is expected). */
  expectedHitRate: number;
  /** Expected idle pod-hours over the horizon: idle warm environments times pods per environment. */
  expectedIdlePodHours: number;
}

/**
 * The pool size per hour that reaches `targetHitRate` over the horizon at the lowest idle cost:
 * starting from empty, it adds one slot at a time where it buys the most hits per idle hour (hit
 * rate is concave in pool size, so this marginal rule is near-optimal), until the target is met.
 */
export function recommendWarmPool(options: {
  expectedPerHour: readonly number[];
  refillMinutes: number;
  targetHitRate: number;
  podsPerEnvironment?: number;
  maxPoolSize?: number;
}): WarmPoolRecommendation {
  const { expectedPerHour, targetHitRate } = options;
  const refill = options.refillMinutes / 60;
  const pods = options.podsPerEnvironment ?? 1;
  const max = options.maxPoolSize ?? 100;
  if (!(targetHitRate >= 0 && targetHitRate <= 1) || !(refill > 0)) {
    throw new PlannerError(
      'invalid-forecast-input',
      'targetHitRate must be in [0, 1] and refillMinutes positive',
      {
        targetHitRate,
        refillMinutes: options.refillMinutes,
      },
    );
  }
  const sizes = expectedPerHour.map(() => 0);
  const demand = expectedPerHour.reduce((a, b) => a + b, 0);
  const outlook = sizes.map((k, h) => hourOutlook(k, expectedPerHour[h]!, refill));
  let hits = 0;
  const goal = targetHitRate * demand - 1e-9;
  while (hits < goal) {
    let best = -1;
    let bestRatio = 0;
    let bestNext: { hits: number; idle: number } | undefined;
    for (let h = 0; h < sizes.length; h++) {
      if (sizes[h]! >= max || expectedPerHour[h]! <= 0) continue;
      const next = hourOutlook(sizes[h]! + 1, expectedPerHour[h]!, refill);
      const gain = next.hits - outlook[h]!.hits;
      const cost = Math.max(next.idle - outlook[h]!.idle, 1e-9);
      if (gain / cost > bestRatio) {
        bestRatio = gain / cost;
        best = h;
        bestNext = next;
      }
    }
    if (best < 0 || !bestNext) break;
    hits += bestNext.hits - outlook[best]!.hits;
    outlook[best] = bestNext;
    sizes[best]! += 1;
  }
  const idle = outlook.reduce((sum, o) => sum + o.idle, 0);
  return {
    poolSizes: sizes,
    expectedHitRate: demand > 0 ? hits / demand : 1,
    expectedIdlePodHours: idle * pods,
  };
}
