/**
 * Typed planner errors. Each carries a `type` discriminator and a params object, and serialises to
 * JSON, so the CLI, the API and Temporal activities can report them without string matching.
 */
export type PlannerErrorType =
  | 'invalid-quantity'
  | 'invalid-node-pools'
  | 'placement-infeasible'
  /** Over a cap of PLACEMENT_LIMITS; params name the limit, the value asked for and the maximum. */
  | 'placement-too-large'
  | 'solver-failed'
  /** The solver threads are all busy and their queue is full, or the heuristic ran out of time: retry. */
  | 'solver-busy'
  | 'invalid-forecast-input';

export class PlannerError extends Error {
  override readonly name = 'PlannerError';

  constructor(
    readonly type: PlannerErrorType,
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON(): { type: PlannerErrorType; message: string; params: Record<string, unknown> } {
    return { type: this.type, message: this.message, params: this.params };
  }
}
