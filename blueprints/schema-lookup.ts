import type { z } from 'zod';

/**
 * Reads the zod schema tree by path, so error messages can quote a field's description and list its
 * valid keys. Relies on zod 4's public `_zod.def` shape (type, shape, innerType, element, ...).
 */
type AnySchema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
}

const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/nullable/pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

/** Candidate child schemas of `schema` for one path segment. */
function children(schema: AnySchema, segment: PropertyKey): AnySchema[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'object': {
      const child = def.shape?.[String(segment)];
      return child ? [child] : [];
    }
    case 'array':
      return typeof segment === 'number' && def.element ? [def.element] : [];
    case 'record':
      return def.valueType ? [def.valueType] : [];
    case 'union':
      return (def.options ?? []).flatMap((option) => children(option, segment));
    default:
      return [];
  }
}

/** The schemas a path can lead to (several when it passes through a union). */
export function schemasAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  let current = [root];
  for (const segment of path) current = current.flatMap((schema) => children(schema, segment));
  return current;
}

/** The description of the field at a path, from `.describe()`, if any. */
export function describeAt(root: AnySchema, path: readonly PropertyKey[]): string | undefined {
  for (const schema of schemasAt(root, path)) {
    const description = schema.description ?? unwrap(schema).description;
    if (description) return description;
  }
  return undefined;
}

/** The keys an object at a path may have (the union of all candidate object schemas). */
export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const collect = (schema: AnySchema): void => {
    const def = defOf(unwrap(schema));
    if (def.type === 'object') for (const key of Object.keys(def.shape ?? {})) keys.add(key);
    if (def.type === 'union') for (const option of def.options ?? []) collect(option);
  };
  for (const schema of schemasAt(root, path)) collect(schema);
  return [...keys];
}
