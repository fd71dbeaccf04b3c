import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { StackError } from '../errors.js';
import { SIMULATED_NODE_IP, SIMULATED_POD_CIDR } from '../kubernetes/components.js';
import { SERVICE_CLUSTER_IP_RANGE } from '../kubernetes/pki.js';
import { BRIDGE_ADDRESS, POD_BRIDGE, POD_CIDR } from './layout.js';

/**
 * The host side of the pod network: forwarding on, bridged traffic through iptables (so Service
 * NAT applies to pod-to-pod traffic), and the bridge itself made up front, so CoreDNS can bind the
 * bridge address before the first pod exists.
 */

const run = promisify(execFile);

/** The simulated nodes' made-up addresses (kwok). */
const UNREACHABLE = [SIMULATED_POD_CIDR, `${SIMULATED_NODE_IP}/32`];

const SYSCTLS: Record<string, string> = {
  '/proc/sys/net/ipv4/ip_forward': '1',
  '/proc/sys/net/bridge/bridge-nf-call-iptables': '1',
};

/**
 * Whether the pod bridge exists with its address (undefined: no bridge). Asks `ip`:
 * os.networkInterfaces() lists only interfaces with carrier, and the bridge has none while no pod runs.
 */
export async function bridgeHasAddress(): Promise<boolean | undefined> {
  const shown = await run('ip', ['-o', '-4', 'addr', 'show', 'dev', POD_BRIDGE]).then(
    ({ stdout }) => stdout,
    () => undefined,
  );
  if (shown === undefined) return undefined;
  return shown.includes(`${BRIDGE_ADDRESS}/`);
}

/** Makes forwarding and the bridge ready (idempotent). */
export async function ensureHostNetwork(): Promise<void> {
  try {
    for (const [file, value] of Object.entries(SYSCTLS)) await writeFile(file, value);
    const hasAddress = await bridgeHasAddress();
    if (hasAddress === undefined) await run('ip', ['link', 'add', POD_BRIDGE, 'type', 'bridge']);
    if (!hasAddress) {
      await run('ip', ['addr', 'add', `${BRIDGE_ADDRESS}/${POD_CIDR.split('/')[1]}`, 'dev', POD_BRIDGE]);
    }
    await run('ip', ['link', 'set', POD_BRIDGE, 'up']);
    // kube-proxy sends traffic for a simulated pod's Service to its made-up address: answer
    // "unreachable" here instead of routing it off the machine.
    for (const destination of UNREACHABLE) await run('ip', ['route', 'replace', 'unreachable', destination]);
    // Service addresses stay on the bridge: kube-proxy rewrites a programmed ClusterIP to a pod before
    // it leaves, and one it has not programmed yet (a Service a moment old) finds nobody there and
    // fails, where the default route would carry it off the machine to whatever answers there.
    await run('ip', ['route', 'replace', SERVICE_CLUSTER_IP_RANGE, 'dev', POD_BRIDGE, 'src', BRIDGE_ADDRESS]);
  } catch (error) {
    throw new StackError('part-failed', `Could not prepare the pod network: ${String(error)}`, {
      part: 'node',
      fix: 'the real node needs root with CAP_NET_ADMIN (bridges, iptables); run the stack without --real-nodes otherwise',
    });
  }
}

/** Removes the bridge (and with it the routes of the pod network) and the unreachable routes. */
export async function removeHostNetwork(): Promise<void> {
  await run('ip', ['link', 'delete', POD_BRIDGE]).catch(() => undefined);
  for (const destination of UNREACHABLE) {
    await run('ip', ['route', 'delete', 'unreachable', destination]).catch(() => undefined);
  }
}

/** Where containerd's CNI setup pins each pod sandbox's network namespace. */
const NETNS_DIR = '/var/run/netns';

/**
 * Deletes pod network namespaces (and with them their veths and addresses on the bridge) once no
 * container runs on this machine: after a node was stopped or its processes killed (a session
 * ending), they would otherwise hold addresses the next node's IPAM hands out again. Returns how
 * many it deleted, or -1 while containers still run (nothing is deleted then).
 */
export async function removeStaleNetworkNamespaces(): Promise<number> {
  const shims = await run('pgrep', ['-f', 'containerd-shim']).then(
    ({ stdout }) => stdout.trim().split('\n').filter(Boolean).length,
    () => 0,
  );
  if (shims > 0) return -1;
  const names = (await readdir(NETNS_DIR).catch(() => [] as string[])).filter((name) =>
    name.startsWith('cni-'),
  );
  for (const name of names) await run('ip', ['netns', 'delete', name]).catch(() => undefined);
  return names.length;
}
