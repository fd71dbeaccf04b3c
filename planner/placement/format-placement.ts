import type { PlacementPlan } from '../types.js';

const money = (value: number): string => value.toFixed(4);

/** The readable form of a placement plan: where each service runs, what it costs, and the comparisons. */
export function formatPlacementPlan(plan: PlacementPlan): string {
  const header = ['SERVICE', 'POOL', 'ZONE', 'CAPACITY', 'COST/H'];
  const rows = plan.services.map((s) => [s.service, s.pool, s.zone, s.capacityType, money(s.hourlyCost)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const out = [line(header), ...rows.map(line), ''];
  const saving = plan.naiveHourlyCost > 0 ? (1 - plan.hourlyCost / plan.naiveHourlyCost) * 100 : 0;
  out.push(
    `hourly cost ${money(plan.hourlyCost)} (${plan.solver}); naive, all on the cheapest on-demand pool: ${money(plan.naiveHourlyCost)}` +
      (saving > 0.05 ? ` (${saving.toFixed(1)}% saved)` : ''),
  );
  if (plan.optimalHourlyCost !== undefined) out.push(`proven optimum: ${money(plan.optimalHourlyCost)}`);
  if (plan.services.length === 0) out.unshift('nothing runs in the branch environment: no placement needed');
  return `${out.join('\n')}\n`;
}
