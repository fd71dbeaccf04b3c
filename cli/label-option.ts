import { InvalidArgumentError } from 'commander';
import { labelKeyProblem, labelValueProblem } from '../api/schemas/labels.js';

/** `--label K=V`, checked against Kubernetes' label rules before anything is sent. */
export function parseLabel(pair: string, previous: Record<string, string>): Record<string, string> {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`"${pair}" is not KEY=VALUE`);
  const key = pair.slice(0, eq);
  const value = pair.slice(eq + 1);
  const problem = labelKeyProblem(key) ?? labelValueProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  return { ...previous, [key]: value };
}
