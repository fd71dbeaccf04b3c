import type { z } from 'zod';
import { closestMatch } from './closest-key.js';
import { type LocatedNode, nodeAtPath } from './located-yaml.js';
import { problemAt } from './problems.js';
import type { BlueprintProblem } from './resolved.js';
import { describeAt, keysAt } from './schema-lookup.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Human form of a path: dotted, with a service's list index replaced by its name when it has one
 * (services.api.env.REDIS_URL), matching the provenance keys.
 */
export function displayPath(root: LocatedNode, path: Path): string {
  const parts: string[] = [];
  let node: LocatedNode | undefined = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let label = String(segment);
    let next: LocatedNode | undefined;
    if (node?.kind === 'seq' && typeof segment === 'number') {
      next = node.items[segment];
      const name = next?.kind === 'map' ? next.entries.find((e) => e.key === 'name')?.value : undefined;
      if (i === 1 && path[0] === 'services' && name?.kind === 'scalar' && typeof name.value === 'string') {
        label = name.value;
      }
    } else if (node?.kind === 'map') {
      next = node.entries.find((e) => e.key === String(segment))?.value;
    }
    parts.push(label);
    node = next;
  }
  return parts.length === 0 ? '(top level)' : parts.join('.');
}

/** Maps zod issues on a located tree to problems with file positions and actionable messages. */
export function zodIssuesToProblems(opts: {
  issues: readonly Issue[];
  root: LocatedNode;
  schema: z.ZodType;
}): BlueprintProblem[] {
  const problems: BlueprintProblem[] = [];
  for (const issue of opts.issues) collect({ ...opts, issue, prefix: [], problems });
  return problems;
}

function collect(ctx: {
  issue: Issue;
  prefix: Path;
  root: LocatedNode;
  schema: z.ZodType;
  problems: BlueprintProblem[];
}): void {
  const { issue, root, schema, problems } = ctx;
  const path: Path = [...ctx.prefix, ...issue.path];
  const field = displayPath(root, path);
  const located = nodeAtPath(root, path);
  const at = (located.node ?? located.deepest).location;
  const described = (suffix = path) => {
    const description = describeAt(schema, suffix);
    return description ? ` (${description})` : '';
  };
  const push = (location = at, message = '') => problems.push(problemAt(location, path.join('.'), message));

  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = keysAt(schema, path);
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const entry = nodeAtPath(root, keyPath).entry;
        const suggestion = closestMatch(key, valid);
        const hint = suggestion ? `did you mean "${suggestion}"?` : `valid keys: ${valid.join(', ')}`;
        problems.push(
          problemAt(entry?.keyLocation ?? at, keyPath.join('.'), `${field}: unknown key "${key}" (${hint})`),
        );
      }
      return;
    }
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? 'invalid key';
      push(located.entry?.keyLocation ?? at, `${field}: invalid name "${String(path.at(-1))}": ${reason}`);
      return;
    }
    case 'invalid_union': {
      // A discriminated union (init steps by `type`) whose discriminator names no known kind.
      const kinds = (issue as { options?: unknown }).options;
      if ('discriminator' in issue && Array.isArray(kinds)) {
        const value = located.node?.kind === 'scalar' ? located.node.value : undefined;
        const options = kinds.map((o: unknown) => JSON.stringify(o)).join(', ');
        push(
          at,
          value === undefined
            ? `${field}: required field is missing (one of ${options})`
            : `${field}: unknown kind ${JSON.stringify(value)}: expected one of ${options}`,
        );
        return;
      }
      // Report the branch that got furthest (its problems are below the value itself); when every
      // branch rejects the value's type, say what the field accepts instead.
      const deeper = issue.errors.filter((branch) =>
        branch.every((sub) => sub.path.length > 0 || sub.code !== 'invalid_type'),
      );
      if (deeper.length === 0) {
        const description = describeAt(schema, path);
        push(at, `${field}: ${description ? `expected ${lowerFirst(description)}` : 'invalid value'}`);
        return;
      }
      // Problems every branch shares (typically an unknown key) are the real ones; otherwise the
      // branch with the fewest problems is the most likely intent.
      const signature = (sub: Issue) => JSON.stringify([sub.code, sub.path, 'keys' in sub ? sub.keys : null]);
      const shared = deeper[0]!.filter((sub) =>
        deeper.every((branch) => branch.some((other) => signature(other) === signature(sub))),
      );
      const chosen = shared.length > 0 ? shared : deeper.reduce((a, b) => (b.length < a.length ? b : a));
      for (const sub of chosen) collect({ ...ctx, issue: sub, prefix: path });
      return;
    }
    case 'invalid_type': {
      if (located.node === undefined) {
        push(located.deepest.location, `${field}: required field is missing${described()}`);
        return;
      }
      const received = /received (\w+)/.exec(issue.message)?.[1] ?? 'another type';
      const expected =
        issue.expected === 'int'
          ? 'a whole number'
          : `${article(typeName(issue.expected))}, got ${article(typeName(received))}`;
      const value = located.node.kind === 'scalar' ? located.node.value : undefined;
      const yaml11 =
        issue.expected === 'boolean' && typeof value === 'string' && /^(yes|no|on|off|y|n)$/i.test(value)
          ? ' (YAML 1.2 reads yes/no/on/off as text: write true or false)'
          : '';
      push(at, `${field}: expected ${expected}${described()}${yaml11}`);
      return;
    }
    case 'invalid_value':
      push(at, `${field}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`);
      return;
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? 'at most' : 'at least';
      const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      if (issue.origin === 'string' && issue.code === 'too_small' && limit === '1') {
        push(at, `${field}: must not be empty${described()}`);
        return;
      }
      const what =
        issue.origin === 'string'
          ? `${limit} characters long`
          : issue.origin === 'array' || issue.origin === 'set'
            ? `${limit} item${limit === '1' ? '' : 's'}`
            : limit;
      const verb = issue.origin === 'array' ? 'must have' : 'must be';
      push(at, `${field}: ${verb} ${bound} ${what}${described()}`);
      return;
    }
    case 'invalid_format': {
      const message = issue.message.startsWith('Invalid string: ')
        ? issue.message.slice('Invalid string: '.length)
        : issue.message.startsWith('Invalid')
          ? `must be a valid ${issue.format}`
          : issue.message;
      push(at, `${field}: ${message}`);
      return;
    }
    default:
      push(at, `${field}: ${issue.message}`);
  }
}

/** zod's type names in YAML words. */
const typeName = (type: string): string => ({ object: 'map', array: 'list' })[type] ?? type;

const article = (word: string): string =>
  ['undefined', 'null'].includes(word) ? word : `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
