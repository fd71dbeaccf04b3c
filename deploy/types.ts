import type { KubernetesObject } from '@kubernetes/client-node';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import type { ServiceFailure } from './errors.js';

/** Who and what an environment is: the identity the namespace is labelled with. */
export interface EnvironmentIdentity {
  /** Lower-case letters, digits and "-"; names the namespace. */
  id: string;
  owner?: string;
  team?: string;
  /** For a branch environment: the id of the environment it branches from. */
  baselineId?: string;
  /** When the environment expires (ISO time or Date). */
  expiresAt?: string | Date;
  /** Human-readable name, unique per team: adds `<service>.<name>.<team>.<baseDomain>` hosts. */
  name?: string;
  /** The caller's labels; the ones Kubernetes allows go onto the namespace as `microstax.dev/label-*`. */
  labels?: Record<string, string>;
}

/** The baseline a branch environment reuses services from. */
export interface BaselineRef {
  /** The baseline environment's id (its namespace follows from it). */
  environmentId: string;
}

/** Looks up a value of the MicroStax secret store for `{secretRef: {name, key}}` env values. */
export type SecretLookup = (ref: { secretName: string; secretKey: string }) => Promise<string>;

/** What the deploy layer makes of one service of the blueprint. */
export type ServiceMode = 'deploy' | 'fork' | 'reuse';

/** The rendered environment: every object to apply, plus what to wait for. */
export interface RenderedEnvironment {
  namespace: string;
  /** In apply order: namespace first, then guard rails, config, services, workloads, jobs, ingress. */
  objects: KubernetesObject[];
  /** What readiness means for each service that runs in this namespace. */
  workloads: WorkloadExpectation[];
  /** Services served by the baseline (only for branch environments). */
  reused: { service: string; target: string }[];
  /** Service name to its URLs (exposed services only). */
  urls: Record<string, string[]>;
}

/** What "ready" means for one service. */
export interface WorkloadExpectation {
  service: string;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  replicas: number;
  /** Init Jobs that must succeed, in order. */
  initJobs: string[];
  /**
   * The service's sql seed runs in its own container at first start (deploy/manifests/seed-in-service.ts):
   * a container that exited with an error before the pod was ready failed the seed.
   */
  seedInService?: boolean;
}

/** Where one service stands while it is being deployed. */
export type ServicePhase = 'pending' | 'starting' | 'initializing' | 'ready' | 'failed';

export interface ServiceProgress {
  service: string;
  phase: ServicePhase;
  readyReplicas: number;
  replicas: number;
  /** A short human sentence: "2/3 pods ready", "init job running", "ImagePullBackOff: ...". */
  detail: string;
  failure?: ServiceFailure;
  /** Once ready: the pools its pods run on and their hourly cost (deploy/pod-placement.ts). */
  placement?: { pools: Record<string, number>; hourlyCost: number };
}

/** Sent to the progress callback whenever a service changes phase or pod count. */
export interface DeployProgress {
  environmentId: string;
  namespace: string;
  /** What changed just now. */
  changed: ServiceProgress;
  /** Every service, as it stands now. */
  services: ServiceProgress[];
  readyCount: number;
  total: number;
}

export interface InitJobStatus {
  service: string;
  job: string;
  phase: 'pending' | 'running' | 'succeeded' | 'failed';
  /** Kubernetes' reason and message when it failed. */
  reason?: string;
  message?: string;
  /** The tail of the Job pod's log, when the node serves logs. */
  logs?: string;
}

export interface EnvironmentStatus {
  environmentId: string;
  namespace: string;
  /** absent: no namespace; terminating: being torn down. */
  phase: 'absent' | 'deploying' | 'ready' | 'failed' | 'terminating';
  labels: Record<string, string>;
  services: ServiceProgress[];
  reused: { service: string; target: string }[];
  initJobs: InitJobStatus[];
  urls: Record<string, string[]>;
}

export type { BranchPlan, PlacementPlan, ResolvedBlueprint };
