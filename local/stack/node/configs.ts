import { stringify } from 'yaml';
import type { StackPorts } from '../config.js';
import {
  BRIDGE_ADDRESS,
  CLUSTER_DNS_ADDRESS,
  NODE_TIER_KEY,
  type NodeLayout,
  POD_BRIDGE,
  POD_CIDR,
  REAL_NODE_NAME,
  REAL_NODE_TIER,
} from './layout.js';

/** Config files of the kubelet, kube-proxy, CoreDNS and the CNI network (pure renderers). */

/** The CNI network's name: the bridge plugin writes it into the comment of every rule it makes. */
export const CNI_NETWORK_NAME = 'microstax';

/** The CNI network: one bridge, host-local addresses, masquerade for traffic leaving the pod CIDR. */
export function renderCniConfig(layout: NodeLayout): string {
  return `${JSON.stringify(
    {
      cniVersion: '0.4.0',
      name: CNI_NETWORK_NAME,
      plugins: [
        {
          type: 'bridge',
          bridge: POD_BRIDGE,
          isGateway: true,
          ipMasq: true,
          // A pod reaching itself through its own Service comes back over the same bridge port.
          hairpinMode: true,
          ipam: {
            type: 'host-local',
            dataDir: layout.cniDataDir,
            ranges: [[{ subnet: POD_CIDR, gateway: BRIDGE_ADDRESS }]],
            routes: [{ dst: '0.0.0.0/0' }],
          },
        },
        { type: 'portmap', capabilities: { portMappings: true } },
        { type: 'loopback' },
      ],
    },
    null,
    2,
  )}\n`;
}

/** The kubelet's KubeletConfiguration. */
export function renderKubeletConfig(params: {
  layout: NodeLayout;
  ports: StackPorts;
  caFile: string;
}): string {
  const { layout, ports } = params;
  return stringify({
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    // The API server reaches the kubelet (logs, exec) on the node address, with its client certificate.
    address: BRIDGE_ADDRESS,
    port: ports.kubelet,
    readOnlyPort: 0,
    healthzBindAddress: '127.0.0.1',
    healthzPort: ports.kubeletHealthz,
    authentication: {
      anonymous: { enabled: false },
      webhook: { enabled: true },
      x509: { clientCAFile: params.caFile },
    },
    authorization: { mode: 'Webhook' },
    containerRuntimeEndpoint: `unix://${layout.containerdSocket}`,
    cgroupDriver: 'cgroupfs',
    // This machine has cgroup v1 (hybrid) and swap may be on; both are fine for development.
    failCgroupV1: false,
    failSwapOn: false,
    clusterDNS: [CLUSTER_DNS_ADDRESS],
    clusterDomain: 'cluster.local',
    resolvConf: layout.kubeletResolvConf,
    registerWithTaints: [{ key: NODE_TIER_KEY, value: REAL_NODE_TIER, effect: 'NoSchedule' }],
    serializeImagePulls: false,
    // The disk is shared with everything else on the machine: never evict or collect images for it.
    evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '1%', 'imagefs.available': '1%' },
    imageGCHighThresholdPercent: 100,
    localStorageCapacityIsolation: false,
    maxPods: 110,
  });
}

/** The node's name, labels and address on the kubelet command line (no flag exists in the config). */
export function kubeletArgs(params: {
  layout: NodeLayout;
  configFile: string;
  kubeconfig: string;
}): string[] {
  return [
    `--config=${params.configFile}`,
    `--kubeconfig=${params.kubeconfig}`,
    `--root-dir=${params.layout.kubeletRoot}`,
    `--hostname-override=${REAL_NODE_NAME}`,
    `--node-ip=${BRIDGE_ADDRESS}`,
    `--node-labels=${NODE_TIER_KEY}=${REAL_NODE_TIER}`,
    '--v=1',
  ];
}

/** kube-proxy's KubeProxyConfiguration: iptables mode, so Service IPs answer from the host too. */
export function renderKubeProxyConfig(params: { kubeconfig: string; ports: StackPorts }): string {
  return stringify({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    clientConnection: { kubeconfig: params.kubeconfig },
    mode: 'iptables',
    clusterCIDR: POD_CIDR,
    hostnameOverride: REAL_NODE_NAME,
    bindAddress: '127.0.0.1',
    healthzBindAddress: `127.0.0.1:${params.ports.kubeProxyHealthz}`,
    metricsBindAddress: `127.0.0.1:${params.ports.kubeProxyMetrics}`,
    nodePortAddresses: [`${BRIDGE_ADDRESS}/32`],
    // Pod-to-Service traffic that DNATs back onto the same bridge needs its source rewritten, or
    // the reply would bypass the host and never be un-NATed.
    // A change is programmed at most 0.1 s after the last sync (kube-proxy's default waits up to 1 s):
    // a woken environment's Services get new endpoints one after another, and its pods call each other
    // through these rules the moment they are ready. Partial syncs of this small node take ~40 ms.
    iptables: { masqueradeAll: true, minSyncPeriod: '100ms' },
    // Leave the machine's conntrack table size alone (setting it needs privileges we lack).
    conntrack: { maxPerCore: 0 },
  });
}

/**
 * CoreDNS on the host, bound to the bridge address: Service and pod names of the cluster resolve;
 * anything else is NXDOMAIN at once (there is no network beyond the machine to forward to).
 */
export function renderCorefile(params: { kubeconfig: string; ports: StackPorts }): string {
  return `cluster.local:53 in-addr.arpa:53 ip6.arpa:53 {
    bind ${CLUSTER_DNS_ADDRESS}
    errors
    health 127.0.0.1:${params.ports.corednsHealth}
    ready 127.0.0.1:${params.ports.corednsReady}
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        kubeconfig ${params.kubeconfig}
        pods insecure
        fallthrough in-addr.arpa ip6.arpa
    }
    cache 5
}
.:53 {
    bind ${CLUSTER_DNS_ADDRESS}
    errors
    template ANY ANY {
        rcode NXDOMAIN
    }
}
`;
}
