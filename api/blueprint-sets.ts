import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { ApiError, ErrorCode } from './errors.js';

/** One `--set`: a service's image, or one of its environment variables. */
export type BlueprintSet =
  | { service: string; field: 'image'; value: string }
  | { service: string; field: 'env'; key: string; value: string };

const SERVICE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const ENV_KEY = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** The file name `--set` values carry in blueprint problem locations and provenance. */
export const SET_OVERLAY_FILE = '--set';

/** Parses `SERVICE.image=REF` or `SERVICE.env.KEY=VALUE`; anything else is a 400 naming the entry. */
export function parseSet(text: string, index: number): BlueprintSet {
  const field = `body.set.${index}`;
  const bad = (why: string) =>
    new ApiError({
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: `set "${text.slice(0, 100)}": ${why}; expected SERVICE.image=REF or SERVICE.env.KEY=VALUE`,
      field,
    });
  const eq = text.indexOf('=');
  if (eq < 0) throw bad('no "="');
  const path = text.slice(0, eq);
  const value = text.slice(eq + 1);
  const [service, kind, ...rest] = path.split('.');
  if (!service || !SERVICE.test(service)) throw bad(`"${service ?? ''}" is not a service name`);
  if (kind === 'image' && rest.length === 0) {
    if (value === '') throw bad('the image is empty');
    return { service, field: 'image', value };
  }
  if (kind === 'env' && rest.length > 0) {
    const key = rest.join('.');
    if (!ENV_KEY.test(key)) throw bad(`"${key}" is not an environment variable name`);
    return { service, field: 'env', key, value };
  }
  throw bad(`"${path}" names neither SERVICE.image nor SERVICE.env.KEY`);
}

/**
 * The sets as an overlay applied after the request's own (the `user` layer, so they win), which keeps
 * them with the environment like any overlay: a later seed or restore resolves the same blueprint. Every
 * set must name a service of `blueprint` (422 naming the entry and the services there are).
 */
export function setsAsOverlay(params: {
  sets: string[];
  blueprint: ResolvedBlueprint;
}): { fileName: string; source: string } | undefined {
  if (params.sets.length === 0) return undefined;
  const known = params.blueprint.services.map((s) => s.name);
  const byService = new Map<string, { name: string; image?: string; env?: Record<string, string> }>();
  params.sets.forEach((text, index) => {
    const set = parseSet(text, index);
    if (!known.includes(set.service)) {
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.ValidationFailed,
        message: `set "${text.slice(0, 100)}": blueprint ${params.blueprint.name} has no service "${set.service}" (it has ${known.join(', ')})`,
        field: `body.set.${index}`,
      });
    }
    const entry = byService.get(set.service) ?? { name: set.service };
    if (set.field === 'image') entry.image = set.value;
    else entry.env = { ...entry.env, [set.key]: set.value };
    byService.set(set.service, entry);
  });
  // JSON is YAML: the overlay parser reads it, and no value can break out of its string.
  const overlay = {
    layer: 'user',
    description: 'values given with --set',
    services: [...byService.values()],
  };
  return { fileName: SET_OVERLAY_FILE, source: JSON.stringify(overlay, null, 1) };
}
