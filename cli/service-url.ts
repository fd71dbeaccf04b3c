import type { EnvironmentBody } from './api-types.js';
import { CliError } from './cli-error.js';

/** The URL of one of an environment's exposed services, or an error naming the ones it has. */
export function serviceUrl(environment: EnvironmentBody, service: string): string {
  const url = environment.urls[service];
  if (url) return url;
  const exposed = Object.keys(environment.urls);
  throw new CliError({
    type: 'invalid-input',
    field: 'service',
    message: `${environment.name ?? environment.id} has no URL for ${service}`,
    hint: exposed.length ? `exposed services: ${exposed.join(', ')}` : 'it exposes no service',
  });
}
