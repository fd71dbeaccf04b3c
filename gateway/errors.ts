/** Why the gateway could not start: it cannot watch the cluster, or cannot listen. */
export type GatewayStartProblem = 'watch-failed' | 'listen-failed';

/** A gateway that could not start, with a `type` discriminator; serialises to JSON. */
export class GatewayStartError extends Error {
  readonly type: GatewayStartProblem;
  readonly params: { address?: string; cause: string };

  constructor(type: GatewayStartProblem, params: { address?: string; cause: string }) {
    super(
      type === 'watch-failed'
        ? `cannot watch Ingresses, Services and routing tables in the cluster: ${params.cause}`
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
