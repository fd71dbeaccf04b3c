import type { LocatedNode } from './located-yaml.js';
import type { Provenance } from './resolved.js';

/**
 * Where every value of a (merged) blueprint tree was written, as "FILE:LINE", keyed by dotted path
 * with services by name: services.api.env.REDIS_URL. Maps are recorded and descended into; lists
 * are recorded as a whole, since an overlay replaces a list as a whole. Values that come from
 * defaults or inference have no entry.
 */
export function provenanceOf(root: LocatedNode): Provenance {
  const provenance: Provenance = {};
  const record = (path: string, node: LocatedNode): void => {
    provenance[path] = `${node.location.file}:${node.location.line}`;
    if (node.kind === 'map') for (const entry of node.entries) record(`${path}.${entry.key}`, entry.value);
  };
  if (root.kind !== 'map') return provenance;
  for (const entry of root.entries) {
    if (entry.key === 'services' && entry.value.kind === 'seq') {
      provenance.services = `${entry.value.location.file}:${entry.value.location.line}`;
      for (const service of entry.value.items) {
        const name =
          service.kind === 'map' ? service.entries.find((e) => e.key === 'name')?.value : undefined;
        if (name?.kind === 'scalar') record(`services.${String(name.value)}`, service);
      }
      continue;
    }
    record(entry.key, entry.value);
  }
  return provenance;
}
