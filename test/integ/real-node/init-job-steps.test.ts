import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { postgresUrlFor } from '../../../deploy/data-endpoints.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { psqlAt, realNodeConfig, resolvedBlueprint } from './support.js';

/**
 * Init steps of kind job on the real node: a migration container runs before the sql seed, in order,
 * with the service's env and secrets; a failing step names itself, its exit code and its log tail; a
 * step image that does not exist fails at once, naming the image.
 */

let kube: KubeClient;
let config: DeployConfig;
const created: string[] = [];

/** A Postgres service whose first init step runs `migrate` (a shell command) from `image`. */
async function blueprintWith(params: { image: string; migrate: string }): Promise<ResolvedBlueprint> {
  const source = `name: steps
services:
  - name: db
    image: postgres:16-alpine
    env:
      POSTGRES_DB: app
      POSTGRES_PASSWORD: { secret: s3cret-pw }
    init:
      - type: job
        name: migrate
        image: ${params.image}
        command: [sh, -c, ${JSON.stringify(params.migrate)}]
        env:
          PGHOST: db
          PGUSER: postgres
          PGDATABASE: app
      - type: sql
        script: seed.sql
`;
  return resolvedBlueprint({
    source,
    fileName: 'steps.yaml',
    scripts: { 'seed.sql': "INSERT INTO migrated (step) VALUES ('seed');\n" },
  });
}

async function deploy(blueprint: ResolvedBlueprint) {
  const id = uniqueId('rn-steps');
  created.push(id);
  return { id, run: deployEnvironment({ kube, environment: { id }, blueprint, config }) };
}

beforeAll(async () => {
  kube = await stackKube();
  ({ config } = await realNodeConfig());
}, 60_000);

afterAll(async () => {
  await Promise.all(created.map((id) => teardownEnvironment({ kube, environmentId: id, config })));
}, 300_000);

describe('init steps of kind job on the real node', () => {
  it('runs the migration job, then the sql seed, in order, with the service password', async () => {
    const blueprint = await blueprintWith({
      image: 'postgres:16-alpine',
      // PGPASSWORD comes from the service's own POSTGRES_PASSWORD Secret, by reference.
      migrate:
        'PGPASSWORD="$POSTGRES_PASSWORD" psql -v ON_ERROR_STOP=1 -c "CREATE TABLE migrated (step text)"',
    });
    const { id, run } = await deploy(blueprint);
    await run;
    const url = await postgresUrlFor({ kube, config, environmentId: id, service: 'db' });
    expect(await psqlAt(url, 'SELECT step FROM migrated', { database: 'app' })).toBe('seed');
  }, 300_000);

  it('names a failing step, its exit code and its log tail', async () => {
    const blueprint = await blueprintWith({
      image: 'postgres:16-alpine',
      migrate: 'echo "migration 0042 could not add column" >&2; exit 3',
    });
    const { run } = await deploy(blueprint);
    const error = await run.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('init step 1 (step-1-migrate)');
    expect(error?.message).toContain('exited with code 3');
    expect(error?.message).toContain('migration 0042 could not add column');
  }, 300_000);

  it('fails at once when a step image does not exist, naming the image', async () => {
    const blueprint = await blueprintWith({ image: 'ghcr.io/acme/no-such-migrator:9', migrate: 'true' });
    const started = Date.now();
    const { run } = await deploy(blueprint);
    const error = await run.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('image-pull');
    expect(error?.message).toContain('image "ghcr.io/acme/no-such-migrator:9" cannot be pulled');
    // Well before the Job's deadline (initJobDeadlineSeconds).
    expect(Date.now() - started).toBeLessThan(config.initJobDeadlineSeconds * 1000);
  }, 300_000);
});
