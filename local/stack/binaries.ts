import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { GO_MODULES_DIR } from './config.js';
import { StackError } from './errors.js';
import type { Progress } from './progress.js';
import {
  KUBERNETES_COMMANDS,
  KUBERNETES_NODE_COMMANDS,
  type KubernetesCommand,
  type KubernetesNodeCommand,
  VERSIONS,
} from './versions.js';

/**
 * The stack's binaries, each built from its Go module at a pinned version the first time it is
 * needed and cached as `<binDir>/<name>-<version>`. A lock per recipe makes two concurrent
 * `stack up` build once: the second waits, then finds the binary cached.
 */

export type BinaryName =
  | 'temporal'
  | 'etcd'
  | 'kwok'
  | 'coredns'
  | 'containerd'
  | 'containerd-shim-runc-v2'
  | 'ctr'
  | 'kube-network-policies'
  | 'vegeta'
  | 'helm'
  | 'versitygw'
  | 'dex'
  | 'jaeger'
  | KubernetesCommand
  | KubernetesNodeCommand;

/** One `go` invocation that produces one or more binaries. */
export interface BuildRecipe {
  /** Recipe id, used for the lock and the build log. */
  id: string;
  version: string;
  produces: readonly BinaryName[];
  /** `go` arguments; `{out}` is replaced with the output directory. */
  goArgs: (out: string) => string[];
  /** Run inside this module (wrapper modules); `go install` recipes run outside any module. */
  moduleDir?: string;
  /**
   * Rough cold build time on 2 cores, shown so nobody thinks it hangs: measured in `stack up`'s order,
   * where earlier builds leave shared packages in the Go build cache (2026-12-07: 35 min in all).
   */
  coldEstimate: string;
}

const kubernetesVersion = VERSIONS.kubernetes.replace(/^v/, '');
const [kubeMajor, kubeMinor] = kubernetesVersion.split('.');
const kubernetesLdflags = [
  '-s -w',
  ...['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'].flatMap((pkg) => [
    `-X ${pkg}.gitVersion=${VERSIONS.kubernetes}`,
    `-X ${pkg}.gitMajor=${kubeMajor}`,
    `-X ${pkg}.gitMinor=${kubeMinor}`,
  ]),
].join(' ');

/** One `go build` of Kubernetes commands from the wrapper module at the pinned version. */
function kubernetesRecipe(params: {
  id: string;
  commands: readonly (KubernetesCommand | KubernetesNodeCommand)[];
  coldEstimate: string;
}): BuildRecipe {
  return {
    id: params.id,
    version: VERSIONS.kubernetes,
    produces: params.commands,
    moduleDir: path.join(GO_MODULES_DIR, 'kubernetes'),
    goArgs: (out) => [
      'build',
      '-trimpath',
      '-ldflags',
      kubernetesLdflags,
      '-o',
      `${out}${path.sep}`,
      ...params.commands.map((command) => `k8s.io/kubernetes/cmd/${command}`),
    ],
    coldEstimate: params.coldEstimate,
  };
}

/**
 * Every build. Wrapper-module builds use -trimpath (no checkout path baked in); `go install`
 * builds keep Go's default flags so an already warm Go build cache is reused.
 */
