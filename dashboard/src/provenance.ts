/** Reading a blueprint's provenance: dotted path → "FILE:LINE" of the layer that set it. */
export type Provenance = Record<string, string>;

/** The file (layer) of a provenance entry "FILE:LINE". */
export const layerOf = (where: string) => where.replace(/:\d+$/, '');

/**
 * Which layer set a setting: its own entry, plus the values inside it another layer set
 * ("LOG_LEVEL from team-payments-policy-v1.yaml:4"); "default" when no file set it.
 */
export function setBy(provenance: Provenance, path: string): string {
  const own = provenance[path];
  const inside = Object.entries(provenance)
    .filter(([key, where]) => key.startsWith(`${path}.`) && (!own || layerOf(where) !== layerOf(own)))
    .map(([key, where]) => `${key.slice(path.length + 1)} from ${where}`);
  return [own ?? 'default', ...inside].join('; ');
}

/** The layers values came from, in the order they first appear, with how many values each set. */
export function layerCounts(provenance: Provenance): [string, number][] {
  const counts = new Map<string, number>();
  for (const where of Object.values(provenance)) {
    const layer = layerOf(where);
    counts.set(layer, (counts.get(layer) ?? 0) + 1);
  }
  return [...counts];
}
