import type {
  V1ConfigMap,
  V1Container,
  V1SecurityContext,
  V1Volume,
  V1VolumeMount,
} from '@kubernetes/client-node';
import type { ResolvedService } from '../../blueprints/resolved.js';
import { objectMeta, type RenderContext } from './context.js';
import { containerSecurityContext } from './security.js';
import { reuseTarget } from './service.js';

/**
 * Data forking: a branch's own copy of a Postgres service starts from its baseline's data at branch
 * time. The copy's container first copies the baseline's server into the empty volume, then starts
 * Postgres: physically over the replication protocol (pg_basebackup: a consistent copy at the
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

/** Connection attempts to the baseline that give up quickly, before attempts that wait longer. */
const QUICK_ATTEMPTS = 10;

/**
 * The shell script that starts a forked copy: it fills the empty volume from the baseline's server,
 * then execs the container's own command (its arguments). Exported for tests.
 */
export function forkScript(params: {
  source: string;
  port: number;
  method: 'auto' | 'physical' | 'logical';
}): string {
  const { port, method } = params;
  // Absolute (trailing dot): no lookups of the pod's search domains first.
  const source = params.source.endsWith('.') ? params.source : `${params.source}.`;
  return [
    'set -eu',
    `PGDATA="\${PGDATA:-/var/lib/postgresql/data}"`,
    'fork_data() {',
    // A restarted container keeps its volume: a finished copy is kept, a half-made one made again.
    `  if [ -e "$PGDATA/${FORK_DONE}" ]; then echo "fork: data already in place"; return 0; fi`,
    `  echo "fork: copying ${source}"`,
    `  export PGUSER="\${POSTGRES_USER:-postgres}" PGPASSWORD="\${POSTGRES_PASSWORD:-}"`,
    // The baseline drops a new pod's first packets until the policy controller knows the pod's address
    // (the kubelet publishes it up to a second after the sandbox starts): a dropped SYN is resent only
    // after a second, so the first attempts give up after 0.3 s and ask again with a new connection.
    '  attempt=1',
    `  until ask "$([ "$attempt" -le ${QUICK_ATTEMPTS} ] && echo 0.3 || echo 5)"; do attempt=$((attempt + 1)); sleep 0.1; done`,
    `  echo "fork: ${source} answered (attempt $attempt)"`,
    // No mark: whatever is there is a half-made copy of an earlier attempt.
    '  find "$PGDATA" -mindepth 1 -delete',
    `  method=${method}`,
    '  if [ "$method" != logical ]; then',
    // --no-sync: no fsync of every copied file; Postgres syncs the data directory before its recovery.
    `    if pg_basebackup -h ${source} -p ${port} -D "$PGDATA" -X stream --checkpoint=fast --no-sync; then`,
    `      touch "$PGDATA/${FORK_DONE}"`,
    '      chown -R postgres:postgres "$PGDATA"',
    '      chmod 700 "$PGDATA"',
    `      echo "fork: physical copy of ${source} done"`,
    '      return 0',
    '    fi',
    '    if [ "$method" = physical ]; then return 1; fi',
    `    echo "fork: ${source} refused a physical copy: dump and restore instead" >&2`,
    '    find "$PGDATA" -mindepth 1 -delete',
    '  fi',
    // A fresh server made by the image's own entrypoint, then dump | restore. On a socket directory of its
    // own and no TCP: a readiness probe (a TCP check, or `pg_isready` on the usual socket) must not see
    // the half-restored copy as ready.
    '  sockets="$(mktemp -d)"',
    '  chown postgres:postgres "$sockets" 2>/dev/null || true',
    `  docker-entrypoint.sh postgres -c listen_addresses= -c unix_socket_directories="$sockets" &`,
    '  server=$!',
    `  until pg_isready -q -h "$sockets" -p ${port}; do kill -0 "$server"; sleep 0.5; done`,
    `  db="\${POSTGRES_DB:-$PGUSER}"`,
    `  pg_dump -h ${source} -p ${port} -d "$db" --format=custom | pg_restore -h "$sockets" -p ${port} -d "$db" --no-owner --exit-on-error`,
    '  kill -INT "$server"',
    '  wait "$server" || true',
    `  touch "$PGDATA/${FORK_DONE}"`,
    `  echo "fork: logical copy of ${source} done"`,
    '}',
    // One connection attempt, bounded by `timeout` where the image has it.
    'ask() {',
    `  if command -v timeout >/dev/null 2>&1; then timeout "$1" pg_isready -q -h ${source} -p ${port}`,
    `  else pg_isready -q -h ${source} -p ${port}; fi`,
    '}',
    // In a subshell: the client's PGUSER and PGPASSWORD stay out of the server's environment.
    '(fork_data)',
    'exec "$@"',
  ].join('\n');
}

/**
 * A forked copy's container: the fork script runs first in the service's own container, then execs
 * what the container would have run (the image's entrypoint and command, or the blueprint's). Not an
 * init container: the kubelet notices an init container's exit only at its next relist (up to a
 * second), and then starts the server in a second container.
 */
export function withForkedStart(ctx: RenderContext, service: ResolvedService, container: V1Container): void {
  const command = service.command ?? ['docker-entrypoint.sh'];
  const args = service.args ?? (service.command ? [] : ['postgres']);
  container.command = [
    'sh',
    '-c',
    forkScript({
      source: reuseTarget(ctx, service.name),
      port: service.ports[0] ?? 5432,
      method: ctx.config.forkMethod,
    }),
    'fork-data',
    ...command,
    ...args,
  ];
  delete container.args;
  container.securityContext = forkSecurityContext(service);
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
