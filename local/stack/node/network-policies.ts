import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLIENT_IDENTITIES } from '../kubernetes/pki.js';
import { httpGet } from '../probes.js';
import { ensureClusterAccess } from './cluster-access.js';
import { POD_CIDR, REAL_NODE_NAME } from './layout.js';

/**
 * NetworkPolicy enforcement on the real node: SIG Network's kube-network-policies runs on the host;
 * the first packet of each new connection from or to a pod goes through an nfqueue (iptables chain
 * `MSX-NETPOL` in mangle POSTROUTING: this kernel lacks nftables' queue expression) and the
 * controller drops what the NetworkPolicies do not allow. Without it the bridge forwards everything.
 */

const run = promisify(execFile);

/** Grants the controller's client identity its read access (policies, pods, namespaces) and its events. */
export async function ensureNetworkPolicyAccess(adminKubeconfig: string): Promise<void> {
  await ensureClusterAccess({
    adminKubeconfig,
    name: 'microstax:kube-network-policies',
    rules: [
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] },
    ],
    user: CLIENT_IDENTITIES['kube-network-policies'].commonName,
  });
}

/** The controller's command line: the real node's pods, its own kubeconfig, health on localhost. */
export function networkPolicyArgs(params: { kubeconfig: string; port: number }): string[] {
  return [
    `--kubeconfig=${params.kubeconfig}`,
    `--hostname-override=${REAL_NODE_NAME}`,
    `--pod-cidr=${POD_CIDR}`,
    `--health-bind-address=127.0.0.1:${params.port}`,
    '--v=1',
  ];
}

/** Throws unless the controller has synced its informers (it answers 503 until then). */
export async function checkNetworkPolicies(port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/healthz`;
  const response = await httpGet(url, { timeoutMs: 3000 });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${response.body.trim()}`);
}

/**
 * Removes the steering chain (and the controller's nftables table, where a kernel has one). The
 * controller removes them itself on SIGTERM; this covers a killed one, whose rules would otherwise
 * outlive it.
 */
export async function removeNetworkPolicyRules(binary: string): Promise<void> {
  await run(binary, ['--cleanup'], { timeout: 30_000 });
}
