/**
 * Finds the hosts an environment value points at, which is how dependencies and ports are inferred:
 * URLs (postgres://db:5432/app, http://api, mongodb://a:27017,b:27017), bare host:port (db:5432,
 * also in comma lists), and a bare service name in a *_HOST variable.
 */
export interface HostReference {
  host: string;
  port?: number;
  /** The URL scheme, when the reference is a URL. */
  scheme?: string;
}

/** Default ports of URL schemes, used when a URL names a service without a port. */
export const SCHEME_DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  grpc: 80,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  mariadb: 3306,
  redis: 6379,
  rediss: 6379,
  mongodb: 27017,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  kafka: 9092,
  memcached: 11211,
  smtp: 25,
  ftp: 21,
  ldap: 389,
  clickhouse: 9000,
};

// Bounded scheme length and no overlapping quantifiers: env values are untrusted input (the API
// resolves inline blueprints), so every pattern here must run in linear time.
const URL_PATTERN = /([a-z][a-z0-9+.-]{0,31}):\/\/([^\s/?#]*)/gi;
const HOST_PORT = /^([a-z0-9][-a-z0-9]*):(\d{1,5})$/i;
const HOST_VARIABLE = /(^|_)(HOST|HOSTNAME|SERVER)$/;

/** The host references in one env value. */
export function hostReferences(opts: { name: string; value: string }): HostReference[] {
  const { name, value } = opts;
  const found: HostReference[] = [];
  for (const match of value.matchAll(URL_PATTERN)) {
    const scheme = match[1]!.toLowerCase().split('+').at(-1)!;
    const authority = match[2]!.slice(match[2]!.lastIndexOf('@') + 1);
    for (const hostPort of authority.split(',')) {
      const [, host, port] = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostPort) ?? [];
      if (!host) continue;
      found.push({ host: host.toLowerCase(), scheme, ...(port ? { port: Number(port) } : {}) });
    }
  }
  for (const token of value.replace(URL_PATTERN, ' ').split(/[\s,;]+/)) {
    const match = HOST_PORT.exec(token);
    if (match) found.push({ host: match[1]!.toLowerCase(), port: Number(match[2]) });
  }
  if (HOST_VARIABLE.test(name.toUpperCase()) && /^[a-z][-a-z0-9]*$/.test(value)) {
    found.push({ host: value });
  }
  return found;
}

/** The port a reference implies: its own, or its scheme's default. */
export function referencePort(reference: HostReference): number | undefined {
  return reference.port ?? (reference.scheme ? SCHEME_DEFAULT_PORTS[reference.scheme] : undefined);
}
