import { z } from 'zod';
import { type LocatedMap, parseLocatedYaml, toPlain } from './located-yaml.js';
import { problemAt } from './problems.js';
import type { BlueprintProblem } from './resolved.js';
import { ServiceName } from './schema.js';
import { zodIssuesToProblems } from './zod-problems.js';

/** Overlay layers, in the order they merge over a blueprint: later layers win. */
export const OVERLAY_LAYERS = ['company', 'team', 'user'] as const;
export type OverlayLayer = (typeof OVERLAY_LAYERS)[number];

/** Marks a service (`$remove: true` in its entry) or a key (`KEY: {$remove: true}`) for removal. */
export const REMOVE_KEY = '$remove';
/** Marks an overlay service entry as a new service rather than a change to an existing one. */
export const ADD_KEY = '$add';

const Glob = z.string().min(1).describe('A name or a glob pattern: * matches any text, ? one character');

/**
 * The overlay file format: a header saying where the overlay applies, then a partial blueprint.
 * The partial blueprint's fields are checked after merging, against the full blueprint schema, so
 * here they are only required to be present in the right shape.
 */
export const OverlaySchema = z
  .strictObject({
    layer: z.enum(OVERLAY_LAYERS).describe('company, team or user: overlays merge in that order'),
    appliesTo: z
      .strictObject({
        blueprints: z
          .array(Glob)
          .min(1)
          .optional()
          .describe('Blueprint names (or globs) this overlay applies to; default: all'),
        context: z
          .record(z.string().min(1), Glob)
          .optional()
          .describe('Context the request must match, e.g. {team: payments, branch: "feature/*"}'),
      })
      .optional()
      .describe('Which blueprints and contexts the overlay applies to; default: all'),
    description: z.string().optional(),
    ttl: z.unknown().optional().describe('Replaces the blueprint ttl'),
    idleAfter: z.unknown().optional().describe('Replaces the blueprint idleAfter'),
    idle: z.unknown().optional().describe('Replaces the blueprint idle action'),
    routing: z.unknown().optional().describe('Replaces the blueprint routing'),
    services: z
      .array(
        z.looseObject({
          name: ServiceName,
          [REMOVE_KEY]: z.literal(true).optional().describe('Remove this service'),
          [ADD_KEY]: z.literal(true).optional().describe('Add this service (it must not exist yet)'),
        }),
      )
      .optional()
      .describe('Changes to services, matched by name'),
  })
  .describe('A MicroStax overlay: a partial blueprint merged over blueprints it applies to');

/** A parsed overlay file. */
export interface Overlay {
  fileName: string;
  layer: OverlayLayer;
  blueprints?: string[];
  context: Record<string, string>;
  /** The partial blueprint: the overlay's map without `layer` and `appliesTo`. */
  body: LocatedMap;
}

/** Keys of the overlay header, which are not part of the partial blueprint. */
const HEADER_KEYS = new Set(['layer', 'appliesTo', 'description']);

/** Parses and checks one overlay file. */
export function parseOverlay(opts: {
  source: string;
  fileName: string;
}): { ok: true; overlay: Overlay } | { ok: false; problems: BlueprintProblem[] } {
  const parsed = parseLocatedYaml(opts);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  if (root.kind !== 'map') {
    return {
      ok: false,
      problems: [
        problemAt(root.location, '', 'an overlay is a YAML map with "layer" and a partial blueprint'),
      ],
    };
  }
  const checked = OverlaySchema.safeParse(toPlain(root));
  if (!checked.success) {
    return {
      ok: false,
      problems: zodIssuesToProblems({ issues: checked.error.issues, root, schema: OverlaySchema }),
    };
  }
  const { layer, appliesTo } = checked.data;
  return {
    ok: true,
    overlay: {
      fileName: opts.fileName,
      layer,
      ...(appliesTo?.blueprints ? { blueprints: appliesTo.blueprints } : {}),
      context: appliesTo?.context ?? {},
      body: { ...root, entries: root.entries.filter((e) => !HEADER_KEYS.has(e.key)) },
    },
  };
}

/**
 * Whether a name matches a glob: `*` matches any text (including "/"), `?` one character. Matched
 * by the classic two-pointer walk (backtracking only to the last `*`), O(pattern x value) at
 * worst: overlays and contexts come from API requests, so a regex with many `.*` is not safe.
 */
export function globMatches(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === value[v]))) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = v;
    } else if (starAt >= 0) {
      p = starAt + 1;
      v = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether an overlay applies to a blueprint by name (ignoring the context). */
export function appliesToBlueprint(overlay: Overlay, blueprintName: string): boolean {
  return !overlay.blueprints || overlay.blueprints.some((pattern) => globMatches(pattern, blueprintName));
}

/** Whether the request context matches every key the overlay asks for. */
export function contextMatches(overlay: Overlay, context: Record<string, string>): boolean {
  return Object.entries(overlay.context).every(([key, pattern]) => {
    const value = context[key];
    return value !== undefined && globMatches(pattern, value);
  });
}
