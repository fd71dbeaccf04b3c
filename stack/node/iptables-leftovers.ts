import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * What the real node leaves in iptables once its processes are gone: the CNI bridge plugin's
 * per-pod masquerade chains (`CNI-*`, deleted only by a CNI DEL that a stopped node never sends)
 * and the kubelet's own chains (`KUBE-FIREWALL`, `KUBE-KUBELET-CANARY`, `KUBE-IPTABLES-HINT`),
 * which `kube-proxy --cleanup` does not touch. A chain of either prefix is the node tier's: the
 * stack owns the machine's pod network while its node runs.
 */

const run = promisify(execFile);

const OWNED_CHAIN = /^(CNI|KUBE)-/;

/** A chain named by a jump (`-j NAME`/`-g NAME`) in an iptables-save rule line, if any. */
function jumpTarget(line: string): string | undefined {
  return / -[jg] (\S+)/.exec(line)?.[1];
}

/**
 * An `iptables-save` dump without the chains `owned` accepts: their declarations, their rules and
 * every rule that jumps to them. Everything else is kept as it was, line for line.
 */
export function withoutChains(
  dump: string,
  owned: (chain: string) => boolean = (c) => OWNED_CHAIN.test(c),
): string {
  return dump
    .split('\n')
    .filter((line) => {
      if (line.startsWith(':')) return !owned(line.slice(1).split(' ')[0]!);
      if (!line.startsWith('-A ')) return true;
      const chain = line.split(' ')[1]!;
      const target = jumpTarget(line);
      return !owned(chain) && !(target && owned(target));
    })
    .join('\n');
}

function restore(command: string, dump: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command}: ${err.trim()}`))));
    child.stdin.end(dump);
  });
}

/**
 * Removes the node tier's leftover chains from the IPv4 and IPv6 tables, each table replaced at
 * once by iptables-restore (no half-removed chain). Returns how many chains went; a family whose
 * tools are missing is skipped.
 */
export async function removeLeftoverChains(): Promise<number> {
  let removed = 0;
  for (const family of ['iptables', 'ip6tables']) {
    const dump = await run(`${family}-save`).then(
      ({ stdout }) => stdout,
      () => undefined,
    );
    if (!dump) continue;
    const cleaned = withoutChains(dump);
    if (cleaned === dump) continue;
    removed += dump.split('\n').filter((line) => line.startsWith(':')).length;
    removed -= cleaned.split('\n').filter((line) => line.startsWith(':')).length;
    await restore(`${family}-restore`, cleaned);
  }
  return removed;
}
