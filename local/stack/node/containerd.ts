import path from 'node:path';
import type { NodeLayout } from './layout.js';

/**
 * containerd (Debian's package) as the real node's container runtime, with runc and the CNI bridge.
 * Images come only from the local registry: it is configured as the mirror of each registry the
 * blueprints name, as an air-gapped company cluster would be.
 */

/** The pod sandbox image; the image builder publishes our own under this name. */
export const SANDBOX_IMAGE = 'registry.k8s.io/pause:3.10';

/** Debian's CNI plugins (containernetworking-plugins). */
export const CNI_BIN_DIR = '/usr/lib/cni';

/** containerd's config (TOML, version 2). */
export function renderContainerdConfig(layout: NodeLayout): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return `version = 2
root = ${JSON.stringify(layout.containerdRoot)}
state = ${JSON.stringify(layout.containerdState)}

[grpc]
  address = ${JSON.stringify(layout.containerdSocket)}

[${cri}]
  sandbox_image = ${JSON.stringify(SANDBOX_IMAGE)}
  # Root here lacks CAP_SYS_RESOURCE, so the negative oom_score_adj the kubelet asks for sandboxes
  # cannot be set; this clamps it to containerd's own instead of failing every pod.
  restrict_oom_score_adj = true

[${cri}.containerd]
  snapshotter = "overlayfs"
  default_runtime_name = "runc"

[${cri}.containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"

[${cri}.containerd.runtimes.runc.options]
  # No systemd here: the kubelet and runc both use cgroupfs.
  SystemdCgroup = false

[${cri}.cni]
  bin_dir = ${JSON.stringify(CNI_BIN_DIR)}
  conf_dir = ${JSON.stringify(layout.cniConfDir)}

[${cri}.registry]
  config_path = ${JSON.stringify(layout.registryHostsDir)}
`;
}

/** The upstream server of each mirrored registry (containerd's name for Docker Hub is docker.io). */
const UPSTREAMS: Record<string, string> = {
  'docker.io': 'https://registry-1.docker.io',
  'ghcr.io': 'https://ghcr.io',
  'registry.k8s.io': 'https://registry.k8s.io',
};

/**
 * One hosts.toml per mirrored registry: pull and resolve through the local registry (plain HTTP on
 * loopback). The upstream stays as `server`, as containerd requires, but is never reached here.
 */
export function renderRegistryHosts(params: {
  registries: readonly string[];
  registryAddress: string;
}): Array<{ file: string; content: string }> {
  return params.registries.map((registry) => ({
    file: path.join(registry, 'hosts.toml'),
    content: [
      `server = ${JSON.stringify(UPSTREAMS[registry] ?? `https://${registry}`)}`,
      '',
      `[host."http://${params.registryAddress}"]`,
      '  capabilities = ["pull", "resolve"]',
      '',
    ].join('\n'),
  }));
}
