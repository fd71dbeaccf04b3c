import { chmod, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBuildStep } from './build-step.js';
import type { StepContext } from './oci-layout.js';

/**
 * Debian root filesystems: a base of one Debian release (debootstrap --variant=minbase from the
 * machine's apt mirror) and package installs inside a chroot. Images are made smaller by never
 * installing docs, man pages or translations, and by keeping apt's lists and downloaded packages
 * outside the image.
 */

/** The Debian releases an image can be based on. */
export const DEBIAN_SUITES = ['bookworm', 'trixie'] as const;
export type DebianSuite = (typeof DEBIAN_SUITES)[number];

/** The release of a base that names none: the examples' images (and their cache keys) predate the choice. */
export const DEFAULT_DEBIAN_SUITE: DebianSuite = 'bookworm';
const DEFAULT_MIRROR = 'http://deb.debian.org/debian';

/** Files dpkg must not install in images: docs, man pages, translations (as Debian's slim images). */
export const DPKG_EXCLUDES = [
  'path-exclude=/usr/share/doc/*',
  'path-include=/usr/share/doc/*/copyright',
  'path-exclude=/usr/share/man/*',
  'path-exclude=/usr/share/info/*',
  'path-exclude=/usr/share/locale/*',
  'path-exclude=/usr/share/lintian/*',
];

/** What to delete from a rootfs after installing: caches and logs of the install itself. */
const INSTALL_LEFTOVERS = [
  'var/cache/apt/pkgcache.bin',
  'var/cache/apt/srcpkgcache.bin',
  'var/cache/debconf/config.dat-old',
  'var/cache/debconf/templates.dat-old',
  'var/lib/dpkg/status-old',
  'var/lib/dpkg/diversions-old',
  'var/log/apt',
  'var/log/dpkg.log',
  'var/log/alternatives.log',
  'etc/resolv.conf',
  'usr/sbin/policy-rc.d',
];

/** `deb [options] <uri> <one of our suites> ...`: a one-line apt source of a Debian release. */
const ONE_LINE_SOURCE = new RegExp(
  `^deb\\s+(?:\\[[^\\]]*\\]\\s+)?(\\S+)\\s+(?:${DEBIAN_SUITES.join('|')})\\s`,
);

/**
 * The Debian mirror the machine's apt uses (its deb822 or one-line sources), so the images come
 * from the same place as the machine's packages; deb.debian.org when none is found.
 */
export async function machineDebianMirror(): Promise<string> {
  const candidates = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      const uri = /^URIs:\s*(\S+)/.exec(line)?.[1] ?? ONE_LINE_SOURCE.exec(line)?.[1];
      if (uri && !uri.includes('security')) return uri.replace(/\/$/, '');
    }
  }
  return DEFAULT_MIRROR;
}

/** The image's apt sources: the release, its updates, and security fixes (same host layout as Debian's). */
export function aptSources(mirror: string, suite: DebianSuite = DEFAULT_DEBIAN_SUITE): string {
  const security = mirror.replace(/\/debian$/, '/debian-security');
  return [
    `deb ${mirror} ${suite} main`,
    `deb ${mirror} ${suite}-updates main`,
    ...(security !== mirror ? [`deb ${security} ${suite}-security main`] : []),
    '',
  ].join('\n');
}

/** Where apt's package lists and downloaded .debs are kept between builds (bind-mounted in). */
export interface AptCache {
  lists: string;
  archives: string;
}

