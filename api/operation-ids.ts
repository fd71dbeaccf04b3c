/**
 * OpenAPI operationIds derived from each route's method and URL, in one place, so a route file never
 * names its own (generated clients name their calls after them, and engineers add routes in parallel).
 *
 *   GET    /v1/environments                      -> listEnvironments
 *   GET    /v1/environments/:id                  -> getEnvironment
 *   POST   /v1/environments/:id/shares           -> createEnvironmentShares
 *   DELETE /v1/environments/:id/shares/:shareId  -> deleteEnvironmentShare
 *   POST   /v1/environments/:id/sleep            -> createEnvironmentSleep
 *
 * Unique by construction: the method and every literal segment are in the name, and a parameter
 * segment turns the word before it singular (two routes differing only in a parameter's name
 * cannot both exist in Fastify).
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url.split('/').filter((segment) => segment !== '' && segment !== 'v1');
  const words: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith(':') || segment.startsWith('{')) {
      // `/environments/:id` is one environment: singular.
      const last = words.length - 1;
      if (last >= 0) words[last] = singular(words[last]!);
      continue;
    }
    words.push(pascal(segment));
  }
  const endsWithParameter = /\/[:{][^/]*}?$/.test(url);
  const verb = VERBS[method.toUpperCase()] ?? method.toLowerCase();
  const read = method.toUpperCase() === 'GET' ? (endsWithParameter ? 'get' : 'list') : verb;
  return `${read}${words.join('')}` || read;
}

const VERBS: Record<string, string> = {
  POST: 'create',
  PUT: 'put',
  PATCH: 'patch',
  DELETE: 'delete',
  HEAD: 'head',
};

function pascal(segment: string): string {
  return segment
    .split(/[-_.]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
