import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeClient } from '../../../deploy/kube-client.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import {
  NODE_POOL_LABELS,
  type NodeLike,
  nodePoolsFromNodes,
  parseNodePoolsFile,
} from '../../../planner/node-pools.js';

/**
 * Node pools read from the real local cluster: the stack creates one simulated node per pool node
 * from local/stack/node-pools.yaml, so deriving pools from the nodes' labels must give that file back.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('node pools from the local cluster', () => {
  it('nodePoolsFromNodes on the live nodes gives back local/stack/node-pools.yaml', async () => {
    const { kubeconfigPath } = await readStackEndpoints();
    const kube = KubeClient.fromKubeconfigFile(kubeconfigPath);
    const nodes = await kube.list<NodeLike & KubernetesObject>({
      apiVersion: 'v1',
      kind: 'Node',
      labelSelector: NODE_POOL_LABELS.pool,
    });
    const file = `${root}local/stack/node-pools.yaml`;
    const parsed = parseNodePoolsFile({ file, text: await readFile(file, 'utf8') });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(nodePoolsFromNodes(nodes.items)).toEqual([...parsed.pools].sort(byName));
  });

  it('microstax plan --placement --pools cluster places the branch on the live pools', async () => {
    const shop = 'test/unit/planner/fixtures/shop';
    const { kubeconfigPath } = await readStackEndpoints();
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          'bin/microstax.js',
          'plan',
          '--baseline',
          `${shop}/baseline.yaml`,
          '--branch',
          `${shop}/branch-api.yaml`,
          '--json',
          '--placement',
          '--pools',
          'cluster',
        ],
        { cwd: root, env: { ...process.env, KUBECONFIG: kubeconfigPath } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { placement } = JSON.parse(run.stdout);
    expect(placement.services.map((s: { service: string }) => s.service)).toEqual([
      'web',
      'api',
      'worker',
      'db',
    ]);
    expect(placement.hourlyCost).toBeGreaterThan(0);
    expect(placement.hourlyCost).toBeLessThanOrEqual(placement.naiveHourlyCost);
  });
});
