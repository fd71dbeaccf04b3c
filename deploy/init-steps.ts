import { initSegments } from '../blueprints/init-segments.js';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import { applyObjects } from './apply.js';
import { type DeployConfig, deployConfig } from './config.js';
import type { KubeClient } from './kube-client.js';
import { renderInitRerun } from './manifests/render.js';
import { type PhaseMarks, PhaseRecorder } from './phase-marks.js';
import type { DeployProgress, EnvironmentIdentity } from './types.js';
import { resolveVolumeProvisioning } from './volumes.js';
import { waitForServices } from './wait.js';

/**
 * Runs one service's init steps again in a live environment (seeding anew): a new Job beside the
 * first, named after `runId` so a retried activity finds its own Job instead of starting another.
 * Waits by watching until the Job succeeds; a failure is a ServicesFailedError (init-job-failed).
 */
export async function runInitSteps(params: {
  kube: KubeClient;
  environment: EnvironmentIdentity;
  blueprint: ResolvedBlueprint;
  service: string;
  /** Unique per run, stable across retries (e.g. the workflow run id). */
  runId: string;
  /** Which part of the steps (blueprints/init-segments.ts); default 0, those before any snapshot step. */
  segment?: number;
  plan?: BranchPlan;
  placement?: PlacementPlan;
  config?: DeployConfig;
  onProgress?: (progress: DeployProgress) => void;
  /** Called every few seconds while waiting, even when nothing changes. */
  heartbeat?: () => void;
  signal?: AbortSignal;
}): Promise<{ job?: string; stepsRun: number; marks: PhaseMarks }> {
  const config = params.config ?? deployConfig();
  // A re-run makes an init Job, never service pods.
  const phases = new PhaseRecorder(Date.now(), false);
  const volumeProvisioning = await resolveVolumeProvisioning({ kube: params.kube, config });
  const rerun = renderInitRerun({
    environment: params.environment,
    blueprint: params.blueprint,
    plan: params.plan,
    placement: params.placement,
    config,
    volumeProvisioning,
    service: params.service,
    runId: params.runId,
    segment: params.segment,
  });
  if (!rerun) return { stepsRun: 0, marks: phases.result() };
  const namespace = rerun.objects[0]!.metadata!.namespace!;
  await applyObjects({ kube: params.kube, environmentId: params.environment.id, objects: rerun.objects });
  phases.mark('applied');
  await waitForServices({
    kube: params.kube,
    environmentId: params.environment.id,
    namespace,
    workloads: [rerun.workload],
    timeoutMs: config.readyTimeoutMs,
    unschedulableGraceMs: config.unschedulableGraceMs,
    onProgress: params.onProgress,
    heartbeat: params.heartbeat,
    signal: params.signal,
    phases,
  });
  const service = params.blueprint.services.find((s) => s.name === params.service);
  const steps = service ? (initSegments(service.init)[params.segment ?? 0]?.steps.length ?? 0) : 0;
  return { job: rerun.workload.initJobs[0], stepsRun: steps, marks: phases.result() };
}
