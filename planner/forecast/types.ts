/** One request for an environment, as recorded by the control plane: the forecast's input. */
export interface EnvRequest {
  blueprint: string;
  team: string;
  /** When it was requested, epoch milliseconds. */
  at: number;
}
