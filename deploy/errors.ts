/**
 * Typed errors of the deploy layer. Each has a `type` discriminator and a params object, and
 * serialises to JSON, so activities can turn them into Temporal failures and the API can show them.
 */

/** Why one service is not ready: the real cause, as Kubernetes reports it. */
export type FailureCause =
  | 'image-pull'
  | 'crash-loop'
  | 'container-failed'
  | 'init-job-failed'
  | 'unschedulable'
  | 'quota-exceeded'
  | 'create-failed';

export interface ServiceFailure {
  service: string;
  cause: FailureCause;
  /** Kubernetes' own reason, e.g. ImagePullBackOff, Unschedulable, BackoffLimitExceeded. */
  reason: string;
  /** Kubernetes' own message, e.g. the scheduler's "0/6 nodes are available: ...". */
  message: string;
  /** The object that reported it, e.g. Pod/api-5d9c-x2x. */
  object?: string;
  /**
   * The container whose log tail explains the failure (a failed init step). `errorsOnly`: a server's
   * own log, of which only psql's and the server's error lines go into the message (its STATEMENT
   * lines and psql's LINE context repeat the failing statement, which may carry a password).
   */
  logsFrom?: { pod: string; container: string; previous?: boolean; errorsOnly?: boolean };
}

abstract class DeployLayerError<P extends object> extends Error {
  abstract readonly type: string;
  readonly params: P;
  /** Safe to retry the same call (throttling, lost connection, server error). */
  readonly retryable: boolean;

  constructor(message: string, params: P, retryable: boolean) {
    super(message);
    this.name = new.target.name;
    this.params = params;
    this.retryable = retryable;
  }

  toJSON(): { type: string; message: string; retryable: boolean; params: P } {
    return { type: this.type, message: this.message, retryable: this.retryable, params: this.params };
  }
}

export interface KubeApiErrorParams {
  /** HTTP status code; 0 when the server could not be reached. */
  statusCode: number;
  /** Kubernetes Status reason, e.g. NotFound, Conflict, Forbidden, Invalid. */
  reason?: string;
  /** The API server's own message. */
  apiMessage: string;
  /** What we were doing, e.g. "apply apps/v1 Deployment msx-a/api". */
  operation: string;
}

/** The Kubernetes API refused a request, or could not be reached after retries. */
export class KubeApiError extends DeployLayerError<KubeApiErrorParams> {
  readonly type = 'kube-api' as const;
  constructor(params: KubeApiErrorParams, retryable: boolean) {
    const status = params.statusCode === 0 ? 'unreachable' : `${params.statusCode}`;
    super(
      `${params.operation}: ${status} ${params.reason ?? ''}: ${params.apiMessage}`.trim(),
      params,
      retryable,
    );
  }
}

export interface ServicesFailedParams {
  environmentId: string;
  namespace: string;
  failures: ServiceFailure[];
}

/** One or more services cannot become ready; each failure names the service and the real cause. */
export class ServicesFailedError extends DeployLayerError<ServicesFailedParams> {
  readonly type = 'services-failed' as const;
  constructor(params: ServicesFailedParams) {
    const lines = params.failures.map((f) => `${f.service}: ${f.cause} (${f.reason}): ${f.message}`);
    super(`environment ${params.environmentId} failed:\n  ${lines.join('\n  ')}`, params, false);
  }
}

export interface DeployTimeoutParams {
  environmentId: string;
  what: string;
  timeoutMs: number;
  /** Services (or objects) still not done, with their last known state. */
  pending: { name: string; state: string }[];
}

/** Waiting took longer than allowed; names what was still pending. */
export class DeployTimeoutError extends DeployLayerError<DeployTimeoutParams> {
  readonly type = 'deploy-timeout' as const;
  constructor(params: DeployTimeoutParams) {
    const pending = params.pending.map((p) => `${p.name} (${p.state})`).join(', ');
    super(
      `${params.what} for ${params.environmentId} took longer than ${Math.round(params.timeoutMs / 1000)}s; pending: ${pending}`,
      params,
      true,
    );
  }
}

export interface DeployConfigurationErrorParams {
  field: string;
  problem: string;
}

/** The inputs cannot be turned into Kubernetes objects (bad id, a plan naming an unknown service). */
export class DeployConfigurationError extends DeployLayerError<DeployConfigurationErrorParams> {
  readonly type = 'deploy-configuration' as const;
  constructor(params: DeployConfigurationErrorParams) {
    super(`${params.field}: ${params.problem}`, params, false);
  }
}

export type DeployError = KubeApiError | ServicesFailedError | DeployTimeoutError | DeployConfigurationError;

/** True for any error this layer throws on purpose. */
export function isDeployError(error: unknown): error is DeployError {
  return error instanceof DeployLayerError;
}
