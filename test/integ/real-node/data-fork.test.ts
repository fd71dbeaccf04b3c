import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { planBranch } from '../../../planner/branching/plan-branch.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { checkoutDev, firstOk, httpAt, realNodeConfig } from './support.js';

/**
 * Data forking on the real node: a branch that forks `db` starts from the baseline's data at branch
 * time (a physical copy over the replication protocol), sees rows the baseline got after its seed,
 * writes without the baseline seeing it, and the baseline answers every request during the copy.
 */

let kube: KubeClient;
let config: DeployConfig;
let baseline: ResolvedBlueprint;
const created: string[] = [];
const owner = { owner: 'ana@acme.io', team: 'payments' };
// The first test's baseline and the cart it got after its seed, for the second.
let baseId: string;
let cartId: number;

beforeAll(async () => {
  kube = await stackKube();
  ({ config } = await realNodeConfig());
  baseline = await checkoutDev();
}, 60_000);

afterAll(async () => {
  await Promise.all(created.map((id) => teardownEnvironment({ kube, environmentId: id, config })));
}, 300_000);

describe('a branch forks its baseline data', () => {
  it('sees rows added after the seed, keeps its writes to itself, and the baseline serves throughout', async () => {
    baseId = uniqueId('rn-fork-base');
    created.push(baseId);
    const base = await deployEnvironment({
      kube,
      environment: { id: baseId, ...owner },
      blueprint: baseline,
      config,
    });
    const baseUrl = base.urls.api![0]!;
    await firstOk(`${baseUrl}/products`);
    const cart = await httpAt(`${baseUrl}/carts`, { method: 'POST', body: { customer: 'qa@example.com' } });
    expect(cart.status).toBe(201);
    cartId = cart.json().cart.id;

    // A request loop on the baseline for the whole fork.
    let requests = 0;
    const failures: string[] = [];
    let looping = true;
    const loop = (async () => {
      while (looping) {
        const answer = await httpAt(`${baseUrl}/products`).catch((e: Error) => ({
          status: 0,
          body: e.message,
        }));
        requests++;
        if (answer.status !== 200) failures.push(`${answer.status} ${answer.body.slice(0, 100)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const branchBlueprint = await checkoutDev((yaml) =>
      yaml.replace('checkout-api:latest', 'checkout-api:2.0'),
    );
    const branchId = uniqueId('rn-fork-branch');
    created.push(branchId);
    const plan = planBranch({ baseline, branch: branchBlueprint });
    expect(plan.services.find((s) => s.name === 'db')?.action).toBe('fork');
    let branch: Awaited<ReturnType<typeof deployEnvironment>>;
    try {
      branch = await deployEnvironment({
        kube,
        environment: { id: branchId, baselineId: baseId, ...owner },
        blueprint: branchBlueprint,
        plan,
        baseline: { environmentId: baseId },
        config,
      });
    } finally {
      looping = false;
      await loop;
    }
    expect(requests).toBeGreaterThan(5);
    expect(failures).toEqual([]);

    const branchUrl = branch.urls.api![0]!;
    const seen = await firstOk(`${branchUrl}/carts/${cartId}`);
    expect(seen.json().cart).toMatchObject({ id: cartId, customer: 'qa@example.com' });
    expect((await httpAt(`${branchUrl}/products`)).json().version).toBe('2.0');

    // The copy was physical, and the branch's writes stay in the branch.
    const pods = await kube.list<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: `msx-${branchId}`,
      labelSelector: `${LABELS.name}=db`,
    });
    const log = await kube.core.readNamespacedPodLog({
      name: pods.items[0]!.metadata!.name!,
      namespace: `msx-${branchId}`,
      container: 'db',
    });
    expect(String(log)).toContain('fork: physical copy');
    const own = await httpAt(`${branchUrl}/carts`, {
      method: 'POST',
      body: { customer: 'branch@example.com' },
    });
    expect(own.status).toBe(201);
    const ownId = own.json().cart.id;
    expect((await httpAt(`${branchUrl}/carts/${ownId}`)).status).toBe(200);
    expect((await httpAt(`${baseUrl}/carts/${ownId}`)).status).toBe(404);
  }, 600_000);

  it('falls back to dump and restore (forkMethod logical): the copy has the same rows', async () => {
    const branchBlueprint = await checkoutDev((yaml) =>
      yaml.replace('checkout-api:latest', 'checkout-api:2.0'),
    );
    const branchId = uniqueId('rn-fork-logical');
    created.push(branchId);
    const branch = await deployEnvironment({
      kube,
      environment: { id: branchId, baselineId: baseId, ...owner },
      blueprint: branchBlueprint,
      plan: planBranch({ baseline, branch: branchBlueprint }),
      baseline: { environmentId: baseId },
      config: { ...config, forkMethod: 'logical' },
    });
    const seen = await firstOk(`${branch.urls.api![0]}/carts/${cartId}`);
    expect(seen.json().cart).toMatchObject({ id: cartId, customer: 'qa@example.com' });
  }, 600_000);
});
