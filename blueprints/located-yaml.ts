import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { PARSE_LIMITS } from './limits.js';
import { problemAt, type SourceLocation } from './problems.js';
import type { BlueprintProblem } from './resolved.js';

/**
 * A YAML value that remembers where it was written. Overlays are merged on this tree, so every
 * value keeps the file and line it came from: that is what provenance and error positions read.
 */
export type LocatedNode = LocatedMap | LocatedSeq | LocatedScalar;

export interface LocatedMap {
  kind: 'map';
  location: SourceLocation;
  entries: LocatedEntry[];
}

export interface LocatedEntry {
  key: string;
  keyLocation: SourceLocation;
  value: LocatedNode;
}

export interface LocatedSeq {
  kind: 'seq';
  location: SourceLocation;
  items: LocatedNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface LocatedScalar {
  kind: 'scalar';
  location: SourceLocation;
  value: ScalarValue;
  /** The text as written, for numbers ("1.10", "0755"): env values keep it rather than 1.1 or 755. */
  text?: string;
}

export type ParseResult = { ok: true; root: LocatedNode } | { ok: false; problems: BlueprintProblem[] };

/** Raised inside the tree walk when a limit is hit; turned into a single problem. */
class LimitExceeded extends Error {
  constructor(
    readonly location: SourceLocation,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses one YAML file into a located tree. Rejects duplicate keys, several documents in one file,
 * oversized files, and alias bombs (see PARSE_LIMITS), with FILE:LINE:COL for each problem.
 */
export function parseLocatedYaml(opts: { source: string; fileName: string }): ParseResult {
  const { source, fileName } = opts;
  const top: SourceLocation = { file: fileName, line: 1, column: 1 };
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > PARSE_LIMITS.maxFileBytes) {
    return {
      ok: false,
      problems: [
        problemAt(
          top,
          '',
          `file is ${bytes} bytes; the limit is ${PARSE_LIMITS.maxFileBytes} bytes (split it or use overlays)`,
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are found while building the tree (a Set per map): yaml's own uniqueKeys check
  // compares every pair of keys and doubled the parse time of a 1,000-service blueprint.
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: false, version: '1.2' });
  const locate = (offset: number | undefined): SourceLocation => {
    if (offset === undefined) return top;
    const { line, col } = lineCounter.linePos(offset);
    return { file: fileName, line, column: col };
  };

  const problems: BlueprintProblem[] = [];
  for (const error of doc.errors) {
    const [start] = error.pos;
    let message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'MULTIPLE_DOCS') {
      message = 'a file holds exactly one YAML document (remove the extra "---")';
    } else {
      message = `invalid YAML: ${message}`;
    }
    problems.push(problemAt(locate(start), '', message));
  }
  if (problems.length > 0) return { ok: false, problems };
  if (doc.contents === null) {
    return { ok: false, problems: [problemAt(top, '', 'file is empty: expected a YAML map')] };
  }

  try {
    const builder = new TreeBuilder(doc, locate);
    const root = builder.build(doc.contents as Node);
    if (builder.problems.length > 0) return { ok: false, problems: builder.problems };
    return { ok: true, root };
  } catch (error) {
    if (error instanceof LimitExceeded) {
      return { ok: false, problems: [problemAt(error.location, '', error.message)] };
    }
    throw error;
  }
}

/** Walks the yaml AST into a LocatedNode tree, expanding aliases within PARSE_LIMITS. */
class TreeBuilder {
  private nodes = 0;
  private aliases = 0;
  /** Problems that do not stop the walk (duplicate keys), so all of them are reported. */
  readonly problems: BlueprintProblem[] = [];

  constructor(
    private readonly doc: Document,
    private readonly locate: (offset: number | undefined) => SourceLocation,
  ) {}

  build(node: Node | null, fallback?: SourceLocation, depth = 0): LocatedNode {
    const location = node?.range ? this.locate(node.range[0]) : (fallback ?? this.locate(undefined));
    this.nodes += 1;
    if (this.nodes > PARSE_LIMITS.maxNodes) {
      throw new LimitExceeded(location, `file expands to more than ${PARSE_LIMITS.maxNodes} YAML nodes`);
    }
    if (depth > PARSE_LIMITS.maxDepth) {
      throw new LimitExceeded(location, `nesting is deeper than ${PARSE_LIMITS.maxDepth} levels`);
    }
    if (node === null) return { kind: 'scalar', location, value: null };
    if (isAlias(node)) {
      this.aliases += 1;
      if (this.aliases > PARSE_LIMITS.maxAliases) {
        throw new LimitExceeded(location, `file expands more than ${PARSE_LIMITS.maxAliases} YAML aliases`);
      }
      const target = node.resolve(this.doc);
      if (!target) throw new LimitExceeded(location, `unknown YAML alias *${node.source}`);
      // The expanded value keeps the anchor's positions: that is where its text is.
      return this.build(target as Node, location, depth + 1);
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' && typeof node.source === 'string') {
        return { kind: 'scalar', location, value, text: node.source };
      }
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        return { kind: 'scalar', location, value: value as ScalarValue };
      }
      return { kind: 'scalar', location, value: String(value) };
    }
    if (isSeq(node)) {
      return {
        kind: 'seq',
        location,
        items: node.items.map((item) => this.build(item as Node | null, location, depth + 1)),
      };
    }
    if (isMap(node)) {
      const entries: LocatedEntry[] = [];
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyLocation = keyNode?.range ? this.locate(keyNode.range[0]) : location;
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          throw new LimitExceeded(keyLocation, 'map keys must be plain strings');
        }
        const key = String(keyNode.value);
        if (seen.has(key)) {
          this.problems.push(
            problemAt(keyLocation, '', `duplicate key "${key}": each key may appear only once in a map`),
          );
          continue;
        }
        seen.add(key);
        entries.push({
          key,
          keyLocation,
          value: this.build(pair.value as Node | null, keyLocation, depth + 1),
        });
      }
      return { kind: 'map', location, entries };
    }
    throw new LimitExceeded(location, 'unsupported YAML node');
  }
}

/** The plain JavaScript value of a located tree (what zod validates). */
export function toPlain(node: LocatedNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) {
        // defineProperty so a "__proto__" key stays data and never touches the prototype.
        Object.defineProperty(out, entry.key, {
          value: toPlain(entry.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/** The entry of a map under a key, if any. */
export function entryOf(node: LocatedNode | undefined, key: string): LocatedEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

/**
 * The node at a path of keys and list indices, plus the deepest node found on the way (for errors
 * about a missing field, which point at the map that lacks it).
 */
export function nodeAtPath(
  root: LocatedNode,
  path: readonly PropertyKey[],
): { node?: LocatedNode; entry?: LocatedEntry; deepest: LocatedNode } {
  let current: LocatedNode = root;
  let entry: LocatedEntry | undefined;
  for (const segment of path) {
    if (current.kind === 'seq' && typeof segment === 'number' && current.items[segment]) {
      current = current.items[segment];
      entry = undefined;
      continue;
    }
    const found = entryOf(current, String(segment));
    if (!found) return { deepest: current };
    entry = found;
    current = found.value;
  }
  return { node: current, entry, deepest: current };
}
