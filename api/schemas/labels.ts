import { z } from 'zod';

/** Environment labels, in Kubernetes syntax: shared by create, apply and the label selector. */

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key breaks Kubernetes' rules, or undefined when it keeps them. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `label key "${key}" has more than one "/"`;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]!];
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `label key "${key}": the prefix must be a DNS subdomain of at most 253 characters`;
  }
  if (prefix?.endsWith('microstax.dev')) return `label key "${key}": the microstax.dev prefix is reserved`;
  if (!LABEL_NAME.test(name ?? '')) {
    return `label key "${key}": the name must be 1-63 letters, digits, "-", "_" or ".", starting and ending alphanumeric`;
  }
  return undefined;
}

/** Why a label value breaks Kubernetes' rules, or undefined when it keeps them. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '' || LABEL_NAME.test(value)) return undefined;
  return `label value "${value.slice(0, 80)}" must be empty or 1-63 letters, digits, "-", "_" or ".", starting and ending alphanumeric`;
}

/** At most this many labels per environment (Kubernetes allows more; a PR needs a handful). */
export const MAX_LABELS = 32;

export const Labels = z
  .record(z.string().max(317), z.string().max(63))
  .superRefine((labels, ctx) => {
    const entries = Object.entries(labels);
    if (entries.length > MAX_LABELS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_LABELS} labels` });
    }
    for (const [key, value] of entries) {
      const problem = labelKeyProblem(key) ?? labelValueProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [key] });
    }
  })
  .describe(
    'Labels in Kubernetes syntax, e.g. {pr: "42"}; keys without a prefix are copied onto the namespace as microstax.dev/label-<key>',
  );
