import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { StackError } from '../errors.js';
import { SIMULATED_NODE_IP, SIMULATED_POD_CIDR } from '../kubernetes/components.js';
import { KUBERNETES_SERVICE_IP, SERVICE_CLUSTER_IP_RANGE } from '../kubernetes/pki.js';
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

/** The nat chain that lets pods reach the stack's own servers, which listen on loopback only. */
export const HOST_SERVICES_CHAIN = 'MSX-HOST-SERVICES';

/** The loopback servers pods reach through the bridge, by the stack's ports. */
export interface HostServicePorts {
  kubeApiserver: number;
  postgres: number;
  temporal: number;
  objectStore: number;
}

/**
 * The rules of HOST_SERVICES_CHAIN (iptables arguments after `-t nat -A <chain>`): traffic from pods
 * to the `kubernetes` Service (10.96.0.1:443, which kube-proxy cannot serve: its endpoint would be
 * loopback) goes to the API server, and traffic to the bridge address on the Postgres and Temporal
 * (and object store) ports goes to those servers, so MicroStax itself can run in the cluster against the stack's
 * Postgres and Temporal as external endpoints, the way a platform team's install would.
 */
export function hostServiceRules(ports: HostServicePorts): string[][] {
  const dnat = (destination: string, port: number, to: number) => [
    '-d',
    `${destination}/32`,
    '-p',
    'tcp',
    '--dport',
    String(port),
    '-j',
    'DNAT',
    '--to-destination',
    `127.0.0.1:${to}`,
  ];
  return [
    dnat(KUBERNETES_SERVICE_IP, 443, ports.kubeApiserver),
    dnat(BRIDGE_ADDRESS, ports.postgres, ports.postgres),
    dnat(BRIDGE_ADDRESS, ports.temporal, ports.temporal),
    dnat(BRIDGE_ADDRESS, ports.objectStore, ports.objectStore),
  ];
}

const iptablesNat = (...args: string[]) => run('iptables', ['-w', '-t', 'nat', ...args]);

/** Programs HOST_SERVICES_CHAIN afresh and jumps to it first for traffic from the bridge (idempotent). */
async function ensureHostServices(ports: HostServicePorts): Promise<void> {
  // Loopback destinations are dropped as martians on other interfaces unless this is on.
  await writeFile(`/proc/sys/net/ipv4/conf/${POD_BRIDGE}/route_localnet`, '1');
  await iptablesNat('-N', HOST_SERVICES_CHAIN).catch(() => undefined);
  await iptablesNat('-F', HOST_SERVICES_CHAIN);
  for (const rule of hostServiceRules(ports)) await iptablesNat('-A', HOST_SERVICES_CHAIN, ...rule);
  const jump = ['PREROUTING', '-i', POD_BRIDGE, '-j', HOST_SERVICES_CHAIN];
  // Before kube-proxy's KUBE-SERVICES: it would answer the endpoint-less `kubernetes` Service.
  await iptablesNat('-C', ...jump).catch(() => iptablesNat('-I', jump[0]!, '1', ...jump.slice(1)));
}

async function removeHostServices(): Promise<void> {
  await iptablesNat('-D', 'PREROUTING', '-i', POD_BRIDGE, '-j', HOST_SERVICES_CHAIN).catch(() => undefined);
  await iptablesNat('-F', HOST_SERVICES_CHAIN).catch(() => undefined);
  await iptablesNat('-X', HOST_SERVICES_CHAIN).catch(() => undefined);
}

/** Makes forwarding, the bridge and the pods' way to the stack's servers ready (idempotent). */
export async function ensureHostNetwork(ports: HostServicePorts): Promise<void> {
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
    await ensureHostServices(ports);
  } catch (error) {
    throw new StackError('part-failed', `Could not prepare the pod network: ${String(error)}`, {
      part: 'node',
      fix: 'the real node needs root with CAP_NET_ADMIN (bridges, iptables); run the stack without --real-nodes otherwise',
    });
  }
}

/** Removes the bridge (and with it the routes of the pod network), the unreachable routes and our nat chain. */
export async function removeHostNetwork(): Promise<void> {
  await removeHostServices();
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
