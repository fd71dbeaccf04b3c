import { closestMatch } from './closest-key.js';
import { entryOf, type LocatedMap, type LocatedNode } from './located-yaml.js';
import {
  ADD_KEY,
  appliesToBlueprint,
  contextMatches,
  OVERLAY_LAYERS,
  type Overlay,
  REMOVE_KEY,
} from './overlay.js';
import { problemAt } from './problems.js';
import type { BlueprintProblem } from './resolved.js';

/** The outcome of merging overlays over a blueprint tree. */
export interface MergeResult {
  root: LocatedNode;
  problems: BlueprintProblem[];
  /** Overlays that target this blueprint but not this context: merged on a copy, only to check them. */
  trials: { fileName: string; root: LocatedNode }[];
  /** File names of the overlays that were applied, in merge order. */
  applied: string[];
}

/**
 * Merges the overlays that apply to the blueprint and context over it: company, then team, then
 * user (files of one layer in the order given). Services merge by name, maps merge deeply, lists
 * and scalars replace; `$remove: true` removes a service or key. Mutates and returns `base`.
 */
export function applyOverlays(opts: {
  base: LocatedNode;
  overlays: Overlay[];
  context: Record<string, string>;
}): MergeResult {
  const result: MergeResult = { root: opts.base, problems: [], trials: [], applied: [] };
  const nameNode = entryOf(opts.base, 'name')?.value;
  const blueprintName = nameNode?.kind === 'scalar' ? String(nameNode.value) : '';
  const ordered = [...opts.overlays].sort(
    (a, b) => OVERLAY_LAYERS.indexOf(a.layer) - OVERLAY_LAYERS.indexOf(b.layer),
  );
  for (const overlay of ordered) {
    if (!appliesToBlueprint(overlay, blueprintName)) continue;
    if (contextMatches(overlay, opts.context)) {
      mergeOverlay({ target: result.root, overlay, problems: result.problems });
      result.applied.push(overlay.fileName);
    } else {
      // An overlay for this blueprint must be valid in every context, not only the one asked for:
      // merge it on a copy so its values are checked. What it targets depends on which other
      // layers apply, so targeting problems count only when the overlay really applies.
      const copy = structuredClone(result.root);
      mergeOverlay({ target: copy, overlay, problems: [] });
      result.trials.push({ fileName: overlay.fileName, root: copy });
    }
  }
  return result;
}

function mergeOverlay(opts: { target: LocatedNode; overlay: Overlay; problems: BlueprintProblem[] }): void {
  const { target, overlay, problems } = opts;
  if (target.kind !== 'map') return; // the blueprint's own shape error is reported by validation
  for (const entry of overlay.body.entries) {
    if (entry.key === 'services') {
      const services = entryOf(target, 'services');
      if (entry.value.kind === 'seq' && services?.value.kind === 'seq') {
        mergeServices({ target: services.value.items, patch: entry.value.items, problems });
        continue;
      }
    }
    mergeEntry({ target, key: entry.key, patch: entry, path: entry.key, problems });
  }
}

/** Services merge by name; `$add: true` adds a new one, `$remove: true` removes one. */
function mergeServices(opts: {
  target: LocatedNode[];
  patch: LocatedNode[];
  problems: BlueprintProblem[];
}): void {
  const { target, patch, problems } = opts;
  const nameOf = (node: LocatedNode): string | undefined => {
    const name = entryOf(node, 'name')?.value;
    return name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : undefined;
  };
  const index = new Map<string, number>();
  target.forEach((node, i) => {
    const name = nameOf(node);
    if (name !== undefined && !index.has(name)) index.set(name, i);
  });
  const removed = new Set<number>();

  for (const item of patch) {
    if (item.kind !== 'map') continue; // the overlay schema already rejected this
    const name = nameOf(item)!;
    const path = `services.${name}`;
    const adding = isTrue(entryOf(item, ADD_KEY)?.value);
    const removing = isTrue(entryOf(item, REMOVE_KEY)?.value);
    const existing = index.get(name);
    if (adding && removing) {
      problems.push(
        problemAt(item.location, path, `${path}: use either ${ADD_KEY} or ${REMOVE_KEY}, not both`),
      );
      continue;
    }
    if (adding) {
      if (existing !== undefined) {
        problems.push(
          problemAt(
            item.location,
            path,
            `${path}: cannot add service "${name}": the blueprint already has it`,
          ),
        );
        continue;
      }
      const added: LocatedMap = { ...item, entries: item.entries.filter((e) => e.key !== ADD_KEY) };
      index.set(name, target.length);
      target.push(added);
      continue;
    }
    if (existing === undefined || removed.has(existing)) {
      const suggestion = closestMatch(name, [...index.keys()]);
      const hint = suggestion
        ? `did you mean "${suggestion}"?`
        : `to add a service, give it "${ADD_KEY}: true" and all its fields`;
      const verb = removing ? 'remove' : 'change';
      problems.push(
        problemAt(
          item.location,
          path,
          `${path}: cannot ${verb} service "${name}": the blueprint has no such service (${hint})`,
        ),
      );
      continue;
    }
    if (removing) {
      if (item.entries.length > 2) {
        problems.push(problemAt(item.location, path, `${path}: a removed service takes no other fields`));
      }
      removed.add(existing);
      continue;
    }
    const service = target[existing]!;
    for (const entry of item.entries) {
      if (entry.key === 'name') continue;
      mergeEntry({ target: service, key: entry.key, patch: entry, path: `${path}.${entry.key}`, problems });
    }
  }
  if (removed.size > 0) {
    const kept = target.filter((_, i) => !removed.has(i));
    target.length = 0;
    target.push(...kept);
  }
}

/** Merges one overlay entry into a map: maps merge deeply, anything else replaces. */
function mergeEntry(opts: {
  target: LocatedNode;
  key: string;
  patch: { key: string; keyLocation: LocatedMap['location']; value: LocatedNode };
  path: string;
  problems: BlueprintProblem[];
}): void {
  const { target, key, patch, path, problems } = opts;
  if (target.kind !== 'map') return;
  const index = target.entries.findIndex((e) => e.key === key);
  if (isRemoval(patch.value)) {
    if (index < 0) {
      const suggestion = closestMatch(
        key,
        target.entries.map((e) => e.key),
      );
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      problems.push(
        problemAt(patch.keyLocation, path, `${path}: cannot remove "${key}": it is not set${hint}`),
      );
    } else {
      target.entries.splice(index, 1);
    }
    return;
  }
  const current = index >= 0 ? target.entries[index]! : undefined;
  if (current && current.value.kind === 'map' && patch.value.kind === 'map') {
    for (const child of patch.value.entries) {
      mergeEntry({
        target: current.value,
        key: child.key,
        patch: child,
        path: `${path}.${child.key}`,
        problems,
      });
    }
    return;
  }
  const replacement = { key, keyLocation: patch.keyLocation, value: patch.value };
  if (current) target.entries[index] = replacement;
  else target.entries.push(replacement);
}

const isTrue = (node: LocatedNode | undefined): boolean => node?.kind === 'scalar' && node.value === true;

/** `{$remove: true}` as a value removes its key. */
function isRemoval(node: LocatedNode): boolean {
  return (
    node.kind === 'map' &&
    node.entries.length === 1 &&
    node.entries[0]!.key === REMOVE_KEY &&
    isTrue(node.entries[0]!.value)
  );
}
