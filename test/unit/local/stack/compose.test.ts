import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadApiConfig } from '../../../../api/config.js';
import { buildProgram } from '../../../../cli/main.js';
import {
  DEFAULT_PORTS,
  POSTGRES_DATABASE,
  POSTGRES_USER,
  REPO_ROOT,
  TEMPORAL_NAMESPACE,
} from '../../../../local/stack/config.js';
import { loadCodecKeys } from '../../../../temporal/codec-key.js';
import { loadTemporalConfig } from '../../../../temporal/config.js';
import { loadWorkerSettings } from '../../../../worker/settings.js';
import { SEARCH_ATTRIBUTE_KEYS } from '../../../../workflows/search-attributes.js';

interface ComposeService {
  image?: string;
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

  /** A service's environment as a process would see it, with `${VAR:?...}` filled in by `values`. */
  const processEnv = (name: string, values: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(services[name]?.environment ?? {}).map(([key, value]) => [
        key,
        value.replace(/\$\{([A-Z_]+)[^}]*\}/g, (_, variable: string) => values[variable] ?? ''),
      ]),
    );
  const secrets = { POSTGRES_PASSWORD: 'password', MICROSTAX_CODEC_KEY: randomBytes(32).toString('base64') };

  it.each(['api', 'worker', 'gateway'])('gives the %s the settings the product reads', async (name) => {
    const env = processEnv(name, secrets);
    expect(loadTemporalConfig(env)).toMatchObject({
      address: 'temporal:7233',
      namespace: TEMPORAL_NAMESPACE,
    });
    expect((await loadCodecKeys(env)).source).toBe('env');
    expect(env.KUBECONFIG).toBe('/etc/microstax/kubeconfig');
    const api = loadApiConfig(env);
    expect(api.port).toBe(DEFAULT_PORTS.api);
    const database = new URL(api.databaseUrl);
    expect(database.username).toBe(POSTGRES_USER);
    expect(database.pathname).toBe(`/${POSTGRES_DATABASE}`);
    expect(database.host).toBe('postgres:5432');
    expect(loadWorkerSettings(env)).toMatchObject({ snapshotDir: '/tmp/snapshots' });
  });

  it("runs MicroStax's own image, the chart's, with commands the CLI accepts", async () => {
    const chart = parse(await readFile(path.join(REPO_ROOT, 'charts/microstax/values.yaml'), 'utf8')) as {
      image: { repository: string };
    };
    const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const program = await buildProgram({ all: true });
    for (const name of ['api', 'worker', 'gateway']) {
      const service = services[name]!;
      expect(service.image).toBe(`${chart.image.repository}:\${MICROSTAX_VERSION:-${version}}`);
      const [command, ...args] = service.command as string[];
      const registered = program.commands.find((c) => c.name() === command);
      expect(registered, `${name}: ${command}`).toBeDefined();
      expect(() => registered!.parseOptions(args)).not.toThrow();
      expect(registered!.parseOptions(args).unknown).toEqual([]);
    }
    expect(hostPort('gateway', DEFAULT_PORTS.gateway)).toBe(DEFAULT_PORTS.gateway);
  });

  it('keeps secrets out of the file', () => {
    expect(services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    for (const name of ['api', 'worker', 'gateway']) {
      expect(services[name]?.environment?.MICROSTAX_CODEC_KEY).toMatch(/^\$\{MICROSTAX_CODEC_KEY:\?/);
    }
  });

  it('registers the namespace and every search attribute as Keyword', () => {
    const command = ([] as string[]).concat(services['temporal-setup']?.command ?? []).join(' ');
    expect(command).toContain(`--namespace ${TEMPORAL_NAMESPACE}`);
    for (const key of SEARCH_ATTRIBUTE_KEYS) {
      expect(command).toContain(`--name ${key.name} --type Keyword`);
    }
  });
});
