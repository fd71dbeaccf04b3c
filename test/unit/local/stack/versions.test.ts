import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_RECIPES, binaryPath } from '../../../../local/stack/binaries.js';
import { GO_MODULES_DIR } from '../../../../local/stack/config.js';
import { KUBERNETES_COMMANDS, VERSIONS } from '../../../../local/stack/versions.js';

const read = (...parts: string[]) => readFile(path.join(GO_MODULES_DIR, ...parts), 'utf8');

// stack/versions.ts is the one place versions are read from; the Go wrapper modules must agree.
describe('pinned versions', () => {
  it('the Kubernetes wrapper module requires the pinned version and replaces every staging module to match', async () => {
    const goMod = await read('kubernetes', 'go.mod');
    expect(goMod).toMatch(new RegExp(`^require k8s\\.io/kubernetes ${VERSIONS.kubernetes}$`, 'm'));
    const staging = VERSIONS.kubernetes.replace(/^v1\./, 'v0.');
    const replaces = [...goMod.matchAll(/^\s+(k8s\.io\/[\w-]+) => (k8s\.io\/[\w-]+) (v[\d.]+)$/gm)];
    expect(replaces.length).toBeGreaterThan(25);
    for (const [, from, to, version] of replaces) {
      expect(to).toBe(from);
      expect(version, from).toBe(staging);
    }
  });

  it('the Kubernetes build makes every listed command, each pinned in tools.go', async () => {
    const tools = await read('kubernetes', 'tools.go');
    const recipe = BUILD_RECIPES.find((candidate) => candidate.id === 'kubernetes')!;
    const args = recipe.goArgs('/out');
    for (const command of KUBERNETES_COMMANDS) {
      expect(tools).toContain(`"k8s.io/kubernetes/cmd/${command}"`);
      expect(args).toContain(`k8s.io/kubernetes/cmd/${command}`);
    }
    expect(args.join(' ')).toContain(`gitVersion=${VERSIONS.kubernetes}`);
  });

  it('the etcd wrapper module requires the pinned etcd', async () => {
    expect(await read('etcd', 'go.mod')).toMatch(
      new RegExp(`^require go\\.etcd\\.io/etcd/server/v3 ${VERSIONS.etcd}$`, 'm'),
    );
  });

  it('go install recipes install the pinned module versions', () => {
    const argsOf = (id: string) =>
      BUILD_RECIPES.find((recipe) => recipe.id === id)!
        .goArgs('/out')
        .join(' ');
    expect(argsOf('temporal')).toContain(`github.com/temporalio/cli/cmd/temporal@${VERSIONS.temporalCli}`);
    expect(argsOf('kwok')).toContain(`sigs.k8s.io/kwok/cmd/kwok@${VERSIONS.kwok}`);
    expect(argsOf('helm')).toContain(`helm.sh/helm/v4/cmd/helm@${VERSIONS.helm}`);
    // `helm version` reports the pin, not the module's placeholder.
    expect(argsOf('helm')).toContain(`helm.sh/helm/v4/internal/version.version=${VERSIONS.helm}`);
  });

  it('caches each binary under its name and version', () => {
    expect(binaryPath('/cache/bin', 'kube-apiserver')).toBe(
      `/cache/bin/kube-apiserver-${VERSIONS.kubernetes}`,
    );
    expect(binaryPath('/cache/bin', 'temporal')).toBe(`/cache/bin/temporal-${VERSIONS.temporalCli}`);
    expect(binaryPath('/cache/bin', 'helm')).toBe(`/cache/bin/helm-${VERSIONS.helm}`);
  });
});
