import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { CNI_NETWORK_NAME } from './configs.js';

/**
 * What the real node leaves in iptables once its processes are gone: the CNI bridge plugin's
 * per-pod masquerade chains (`CNI-<hash>`, deleted only by a CNI DEL that a stopped node never
 * sends) and the kubelet's own chains, which `kube-proxy --cleanup` does not touch. Only those are
 * removed: CNI chains that our network's rules jump to (their comment names it), and the kubelet's
 * chains by name. Other tools' rules (Docker, another cluster's CNI) are left as they are.
 */

const run = promisify(execFile);

/** The kubelet's (and kube-proxy's canary) chains, which no other component creates. */
const KUBELET_CHAINS = new Set([
  'KUBE-FIREWALL',
  'KUBE-KUBELET-CANARY',
  'KUBE-PROXY-CANARY',
  'KUBE-IPTABLES-HINT',
]);

/** How iptables-save prints the comment the bridge plugin puts on our network's rules. */
const OUR_CNI_COMMENT = `name: \\"${CNI_NETWORK_NAME}\\"`;

/** A chain named by a jump (`-j NAME`/`-g NAME`) in an iptables-save rule line, if any. */
function jumpTarget(line: string): string | undefined {
  return / -[jg] (\S+)/.exec(line)?.[1];
}

/**
 * An `iptables-restore --noflush` script that removes our leftover chains from an `iptables-save`
 * dump: per table, deletes the rules of other chains that jump to them, then flushes and deletes
 * them. Empty when there is nothing of ours.
 */
export function removalScript(dump: string): string {
  const script: string[] = [];
  let table: string | undefined;
  let lines: string[] = [];
  const flushTable = () => {
    if (!table) return;
    const declared = new Set(lines.filter((l) => l.startsWith(':')).map((l) => l.slice(1).split(' ')[0]!));
    const owned = new Set([...declared].filter((chain) => KUBELET_CHAINS.has(chain)));
    for (const line of lines) {
      const target = jumpTarget(line);
      if (line.startsWith('-A ') && target?.startsWith('CNI-') && line.includes(OUR_CNI_COMMENT))
        owned.add(target);
    }
    if (owned.size > 0) {
      script.push(`*${table}`);
      for (const line of lines) {
        const target = jumpTarget(line);
        if (line.startsWith('-A ') && !owned.has(line.split(' ')[1]!) && target && owned.has(target)) {
          script.push(`-D ${line.slice(3)}`);
        }
      }
      for (const chain of owned) script.push(`-F ${chain}`);
      for (const chain of owned) script.push(`-X ${chain}`);
      script.push('COMMIT');
    }
    table = undefined;
    lines = [];
  };
  for (const line of dump.split('\n')) {
    if (line.startsWith('*')) {
      flushTable();
      table = line.slice(1).trim();
    } else if (line === 'COMMIT') flushTable();
    else if (table) lines.push(line);
  }
  return script.length > 0 ? `${script.join('\n')}\n` : '';
}

function restore(command: string, script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // --noflush: apply only these deletions; -w: wait for the xtables lock instead of failing.
    const child = spawn(command, ['--noflush', '-w', '5'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command}: ${err.trim()}`))));
    child.stdin.end(script);
  });
}

/**
 * Removes the node tier's leftover chains from the IPv4 and IPv6 tables, each table's deletions
 * applied at once by iptables-restore. Returns how many chains went; a family whose tools are
 * missing is skipped.
 */
export async function removeLeftoverChains(): Promise<number> {
  let removed = 0;
  for (const family of ['iptables', 'ip6tables']) {
    const dump = await run(`${family}-save`).then(
      ({ stdout }) => stdout,
      () => undefined,
    );
    if (!dump) continue;
    const script = removalScript(dump);
    if (!script) continue;
    await restore(`${family}-restore`, script);
    removed += script.split('\n').filter((line) => line.startsWith('-X ')).length;
  }
  return removed;
}
