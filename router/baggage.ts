/**
 * W3C Baggage (https://www.w3.org/TR/baggage/): `key1=value1;prop,key2=value2`. Tracing libraries
 * propagate it from service to service already, which is why the router reads its context from it.
 */

/** Parses one or more baggage header values into key -> value (percent-decoded; properties dropped). */
export function parseBaggage(header: string | string[] | undefined): Map<string, string> {
  const entries = new Map<string, string>();
  if (header === undefined) return entries;
  const values = Array.isArray(header) ? header : [header];
  for (const value of values) {
    for (const member of value.split(',')) {
      const [pair] = member.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) continue;
      const key = pair.slice(0, eq).trim();
      const raw = pair.slice(eq + 1).trim();
      if (!key) continue;
      try {
        // The first member with a key wins, so an upstream hop cannot be overridden by a later one.
        if (!entries.has(key)) entries.set(key, decodeURIComponent(raw));
      } catch {
        // A malformed percent-encoding makes that member unusable, not the whole header.
      }
    }
  }
  return entries;
}
