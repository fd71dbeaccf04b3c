import type { ResolvedInitStep, ResolvedService, ResolvedSnapshotStep } from './resolved.js';

type RunStep = Exclude<ResolvedInitStep, ResolvedSnapshotStep>;

/**
 * A service's init steps cut at its snapshot steps: segment 0 holds the steps before the first
 * snapshot (the init Job of the deploy); each later segment starts with a snapshot step (restored by
 * the worker) followed by the steps up to the next one (a Job of their own). Indices are the steps'
 * places in the written list, so a failure names the step the user wrote.
 */
export interface InitSegment {
  snapshot?: { index: number; step: ResolvedSnapshotStep };
  steps: { index: number; step: RunStep }[];
}

export function initSegments(init: readonly ResolvedInitStep[]): InitSegment[] {
  const segments: InitSegment[] = [{ steps: [] }];
  init.forEach((step, index) => {
    if (step.type === 'snapshot') segments.push({ snapshot: { index, step }, steps: [] });
    else segments.at(-1)!.steps.push({ index, step });
  });
  return segments;
}

/** Whether the service's init restores a snapshot (its later steps then run after the restore). */
export function hasSnapshotSteps(service: Pick<ResolvedService, 'init'>): boolean {
  return service.init.some((step) => step.type === 'snapshot');
}
