import path from 'node:path';
import type { NodeLayout } from './layout.js';

/**
 * containerd (built from its Go module) as the real node's container runtime, with Debian's runc and CNI bridge.
 * Images come only from the local registry: it is configured as the mirror of each registry the
 * blueprints name, as an air-gapped company cluster would be.
 */

/** The pod sandbox image; the image builder publishes our own under this name. */
export const SANDBOX_IMAGE = 'registry.k8s.io/pause:3.10';

/** Debian's CNI plugins (containernetworking-plugins). */
export const CNI_BIN_DIR = '/usr/lib/cni';

/** containerd's config (TOML, version 4: containerd 2.4's, whose CRI plugins are split into images and runtime). */
export function renderContainerdConfig(layout: NodeLayout, binaries: { shim: string }): string {
  const images = "plugins.'io.containerd.cri.v1.images'";
  const runtime = "plugins.'io.containerd.cri.v1.runtime'";
  return `version = 4
root = ${JSON.stringify(layout.containerdRoot)}
state = ${JSON.stringify(layout.containerdState)}

[plugins.'io.containerd.server.v1.grpc']
  address = ${JSON.stringify(layout.containerdSocket)}

[plugins.'io.containerd.server.v1.ttrpc']
  address = ${JSON.stringify(`${layout.containerdSocket}.ttrpc`)}

[${images}]
  snapshotter = "overlayfs"

[${images}.pinned_images]
  sandbox = ${JSON.stringify(SANDBOX_IMAGE)}

[${images}.registry]
  config_path = ${JSON.stringify(layout.registryHostsDir)}

[${runtime}]
  # Root here lacks CAP_SYS_RESOURCE, so the negative oom_score_adj the kubelet asks for sandboxes
  # cannot be set; this clamps it to containerd's own instead of failing every pod.
  restrict_oom_score_adj = true

[${runtime}.containerd]
  default_runtime_name = "runc"

[${runtime}.containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"
  # The shim is built with containerd, and cached outside PATH.
  runtime_path = ${JSON.stringify(binaries.shim)}

[${runtime}.containerd.runtimes.runc.options]
  # No systemd here: the kubelet and runc both use cgroupfs.
  SystemdCgroup = false

[${runtime}.cni]
  bin_dirs = [${JSON.stringify(CNI_BIN_DIR)}]
  conf_dir = ${JSON.stringify(layout.cniConfDir)}

# NRI tells the NetworkPolicy controller a pod's address when its sandbox is made, before its
# containers start (the controller dials this socket, its default).
[plugins.'io.containerd.nri.v1.nri']
  disable = false
  socket_path = "/var/run/nri/nri.sock"
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
