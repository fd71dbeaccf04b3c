import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ON_REQUEST_IMAGES } from '../../../../local/images/index.js';
import {
  DEFAULT_PORTS,
  ENV,
  POSTGRES_DATABASE,
  POSTGRES_USER,
  REPO_ROOT,
  TEMPORAL_NAMESPACE,
} from '../../../../local/stack/config.js';
import { SEARCH_ATTRIBUTE_KEYS } from '../../../../workflows/search-attributes.js';

interface ComposeService {
  image?: string;
  build?: string;
  read_only?: boolean;
  tmpfs?: string[];
  command?: string[] | string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown> | string[];
}

// Docker cannot run here, so the compose file is kept honest by reading it against the code's config.
describe('docker-compose.yml', async () => {
  const compose = parse(await readFile(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as {
    services: Record<string, ComposeService>;
  };
  const services = compose.services;
  const hostPort = (service: string, containerPort: number) =>
    services[service]?.ports
      ?.map((mapping) => mapping.split(':').map(Number))
      .find(([, inside]) => inside === containerPort)?.[0];

  it('describes the production-like stack', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'temporal', 'temporal-setup', 'temporal-ui', 'api', 'worker']),
    );
    expect(services.temporal?.environment?.DB).toBe('postgres12');
    expect(services.temporal?.environment?.POSTGRES_SEEDS).toBe('postgres');
  });

  it('publishes the same host ports as the local stack', () => {
    expect(hostPort('temporal', 7233)).toBe(DEFAULT_PORTS.temporal);
    expect(hostPort('temporal-ui', 8080)).toBe(DEFAULT_PORTS.temporalUi);
    expect(hostPort('postgres', 5432)).toBe(DEFAULT_PORTS.postgres);
    expect(hostPort('api', DEFAULT_PORTS.api)).toBe(DEFAULT_PORTS.api);
  });

  it.each(['api', 'worker'])('gives the %s the env vars the code reads', (name) => {
    const env = services[name]?.environment ?? {};
    for (const variable of [
      ENV.databaseUrl,
      ENV.temporalAddress,
      ENV.temporalNamespace,
      ENV.kubeconfig,
      ENV.apiPort,
    ]) {
      expect(env, variable).toHaveProperty(variable);
    }
    expect(env[ENV.temporalNamespace]).toBe(TEMPORAL_NAMESPACE);
    expect(env[ENV.apiPort]).toBe(String(DEFAULT_PORTS.api));
    expect(env[ENV.temporalAddress]).toBe('temporal:7233');
    const database = new URL(env[ENV.databaseUrl]!.replace(/\$\{[^}]*\}/, 'password'));
    expect(database.username).toBe(POSTGRES_USER);
    expect(database.pathname).toBe(`/${POSTGRES_DATABASE}`);
    expect(database.host).toBe('postgres:5432');
  });

  it.each(['api', 'worker'])(
    'runs the %s from the MicroStax image (the Dockerfile), read-only but /tmp',
    (name) => {
      const service = services[name]!;
      expect(service.image).toBe(ON_REQUEST_IMAGES.find((image) => image.imageId === 'microstax')?.reference);
      expect(service.build).toBe('.');
      expect(service.read_only).toBe(true);
      expect(service.tmpfs).toEqual(['/tmp']);
      expect(service.command).toEqual([name]);
      // Outside a local stack the worker needs these rather than the stack's state dir.
      expect(service.environment?.MICROSTAX_SNAPSHOT_DIR).toMatch(/^\/tmp\//);
      expect(service.environment?.MICROSTAX_CODEC_KEY).toMatch(/^\$\{MICROSTAX_CODEC_KEY:\?/);
    },
  );

  it('keeps secrets out of the file', () => {
    const env = services.postgres?.environment ?? {};
    expect(env.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('registers the namespace and every search attribute as Keyword', () => {
    const command = ([] as string[]).concat(services['temporal-setup']?.command ?? []).join(' ');
    expect(command).toContain(`--namespace ${TEMPORAL_NAMESPACE}`);
    for (const key of SEARCH_ATTRIBUTE_KEYS) {
      expect(command).toContain(`--name ${key.name} --type Keyword`);
    }
  });
});
