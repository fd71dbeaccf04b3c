import type { HealthCheck, Resources, Security, Volume } from './schema.js';

/**
 * The resolved blueprint: what the planner, the deploy layer, the API and the workflows consume.
 * It is the blueprint after overlays, defaults and inference (ports, dependencies, secrets), and
 * carries no reference to files: init scripts are read in and hashed.
 */

/** One environment variable after secret detection. Secret values never leave this shape in clear text. */
export type ResolvedEnvVar =
  | { name: string; kind: 'plain'; value: string }
  /** A value marked {secret: ...}, or a plain value that carries credentials (a password in a URL). */
  | { name: string; kind: 'secret'; value: string }
  /** A reference to a stored secret; the value is looked up at deploy time. */
  | { name: string; kind: 'secretRef'; secretName: string; secretKey: string };

export interface ResolvedSqlStep {
  type: 'sql';
  /** The script path as written, relative to the blueprint file. */
  script: string;
  database?: string;
  /** The script's content, read when the blueprint was resolved. */
  content: string;
  /** sha256 of the content, hex: the planner compares scripts by it. */
  sha256: string;
}

/** A container run in the service's init Job, in step order, with the service's env and secrets. */
export interface ResolvedJobStep {
  type: 'job';
  /** DNS label naming the step (default "job"). */
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  /** Plain variables added to the service's env, sorted by name. */
  env: { name: string; value: string }[];
  /** sha256 of the step's definition, hex: a changed step is a new Job, and the planner sees it. */
  sha256: string;
}

/**
 * A snapshot restored into the service. `snapshot` is the name as written; the API fills in
 * `snapshotId` when an environment is created (the snapshot of the creating team, checked then).
 */
export interface ResolvedSnapshotStep {
  type: 'snapshot';
  snapshot: string;
  snapshotId?: string;
  /** Which of the snapshot's services' data is restored (filled in with `snapshotId`). */
  from?: string;
  /** sha256 of the name and id, hex: the planner sees a different snapshot as a change. */
  sha256: string;
}

export type ResolvedInitStep = ResolvedSqlStep | ResolvedJobStep | ResolvedSnapshotStep;

export interface ResolvedService {
  name: string;
  image: string;
  /** Ports the service listens on: declared, or inferred from URLs that name the service. */
  ports: number[];
  /** Ports that get a URL. Empty when the service is not exposed. */
  exposedPorts: number[];
  /** `public`: the gateway serves its URLs without a credential. Absent: private. */
  access?: 'public';
  command?: string[];
  args?: string[];
  /** Sorted by name, so that env-map order never counts as a change. */
  env: ResolvedEnvVar[];
  resources?: Resources;
  replicas: number;
  healthCheck?: HealthCheck;
  volumes: Volume[];
  stateful: boolean;
  isolation: 'isolated' | 'shared';
  /** As written (absent: data for Postgres, seed otherwise): how a branch's copy gets its data. */
  fork?: 'data' | 'seed';
  init: ResolvedInitStep[];
  /** A data service keeps state: it has init steps, volumes or `stateful: true`. */
  isDataService: boolean;
  /** Direct dependencies: services named as URL hosts in env values, plus `dependsOn`. Sorted. */
  dependsOn: string[];
  /** As written; absent: the deploy layer's hardened defaults for the image. */
  security?: Security;
}

export interface ResolvedBlueprint {
  name: string;
  description?: string;
  ttl?: string;
  idleAfter?: string;
  /** What the idle sweep does once idleAfter has passed; absent means teardown. */
  idle?: 'teardown' | 'sleep';
  routing: 'dns' | 'header';
  /** Opted into warm pools (`prewarm` in the blueprint): the pool's bounds. Absent: not pre-warmed. */
  prewarm?: {
    min: number;
    max: number;
    /** The team's snapshot (name or id) its warm environments are prepared from. */
    snapshot?: string;
  };
  /** In the order the blueprint lists them. */
  services: ResolvedService[];
}

/** Where a resolved value came from: "FILE:LINE", keyed by a dotted path such as services.api.env.REDIS_URL. */
export type Provenance = Record<string, string>;

/** The dependency graph: service name to the names of its direct dependencies. */
export type DependencyGraph = Record<string, string[]>;

/** One problem found in a blueprint or overlay, reported as FILE:LINE:COL: message. */
export interface BlueprintProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. services.1.image. */
  path: string;
  message: string;
}
