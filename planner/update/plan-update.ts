import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { compareServices } from '../branching/compare-services.js';

/** What an apply does to one service: re-applied (changed, added), left alone (unchanged) or deleted. */
export type UpdateChange = 'added' | 'changed' | 'unchanged' | 'removed';

export interface ServiceUpdatePlan {
  name: string;
  change: UpdateChange;
  /** Sentences naming the evidence: each changed field with its old and new value (secrets masked). */
  reasons: string[];
}

/** The plan of an update in place: per service what happens and why, and the label changes. */
export interface UpdatePlan {
  services: ServiceUpdatePlan[];
  labels: { added: string[]; changed: string[]; removed: string[] };
  summary: { added: number; changed: number; unchanged: number; removed: number };
  /** True when nothing would change: the apply re-applies and every object stays as it is. */
  unchanged: boolean;
}

/**
 * Plans an update of a running environment: the new resolved blueprint against the one it runs now,
 * compared by meaning (planner/branching/compare-services.ts). Pure. Services are listed in the new
 * blueprint's order, removed ones last.
 */
export function planUpdate(params: {
  current: ResolvedBlueprint;
  next: ResolvedBlueprint;
  currentLabels?: Record<string, string>;
  nextLabels?: Record<string, string>;
}): UpdatePlan {
  const { current, next } = params;
  const before = new Map(current.services.map((s) => [s.name, s]));
  const services: ServiceUpdatePlan[] = next.services.map((service) => {
    const old = before.get(service.name);
    if (!old) return { name: service.name, change: 'added', reasons: ['new in the blueprint'] };
    const changes = compareServices(old, service);
    if (changes.length === 0) return { name: service.name, change: 'unchanged', reasons: ['no change'] };
    return {
      name: service.name,
      change: 'changed',
      reasons: changes.map((c) => `${c.field} changed: ${c.old} -> ${c.new}`),
    };
  });
  const kept = new Set(next.services.map((s) => s.name));
  for (const service of current.services) {
    if (!kept.has(service.name)) {
      services.push({ name: service.name, change: 'removed', reasons: ['no longer in the blueprint'] });
    }
  }
  const labels = labelChanges(params.currentLabels ?? {}, params.nextLabels ?? params.currentLabels ?? {});
  const count = (change: UpdateChange) => services.filter((s) => s.change === change).length;
  const summary = {
    added: count('added'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    removed: count('removed'),
  };
  const labelsChanged = labels.added.length + labels.changed.length + labels.removed.length > 0;
  return {
    services,
    labels,
    summary,
    unchanged: summary.added + summary.changed + summary.removed === 0 && !labelsChanged,
  };
}

function labelChanges(before: Record<string, string>, after: Record<string, string>): UpdatePlan['labels'] {
  const keys = (o: Record<string, string>) => Object.keys(o).sort();
  return {
    added: keys(after).filter((k) => !(k in before)),
    changed: keys(after).filter((k) => k in before && before[k] !== after[k]),
    removed: keys(before).filter((k) => !(k in after)),
  };
}
