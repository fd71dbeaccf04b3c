import path from 'node:path';
import type { BinaryName } from '../binaries.js';
import type { StackConfig } from '../config.js';
import { httpGet } from '../probes.js';
import { type ClientIdentity, type PkiPaths, SERVICE_CLUSTER_IP_RANGE } from './pki.js';

/**
 * The local cluster's processes, in start order: etcd, the API server, the controller manager
 * (its namespace controller finishes namespace deletion), the scheduler, and kwok, which plays the
 * kubelet of every simulated node (pods on them go Running).
 */

export type ComponentName = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kwok';

/** Files and addresses the components share. */
export interface ClusterLayout {
  config: StackConfig;
  pki: PkiPaths;
  etcdDataDir: string;
  /** Kubeconfig per client identity. */
  kubeconfigs: Record<ClientIdentity, string>;
  server: string;
}

/** Where the cluster keeps its files inside the state dir. */
export function clusterLayout(config: StackConfig, pki: PkiPaths): ClusterLayout {
  const dir = path.join(config.stateDir, 'kubernetes');
  return {
    config,
    pki,
    etcdDataDir: path.join(dir, 'etcd'),
    kubeconfigs: {
      // The admin kubeconfig sits at the top of the state dir: it is the one users and tests read.
      admin: path.join(config.stateDir, 'kubeconfig'),
      'kube-controller-manager': path.join(dir, 'kube-controller-manager.kubeconfig'),
      'kube-scheduler': path.join(dir, 'kube-scheduler.kubeconfig'),
      kwok: path.join(dir, 'kwok.kubeconfig'),
      node: path.join(dir, 'node.kubeconfig'),
      'kube-proxy': path.join(dir, 'kube-proxy.kubeconfig'),
      'kube-network-policies': path.join(dir, 'kube-network-policies.kubeconfig'),
      'apiserver-kubelet-client': path.join(dir, 'apiserver-kubelet-client.kubeconfig'),
    },
    server: `https://127.0.0.1:${config.ports.kubeApiserver}`,
  };
}

export interface ComponentSpec {
  name: ComponentName;
  binary: BinaryName;
  args: string[];
  ports: number[];
  /** Resolves when healthy; throws what is wrong. */
  healthCheck: () => Promise<void>;
  timeoutMs: number;
}

async function expectOk(url: string, options: Parameters<typeof httpGet>[1] = {}): Promise<void> {
  const response = await httpGet(url, options);
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${response.body.slice(0, 300)}`);
}

/** The command line and health check of every component (pure apart from the checks' I/O). */
export function componentSpecs(
  layout: ClusterLayout,
  tls: { caPem: string; adminCertPem: string; adminKeyPem: string },
): ComponentSpec[] {
  const { ports } = layout.config;
  const { pki } = layout;
  const etcdUrl = `http://127.0.0.1:${ports.etcdClient}`;
  const peerUrl = `http://127.0.0.1:${ports.etcdPeer}`;
  const secureHealth = (port: number) => () =>
    expectOk(`https://127.0.0.1:${port}/healthz`, { insecure: true });
  const delegatedAuth = (kubeconfig: string) => [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
  ];
  return [
    {
      name: 'etcd',
      binary: 'etcd',
      args: [
        '--name=microstax',
        `--data-dir=${layout.etcdDataDir}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=microstax=${peerUrl}`,
        '--log-level=warn',
      ],
      ports: [ports.etcdClient, ports.etcdPeer],
      healthCheck: async () => {
        const response = await httpGet(`${etcdUrl}/health`);
        if (!response.body.includes('"health":"true"')) throw new Error(`etcd /health: ${response.body}`);
      },
      timeoutMs: 30_000,
    },
    {
      name: 'kube-apiserver',
      binary: 'kube-apiserver',
      args: [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${ports.kubeApiserver}`,
        `--tls-cert-file=${pki.cert('kube-apiserver')}`,
        `--tls-private-key-file=${pki.key('kube-apiserver')}`,
        `--client-ca-file=${pki.caCert}`,
        `--service-account-key-file=${pki.serviceAccountPub}`,
        `--service-account-signing-key-file=${pki.serviceAccountKey}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
        '--authorization-mode=Node,RBAC',
        '--allow-privileged=true',
        // Logs and exec of pods on the real node go through its kubelet.
        `--kubelet-client-certificate=${pki.cert('apiserver-kubelet-client')}`,
        `--kubelet-client-key=${pki.key('apiserver-kubelet-client')}`,
        '--kubelet-preferred-address-types=InternalIP',
        // The `kubernetes` Service cannot point at a loopback address; nothing in-cluster needs it.
        '--endpoint-reconciler-type=none',
        '--profiling=false',
        '--v=1',
      ],
      ports: [ports.kubeApiserver],
      healthCheck: () =>
        expectOk(`${layout.server}/readyz`, { ca: tls.caPem, cert: tls.adminCertPem, key: tls.adminKeyPem }),
      timeoutMs: 90_000,
    },
    {
      name: 'kube-controller-manager',
      binary: 'kube-controller-manager',
      args: [
        ...delegatedAuth(layout.kubeconfigs['kube-controller-manager']),
        '--bind-address=127.0.0.1',
        `--secure-port=${ports.kubeControllerManager}`,
        '--leader-elect=false',
        '--use-service-account-credentials=true',
        `--service-account-private-key-file=${pki.serviceAccountKey}`,
        `--root-ca-file=${pki.caCert}`,
        `--cluster-signing-cert-file=${pki.caCert}`,
        `--cluster-signing-key-file=${pki.caKey}`,
        `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
        '--allocate-node-cidrs=false',
        // Volumes of the real node's StorageClass (microstax-local): directories made and removed by
        // this process, which runs on the same machine as that node.
        '--enable-hostpath-provisioner=true',
        '--profiling=false',
        '--v=1',
      ],
      ports: [ports.kubeControllerManager],
      healthCheck: secureHealth(ports.kubeControllerManager),
      timeoutMs: 60_000,
    },
    {
      name: 'kube-scheduler',
      binary: 'kube-scheduler',
      args: [
        ...delegatedAuth(layout.kubeconfigs['kube-scheduler']),
        '--bind-address=127.0.0.1',
        `--secure-port=${ports.kubeScheduler}`,
        '--leader-elect=false',
        '--profiling=false',
        '--v=1',
      ],
      ports: [ports.kubeScheduler],
      healthCheck: secureHealth(ports.kubeScheduler),
      timeoutMs: 60_000,
    },
    {
      name: 'kwok',
      binary: 'kwok',
      args: [
        `--kubeconfig=${layout.kubeconfigs.kwok}`,
        '--manage-all-nodes=false',
        `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=fake`,
        `--cidr=${SIMULATED_POD_CIDR}`,
        `--node-ip=${SIMULATED_NODE_IP}`,
        `--server-address=127.0.0.1:${ports.kwok}`,
        '--node-lease-duration-seconds=40',
      ],
      ports: [ports.kwok],
      healthCheck: () => expectOk(`http://127.0.0.1:${ports.kwok}/healthz`),
      timeoutMs: 30_000,
    },
  ];
}

/**
 * Addresses kwok makes up for simulated pods and nodes. Nothing answers there; the real node tier
 * routes them nowhere (stack/node/host-network.ts), so traffic to a simulated pod never leaves the machine.
 */
export const SIMULATED_POD_CIDR = '10.244.0.0/16';
export const SIMULATED_NODE_IP = '10.0.0.1';

/** kwok manages (heartbeats, runs pods on) the nodes carrying this annotation. */
export const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';
