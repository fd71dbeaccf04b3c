/**
 * The pre-warm run's size rule for a pool sized by the forecast: the forecast kept within the blueprint's
 * `prewarm: {min, max}`. Pure, so the replay bench (bench/suites/prewarm-replay.ts) takes the same decision.
 */
export function clampWarmPoolSize(forecast: number, bounds: { min?: number; max?: number }): number {
  return Math.min(Math.max(forecast, bounds.min ?? 0), bounds.max ?? Number.POSITIVE_INFINITY);
}
