import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';
import { binaryPath } from '../binaries.js';
import type { StackConfig } from '../config.js';
import { nodeLayout } from './layout.js';

const run = promisify(execFile);
/** containerd's namespace for the kubelet's images. */
const CRI_NAMESPACE = 'k8s.io';

/**
 * The real node keeps an image it pulled under its tag (pods pull `IfNotPresent`), so a tag pushed
 * again would never reach it: this drops the node's copies of those tags, and its next pod of one
 * pulls the new image. Running containers keep theirs. Returns the references the node had; nothing
 * when the node's containerd is not running.
 */
export async function forgetNodeImages(
  config: StackConfig,
  references: readonly string[],
): Promise<string[]> {
  const socket = nodeLayout(config).containerdSocket;
  if (
    references.length === 0 ||
    !(await access(socket).then(
      () => true,
      () => false,
    ))
  )
    return [];
  const ctr = (args: string[]) =>
    run(binaryPath(config.binDir, 'ctr'), ['--address', socket, '--namespace', CRI_NAMESPACE, ...args], {
      timeout: 30_000,
    });
  const { stdout } = await ctr(['images', 'list', '--quiet']);
  const present = new Set(stdout.split('\n').filter(Boolean));
  const forgotten = references.filter((reference) => present.has(reference));
  if (forgotten.length > 0) await ctr(['images', 'rm', ...forgotten]);
  return forgotten;
}
