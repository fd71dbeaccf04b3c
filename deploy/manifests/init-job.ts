import type { V1ConfigMap, V1Container, V1EnvVar, V1Job } from '@kubernetes/client-node';
import { initSegments } from '../../blueprints/init-segments.js';
import type { ResolvedJobStep, ResolvedService, ResolvedSqlStep } from '../../blueprints/resolved.js';
import { ANNOTATIONS, LABELS } from '../labels.js';
import { shortHash } from '../names.js';
import { commonLabels, objectMeta, type RenderContext } from './context.js';
import { podScheduling } from './scheduling.js';
import { renderEnvVar } from './secret.js';
import { containerSecurityContext, podSecurityContext } from './security.js';
import { directServiceName } from './service.js';

/** Which SQL client applies a script: chosen from the service's image. */
export type SqlEngine = 'postgres' | 'mysql';

export function sqlEngineFor(image: string): SqlEngine {
  return /(^|\/)(mysql|mariadb|percona)(:|@|$)/.test(image) ? 'mysql' : 'postgres';
}

const SQL_IMAGE = /(^|\/)(postgres|postgis|timescaledb|mysql|mariadb|percona)[^/]*(:|@|$)/;

/** ConfigMap keys allow [-._a-zA-Z0-9]: "01-seed.sql" for step 1 "db/seed.sql". */
export function scriptKey(index: number, script: string): string {
  const base = script.split('/').pop() ?? script;
  return `${String(index + 1).padStart(2, '0')}-${base.replace(/[^-._a-zA-Z0-9]/g, '_')}`;
}

export function initScriptsConfigMapName(service: string, segment = 0): string {
  return segment === 0 ? `${service}-init-scripts` : `${service}-init-scripts-${segment}`;
}

/** The Job name carries the scripts' hash: a changed script is a new Job, an unchanged one is left alone. */
export function initJobName(service: ResolvedService, runId?: string, segment = 0): string {
  // A sql step hashes as it always did, so existing Jobs keep their names; a later segment (after a
  // snapshot step) adds its number.
  const hash = shortHash(
    service.init
      .map((s) => (s.type === 'sql' ? `${s.sha256}:${s.database ?? ''}` : `${s.type}:${s.sha256}`))
      .join(',') + (segment === 0 ? '' : `#${segment}`),
  );
  // Job names are DNS labels (63): the service part gives way to the hashes.
  if (runId === undefined) return `${service.name.slice(0, 63 - 14)}-init-${hash}`;
  return `${service.name.slice(0, 63 - 21)}-init-${hash}-${shortHash(runId).slice(0, 6)}`;
}

/** Credentials and default database the client takes from the service's own env. */
const ENGINE_ENV: Record<SqlEngine, { user: string[]; password: string[]; database: string[] }> = {
  postgres: { user: ['POSTGRES_USER'], password: ['POSTGRES_PASSWORD'], database: ['POSTGRES_DB'] },
  mysql: {
    user: ['MYSQL_USER'],
    password: ['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD'],
    database: ['MYSQL_DATABASE'],
  },
};

function quoteShell(value: string): string {
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}

/** The shell script the client container runs: wait until the service answers, then apply each script. */
/**
 * How often the client asks whether its service accepts connections: the steps start within this
 * of the server being up (busybox and GNU sleep both take fractions).
 */
export const INIT_POLL_SECONDS = 0.2;

export function initCommand(params: {
  engine: SqlEngine;
  host: string;
  /**
   * The service's direct Service (its pods, ready or not), asked first while waiting: whichever name
   * answers first is the one the scripts run against. The main Service stays the fallback (an
   * environment made before the direct Service existed).
   */
  directHost?: string;
  port: number;
  steps: { key: string; database?: string }[];
  /** Wait until the service answers first (default true). */
  wait?: boolean;
}): string {
  const { engine, port } = params;
  const wait = params.wait ?? true;
  const lines = ['set -eu'];
  const answers = (h: string) =>
    engine === 'postgres'
      ? `pg_isready -q -h ${h} -p ${port}`
      : `mysqladmin ping -h ${h} -P ${port} --silent`;
  let host = params.host;
  if (wait && params.directHost) {
    lines.push(
      'host=""',
      `until for h in ${params.directHost} ${params.host}; do if ${answers('"$h"')}; then host="$h"; break; fi; done; [ -n "$host" ]; do sleep ${INIT_POLL_SECONDS}; done`,
    );
    host = '"$host"';
  } else if (wait) {
    lines.push(`until ${answers(host)}; do sleep ${INIT_POLL_SECONDS}; done`);
  }
  if (engine === 'postgres') {
    for (const step of params.steps) {
      const db = step.database ? quoteShell(step.database) : `"\${DB_NAME:-postgres}"`;
      lines.push(
        `psql -v ON_ERROR_STOP=1 -h ${host} -p ${port} -U "\${DB_USER:-postgres}" -d ${db} -f /scripts/${step.key}`,
      );
    }
  } else {
    for (const step of params.steps) {
      const db = step.database ? quoteShell(step.database) : `"\${DB_NAME:-}"`;
      lines.push(`mysql -h ${host} -P ${port} -u "\${DB_USER:-root}" ${db} < /scripts/${step.key}`);
    }
  }
  return lines.join('\n');
}

/**
 * A `type: sql` init step: the scripts in a ConfigMap, and a Job whose client container waits for
 * the service, then applies them in order. Credentials come from the service's own env, through
 * the same Secret references (never inline).
 */
