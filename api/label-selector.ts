import type { LabelRequirement } from '../store/environments.js';
import { badRequest } from './errors.js';
import { labelKeyProblem, labelValueProblem } from './schemas/apply.js';

const FIELD = 'query.labelSelector';

/**
 * Parses a Kubernetes label selector: comma-separated `k=v` (or `k==v`), `k!=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k` and `!k`. A malformed one is a 400 naming the requirement.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  for (const part of splitTopLevel(text)) {
    const item = part.trim();
    if (item === '') throw badRequest(`label selector "${text}" has an empty requirement`, FIELD);
    requirements.push(parseRequirement(item));
  }
  return requirements;
}

function parseRequirement(item: string): LabelRequirement {
  const bad = (why: string) => badRequest(`label selector requirement "${item}": ${why}`, FIELD);
  const key = (k: string) => {
    const problem = labelKeyProblem(k.trim());
    if (problem) throw bad(problem);
    return k.trim();
  };
  const value = (v: string) => {
    const problem = labelValueProblem(v.trim());
    if (problem) throw bad(problem);
    return v.trim();
  };
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(item);
  if (set) {
    const values = set[3]!.split(',').map(value);
    return { key: key(set[1]!), op: set[2] as 'in' | 'notin', values };
  }
  const inequality = /^([^!=]+)!=(.*)$/.exec(item);
  if (inequality) return { key: key(inequality[1]!), op: '!=', value: value(inequality[2]!) };
  const equality = /^([^!=]+)==?([^=]*)$/.exec(item);
  if (equality) return { key: key(equality[1]!), op: '=', value: value(equality[2]!) };
  if (item.startsWith('!')) return { key: key(item.slice(1)), op: '!exists' };
  if (/[\s=!()]/.test(item)) throw bad('expected k=v, k!=v, k in (a,b), k notin (a,b), k or !k');
  return { key: key(item), op: 'exists' };
}

/** Splits at commas outside parentheses (`a in (x,y),b` is two requirements). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
