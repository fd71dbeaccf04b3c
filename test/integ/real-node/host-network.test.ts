import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import type { V1Pod } from '@kubernetes/client-node';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { SERVICE_CLUSTER_IP_RANGE } from '../../../local/stack/kubernetes/pki.js';
import {
  BRIDGE_ADDRESS,
  NODE_TIER_KEY,
  POD_BRIDGE,
  REAL_NODE_TIER,
} from '../../../local/stack/node/layout.js';
import { until } from '../../support/until.js';
import { stackKube } from '../deploy/helpers.js';
import { realNodeConfig } from './support.js';

const run = promisify(execFile);

/** Connects to address:port; resolves how it ended within `ms`. */
const tryConnect = (address: string, port: number, ms: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host: address, port });
    const done = (how: string) => {
      socket.destroy();
      resolve(how);
    };
    socket.setTimeout(ms, () => done('timeout'));
    socket.once('connect', () => done('connected'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });

describe('the host side of the pod network', () => {
  it('keeps Service addresses on the bridge: one no Service holds is answered by nobody', async () => {
    await realNodeConfig(); // fails loudly without the real node
    // The last address of the range: the API server hands addresses out from the start.
    const unused = SERVICE_CLUSTER_IP_RANGE.replace(/\.0\.0\/16$/, '.255.254');
    const { stdout } = await run('ip', ['route', 'get', unused]);
    expect(stdout).toContain(`dev ${POD_BRIDGE}`);
    // Off the machine, something answered such addresses (once a pg_dump to a Service kube-proxy had
    // not programmed yet got an HTTP reply); on the bridge nobody does.
    expect(await tryConnect(unused, 80, 5000)).not.toBe('connected');
  });

  it("lets pods reach the stack's Postgres through the bridge with a password only", async () => {
    const endpoints = await readStackEndpoints();
    const kube = await stackKube();
    const port = new URL(endpoints.databaseUrl).port;
    const role = `pod_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const namespace = `host-services-${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: endpoints.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    /** Runs psql in a pod on the real node; resolves its exit code and output. */
    const psqlInPod = async (name: string, url: string) => {
      await kube.apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace },
        spec: {
          restartPolicy: 'Never',
          nodeSelector: { [NODE_TIER_KEY]: REAL_NODE_TIER },
          tolerations: [
            { key: NODE_TIER_KEY, operator: 'Equal', value: REAL_NODE_TIER, effect: 'NoSchedule' },
          ],
          containers: [
            { name: 'psql', image: 'postgres:16-alpine', command: ['psql', url, '-tAc', 'select 1'] },
          ],
        },
      });
      const pod = await until(
        `pod ${name} finished`,
        () => kube.read<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace, name }),
        (p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed',
        { timeoutMs: 120_000 },
      );
      const log = await kube.core.readNamespacedPodLog({ name, namespace });
      return { code: pod.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, log: String(log) };
    };
    try {
      const withPassword = await psqlInPod(
        'with-password',
        `postgresql://${role}:${password}@${BRIDGE_ADDRESS}:${port}/postgres`,
      );
      expect(withPassword, withPassword.log).toMatchObject({ code: 0 });
      // The stack's own role is trusted on loopback only: from a pod it has no way in.
      const stackRole = await psqlInPod(
        'stack-role',
        `postgresql://microstax@${BRIDGE_ADDRESS}:${port}/microstax`,
      );
      expect(stackRole.code).not.toBe(0);
      expect(stackRole.log).toMatch(/password/);
    } finally {
      await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  }, 300_000);
});
