import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveStackConfig } from '../../../../local/stack/config.js';
import {
  renderCniConfig,
  renderCorefile,
  renderKubeletConfig,
  renderKubeProxyConfig,
} from '../../../../local/stack/node/configs.js';
import { renderContainerdConfig, renderRegistryHosts } from '../../../../local/stack/node/containerd.js';
import { nodeLayout, realNodeDeployEnv } from '../../../../local/stack/node/layout.js';

const config = resolveStackConfig({ MICROSTAX_STATE_DIR: '/tmp/msx-unit/state' });
const layout = nodeLayout(config);

describe('real node configs', () => {
  it('containerd: a short socket path, clamped oom scores, cgroupfs, our CNI dir and registry hosts', () => {
    const toml = renderContainerdConfig(layout, { shim: '/cache/bin/containerd-shim-runc-v2-v2.4.2' });
    expect(layout.containerdSocket.length).toBeLessThan(108);
    expect(toml).toContain(`address = "${layout.containerdSocket}"`);
    expect(toml).toContain('restrict_oom_score_adj = true');
    expect(toml).toContain('SystemdCgroup = false');
    expect(toml).toContain(`conf_dir = "${layout.cniConfDir}"`);
    expect(toml).toContain(`config_path = "${layout.registryHostsDir}"`);
    expect(toml).toContain('runtime_path = "/cache/bin/containerd-shim-runc-v2-v2.4.2"');
    // NRI on the socket the NetworkPolicy controller dials by default.
    expect(toml).toContain('socket_path = "/var/run/nri/nri.sock"');
  });

  it('mirrors each registry through the local one', () => {
    const hosts = renderRegistryHosts({
      registries: ['docker.io', 'ghcr.io'],
      registryAddress: '127.0.0.1:15000',
    });
    expect(hosts.map((h) => h.file)).toEqual(['docker.io/hosts.toml', 'ghcr.io/hosts.toml']);
    expect(hosts[0]!.content).toContain('server = "https://registry-1.docker.io"');
    expect(hosts[1]!.content).toContain('[host."http://127.0.0.1:15000"]');
  });

  it('kubelet: registers tainted, DNS on the bridge, the stack ports', () => {
    const kubelet = parse(renderKubeletConfig({ layout, ports: config.ports, caFile: '/ca.crt' }));
    expect(kubelet.registerWithTaints).toEqual([
      { key: 'microstax.dev/node-tier', value: 'real', effect: 'NoSchedule' },
    ]);
    expect(kubelet.clusterDNS).toEqual(['10.88.0.1']);
    expect(kubelet.port).toBe(config.ports.kubelet);
    expect(kubelet.cgroupDriver).toBe('cgroupfs');
    expect(kubelet.containerRuntimeEndpoint).toBe(`unix://${layout.containerdSocket}`);
  });

  it('CNI, kube-proxy and CoreDNS agree on the pod network and the bridge address', () => {
    const cni = JSON.parse(renderCniConfig(layout));
    expect(cni.plugins[0].ipam.ranges[0][0]).toEqual({ subnet: '10.88.0.0/16', gateway: '10.88.0.1' });
    expect(cni.plugins[0].ipam.dataDir).toBe(layout.cniDataDir);
    const proxy = parse(renderKubeProxyConfig({ kubeconfig: '/k', ports: config.ports }));
    expect(proxy).toMatchObject({
      mode: 'iptables',
      clusterCIDR: '10.88.0.0/16',
      iptables: { masqueradeAll: true, minSyncPeriod: '100ms' },
    });
    const corefile = renderCorefile({ kubeconfig: '/k', ports: config.ports });
    expect(corefile).toContain('bind 10.88.0.1');
    expect(corefile).toContain(`ready 127.0.0.1:${config.ports.corednsReady}`);
  });

  it('deploy settings that put environments on the node', () => {
    expect(realNodeDeployEnv({ gatewayUrl: 'http://127.0.0.1:18081' })).toEqual({
      MICROSTAX_NODE_TIER: 'real',
      MICROSTAX_STORAGE_CLASS: 'microstax-local',
      MICROSTAX_INGRESS_PORT: '18081',
    });
  });
});
