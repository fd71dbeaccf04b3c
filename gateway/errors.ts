/** Why the gateway could not start: it cannot watch the cluster, listen, or use its certificate. */
export type GatewayStartProblem = 'watch-failed' | 'listen-failed' | 'no-database' | 'tls-unusable';

/** A gateway that could not start, with a `type` discriminator; serialises to JSON. */
export class GatewayStartError extends Error {
  readonly type: GatewayStartProblem;
  readonly params: { address?: string; cause: string };

  constructor(type: GatewayStartProblem, params: { address?: string; cause: string }) {
    super(
      type === 'watch-failed'
        ? `cannot watch Ingresses, Services and routing tables in the cluster: ${params.cause}`
        : type === 'no-database'
          ? `cannot check access to environments: ${params.cause}`
          : type === 'tls-unusable'
            ? `cannot serve HTTPS: ${params.cause}`
            : `cannot listen on ${params.address}: ${params.cause}`,
    );
    this.name = 'GatewayStartError';
    this.type = type;
    this.params = params;
  }

  toJSON(): { type: GatewayStartProblem; message: string; params: { address?: string; cause: string } } {
    return { type: this.type, message: this.message, params: this.params };
  }
}

/**
 * Why a sleeping environment could not be woken: Temporal is not reachable, no running workflow
 * owns the namespace, the workflow refused (e.g. it is being torn down), or the wake failed.
 */
export type WakeProblem = 'temporal-unreachable' | 'no-workflow' | 'refused' | 'failed';

/** A wake that did not happen, with a `type` discriminator; serialises to JSON. */
export class WakeError extends Error {
  readonly type: WakeProblem;
  readonly params: { environment: string; cause: string };

  constructor(type: WakeProblem, params: { environment: string; cause: string }) {
    super(wakeMessage(type, params));
    this.name = 'WakeError';
    this.type = type;
    this.params = params;
  }

  toJSON(): { type: WakeProblem; message: string; params: { environment: string; cause: string } } {
    return { type: this.type, message: this.message, params: this.params };
  }
}

function wakeMessage(
  type: WakeProblem,
  { environment, cause }: { environment: string; cause: string },
): string {
  switch (type) {
    case 'temporal-unreachable':
      return `environment ${environment} is asleep and the gateway cannot reach Temporal to wake it: ${cause}`;
    case 'no-workflow':
      return `environment ${environment} is asleep and no running workflow owns it, so nothing can wake it: ${cause}`;
    case 'refused':
      return `environment ${environment} is asleep and its workflow refused to wake it: ${cause}`;
    case 'failed':
      return `environment ${environment} is asleep and waking it failed: ${cause}`;
  }
}