export const BUILD_RECIPES: readonly BuildRecipe[] = [
  {
    id: 'temporal',
    version: VERSIONS.temporalCli,
    produces: ['temporal'],
    // `go install` writes into GOBIN, which runGo points at the output directory.
    goArgs: () => [
      'install',
      '-ldflags',
      `-s -w -X github.com/temporalio/cli/temporalcli.Version=${VERSIONS.temporalCli.replace(/^v/, '')}`,
      `github.com/temporalio/cli/cmd/temporal@${VERSIONS.temporalCli}`,
    ],
    coldEstimate: '5-8 min',
  },
  {
    id: 'kwok',
    version: VERSIONS.kwok,
    produces: ['kwok'],
    goArgs: () => ['install', '-ldflags', '-s -w', `sigs.k8s.io/kwok/cmd/kwok@${VERSIONS.kwok}`],
    coldEstimate: '1-3 min',
  },
  {
    id: 'etcd',
    version: VERSIONS.etcd,
    produces: ['etcd'],
    moduleDir: path.join(GO_MODULES_DIR, 'etcd'),
    goArgs: (out) => ['build', '-trimpath', '-ldflags', '-s -w', '-o', path.join(out, 'etcd'), '.'],
    coldEstimate: 'about a minute',
  },
  kubernetesRecipe({ id: 'kubernetes', commands: KUBERNETES_COMMANDS, coldEstimate: '5-8 min' }),
  // Same module and flags, so the Go build cache the first left makes this one quick.
  kubernetesRecipe({ id: 'kubernetes-node', commands: KUBERNETES_NODE_COMMANDS, coldEstimate: '1-3 min' }),
  {
    id: 'coredns',
    version: VERSIONS.coredns,
    produces: ['coredns'],
    goArgs: () => ['install', '-ldflags', '-s -w', `github.com/coredns/coredns@${VERSIONS.coredns}`],
    coldEstimate: '2-4 min',
  },
  {
    id: 'containerd',
    version: VERSIONS.containerd,
    produces: ['containerd', 'containerd-shim-runc-v2', 'ctr'],
    goArgs: () => [
      'install',
      // The btrfs snapshotter needs C headers this machine lacks; the node uses overlayfs.
      '-tags',
      'no_btrfs',
      '-ldflags',
      `-s -w -X github.com/containerd/containerd/v2/version.Version=${VERSIONS.containerd}`,
      ...['containerd', 'containerd-shim-runc-v2', 'ctr'].map(
        (command) => `github.com/containerd/containerd/v2/cmd/${command}@${VERSIONS.containerd}`,
      ),
    ],
    coldEstimate: '1-3 min',
  },
  {
    id: 'kube-network-policies',
    version: VERSIONS.kubeNetworkPolicies,
    produces: ['kube-network-policies'],
    moduleDir: path.join(GO_MODULES_DIR, 'kube-network-policies'),
    goArgs: (out) => [
      'build',
      '-trimpath',
      '-ldflags',
      '-s -w',
      '-o',
      path.join(out, 'kube-network-policies'),
      '.',
    ],
    coldEstimate: '1-3 min',
  },
  {
    id: 'dex',
    version: VERSIONS.dex,
    produces: ['dex'],
    moduleDir: path.join(GO_MODULES_DIR, 'dex'),
    goArgs: (out) => [
      'build',
      '-trimpath',
      '-ldflags',
      // Dex's Makefile sets its version the same way.
      '-s -w -X github.com/dexidp/dex/version.Version=v2.45.1',
      '-o',
      path.join(out, 'dex'),
      'github.com/dexidp/dex/cmd/dex',
    ],
    coldEstimate: '1-3 min',
  },
  {
    id: 'jaeger',
    version: VERSIONS.jaeger,
    produces: ['jaeger'],
    moduleDir: path.join(GO_MODULES_DIR, 'jaeger'),
    goArgs: (out) => [
      'build',
      '-trimpath',
      '-ldflags',
      '-s -w',
      '-o',
      path.join(out, 'jaeger'),
      'github.com/jaegertracing/jaeger/cmd/jaeger',
    ],
    coldEstimate: '10-15 min',
  },
  {
    id: 'vegeta',
    version: VERSIONS.vegeta,
    produces: ['vegeta'],
    goArgs: () => ['install', '-ldflags', '-s -w', `github.com/tsenart/vegeta/v12@${VERSIONS.vegeta}`],
    coldEstimate: 'under a minute',
  },
  {
    id: 'versitygw',
    version: VERSIONS.versitygw,
    produces: ['versitygw'],
    goArgs: () => [
      'install',
      '-ldflags',
      '-s -w',
      `github.com/versity/versitygw/cmd/versitygw@${VERSIONS.versitygw}`,
    ],
    coldEstimate: '3-5 min',
  },
  {
    id: 'helm',
    version: VERSIONS.helm,
    produces: ['helm'],
    // Helm reads its own version from this variable (its Makefile sets it the same way).
    goArgs: () => [
      'install',
      '-ldflags',
      `-s -w -X helm.sh/helm/v4/internal/version.version=${VERSIONS.helm}`,
      `helm.sh/helm/v4/cmd/helm@${VERSIONS.helm}`,
    ],
    coldEstimate: '5-10 min',
  },
];

/** The cached path of a binary, whether or not it exists yet. */
export function binaryPath(binDir: string, name: BinaryName): string {
  return path.join(binDir, `${name}-${recipeFor(name).version}`);
}

