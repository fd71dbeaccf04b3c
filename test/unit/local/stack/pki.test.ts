import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderKubeconfig } from '../../../../local/stack/kubernetes/kubeconfig.js';
import {
  certificatePlan,
  extensionsOf,
  KUBERNETES_SERVICE_IP,
  subjectOf,
} from '../../../../local/stack/kubernetes/pki.js';

describe('certificatePlan', () => {
  const plan = certificatePlan();

  it('gives the API server a serving certificate valid for loopback and in-cluster names', () => {
    const server = plan.find((spec) => spec.name === 'kube-apiserver')!;
    expect(server.usage).toBe('server');
    expect(server.ipAddresses).toEqual(expect.arrayContaining(['127.0.0.1', KUBERNETES_SERVICE_IP]));
    expect(server.dnsNames).toEqual(
      expect.arrayContaining(['localhost', 'kubernetes.default.svc.cluster.local']),
    );
    expect(extensionsOf(server)).toContain('extendedKeyUsage=serverAuth');
    expect(extensionsOf(server)).toContain(`IP:${KUBERNETES_SERVICE_IP}`);
  });

  it('maps each client identity to the user and groups Kubernetes RBAC expects', () => {
    const subjects = Object.fromEntries(
      plan.filter((s) => s.usage === 'client').map((s) => [s.name, subjectOf(s)]),
    );
    expect(subjects).toEqual({
      admin: '/O=system:masters/CN=microstax-admin',
      'kube-controller-manager': '/CN=system:kube-controller-manager',
      'kube-scheduler': '/CN=system:kube-scheduler',
      kwok: '/O=system:masters/CN=microstax-kwok',
      // The real node: the Node authorizer knows a kubelet by this user and group.
      node: '/O=system:nodes/CN=system:node:msx-node-1',
      'kube-proxy': '/CN=system:kube-proxy',
      // No group: its ClusterRole binding names this user (read-only, local/stack/node/network-policies.ts).
      'kube-network-policies': '/CN=microstax:kube-network-policies',
      'apiserver-kubelet-client': '/O=system:masters/CN=kube-apiserver-kubelet-client',
    });
    for (const spec of plan.filter((s) => s.usage === 'client')) {
      expect(extensionsOf(spec)).toContain('extendedKeyUsage=clientAuth');
      expect(extensionsOf(spec)).not.toContain('subjectAltName');
    }
  });
});

describe('renderKubeconfig', () => {
  it('embeds the CA and client credentials and selects the local context', () => {
    const document = parse(
      renderKubeconfig({
        server: 'https://127.0.0.1:16443',
        user: 'microstax-admin',
        caPem: 'CA',
        certPem: 'CERT',
        keyPem: 'KEY',
      }),
    );
    expect(document['current-context']).toBe('microstax-local');
    expect(document.clusters[0].cluster).toEqual({
      server: 'https://127.0.0.1:16443',
      'certificate-authority-data': Buffer.from('CA').toString('base64'),
    });
    expect(document.users[0]).toEqual({
      name: 'microstax-admin',
      user: {
        'client-certificate-data': Buffer.from('CERT').toString('base64'),
        'client-key-data': Buffer.from('KEY').toString('base64'),
      },
    });
    expect(document.contexts[0].context).toEqual({ cluster: 'microstax-local', user: 'microstax-admin' });
  });
});
