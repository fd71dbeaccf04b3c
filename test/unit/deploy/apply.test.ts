import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { applyObjects } from '../../../deploy/apply.js';
import { deployConfig } from '../../../deploy/config.js';
import { KubeApiError, ServicesFailedError } from '../../../deploy/errors.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { renderEnvironment } from '../../../deploy/manifests/render.js';
import { checkoutDev } from './fixtures.js';

/** A stand-in for the API server's apply: records the order, and refuses what `refuse` says. */
function recordingKube(refuse?: (o: KubernetesObject) => KubeApiError | undefined) {
  const applied: string[] = [];
  const kube = {
    apply: async (o: KubernetesObject) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      const error = refuse?.(o);
      if (error) throw error;
      applied.push(`${o.kind}/${o.metadata?.name}`);
      return o;
    },
    // No Job exists yet.
    readOrNull: async () => null,
  } as unknown as KubeClient;
  return { kube, applied };
}

const rendered = (initSql: 'service' | 'job') =>
  renderEnvironment({
    environment: { id: 'e1' },
    blueprint: checkoutDev(),
    config: deployConfig({ initSql }),
    volumeProvisioning: 'static',
  }).objects;
const objects = rendered('service');

describe('applyObjects', () => {
  it.each([
    ['the seed in the service', 'service'],
    ['a seed Job', 'job'],
  ] as const)(
    'applies in waves: namespace, guard rails, config and services, then workloads (%s)',
    async (_, initSql) => {
      const objects = rendered(initSql);
      const { kube, applied } = recordingKube();
      await applyObjects({ kube, environmentId: 'e1', objects, concurrency: 4 });
      expect(applied).toHaveLength(objects.length);
      const at = (prefix: string) => applied.findIndex((a) => a.startsWith(prefix));
      expect(at('Namespace/')).toBe(0);
      const lastGuardRail = Math.max(at('ResourceQuota/'), at('LimitRange/'), at('NetworkPolicy/'));
      for (const kind of ['Secret/', 'ConfigMap/', 'Service/', 'PersistentVolume/', 'PersistentVolumeClaim/'])
        expect(at(kind)).toBeGreaterThan(lastGuardRail);
      const workloads = ['Deployment/', 'StatefulSet/', ...(initSql === 'job' ? ['Job/'] : [])];
      const firstWorkload = Math.min(...workloads.map(at));
      expect(firstWorkload).toBeGreaterThan(0);
      for (const kind of ['Secret/', 'ConfigMap/', 'PersistentVolume/', 'PersistentVolumeClaim/'])
        expect(at(kind)).toBeLessThan(firstWorkload);
    },
  );

  it('turns a quota refusal into a typed failure naming the service', async () => {
    const { kube } = recordingKube((o) =>
      o.kind === 'Service' && o.metadata?.name === 'cache'
        ? new KubeApiError(
            {
              statusCode: 403,
              reason: 'Forbidden',
              apiMessage:
                'services "cache" is forbidden: exceeded quota: microstax-quota, requested: services=1',
              operation: 'apply',
            },
            false,
          )
        : undefined,
    );
    const error = await applyObjects({ kube, environmentId: 'e1', objects }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServicesFailedError);
    expect((error as ServicesFailedError).params.failures).toEqual([
      expect.objectContaining({ service: 'cache', cause: 'quota-exceeded', object: 'Service/cache' }),
    ]);
  });

  it('passes other API errors through unchanged', async () => {
    const invalid = new KubeApiError(
      { statusCode: 422, reason: 'Invalid', apiMessage: 'bad', operation: 'apply' },
      false,
    );
    const { kube } = recordingKube((o) => (o.kind === 'Ingress' ? invalid : undefined));
    await expect(applyObjects({ kube, environmentId: 'e1', objects })).rejects.toBe(invalid);
  });
});
