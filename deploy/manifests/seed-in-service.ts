import type { V1ConfigMap, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import type { ResolvedService, ResolvedSqlStep } from '../../blueprints/resolved.js';
import { objectMeta, type RenderContext } from './context.js';
import { forksData, isPostgresImage } from './data-fork.js';
import { scriptKey } from './init-job.js';

/**
 * A Postgres data service's `type: sql` seed run by the service's own entrypoint, from
 * /docker-entrypoint-initdb.d, instead of by an init Job: no client pod to start, no wait for the
 * server's address, no Job bookkeeping. The official image and the dev image both run those scripts
 * once, at the first start of an empty data directory, before the server listens on TCP, so the
 * service's readiness means the seed ran. A wake or restart with data, and a branch's forked copy
 * (its data directory is filled before the entrypoint looks), do not run it again: as with the Job.
 */

/**
 * Where the scripts go: after an image's own numbered scripts, before the replication script (zz-).
 * Always ending in .sql: the entrypoint skips any other name (a `db/seed.psql` would seed nothing),
 * and a sql step's content is SQL whatever its file is called.
 */
export function initdbScriptName(index: number, step: ResolvedSqlStep): string {
  const key = `microstax-${scriptKey(index, step.script)}`;
  return key.endsWith('.sql') ? key : `${key}.sql`;
}

/**
 * Whether the seed runs in the service's container: a live workload's own shape says so, or, for a new
 * workload, the setting (`service` by default; live-seed-shapes.ts says why a live one keeps its shape),
 * and the entrypoint runs the steps exactly as the Job would. Only sql steps (a job or snapshot step needs its own order),
 * against the database the Job would use (POSTGRES_DB, which the entrypoint uses, or `postgres`
 * when neither it nor POSTGRES_USER is set), with the image's own entrypoint (no `command`).
 */
export function seedsInService(ctx: RenderContext, service: ResolvedService): boolean {
  if ((ctx.liveSeedShapes.get(service.name) ?? ctx.config.initSql) !== 'service') return false;
  if (!service.isDataService || !isPostgresImage(service.image) || service.command) return false;
  if (service.init.length === 0 || forksData(ctx, service)) return false;
  const has = (name: string) => service.env.some((v) => v.name === name);
  const entrypointDbIsJobDb = has('POSTGRES_DB') || !has('POSTGRES_USER');
  return (
    entrypointDbIsJobDb && service.init.every((step) => step.type === 'sql' && step.database === undefined)
  );
}

/** Not the init Job's ConfigMap: a re-seed (a Job again) applies that one with other keys. */
export function seedConfigMapName(service: string): string {
  return `${service}-initdb-scripts`;
}

/** The sql steps' scripts, keyed by their initdb.d names. */
export function renderSeedConfigMap(ctx: RenderContext, service: ResolvedService): V1ConfigMap {
  const data: Record<string, string> = {};
  service.init.forEach((step, index) => {
    if (step.type === 'sql') data[initdbScriptName(index, step)] = step.content;
  });
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(ctx, {
      name: seedConfigMapName(service.name),
      role: 'init',
      service: service.name,
    }),
    data,
  };
}

/** The volume and one mount per script into /docker-entrypoint-initdb.d (subPath: the image's own stay). */
export function seedScriptMounts(service: ResolvedService): { volume: V1Volume; mounts: V1VolumeMount[] } {
  const volume: V1Volume = {
    name: 'microstax-seed',
    configMap: { name: seedConfigMapName(service.name) },
  };
  const mounts = service.init.flatMap((step, index) => {
    if (step.type !== 'sql') return [];
    const key = initdbScriptName(index, step);
    return [
      {
        name: 'microstax-seed',
        mountPath: `/docker-entrypoint-initdb.d/${key}`,
        subPath: key,
        readOnly: true,
      },
    ];
  });
  return { volume, mounts };
}
