import type { ResolvedBlueprint, ResolvedEnvVar, ResolvedService } from '../../blueprints/resolved.js';
import { sqlEngineFor } from './init-job.js';

/**
 * A Postgres service that declares no credentials of its own gets them from the URLs its clients
 * use: `postgres://postgres:secret@db:5432/checkout` in the api's env means the db service must
 * accept that user and password and have that database. Blueprints say it once (in the client's
 * URL), as they do for dependencies and ports; the official image and ours read POSTGRES_USER,
 * POSTGRES_PASSWORD and POSTGRES_DB, and the init Job seeds that database. The password stays a
 * secret value, so it reaches the pod through a Secret like any other.
 */

const POSTGRES_ENV = ['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB'] as const;

interface Credentials {
  user: string;
  password: string;
  database: string;
}

/** The credentials in a client's value that points at `host` by a postgres URL, if any. */
function credentialsIn(value: string, host: string): Credentials | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!/^postgres(ql)?:$/.test(url.protocol) || url.hostname !== host) return undefined;
  return {
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}

/** What every client agrees on; undefined when they disagree or none names the service. */
function agreedCredentials(blueprint: ResolvedBlueprint, service: ResolvedService): Credentials | undefined {
  const found: Credentials[] = [];
  for (const client of blueprint.services) {
    if (client.name === service.name) continue;
    for (const v of client.env) {
      if (v.kind === 'secretRef') continue;
      const credentials = credentialsIn(v.value, service.name);
      if (credentials) found.push(credentials);
    }
  }
  const [first] = found;
  const same = (a: Credentials, b: Credentials) =>
    a.user === b.user && a.password === b.password && a.database === b.database;
  return first && found.every((other) => same(first, other)) ? first : undefined;
}

/** The service with POSTGRES_* env added from its clients' URLs, or unchanged. */
export function withClientCredentials(
  blueprint: ResolvedBlueprint,
  service: ResolvedService,
): ResolvedService {
  if (!service.isDataService || sqlEngineFor(service.image) !== 'postgres') return service;
  if (!/(^|\/)(postgres|postgis)[^/]*(:|@|$)/.test(service.image)) return service;
  if (service.env.some((v) => (POSTGRES_ENV as readonly string[]).includes(v.name))) return service;
  const credentials = agreedCredentials(blueprint, service);
  if (!credentials) return service;
  const added: ResolvedEnvVar[] = [];
  if (credentials.user) added.push({ name: 'POSTGRES_USER', kind: 'plain', value: credentials.user });
  if (credentials.password)
    added.push({ name: 'POSTGRES_PASSWORD', kind: 'secret', value: credentials.password });
  if (credentials.database) added.push({ name: 'POSTGRES_DB', kind: 'plain', value: credentials.database });
  return added.length === 0 ? service : { ...service, env: [...service.env, ...added] };
}

/** The blueprint with every Postgres service's credentials filled in from its clients. */
export function withAllClientCredentials(blueprint: ResolvedBlueprint): ResolvedBlueprint {
  const services = blueprint.services.map((service) => withClientCredentials(blueprint, service));
  return services.every((service, i) => service === blueprint.services[i])
    ? blueprint
    : { ...blueprint, services };
}
