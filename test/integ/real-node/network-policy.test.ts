import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { V1Pod, V1Service } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { namespaceFor } from '../../../deploy/names.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { binaryPath } from '../../../local/stack/binaries.js';
import { resolveStackConfig, withPortOffset } from '../../../local/stack/config.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { checkNetworkPolicies } from '../../../local/stack/node/network-policies.js';
import { readStackState } from '../../../local/stack/state.js';
import { planBranch } from '../../../planner/branching/plan-branch.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { checkoutDev, firstOk, httpAt, realNodeConfig, resolvedBlueprint } from './support.js';

/**
 * The product's own NetworkPolicies, enforced on the real node by kube-network-policies: a pod of
 * one team's environment cannot open a connection to another team's, while the environment's own
 * services reach each other, its branch reaches the baseline services it reuses, and the gateway
 * (on the host) still reaches the pods.
 */

const run = promisify(execFile);

let kube: KubeClient;
let config: DeployConfig;
let kubectl: string;
let kubeconfigPath: string;
const created: string[] = [];
/** The api URLs (on the gateway) of team payments' environment and of its branch. */
const apiUrl = { baseline: '', branch: '' };

const payments = { owner: 'ana@acme.io', team: 'payments' };
const search = { owner: 'bo@acme.io', team: 'search' };
const teamA = uniqueId('np-pay');
const branchA = uniqueId('np-pay-br');
const teamB = uniqueId('np-search');

/** Team search's environment: one Redis, the smallest thing with a port to knock on. */
async function searchBlueprint(): Promise<ResolvedBlueprint> {
  return resolvedBlueprint({
    source: 'name: search-dev\nservices:\n- name: cache\n  image: redis:7-alpine\n',
    fileName: 'search-dev.yaml',
  });
}

/** A running pod of one service of an environment. */
async function podOf(environmentId: string, service: string): Promise<{ namespace: string; name: string }> {
  const pods = await kube.list<V1Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    labelSelector: `${LABELS.environment}=${environmentId},${LABELS.service}=${service}`,
  });
  const pod = pods.items.find((candidate) => candidate.status?.phase === 'Running');
  if (!pod) throw new Error(`no running pod of ${service} in ${environmentId}`);
  return { namespace: pod.metadata!.namespace!, name: pod.metadata!.name! };
}

/** The ClusterIP of an environment's Service. */
async function clusterIp(environmentId: string, service: string): Promise<string> {
  const svc = await kube.read<V1Service>({
    apiVersion: 'v1',
    kind: 'Service',
    namespace: namespaceFor(environmentId, config.namespacePrefix),
    name: service,
  });
  return svc.spec!.clusterIP!;
}

/**
 * Opens a TCP connection from inside a pod (bash's /dev/tcp: the images are Debian's) with a 2 s
 * timeout; resolves whether it connected, how it failed ("no connection (124)": timed out, i.e. the
 * SYN was dropped) and how long it took.
 */
async function connectFrom(
  pod: { namespace: string; name: string },
  host: string,
  port: number,
): Promise<{ connected: boolean; ms: number; output: string }> {
  const started = Date.now();
  const result = await run(
    kubectl,
    [
      `--kubeconfig=${kubeconfigPath}`,
      'exec',
      '-n',
      pod.namespace,
      pod.name,
      '--',
      'sh',
      '-c',
      `timeout 2 bash -c 'exec 3<>/dev/tcp/${host}/${port}' && echo connected || echo "no connection ($?)"`,
    ],
    { timeout: 30_000 },
  );
  const output = result.stdout.trim();
  return { connected: output === 'connected', ms: Date.now() - started, output };
}

beforeAll(async () => {
  // Fails loudly unless the real node enforces NetworkPolicies.
  const stack = resolveStackConfig();
  const state = await readStackState(stack.stateFile);
  const ports = withPortOffset(stack, state?.portOffset ?? 0).ports;
  await checkNetworkPolicies(ports.networkPolicies).catch((error: unknown) => {
    throw new Error(
      `kube-network-policies does not run on the real node (${String(error)}): run \`node bin/microstax.js stack up --real-nodes\``,
    );
  });
  kube = await stackKube();
  ({ config } = await realNodeConfig());
  kubectl = binaryPath(stack.binDir, 'kubectl');
  kubeconfigPath = (await readStackEndpoints()).kubeconfigPath;

  const baseline = await checkoutDev();
  const branch = await checkoutDev((yaml) => yaml.replace('checkout-api:latest', 'checkout-api:2.0'));
  created.push(teamA, teamB, branchA);
  const [deployedA] = await Promise.all([
    deployEnvironment({ kube, config, environment: { id: teamA, ...payments }, blueprint: baseline }),
    deployEnvironment({
      kube,
      config,
      environment: { id: teamB, ...search },
      blueprint: await searchBlueprint(),
    }),
  ]);
  const deployedBranch = await deployEnvironment({
    kube,
    config,
    environment: { id: branchA, ...payments },
    blueprint: branch,
    plan: planBranch({ baseline, branch }),
    baseline: { environmentId: teamA },
  });
  apiUrl.baseline = deployedA.urls.api![0]!;
  apiUrl.branch = deployedBranch.urls.api![0]!;
}, 600_000);

afterAll(async () => {
  await Promise.all(created.map((id) => teardownEnvironment({ kube, environmentId: id, config })));
}, 300_000);

describe('NetworkPolicy on the real node', () => {
  it("keeps one team's environment out of another team's, both ways", async () => {
    const searchCache = await clusterIp(teamB, 'cache');
    const paymentsCache = await clusterIp(teamA, 'cache');
    // Enforcement is eventually consistent, as with every network plugin: the controller decides once
    // its informers have seen the new pods and policies. Give it 20 s from "ready", then it must hold.
    const started = Date.now();
    let fromPayments = await connectFrom(await podOf(teamA, 'cache'), searchCache, 6379);
    while (fromPayments.connected && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      fromPayments = await connectFrom(await podOf(teamA, 'cache'), searchCache, 6379);
    }
    console.info(
      `cross-team connection refused ${Date.now() - started} ms after the environments were ready`,
    );
    // Dropped: the connection attempt times out (and the probe gives up after 2 s, not minutes).
    expect(fromPayments, 'payments -> search').toMatchObject({ output: 'no connection (124)' });
    expect(fromPayments.ms).toBeLessThan(10_000);
    const fromSearch = await connectFrom(await podOf(teamB, 'cache'), paymentsCache, 6379);
    expect(fromSearch, 'search -> payments').toMatchObject({ output: 'no connection (124)' });
  });

  it("lets the environment's own services reach each other", async () => {
    const db = await clusterIp(teamA, 'db');
    const own = await connectFrom(await podOf(teamA, 'cache'), db, 5432);
    expect(own, own.output).toMatchObject({ connected: true });
  });

  it('lets the branch reach the services it reuses from its baseline, by their name', async () => {
    // `cache` in the branch is an ExternalName Service naming the baseline's cache.
    const fromBranch = await connectFrom(await podOf(branchA, 'db'), 'cache', 6379);
    expect(fromBranch, fromBranch.output).toMatchObject({ connected: true });
  });

  it('serves both through the gateway on the host, the branch api using the reused cache', async () => {
    expect((await firstOk(`${apiUrl.baseline}/products`)).json().version).toBe('1.0');
    expect((await firstOk(`${apiUrl.branch}/products`)).json().version).toBe('2.0');
    expect((await httpAt(`${apiUrl.branch}/`)).json()).toMatchObject({ database: 'ok', cache: 'ok' });
  });
});
