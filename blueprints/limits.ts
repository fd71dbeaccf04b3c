/**
 * Hard limits on blueprint and overlay input. They keep a hostile or broken file from exhausting the
 * control plane (alias bombs, huge files) and are documented in blueprints/README.md.
 */
export const PARSE_LIMITS = {
  /** Largest blueprint or overlay file, in bytes. A 1,000-service blueprint is about 200 KiB. */
  maxFileBytes: 2 * 1024 * 1024,
  /** Most alias expansions (*name, counting aliases inside expanded anchors too) in one file. */
  maxAliases: 1000,
  /** Most YAML nodes after alias expansion: what stops "billion laughs" alias bombs. */
  maxNodes: 200_000,
  /** Deepest nesting of maps and lists. */
  maxDepth: 64,
  /** Largest init script, in bytes: scripts travel inside the resolved blueprint (and workflow history). */
  maxScriptBytes: 1024 * 1024,
  /** Most overlays applied at once. */
  maxOverlays: 32,
} as const;

/**
 * Hard limits on what a blueprint may ask for, checked by the schema. They match the planner's caps
 * (planner/placement/limits.ts PLACEMENT_LIMITS.maxReplicas) so a valid blueprint is always plannable
 * service by service; 10,000 services is the largest blueprint the planner benchmark plans.
 */
export const BLUEPRINT_LIMITS = {
  /** Most services in one blueprint. */
  maxServices: 10_000,
  /** Most replicas of one service. */
  maxReplicas: 100,
  /** Most warm environments one blueprint may keep (prewarm.max). */
  maxWarmPool: 50,
} as const;
