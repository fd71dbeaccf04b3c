import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs an image's process the way a container runtime would start it, minus the network isolation:
 * the image is unpacked with umoci, and its entrypoint runs as its user in a chroot, in private
 * mount and PID namespaces (the host's /dev bound in, a fresh /proc), on the host's loopback. The
 * pod-level end-to-end run on the real node is the node tier's test.
 */

/** An unpacked image: `<bundle>/rootfs` plus the runtime config umoci derived from the image config. */
export interface UnpackedImage {
  rootfs: string;
  args: string[];
  env: string[];
  cwd: string;
  uid: number;
  gid: number;
}

/** Unpacks `layoutDir:tag` into `bundle` and reads the process umoci's runtime config describes. */
export async function unpackImage(options: {
  layoutDir: string;
  tag: string;
  bundle: string;
}): Promise<UnpackedImage> {
  await run('umoci', ['unpack', '--image', `${options.layoutDir}:${options.tag}`, options.bundle]);
  const spec = JSON.parse(await readFile(path.join(options.bundle, 'config.json'), 'utf8')) as {
    process: { args: string[]; env: string[]; cwd: string; user: { uid: number; gid: number } };
  };
  return {
    rootfs: path.join(options.bundle, 'rootfs'),
    args: spec.process.args,
    env: spec.process.env,
    cwd: spec.process.cwd,
    uid: spec.process.user.uid,
    gid: spec.process.user.gid,
  };
}

export interface RunningImage {
  child: ChildProcess;
  /** Everything the process wrote so far. */
  output: () => string;
  /** SIGINT then SIGKILL; resolves when it exited. */
  stop: () => Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  args?: string[];
  asRoot?: boolean;
  /** Mount the root filesystem read-only with an empty tmpfs on /tmp, as a pod with readOnlyRootFilesystem. */
  readOnlyRoot?: boolean;
}

/** Starts the image's process (or `args` instead) with extra env; it ends with its namespaces. */
export function startImage(image: UnpackedImage, options: StartOptions = {}): RunningImage {
  const env = [...image.env, ...Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${value}`)];
  const user = options.asRoot ? '0:0' : `${image.uid}:${image.gid}`;
  const inside = [
    // The rootfs bound onto itself (with /proc) and remounted read-only; only the bind changes, not the host's.
    ...(options.readOnlyRoot
      ? [
          'mount --rbind "$ROOT" "$ROOT"',
          'mount -o remount,bind,ro "$ROOT"',
          'mount -t tmpfs -o mode=1777,size=64m tmpfs "$ROOT/tmp"',
        ]
      : []),
    'mount --rbind /dev "$ROOT/dev"',
    'exec chroot --userspec="$USERSPEC" "$ROOT" /usr/bin/env -i -C "$WORKDIR" "$@"',
  ].join(' && ');
  const child = spawn(
    'unshare',
    [
      '--mount',
      '--pid',
      '--fork',
      '--kill-child=SIGKILL',
      `--mount-proc=${path.join(image.rootfs, 'proc')}`,
      'sh',
      '-euc',
      inside,
      'sh',
      ...env,
      ...(options.args ?? image.args),
    ],
    {
      env: { PATH: process.env.PATH, ROOT: image.rootfs, USERSPEC: user, WORKDIR: image.cwd },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // unshare forwards nothing: signal the namespace's init (our process) through its parent.
        await run('pkill', ['-INT', '-P', String(child.pid)]).catch(() => {});
        const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killed);
      }
    },
  };
}

/** Runs the image's `args` to completion; resolves with its output, rejects with it on failure. */
export async function runInImage(
  image: UnpackedImage,
  options: StartOptions & { args: string[] },
): Promise<string> {
  const started = startImage(image, options);
  const code = await new Promise<number | null>((resolve) => started.child.once('exit', resolve));
  if (code !== 0) throw new Error(`${options.args.join(' ')} exited ${code}:\n${started.output()}`);
  return started.output();
}

export { freePort } from '../../../../support/free-port.js';
