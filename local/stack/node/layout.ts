import { createHash } from 'node:crypto';
import path from 'node:path';
import { NODE_TIER_LABEL } from '../../../deploy/labels.js';
import type { StackConfig } from '../config.js';

/**
 * Names, addresses and files of the real node tier (`stack up --real-nodes`): one node that really
 * runs containers, beside the simulated ones. The network is machine-wide (a bridge, iptables
 * rules, DNS on the bridge address), so one stack per machine can run it.
 */

export const REAL_NODE_NAME = 'msx-node-1';

/**
 * Label and NoSchedule taint of the real node. Simulated-cluster workloads never land on it by
 * accident; environments meant for it select the label and tolerate the taint (deploy config
 * `nodeTier: real`).
 */
export const NODE_TIER_KEY = NODE_TIER_LABEL;
export const REAL_NODE_TIER = 'real';

/**
 * The StorageClass of the real node's volumes: host directories that the controller manager's
 * host-path provisioner creates on claim and deletes when the claim goes (reclaim policy Delete).
 */
export const REAL_NODE_STORAGE_CLASS = 'microstax-local';

/** The pod network: a Linux bridge with the node's address as every pod's gateway. */
export const POD_BRIDGE = 'msx0';
export const POD_CIDR = '10.88.0.0/16';
export const BRIDGE_ADDRESS = '10.88.0.1';
/** Cluster DNS (CoreDNS on the host) listens on the bridge address, which every pod routes to. */
export const CLUSTER_DNS_ADDRESS = BRIDGE_ADDRESS;

/** The node's files: containerd's images and containers, kubelet's pods, CNI state, configs. */
export interface NodeLayout {
  dir: string;
  containerdConfig: string;
  containerdRoot: string;
  containerdState: string;
  /** Kept short and outside the state dir: a unix socket path must fit in 108 bytes. */
  containerdSocket: string;
  /** containerd's per-registry hosts.toml files (the local registry as mirror). */
  registryHostsDir: string;
  cniConfDir: string;
  /** host-local IPAM leases, per stack rather than machine-wide /var/lib/cni. */
  cniDataDir: string;
  kubeletConfig: string;
  kubeletRoot: string;
  /** A resolv.conf without the host's name servers: the network outside is not reachable. */
  kubeletResolvConf: string;
  kubeProxyConfig: string;
  corefile: string;
}

/** Where one stack's node tier keeps its files. */
export function nodeLayout(config: StackConfig): NodeLayout {
  const dir = path.join(config.stateDir, 'node');
  const runKey = createHash('sha256').update(config.stateDir).digest('hex').slice(0, 12);
  const runDir = path.join('/run/microstax', runKey);
  return {
    dir,
    containerdConfig: path.join(dir, 'containerd', 'config.toml'),
    containerdRoot: path.join(dir, 'containerd', 'root'),
    containerdState: path.join(runDir, 'containerd'),
    containerdSocket: path.join(runDir, 'containerd.sock'),
    registryHostsDir: path.join(dir, 'containerd', 'hosts'),
    cniConfDir: path.join(dir, 'cni', 'net.d'),
    cniDataDir: path.join(dir, 'cni', 'ipam'),
    kubeletConfig: path.join(dir, 'kubelet', 'config.yaml'),
    kubeletRoot: path.join(dir, 'kubelet', 'root'),
    kubeletResolvConf: path.join(dir, 'kubelet', 'resolv.conf'),
    kubeProxyConfig: path.join(dir, 'kube-proxy', 'config.yaml'),
    corefile: path.join(dir, 'coredns', 'Corefile'),
  };
}

/**
 * The deploy settings (as MICROSTAX_* variables, read by deploy's loadDeployConfig) that put
 * environments on the real node: its tier, its volumes, and URLs on the gateway's port.
 */
export function realNodeDeployEnv(realNode: { gatewayUrl?: string }): Record<string, string> {
  return {
    MICROSTAX_NODE_TIER: REAL_NODE_TIER,
    MICROSTAX_STORAGE_CLASS: REAL_NODE_STORAGE_CLASS,
    ...(realNode.gatewayUrl && { MICROSTAX_INGRESS_PORT: new URL(realNode.gatewayUrl).port }),
  };
}
