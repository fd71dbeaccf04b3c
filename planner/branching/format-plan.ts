import type { BranchPlan, ServiceAction } from '../types.js';

/**
 * The readable form of a branch plan: one block per service saying where it runs and why.
 */

const WHERE: Record<ServiceAction, string> = {
  deploy: 'branch (new build)',
  fork: 'branch (copy)',
  reuse: 'baseline (shared)',
};

/** A text table: SERVICE, ACTION, RUNS IN, WHY (one reason per line), then a summary line. */
export function formatBranchPlan(plan: BranchPlan): string {
  const rows = plan.services.map((s) => ({
    name: s.name,
    action: s.action,
    where: WHERE[s.action],
    reasons: s.reasons.length > 0 ? s.reasons : [''],
  }));
  const nameWidth = Math.max(7, ...rows.map((r) => r.name.length));
  const actionWidth = 6;
  const whereWidth = Math.max(...Object.values(WHERE).map((w) => w.length));
  const line = (a: string, b: string, c: string, d: string): string =>
    `${a.padEnd(nameWidth)}  ${b.padEnd(actionWidth)}  ${c.padEnd(whereWidth)}  ${d}`.trimEnd();

  const out = [line('SERVICE', 'ACTION', 'RUNS IN', 'WHY')];
  for (const row of rows) {
    row.reasons.forEach((reason, i) => {
      out.push(i === 0 ? line(row.name, row.action, row.where, reason) : line('', '', '', reason));
    });
  }
  const { deploy, fork, reuse, removed } = plan.summary;
  out.push('');
  out.push(
    `${deploy} deploy, ${fork} fork, ${reuse} reuse: ${deploy + fork} of ${deploy + fork + reuse} services run in the branch environment`,
  );
  if (removed.length > 0) out.push(`removed in the branch: ${removed.join(', ')}`);
  return `${out.join('\n')}\n`;
}
