/**
 * What a container that declares no `resources` asks of the cluster. One figure for everything that
 * reasons about it: the deploy layer's LimitRange gives such containers these requests, and the
 * planner places, prices and polices them with the same ones, so a plan is made for what runs.
 * (Kubernetes alone would run them BestEffort with zero requests, which makes any cost plan meaningless.)
 */
export const DEFAULT_REQUESTS = { cpu: '50m', memory: '64Mi' } as const;