export function renderInitJob(
  ctx: RenderContext,
  service: ResolvedService,
  /** For a re-run (seeding again): a new Job beside the first, named after this id. */
  runId?: string,
  /** Which part of the steps (initSegments): 0, the steps before the first snapshot step. */
  segment = 0,
): { configMap: V1ConfigMap; job: V1Job } | undefined {
  const steps = initSegments(service.init)[segment]?.steps ?? [];
  if (steps.length === 0) return undefined;
  const engine = sqlEngineFor(service.image);
  const port = service.ports[0] ?? (engine === 'postgres' ? 5432 : 3306);
  const sqlSteps = steps.flatMap(({ step, index }) =>
    step.type === 'sql' ? [{ key: scriptKey(index, step.script), database: step.database, step, index }] : [],
  );

  const configMap: V1ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(ctx, {
      name: initScriptsConfigMapName(service.name, segment),
      role: 'init',
      service: service.name,
    }),
    data: Object.fromEntries(sqlSteps.map(({ key, step }) => [key, step.content])),
  };

  const env: V1EnvVar[] = [];
  const wanted = ENGINE_ENV[engine];
  const pick = (names: string[], as: string) => {
    const found = names.map((n) => service.env.find((v) => v.name === n)).find((v) => v !== undefined);
    if (found) env.push({ ...renderEnvVar(ctx, service.name, found), name: as });
  };
  pick(wanted.user, 'DB_USER');
  pick(wanted.database, 'DB_NAME');
  pick(wanted.password, engine === 'postgres' ? 'PGPASSWORD' : 'MYSQL_PWD');
  const sqlContainer = (
    name: string,
    steps: typeof sqlSteps,
    wait: boolean,
    directHost?: string,
  ): V1Container => ({
    name,
    image: ctx.config.sqlClientImages[engine],
    command: ['sh', '-c', initCommand({ engine, host: service.name, directHost, port, steps, wait })],
    env,
    volumeMounts: [{ name: 'scripts', mountPath: '/scripts', readOnly: true }],
    // The SQL client needs no capability, whatever the service's image needs.
    securityContext: containerSecurityContext(),
  });

  // Only sql steps: one client container applies them all (the layout Jobs have always had). With a
  // job step: one container per step, in order (init containers, the last step as the main one).
  let containers: V1Container[];
  let initContainers: V1Container[] | undefined;
  if (sqlSteps.length === steps.length && segment === 0) {
    // One client waits and runs every script: it may use whichever name answered first.
    containers = [sqlContainer('sql', sqlSteps, true, directServiceName(ctx, service))];
  } else {
    const perStep = steps.map(({ step, index }) =>
      step.type === 'sql'
        ? sqlContainer(
            initStepContainerName(index, step),
            sqlSteps.filter((s) => s.index === index),
            false,
          )
        : jobStepContainer(ctx, service, step, index),
    );
    // Wait for a SQL service to answer first; other services' steps wait in their own way.
    const wait = SQL_IMAGE.test(service.image) ? [sqlContainer('wait', [], true)] : [];
    initContainers = [...wait, ...perStep.slice(0, -1)];
    containers = perStep.slice(-1);
  }

  const name = initJobName(service, runId, segment);
  const meta = objectMeta(ctx, {
    name,
    role: 'init',
    service: service.name,
    annotations: { [ANNOTATIONS.scriptSha256]: service.init.map((s) => s.sha256).join(',') },
  });
  const job: V1Job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta,
    spec: {
      // One retry covers a connection that dropped; a broken script fails the same way twice.
      backoffLimit: 1,
      activeDeadlineSeconds: ctx.config.initJobDeadlineSeconds,
      template: {
        // Not the service's selector labels: the Service must not send traffic to the client pod.
        metadata: {
          labels: {
            ...commonLabels(ctx),
            [LABELS.role]: 'init',
            [LABELS.service]: service.name,
            [LABELS.component]: 'init',
            [LABELS.name]: `${service.name}-init`,
          },
        },
        spec: {
          restartPolicy: 'Never',
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext(),
          ...(initContainers ? { initContainers } : {}),
          containers,
          volumes: [{ name: 'scripts', configMap: { name: configMap.metadata!.name! } }],
        },
      },
    },
  };
  Object.assign(job.spec!.template.spec!, podScheduling(ctx, service.name));
  return { configMap, job };
}

/**
 * The container of init step `index` (0-based): "step-<n>-sql" or "step-<n>-<name>", so a failure
 * names its step. At most 63 characters (a DNS label): step names are at most 40.
 */
export function initStepContainerName(index: number, step: ResolvedSqlStep | ResolvedJobStep): string {
  return `step-${index + 1}-${step.type === 'sql' ? 'sql' : step.name}`;
}

/** A `type: job` step: its image and command, with the service's env (secrets by reference) and its own. */
function jobStepContainer(
  ctx: RenderContext,
  service: ResolvedService,
  step: ResolvedJobStep,
  index: number,
): V1Container {
  const own = new Set(step.env.map((v) => v.name));
  const env: V1EnvVar[] = [
    ...service.env.filter((v) => !own.has(v.name)).map((v) => renderEnvVar(ctx, service.name, v)),
    ...step.env.map((v) => ({ name: v.name, value: v.value })),
  ];
  return {
    name: initStepContainerName(index, step),
    image: step.image,
    ...(step.command ? { command: step.command } : {}),
    ...(step.args ? { args: step.args } : {}),
    ...(env.length > 0 ? { env } : {}),
    // A job step gets no capability: it is the app's code, not the data image's entrypoint.
    securityContext: containerSecurityContext(),
  };
}