function recipeFor(name: BinaryName): BuildRecipe {
  const recipe = BUILD_RECIPES.find((candidate) => candidate.produces.includes(name));
  if (!recipe) throw new Error(`no build recipe produces ${name}`);
  return recipe;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export interface EnsureBinariesOptions {
  binDir: string;
  names: readonly BinaryName[];
  progress: Progress;
}

/** Returns the paths of the named binaries, building (once, under a lock) those not cached yet. */
export async function ensureBinaries(options: EnsureBinariesOptions): Promise<Record<BinaryName, string>> {
  const paths = {} as Record<BinaryName, string>;
  const recipes = new Set<BuildRecipe>();
  for (const name of options.names) {
    paths[name] = binaryPath(options.binDir, name);
    if (!(await exists(paths[name]))) recipes.add(recipeFor(name));
  }
  for (const recipe of recipes)
    await buildUnderLock({ recipe, binDir: options.binDir, progress: options.progress });
  return paths;
}

async function buildUnderLock(options: {
  recipe: BuildRecipe;
  binDir: string;
  progress: Progress;
}): Promise<void> {
  const { recipe, binDir, progress } = options;
  await mkdir(binDir, { recursive: true });
  const lockTarget = path.join(binDir, `.${recipe.id}-${recipe.version}.build`);
  await writeFile(lockTarget, '', { flag: 'a' });
  const release = await lockfile
    .lock(lockTarget, {
      stale: 60_000,
      update: 10_000,
      retries: { retries: 24 * 60, minTimeout: 5_000, maxTimeout: 5_000 },
      onCompromised: () => {},
    })
    .catch((error: unknown) => {
      throw new StackError(
        'build-failed',
        `Could not take the build lock ${lockTarget}.lock: ${String(error)}`,
        {
          fix: 'if no other `stack up` is running, remove that .lock directory',
        },
      );
    });
  try {
    const allCached = await Promise.all(recipe.produces.map((name) => exists(binaryPath(binDir, name))));
    if (allCached.every(Boolean)) {
      progress.info(`${recipe.id} ${recipe.version}: built by another process meanwhile`);
      return;
    }
    await buildRecipe({ recipe, binDir, progress });
  } finally {
    await release();
  }
}

async function buildRecipe(options: {
  recipe: BuildRecipe;
  binDir: string;
  progress: Progress;
}): Promise<void> {
  const { recipe, binDir, progress } = options;
  const out = await mkdtemp(path.join(binDir, `.build-${recipe.id}-`));
  const logFile = path.join(binDir, `build-${recipe.id}-${recipe.version}.log`);
  const started = Date.now();
  progress.step(
    `building ${recipe.id} ${recipe.version} (${recipe.produces.join(', ')}) from Go modules; ` +
      `first time only, about ${recipe.coldEstimate} on 2 cores with a cold Go cache`,
  );
  try {
    await runGo({
      args: recipe.goArgs(out),
      cwd: recipe.moduleDir ?? out,
      gobin: out,
      logFile,
      onPackage: (count) => progress.tick(`${recipe.id}: ${count} packages compiled`, started),
    });
    for (const name of recipe.produces) {
      await rename(path.join(out, name), binaryPath(binDir, name));
    }
  } catch (error) {
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-15).join('\n');
    throw new StackError(
      'build-failed',
      `Building ${recipe.id} ${recipe.version} failed:\n${tail}`,
      {
        part: recipe.id,
        logFile,
        fix: 'check Go (`go version`, need >= 1.26) and network access to the Go module proxy, then rerun',
      },
      { cause: error },
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  progress.done(`built ${recipe.id} ${recipe.version}`, started);
}

async function runGo(options: {
  args: string[];
  cwd: string;
  gobin: string;
  logFile: string;
  onPackage: (count: number) => void;
}): Promise<void> {
  const [verb, ...rest] = options.args;
  const log = createWriteStream(options.logFile);
  let compiled = 0;
  const child = spawn('go', [verb!, '-v', ...rest], {
    cwd: options.cwd,
    // GOTOOLCHAIN=local: never download another Go toolchain; GOBIN: where `go install` writes.
    env: { ...process.env, GOBIN: options.gobin, GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    // `go build -v` prints one import path per package it compiles.
    for (const line of chunk.toString('utf8').split('\n')) {
      if (/^[\w.-]+(\/[\w.@~-]+)+$/.test(line.trim())) options.onPackage(++compiled);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error('`go` is not on PATH: install Go >= 1.26 (https://go.dev/dl) and rerun')
          : error,
      ),
    );
    child.once('close', resolve);
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) throw new Error(`go ${verb} exited with ${code}`);
}
