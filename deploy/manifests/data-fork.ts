import type {
  V1ConfigMap,
  V1Container,
  V1EnvVar,
  V1SecurityContext,
  V1Volume,
  V1VolumeMount,
} from '@kubernetes/client-node';
import type { ResolvedService } from '../../blueprints/resolved.js';
import { objectMeta, type RenderContext } from './context.js';
import { renderEnvVar } from './secret.js';
import { containerSecurityContext } from './security.js';
import { reuseTarget } from './service.js';

/**
 * Data forking: a branch's own copy of a Postgres service starts from its baseline's data at branch
 * time. An init container of the copy's pod copies the baseline's server into the empty volume before
 * Postgres starts: physically over the replication protocol (pg_basebackup: a consistent copy at the
 * speed of the disks, the baseline serving meanwhile), or, where the baseline refuses replication, by
 * a dump restored into a fresh server. Every Postgres service allows replication from the start (a
 * script in /docker-entrypoint-initdb.d), so any environment can become a baseline.
 */

const POSTGRES_IMAGE = /(^|\/)(postgres|postgis|timescaledb)[^/]*(:|@|$)/;

export function isPostgresImage(image: string): boolean {
  return POSTGRES_IMAGE.test(image);
}

/** True when this environment's copy of the service starts from the baseline's data. */
export function forksData(ctx: RenderContext, service: ResolvedService): boolean {
  return (
    ctx.modes.get(service.name) === 'fork' &&
    ctx.baselineNamespace !== undefined &&
    service.isDataService &&
    isPostgresImage(service.image) &&
    (service.fork ?? 'data') === 'data'
  );
}

export const REPLICATION_SCRIPT = 'zz-microstax-replication.sh';

export function replicationConfigMapName(service: string): string {
  return `${service}-replication`;
}

/**
 * Sourced by the image's entrypoint on first start: replication connections get the same
 * authentication as every other remote connection (a password when the service has one).
 */
export const REPLICATION_SCRIPT_CONTENT = `# MicroStax: branches copy this server's data with pg_basebackup (replication protocol).
if [ -n "\${POSTGRES_HOST_AUTH_METHOD:-}" ]; then microstax_auth="$POSTGRES_HOST_AUTH_METHOD"
elif [ -n "\${POSTGRES_PASSWORD:-}" ]; then microstax_auth=scram-sha-256
else microstax_auth=trust; fi
printf 'host replication all all %s\\n' "$microstax_auth" >> "$PGDATA/pg_hba.conf"
`;

/** The ConfigMap holding the replication script, for a Postgres data service. */
export function renderReplicationConfigMap(
  ctx: RenderContext,
  service: ResolvedService,
): V1ConfigMap | undefined {
  if (!service.isDataService || !isPostgresImage(service.image)) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(ctx, {
      name: replicationConfigMapName(service.name),
      role: 'workload',
      service: service.name,
    }),
    data: { [REPLICATION_SCRIPT]: REPLICATION_SCRIPT_CONTENT },
  };
}

/** The volume and mount that put the replication script beside the image's own init scripts. */
export function replicationScriptMount(service: ResolvedService): { volume: V1Volume; mount: V1VolumeMount } {
  return {
    volume: { name: 'microstax-replication', configMap: { name: replicationConfigMapName(service.name) } },
    // subPath: the image's own scripts in that directory stay visible.
    mount: {
      name: 'microstax-replication',
      mountPath: `/docker-entrypoint-initdb.d/${REPLICATION_SCRIPT}`,
      subPath: REPLICATION_SCRIPT,
      readOnly: true,
    },
  };
}

/** Marks a finished copy in the data directory (Postgres ignores files it does not know). */
export const FORK_DONE = '.microstax-fork-done';

/** The shell script of the fork init container (exported for tests). */
export function forkScript(params: {
  source: string;
  port: number;
  method: 'auto' | 'physical' | 'logical';
}): string {
  const { source, port, method } = params;
  return [
    'set -eu',
    `PGDATA="\${PGDATA:-/var/lib/postgresql/data}"`,
    // A restarted pod keeps its volume: a finished copy is kept, a half-made one made again.
    `if [ -e "$PGDATA/${FORK_DONE}" ]; then echo "fork: data already in place"; exit 0; fi`,
    `export PGUSER="\${POSTGRES_USER:-postgres}" PGPASSWORD="\${POSTGRES_PASSWORD:-}"`,
    `until pg_isready -q -h ${source} -p ${port}; do sleep 1; done`,
    // No mark: whatever is there is a half-made copy of an earlier attempt.
    'find "$PGDATA" -mindepth 1 -delete',
    `method=${method}`,
    'if [ "$method" != logical ]; then',
    // --no-sync: no fsync of every copied file (seconds on a busy disk); a copy cut short by a crash
    // has no mark and is made again.
    `  if pg_basebackup -h ${source} -p ${port} -D "$PGDATA" -X stream --checkpoint=fast --no-sync; then`,
    `    touch "$PGDATA/${FORK_DONE}"`,
    '    chown -R postgres:postgres "$PGDATA"',
    '    chmod 700 "$PGDATA"',
    `    echo "fork: physical copy of ${source} done"`,
    '    exit 0',
    '  fi',
    '  if [ "$method" = physical ]; then exit 1; fi',
    `  echo "fork: ${source} refused a physical copy: dump and restore instead" >&2`,
    '  find "$PGDATA" -mindepth 1 -delete',
    'fi',
    // A fresh server made by the image's own entrypoint, on loopback only, then dump | restore.
    'docker-entrypoint.sh postgres -c listen_addresses=127.0.0.1 &',
    'server=$!',
    `until pg_isready -q -h 127.0.0.1 -p ${port}; do kill -0 "$server"; sleep 0.5; done`,
    `db="\${POSTGRES_DB:-$PGUSER}"`,
    `pg_dump -h ${source} -p ${port} -d "$db" --format=custom | pg_restore -h 127.0.0.1 -p ${port} -d "$db" --no-owner --exit-on-error`,
    'kill -INT "$server"',
    'wait "$server" || true',
    `touch "$PGDATA/${FORK_DONE}"`,
    `echo "fork: logical copy of ${source} done"`,
  ].join('\n');
}

/** The init container that fills the copy's empty volume from the baseline's server. */
export function renderForkInitContainer(
  ctx: RenderContext,
  service: ResolvedService,
  mounts: V1VolumeMount[],
): V1Container {
  const env: V1EnvVar[] = service.env.map((v) => renderEnvVar(ctx, service.name, v));
  return {
    name: 'fork-data',
    image: service.image,
    command: [
      'sh',
      '-c',
      forkScript({
        source: reuseTarget(ctx, service.name),
        port: service.ports[0] ?? 5432,
        method: ctx.config.forkMethod,
      }),
    ],
    ...(env.length > 0 ? { env } : {}),
    volumeMounts: mounts,
    securityContext: forkSecurityContext(service),
  };
}

/**
 * The image's own capabilities (the copy is chowned to the postgres user; the entrypoint switches to
 * it), plus KILL: the fallback stops the server it started, which runs as another user.
 */
function forkSecurityContext(service: ResolvedService): V1SecurityContext {
  const context = containerSecurityContext(service);
  const added = context.capabilities?.add ?? [];
  context.capabilities = { drop: ['ALL'], add: [...new Set([...added, 'KILL'])] };
  return context;
}