/** Builds the minimal rootfs of `suite` at `rootfs` and makes it ready to be a base layer. */
export async function debootstrapBase(
  context: StepContext,
  options: { rootfs: string; suite: DebianSuite; mirror: string; debCacheDir: string },
): Promise<void> {
  await rm(options.rootfs, { recursive: true, force: true });
  await mkdir(options.debCacheDir, { recursive: true });
  await runBuildStep({
    ...context,
    step: 'debootstrap',
    command: 'debootstrap',
    args: [
      '--variant=minbase',
      `--cache-dir=${options.debCacheDir}`,
      options.suite,
      options.rootfs,
      options.mirror,
    ],
    fix: `check that ${options.mirror} is reachable (apt-get update works)`,
  });
  const root = options.rootfs;
  await writeFile(path.join(root, 'etc/apt/sources.list'), aptSources(options.mirror, options.suite));
  await writeFile(path.join(root, 'etc/dpkg/dpkg.cfg.d/microstax-slim'), `${DPKG_EXCLUDES.join('\n')}\n`);
  // Apt's own settings for images: no recommends, no cache of its own.
  await writeFile(
    path.join(root, 'etc/apt/apt.conf.d/90microstax'),
    'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
  );
  // debootstrap installed before the excludes existed: drop what they would have kept out.
  for (const dir of ['usr/share/man', 'usr/share/info', 'usr/share/locale', 'usr/share/lintian']) {
    await emptyDirectory(path.join(root, dir));
  }
  const docs = path.join(root, 'usr/share/doc');
  for (const name of await readdir(docs).catch(() => [] as string[])) {
    const entries = await readdir(path.join(docs, name)).catch(() => [] as string[]);
    for (const entry of entries) {
      if (entry !== 'copyright') await rm(path.join(docs, name, entry), { recursive: true, force: true });
    }
  }
  await emptyDirectory(path.join(root, 'var/cache/apt/archives'), ['partial', 'lock']);
  await emptyDirectory(path.join(root, 'var/lib/apt/lists'), ['partial', 'lock']);
  await removeInstallLeftovers(root);
}

/**
 * Runs a shell script as root inside `rootfs` with apt usable: a private mount and PID namespace
 * (so /proc and the bind mounts vanish with it, leaving nothing mounted on the host), the host's
 * DNS, services never started (policy-rc.d), and apt's lists and archives from `aptCache`.
 */
export async function runInRootfs(
  context: StepContext,
  options: { rootfs: string; script: string; step: string; aptCache: AptCache },
): Promise<void> {
  const root = options.rootfs;
  for (const dir of [options.aptCache.lists, options.aptCache.archives]) {
    await mkdir(path.join(dir, 'partial'), { recursive: true });
  }
  await copyFile('/etc/resolv.conf', path.join(root, 'etc/resolv.conf')).catch(async () => {
    await writeFile(path.join(root, 'etc/resolv.conf'), '');
  });
  await writeFile(path.join(root, 'usr/sbin/policy-rc.d'), '#!/bin/sh\nexit 101\n');
  await chmod(path.join(root, 'usr/sbin/policy-rc.d'), 0o755);
  const mounts = [
    `mount --bind ${quote(options.aptCache.lists)} ${quote(path.join(root, 'var/lib/apt/lists'))}`,
    `mount --bind ${quote(options.aptCache.archives)} ${quote(path.join(root, 'var/cache/apt/archives'))}`,
    `exec chroot ${quote(root)} /bin/sh -euc ${quote(options.script)}`,
  ].join(' && ');
  try {
    await runBuildStep({
      ...context,
      step: options.step,
      command: 'unshare',
      args: ['--mount', '--pid', '--fork', `--mount-proc=${path.join(root, 'proc')}`, 'sh', '-euc', mounts],
      env: {
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        DEBIAN_FRONTEND: 'noninteractive',
        LANG: 'C.UTF-8',
        HOME: '/root',
      },
    });
  } finally {
    await removeInstallLeftovers(root);
  }
}

/** The version of an installed package inside a rootfs (read from dpkg's status file). */
export async function installedVersion(rootfs: string, packageName: string): Promise<string | undefined> {
  const status = await readFile(path.join(rootfs, 'var/lib/dpkg/status'), 'utf8');
  for (const stanza of status.split('\n\n')) {
    if (!stanza.startsWith(`Package: ${packageName}\n`)) continue;
    return /^Version: (.+)$/m.exec(stanza)?.[1];
  }
  return undefined;
}

async function removeInstallLeftovers(root: string): Promise<void> {
  for (const leftover of INSTALL_LEFTOVERS)
    await rm(path.join(root, leftover), { recursive: true, force: true });
}

async function emptyDirectory(dir: string, keep: readonly string[] = []): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!keep.includes(name)) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}
